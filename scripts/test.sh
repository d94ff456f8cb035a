#!/usr/bin/env bash
# npm test: type-checks and builds, then runs every unit and end-to-end test against real PostgreSQL and Redis, which are
# started (and installed, on Debian as root) when none answers, then the web app's tests (Vitest), then the web app in
# Chromium (installed from Debian's packages as root when missing) served by the built API. Extra arguments go to Jest;
# Vitest always runs all of the web app's tests (a few seconds), and the browser tests all of theirs (a few minutes).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-dependencies.sh
source scripts/services.sh
services_up
# Found (or installed) now, so a missing browser shows before the long part; without one only the browser tests fail.
CHROMIUM_PATH=$(bash scripts/ensure-chromium.sh) && export CHROMIUM_PATH || echo "[test] no Chromium: the browser tests will fail" >&2
# The type-check covers the tests too; the build (dist/) is what the worker tests start as real processes.
# Both are incremental and run side by side, with the web app's type-check and production build (dist/apps/web).
echo "[test] type-checking, building and linting" >&2
mkdir -p reports
npx tsc -p tsconfig.json --noEmit &
typecheck=$!
npm run build --silent &
build=$!
{ npx tsc -p apps/web/tsconfig.json --noEmit && npx tsc -p apps/web/e2e/tsconfig.json --noEmit; } &
web_typecheck=$!
npm run web:build --silent -- --logLevel=warn &
web_build=$!
# ESLint (type-checked rules) and Prettier's check, beside the builds; their findings fail the run below.
npm run -s lint >reports/lint.log 2>&1 &
lint=$!
compiled=0
wait "$typecheck" || compiled=1
wait "$build" || compiled=1
wait "$web_typecheck" || compiled=1
wait "$web_build" || compiled=1
[ "$compiled" -eq 0 ] || exit 1
# The web app's first load stays within its budget (prints the size).
node apps/web/scripts/bundle-size.mjs dist/apps/web
# The committed OpenAPI document passes Redocly's recommended rules (test/openapi.e2e-spec.ts proves it is current).
REDOCLY_TELEMETRY=off REDOCLY_SUPPRESS_UPDATE_NOTICE=true npx redocly lint openapi.json --format=summary >&2 || exit 1
# The committed SQL of the main statements (docs/sql) is what the code builds: a changed statement shows in the diff.
node dist/scripts/write-sql.js --check || exit 1
if ! wait "$lint"; then
  cat reports/lint.log >&2
  echo "[test] lint failed: fix the findings above (npm run format writes the formatting)" >&2
  exit 1
fi
# The libs keep their layer order (.dependency-cruiser.cjs, docs/adr/0004-layers.md): an upward import fails the run.
npm run -s lint:layers >&2 || exit 1
mkdir -p reports
rm -f reports/jest-results.json reports/vitest-results.json reports/browser-results.json
set +e
NODE_OPTIONS="--experimental-vm-modules --no-warnings=ExperimentalWarning" npx jest --json --outputFile=reports/jest-results.json "$@"
status=$?
echo "[test] web app (Vitest)" >&2
npx vitest run --root apps/web --reporter=default --reporter=json --outputFile=../../reports/vitest-results.json
[ $? -eq 0 ] || status=1
# Every wait in them is bounded; this bounds the whole run too (their teardown stops the API and drops the database).
echo "[test] web app in Chromium (Vitest, apps/web/e2e)" >&2
timeout --kill-after=15 1500 npx vitest run --config apps/web/vitest.browser.config.ts --reporter=default --reporter=json --outputFile="$PWD/reports/browser-results.json"
[ $? -eq 0 ] || status=1
set -e
node scripts/print-test-summary.mjs reports/jest-results.json reports/vitest-results.json reports/browser-results.json || status=1
exit $status
