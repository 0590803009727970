#!/usr/bin/env bash
# Every test: ruff, the JavaScript checks (node), the suite on SQLite, the API suite again on a
# throw-away PostgreSQL, and the browser tests in headless Chromium. With CI=true nothing may be
# skipped for want of a server. Both pytest runs include the fuzzer (tests/test_schemathesis.py:
# schemathesis against the app under gunicorn, on a database of its own; about a minute) and
# the authorisation matrix (tests/test_authz_matrix.py).
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=.venv/bin
ci=${CI:-false}

echo "== ruff"
$BIN/ruff check .

echo "== JavaScript checks (node --test: every tests/js/*.test.mjs and *.test.js)"
# A list of files, not the folder: newer Node versions take a folder argument as a glob pattern.
shopt -s nullglob
node --test tests/js/*.test.{mjs,js}
shopt -u nullglob

tmp=$(mktemp -d /tmp/houvast-test.XXXXXX)
chmod 755 "$tmp"
cleanup() {
  [ -n "${redis_pid:-}" ] && kill "$redis_pid" 2>/dev/null
  bash scripts/pg.sh stop "$tmp/pg" 2>/dev/null
  rm -rf "$tmp"
}
trap cleanup EXIT

if command -v redis-server >/dev/null; then
  redis_port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
  redis-server --port "$redis_port" --bind 127.0.0.1 --save '' --appendonly no --daemonize no >/dev/null &
  redis_pid=$!
  export TEST_REDIS_URL="redis://127.0.0.1:$redis_port/0"
elif [ "$ci" = "true" ]; then echo "redis-server is missing" >&2; exit 1; fi

echo "== tests on SQLite (with the browser tests, the fuzzer and the authorisation matrix)"
if command -v chromium >/dev/null; then export HOUVAST_CHROMIUM=$(command -v chromium);
elif [ "$ci" = "true" ]; then echo "chromium is missing" >&2; exit 1; fi
$BIN/pytest -q -p no:cacheprovider "$@"

echo "== API tests on PostgreSQL (with the fuzzer and the authorisation matrix)"
if url=$(bash scripts/pg.sh start "$tmp/pg"); then
  DATABASE_URL=$url $BIN/pytest -q -p no:cacheprovider -m "not e2e" "$@"
elif [ "$ci" = "true" ]; then echo "PostgreSQL could not be started" >&2; exit 1
else echo "PostgreSQL could not be started: skipped the second run." >&2; fi
