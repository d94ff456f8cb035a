#!/usr/bin/env bash
# Installs npm dependencies when node_modules is missing or older than package-lock.json, with `npm ci`: exactly the
# locked versions, and a lock file that disagrees with package.json fails here instead of being rewritten. The lock
# lists every platform's optional binaries (msgpackr-extract, unrs-resolver), so it holds on any machine.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "[setup] installing npm dependencies" >&2
  npm ci --no-audit --no-fund --loglevel=error
fi
