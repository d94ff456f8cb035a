#!/usr/bin/env bash
# npm test: type-checks and builds, then runs every unit and end-to-end test against real PostgreSQL and Redis, which are
# started (and installed, on Debian as root) when none answers. Extra arguments go to Jest.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-dependencies.sh
source scripts/services.sh
services_up
# The type-check covers the tests too; the build (dist/) is what the worker tests start as real processes.
# Both are incremental and run side by side.
echo "[test] type-checking and building" >&2
npx tsc -p tsconfig.json --noEmit &
typecheck=$!
npm run build --silent &
build=$!
compiled=0
wait "$typecheck" || compiled=1
wait "$build" || compiled=1
[ "$compiled" -eq 0 ] || exit 1
mkdir -p reports
rm -f reports/jest-results.json
set +e
NODE_OPTIONS="--experimental-vm-modules --no-warnings=ExperimentalWarning" npx jest --json --outputFile=reports/jest-results.json "$@"
status=$?
set -e
node scripts/print-test-summary.mjs reports/jest-results.json || status=1
exit $status
