#!/usr/bin/env bash
# Runs once, when the postgres container initialises an empty data directory (docker-entrypoint-initdb.d), as the
# image's superuser. Samla never connects as that superuser:
#   samla_owner  owns the database and its schema; only the one-shot migration connects as it.
#   samla_app    the API and the worker; granted row access by the migration (libs/database/src/migrate.ts), with
#                the audit trail read and append only. It owns nothing, so it cannot disable the audit trail's
#                append-only triggers.
set -euo pipefail
: "${SAMLA_OWNER_PASSWORD:?set SAMLA_OWNER_PASSWORD}"
: "${SAMLA_APP_PASSWORD:?set SAMLA_APP_PASSWORD}"
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres \
  -v owner_password="$SAMLA_OWNER_PASSWORD" -v app_password="$SAMLA_APP_PASSWORD" <<'SQL'
SELECT format('CREATE ROLE samla_owner LOGIN PASSWORD %L', :'owner_password') \gexec
SELECT format('CREATE ROLE samla_app LOGIN PASSWORD %L', :'app_password') \gexec
CREATE DATABASE samla OWNER samla_owner;
REVOKE ALL ON DATABASE samla FROM PUBLIC;
\connect samla
ALTER SCHEMA public OWNER TO samla_owner;
REVOKE ALL ON SCHEMA public FROM PUBLIC;
SQL
