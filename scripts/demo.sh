#!/usr/bin/env bash
# npm run demo: installs what is missing, starts PostgreSQL and Redis (installing them on Debian as root), builds the
# server and the web app, migrates, loads the Trollhättan demo data and runs the API (which serves the web app on /)
# and the worker until Ctrl-C, which stops both.
# PostgreSQL and Redis keep running afterwards (`npm run services -- down` stops them).
set -euo pipefail
cd "$(dirname "$0")/.."
export PORT="${PORT:-3000}"
export WORKER_HEALTH_PORT="${WORKER_HEALTH_PORT:-3001}"
BASE="http://localhost:$PORT"

demo_say() { printf '[demo] %s\n' "$*" >&2; }
demo_die() { printf '[demo] ERROR: %s\n' "$*" >&2; exit 1; }
port_taken() { { exec 8<>"/dev/tcp/127.0.0.1/$1"; } 2>/dev/null && { exec 8>&-; return 0; }; return 1; }

# Checked first: a second `npm run demo` would otherwise build and seed, then die on EADDRINUSE.
for port in "$PORT" "$WORKER_HEALTH_PORT"; do
  port_taken "$port" && demo_die "port $port is already in use (another demo running?). Stop it, or set PORT / WORKER_HEALTH_PORT."
done

bash scripts/ensure-dependencies.sh
source scripts/services.sh
services_up
demo_say "building"
npm run --silent build || demo_die "the build failed; see the compiler errors above"
npm run --silent web:build -- --logLevel=warn || demo_die "the web app's build failed; see above"
demo_say "migrating"
npm run --silent typeorm -- migration:run >/dev/null || demo_die "the migrations failed; see above"
demo_say "loading the Trollhättan demo data"
node dist/libs/demo/src/run-demo-seed.js

pids=()
stop() {
  trap - INT TERM EXIT
  if [ "${#pids[@]}" -gt 0 ]; then
    demo_say "stopping API and worker"
    kill -TERM "${pids[@]}" 2>/dev/null || true
    wait "${pids[@]}" 2>/dev/null || true
  fi
}
trap 'stop; exit 130' INT
trap 'stop; exit 143' TERM
trap stop EXIT

node dist/apps/api/src/main.js &
pids+=($!)
node dist/apps/worker/src/main.js &
pids+=($!)

demo_say "waiting for $BASE/health/ready"
for _ in $(seq 1 120); do
  curl -fsS -o /dev/null "$BASE/health/ready" 2>/dev/null && break
  for pid in "${pids[@]}"; do kill -0 "$pid" 2>/dev/null || demo_die "the API or the worker exited during start-up; see the log above"; done
  sleep 0.5
done
curl -fsS -o /dev/null "$BASE/health/ready" 2>/dev/null || demo_die "$BASE/health/ready did not answer within a minute"

# The scheduler scans at 06:00 (overlaps on Mondays); the demo scans once now, so its alerts (and their mails) are
# there from the start.
demo_say "scanning the portfolio as of today"
ADMIN_TOKEN=$(node dist/libs/identity/src/tokens/issue-development-token.js --role admin --name "Demo")
for job in scan-portfolio scan-overlaps; do
  curl -fsS -o /dev/null -X POST -H "Authorization: Bearer $ADMIN_TOKEN" -H 'Content-Type: application/json' -d '{}' \
    "$BASE/api/v1/jobs/$job/runs" || demo_say "could not queue $job (see the log above); the scheduler will run it"
done

cat >&2 <<EOF

  Samla runs with the Trollhättan demo data.
    web app    $BASE/   (sign in: pick a role and a department on the development sign-in page)
    API        $BASE/api/v1
    API docs   $BASE/api/docs   (OpenAPI JSON: $BASE/api/docs-json)
    health     $BASE/health/ready   worker: http://localhost:$WORKER_HEALTH_PORT/health/ready

  Try (in another terminal; every call needs a token, here from the development issuer):
    TOKEN=\$(npm run token --silent -- --role leadership)
    curl -s -H "Authorization: Bearer \$TOKEN" '$BASE/api/v1/initiatives?status=active&sort=-startDate'
    curl -s -H "Authorization: Bearer \$TOKEN" '$BASE/api/v1/initiatives?q=f%C3%A4ltarbetare'
    curl -s -H "Authorization: Bearer \$TOKEN" '$BASE/api/v1/initiatives?fundingSourceType=state_grant'
    curl -s -H "Authorization: Bearer \$TOKEN" '$BASE/api/v1/goals/tree'
    curl -s -H "Authorization: Bearer \$TOKEN" '$BASE/api/v1/alerts?severity=critical'
    curl -s -H "Authorization: Bearer \$TOKEN" '$BASE/api/v1/portfolio/funding-cliff?from=2027-01&months=12'
  In the API docs, "Authorize" takes the same token.

  Below, the API logs one line a request (health checks none). Ctrl-C stops the API and the worker.

EOF

# Either process ending ends the demo, so a crash is not hidden behind one survivor.
set +e
wait -n "${pids[@]}"
status=$?
set -e
demo_say "a process exited with status $status"
exit "$status"
