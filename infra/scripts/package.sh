#!/usr/bin/env bash
# `teamsapp provision` / `publish` (teamsapp.yml): builds the Teams app package with the
# project's own packager (npm run package: manifest/ filled from bot/config.ts and validated
# offline) from the values provisioning wrote, mapped to the names bot/config.ts reads.
set -euo pipefail

: "${BOT_ID:?run teamsapp provision (aadApp/create) or set BOT_ID in env/.env.<env>}"
: "${BOT_TENANT_ID:?set in env/.env.<env>}"
: "${TEAMS_APP_ID:?run teamsapp provision (teamsApp/create)}"
: "${PUBLIC_URL:?run teamsapp provision (arm/deploy)}"

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
# The packager validates the whole configuration; the bot's identity is checked as in
# production, but no secret reaches the package (the manifest holds only ids and URLs).
NODE_ENV=production \
MICROSOFT_APP_ID="$BOT_ID" \
MICROSOFT_APP_TENANT_ID="$BOT_TENANT_ID" \
MICROSOFT_APP_TYPE=SingleTenant \
MICROSOFT_APP_PASSWORD="${SECRET_BOT_PASSWORD:?set in env/.env.<env>.user}" \
TEAMS_APP_ID="$TEAMS_APP_ID" \
PUBLIC_URL="$PUBLIC_URL" \
  npm run --silent package
