#!/usr/bin/env bash
# npm test: type-checks and builds, then runs every unit and end-to-end test against real PostgreSQL and Redis, which are
# started (and installed, on Debian as root) when none answers, then the web app's tests (Vitest). Extra arguments go
# to Jest; Vitest always runs all of the web app's tests (a few seconds).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-dependencies.sh
source scripts/services.sh
services_up
# The type-check covers the tests too; the build (dist/) is what the worker tests start as real processes.
# Both are incremental and run side by side, with the web app's type-check and production build (dist/apps/web).
echo "[test] type-checking and building" >&2
npx tsc -p tsconfig.json --noEmit &
typecheck=$!
npm run build --silent &
build=$!
npx tsc -p apps/web/tsconfig.json --noEmit &
web_typecheck=$!
npm run web:build --silent -- --logLevel=warn &
web_build=$!
compiled=0
wait "$typecheck" || compiled=1
wait "$build" || compiled=1
wait "$web_typecheck" || compiled=1
wait "$web_build" || compiled=1
[ "$compiled" -eq 0 ] || exit 1
# The web app's first load stays within its budget (prints the size).
node apps/web/scripts/bundle-size.mjs dist/apps/web
mkdir -p reports
rm -f reports/jest-results.json reports/vitest-results.json
set +e
NODE_OPTIONS="--experimental-vm-modules --no-warnings=ExperimentalWarning" npx jest --json --outputFile=reports/jest-results.json "$@"
status=$?
echo "[test] web app (Vitest)" >&2
npx vitest run --root apps/web --reporter=default --reporter=json --outputFile=../../reports/vitest-results.json
[ $? -eq 0 ] || status=1
set -e
node scripts/print-test-summary.mjs reports/jest-results.json reports/vitest-results.json || status=1
exit $status
