#!/usr/bin/env bash
# Makes PostgreSQL and Redis available to Samla. Source it and call `services_up`, or run it:
#   scripts/services.sh up | down | status
# DATABASE_URL / REDIS_URL are used as they are when they answer. Otherwise, when they point at this machine,
# local servers are started with their data under .data/ (git-ignored); missing binaries are installed from
# Debian's packages when running as root, and anything else gets a message saying what to install.

SAMLA_ROOT="${SAMLA_ROOT:-$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)}"
SAMLA_DATA="$SAMLA_ROOT/.data"
export DATABASE_URL="${DATABASE_URL:-postgres://samla:samla@127.0.0.1:5433/samla}"
export REDIS_URL="${REDIS_URL:-redis://127.0.0.1:6380}"

_say() { printf '[services] %s\n' "$*" >&2; }
_die() { printf '[services] ERROR: %s\n' "$*" >&2; return 1; }

# Splits a URL into shell variables with Node (always present here), so passwords with odd characters survive.
_url_parts() { # $1 url, $2 prefix
  node -e '
    const u = new URL(process.argv[1]); const p = process.argv[2];
    const q = (s) => "\x27" + String(s).replace(/\x27/g, "\x27\\\x27\x27") + "\x27";
    console.log([
      `${p}_HOST=${q(u.hostname.replace(/^\[|\]$/g, ""))}`,
      `${p}_PORT=${q(u.port)}`,
      `${p}_USER=${q(decodeURIComponent(u.username))}`,
      `${p}_PASSWORD=${q(decodeURIComponent(u.password))}`,
      `${p}_DB=${q(u.pathname.replace(/^\//, ""))}`,
    ].join("\n"));' "$1" "$2"
}

_is_local() { case "$1" in 127.*|localhost|::1) return 0 ;; *) return 1 ;; esac; }

_apt_install() { # $@ packages
  if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null 2>&1; then
    _die "$* is not installed. Install it (Debian: apt-get install $*) or point the URL at a running server."
    return 1
  fi
  _say "installing $* from Debian's packages"
  if [ -z "$(find /var/lib/apt/lists -maxdepth 1 -name '*Packages*' -mmin -1440 2>/dev/null | head -1)" ]; then
    apt-get update -qq >/dev/null
  fi
  # policy-rc.d keeps the package from starting its own system-wide server; we start ours below.
  local policy=/usr/sbin/policy-rc.d created=0
  if [ ! -e "$policy" ]; then printf '#!/bin/sh\nexit 101\n' >"$policy"; chmod +x "$policy"; created=1; fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >/dev/null
  local rc=$?
  [ "$created" = 1 ] && rm -f "$policy"
  return $rc
}

_pg_bindir() {
  local d
  d=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
  if [ -n "$d" ] && [ -x "$d/postgres" ]; then echo "$d"; return 0; fi
  command -v pg_config >/dev/null 2>&1 && [ -x "$(pg_config --bindir)/postgres" ] && { pg_config --bindir; return 0; }
  return 1
}

_pg_answers() { PGCONNECT_TIMEOUT=3 psql "$DATABASE_URL" -Atqc 'select 1' >/dev/null 2>&1; }

_as_postgres() { # runs a command as the postgres OS user when we are root (the server refuses to run as root)
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

_pg_up() {
  _pg_answers && { _say "PostgreSQL answers at $PG_HOST:$PG_PORT"; return 0; }
  _is_local "$PG_HOST" || { _die "DATABASE_URL ($PG_HOST:$PG_PORT) does not answer and is not on this machine"; return 1; }
  command -v psql >/dev/null 2>&1 && _pg_bindir >/dev/null || _apt_install postgresql postgresql-contrib || return 1
  local bin pgdata="$SAMLA_DATA/postgres"
  bin=$(_pg_bindir) || { _die "PostgreSQL binaries not found after install"; return 1; }
  mkdir -p "$SAMLA_DATA"
  if [ ! -f "$pgdata/PG_VERSION" ]; then
    _say "initialising a PostgreSQL cluster in $pgdata"
    mkdir -p "$pgdata"; [ "$(id -u)" = 0 ] && chown postgres: "$pgdata"; chmod 700 "$pgdata"
    _as_postgres "$bin/initdb" -D "$pgdata" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null || return 1
  fi
  _say "starting PostgreSQL on $PG_HOST:$PG_PORT"
  _as_postgres "$bin/pg_ctl" -D "$pgdata" -l "$pgdata/server.log" -w -t 60 start \
    -o "-p $PG_PORT -c listen_addresses=$PG_HOST -c unix_socket_directories='$pgdata'" >/dev/null \
    || { _die "PostgreSQL did not start; see $pgdata/server.log"; return 1; }
  local admin="postgresql://postgres@$PG_HOST:$PG_PORT/postgres"
  # The application's role is not a superuser, so database-level rules (later: the append-only audit table) hold.
  psql "$admin" -v ON_ERROR_STOP=1 -q -v user="$PG_USER" -v pass="$PG_PASSWORD" -v db="$PG_DB" <<'SQL' || return 1
SET client_min_messages = warning;
SELECT format('CREATE ROLE %I LOGIN CREATEDB PASSWORD %L', :'user', :'pass')
 WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = :'user') \gexec
SELECT format('CREATE DATABASE %I OWNER %I', :'db', :'user')
 WHERE NOT EXISTS (SELECT 1 FROM pg_database WHERE datname = :'db') \gexec
-- Lets the tests drop their databases WITH (FORCE) while autovacuum is working in them.
SELECT format('GRANT pg_signal_backend TO %I', :'user') \gexec
-- Lets test/database-roles.e2e-spec.ts create the deployment's restricted application role to run the API as.
SELECT format('ALTER ROLE %I CREATEROLE', :'user') \gexec
SQL
  _pg_answers || { _die "PostgreSQL started but $DATABASE_URL does not answer"; return 1; }
}

_redis_answers() {
  local reply
  { exec 9<>"/dev/tcp/$REDIS_HOST/$REDIS_PORT"; } 2>/dev/null || return 1
  if [ -n "$REDIS_PASSWORD" ]; then printf 'AUTH %s\r\n' "$REDIS_PASSWORD" >&9; read -r -t 2 reply <&9; fi
  printf 'PING\r\n' >&9
  read -r -t 2 reply <&9
  exec 9>&-
  [[ "$reply" == "+PONG"* ]]
}

_redis_up() {
  _redis_answers && { _say "Redis answers at $REDIS_HOST:$REDIS_PORT"; return 0; }
  _is_local "$REDIS_HOST" || { _die "REDIS_URL ($REDIS_HOST:$REDIS_PORT) does not answer and is not on this machine"; return 1; }
  command -v redis-server >/dev/null 2>&1 || _apt_install redis-server || return 1
  local dir="$SAMLA_DATA/redis"
  mkdir -p "$dir"
  _say "starting Redis on $REDIS_HOST:$REDIS_PORT"
  # noeviction: BullMQ loses jobs if Redis evicts keys; AOF keeps queued jobs across a restart.
  redis-server --bind "$REDIS_HOST" --port "$REDIS_PORT" --dir "$dir" --daemonize yes \
    --pidfile "$dir/redis.pid" --logfile "$dir/redis.log" --appendonly yes --maxmemory-policy noeviction \
    ${REDIS_PASSWORD:+--requirepass "$REDIS_PASSWORD"} >/dev/null || { _die "Redis did not start; see $dir/redis.log"; return 1; }
  local i
  for i in $(seq 1 50); do _redis_answers && return 0; sleep 0.1; done
  _die "Redis started but does not answer; see $dir/redis.log"
}

services_up() {
  eval "$(_url_parts "$DATABASE_URL" PG)" || return 1
  eval "$(_url_parts "$REDIS_URL" REDIS)" || return 1
  PG_PORT="${PG_PORT:-5432}"; REDIS_PORT="${REDIS_PORT:-6379}"
  _pg_up && _redis_up
}

services_down() {
  local bin
  if [ -f "$SAMLA_DATA/postgres/postmaster.pid" ] && bin=$(_pg_bindir); then
    _as_postgres "$bin/pg_ctl" -D "$SAMLA_DATA/postgres" -m fast stop >/dev/null && _say "PostgreSQL stopped"
  fi
  if [ -f "$SAMLA_DATA/redis/redis.pid" ]; then
    kill "$(cat "$SAMLA_DATA/redis/redis.pid")" 2>/dev/null && _say "Redis stopped"
  fi
  return 0
}

if [ "${BASH_SOURCE[0]}" = "$0" ]; then
  set -euo pipefail
  case "${1:-up}" in
    up) services_up; echo "DATABASE_URL=$DATABASE_URL"; echo "REDIS_URL=$REDIS_URL" ;;
    down) services_down ;;
    status)
      eval "$(_url_parts "$DATABASE_URL" PG)"; eval "$(_url_parts "$REDIS_URL" REDIS)"
      _pg_answers && echo "PostgreSQL: up" || echo "PostgreSQL: down"
      _redis_answers && echo "Redis: up" || echo "Redis: down" ;;
    *) echo "usage: $0 up|down|status" >&2; exit 2 ;;
  esac
fi
