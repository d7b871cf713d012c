-- The login role Kompetensdialog connects as: owner of nothing but its own tables, no
-- superuser, no CREATEDB, no CREATEROLE. Run once per environment as the server administrator
-- (infra/scripts/create-app-role.sh does it), and again to change the password. Idempotent.
--
--   psql "host=… dbname=kompetensdialog user=kdadmin sslmode=require" \
--        -v app_role=kompetensdialog_app -v app_password='…' -f create-app-role.sql

\set ON_ERROR_STOP on

SELECT format('CREATE ROLE %I LOGIN', :'app_role')
WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = :'app_role') \gexec

SELECT format(
  'ALTER ROLE %I WITH LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION PASSWORD %L',
  :'app_role', :'app_password') \gexec

-- Only the app (and the administrator) may connect to its database.
SELECT format('REVOKE ALL ON DATABASE %I FROM PUBLIC', current_database()) \gexec
SELECT format('GRANT CONNECT, TEMPORARY ON DATABASE %I TO %I', current_database(), :'app_role') \gexec

-- The app runs its own migrations at start, so it creates and owns its tables in public.
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
SELECT format('GRANT USAGE, CREATE ON SCHEMA public TO %I', :'app_role') \gexec
