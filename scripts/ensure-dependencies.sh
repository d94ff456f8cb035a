#!/usr/bin/env bash
# Installs npm dependencies when node_modules is missing or older than package-lock.json.
# `npm install`, not `npm ci`: the registry this project installs from lacks some other platforms' optional
# binaries (msgpackr-extract, unrs-resolver), so the lock file cannot list them and `npm ci` refuses it as out of
# sync. With an unchanged package.json, `npm install` installs exactly the locked versions.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "[setup] installing npm dependencies" >&2
  npm install --no-audit --no-fund --loglevel=error
fi
