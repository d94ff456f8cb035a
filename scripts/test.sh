#!/usr/bin/env bash
# npm test: type-checks, then runs every unit and end-to-end test against real PostgreSQL and Redis, which are
# started (and installed, on Debian as root) when none answers. Extra arguments go to Jest.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-dependencies.sh
source scripts/services.sh
services_up
echo "[test] type-checking" >&2
npx tsc -p tsconfig.json --noEmit
mkdir -p reports
rm -f reports/jest-results.json
set +e
NODE_OPTIONS="--experimental-vm-modules --no-warnings=ExperimentalWarning" npx jest --json --outputFile=reports/jest-results.json "$@"
status=$?
set -e
node scripts/print-test-summary.mjs reports/jest-results.json || status=1
exit $status
