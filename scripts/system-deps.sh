#!/usr/bin/env bash
# Installs the system programs the tests need (Debian/Ubuntu): Chromium for the browser tests,
# PostgreSQL for the second run of the API suite, Redis for the rate-limit and push-queue tests,
# Node.js for the JavaScript checks in tests/js.
# Without root (or sudo) it says what is missing; with CI=true a missing program is an error.
set -uo pipefail

need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
command -v redis-server >/dev/null 2>&1 || need+=(redis-server)
command -v node >/dev/null 2>&1 || need+=(nodejs)
if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 && ! command -v initdb >/dev/null 2>&1; then
  need+=(postgresql)
fi
fc-list 2>/dev/null | grep -qi dejavu || need+=(fonts-dejavu-core)

[ ${#need[@]} -eq 0 ] && exit 0

echo "Installing system packages: ${need[*]}"
if [ "$(id -u)" -eq 0 ]; then SUDO=""; elif command -v sudo >/dev/null 2>&1; then SUDO="sudo"; else
  echo "Cannot install ${need[*]}: not root and no sudo. Install them with apt-get." >&2
  [ "${CI:-}" = "true" ] && exit 1 || exit 0
fi
export DEBIAN_FRONTEND=noninteractive
if ! { $SUDO apt-get update -qq && $SUDO apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null; }; then
  echo "apt-get could not install ${need[*]}." >&2
  [ "${CI:-}" = "true" ] && exit 1
fi
exit 0
