#!/usr/bin/env bash
# A throw-away PostgreSQL server for the tests: `scripts/pg.sh start DIR` prints its URL,
# `scripts/pg.sh stop DIR` removes it. PostgreSQL refuses to run as root, so as root the
# server runs as the `postgres` user that Debian's package creates.
set -euo pipefail
action=$1 dir=$2
bindir=$(dirname "$(ls /usr/lib/postgresql/*/bin/initdb 2>/dev/null | sort -V | tail -1 || command -v initdb)")
as_pg() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

case $action in
start)
  mkdir -p "$dir"; [ "$(id -u)" -eq 0 ] && chown postgres "$dir"
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
  as_pg "$bindir/initdb" -D "$dir/data" -U houvast --auth=trust -E UTF8 --no-locale >/dev/null
  as_pg "$bindir/pg_ctl" -D "$dir/data" -l "$dir/log" -w -o \
    "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
    start >/dev/null
  echo "postgresql+psycopg://houvast@127.0.0.1:$port/postgres"
  ;;
stop)
  as_pg "$bindir/pg_ctl" -D "$dir/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$dir"
  ;;
esac
