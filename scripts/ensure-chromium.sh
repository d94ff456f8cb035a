#!/usr/bin/env bash
# Prints the path of the Chromium the web app's browser tests drive (apps/web/e2e/), installing Debian's `chromium`
# package first when it is missing and this runs as root (as scripts/services.sh installs PostgreSQL and Redis).
# CHROMIUM_PATH, when set, is used as it is. Messages go to stderr; the path alone to stdout.
set -euo pipefail

say() { printf '[chromium] %s\n' "$*" >&2; }

if [ -n "${CHROMIUM_PATH:-}" ]; then
  [ -x "$CHROMIUM_PATH" ] || { say "CHROMIUM_PATH=$CHROMIUM_PATH is not an executable"; exit 1; }
  echo "$CHROMIUM_PATH"
  exit 0
fi

found() { command -v chromium 2>/dev/null || command -v chromium-browser 2>/dev/null; }

if ! found >/dev/null; then
  if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null 2>&1; then
    say "Chromium is not installed. Install it (Debian: apt-get install chromium) or set CHROMIUM_PATH to a Chromium or Chrome."
    exit 1
  fi
  say "installing chromium from Debian's packages (a few minutes, once)"
  if [ -z "$(find /var/lib/apt/lists -maxdepth 1 -name '*Packages*' -mmin -1440 2>/dev/null | head -1)" ]; then
    apt-get update -qq >/dev/null
  fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium >/dev/null
fi
path=$(found) || { say "chromium is still missing after the install"; exit 1; }
# /usr/bin/chromium is Debian's wrapper script; playwright-core talks to whatever it starts over a pipe.
say "$("$path" --version 2>/dev/null || echo "$path")"
echo "$path"
