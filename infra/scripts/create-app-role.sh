#!/usr/bin/env bash
# Creates (or updates the password of) the PostgreSQL role the app connects as, with
# infra/sql/create-app-role.sql, as the server administrator. Run once after the first
# `teamsapp provision`, from a machine with psql whose address the server's firewall allows:
#
#   az postgres flexible-server firewall-rule create -g <rg> -n <server> \
#     --rule-name deployer --start-ip-address <your ip> --end-ip-address <your ip>
#   set -a; . env/.env.dev; . env/.env.dev.user; set +a; infra/scripts/create-app-role.sh
#
# The passwords come from the environment (env/.env.<env>.user), never from the command line.
set -euo pipefail

: "${AZURE_POSTGRES_HOST:?run teamsapp provision first (env/.env.<env> gets AZURE_POSTGRES_HOST)}"
: "${AZURE_POSTGRES_DATABASE:=kompetensdialog}"
: "${POSTGRES_ADMIN_LOGIN:?set in env/.env.<env>}"
: "${POSTGRES_APP_ROLE:?set in env/.env.<env>}"
: "${SECRET_POSTGRES_ADMIN_PASSWORD:?set in env/.env.<env>.user}"
: "${SECRET_POSTGRES_APP_PASSWORD:?set in env/.env.<env>.user}"

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
PGPASSWORD="$SECRET_POSTGRES_ADMIN_PASSWORD" psql \
  "host=$AZURE_POSTGRES_HOST port=5432 dbname=$AZURE_POSTGRES_DATABASE user=$POSTGRES_ADMIN_LOGIN sslmode=require" \
  -v app_role="$POSTGRES_APP_ROLE" -v app_password="$SECRET_POSTGRES_APP_PASSWORD" \
  -f "$here/../sql/create-app-role.sql"
echo "Role $POSTGRES_APP_ROLE ready in $AZURE_POSTGRES_DATABASE on $AZURE_POSTGRES_HOST."
