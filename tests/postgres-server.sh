#!/usr/bin/env bash
# A private PostgreSQL server for the tracking and registry tests, on 127.0.0.1 and a free port, in a temporary folder.
#   eval "$(tests/postgres-server.sh start)"   # prints the exports: KILN_TEST_POSTGRES (connection string), KILN_TEST_POSTGRES_DIR
#   tests/postgres-server.sh stop "$KILN_TEST_POSTGRES_DIR"
# Runs the server as the postgres user when called as root (PostgreSQL refuses to run as root). Needs Debian's postgresql.
set -euo pipefail

bindir() {
  local dir
  dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  [ -n "$dir" ] && [ -x "$dir/initdb" ] || { echo "PostgreSQL's server programs are not installed (Debian package postgresql)" >&2; return 1; }
  echo "$dir"
}

as_owner() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

free_port() {
  local port
  for port in $(seq 54330 54530); do
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then echo "$port"; return 0; fi
  done
  echo "no free port between 54330 and 54530" >&2
  return 1
}

start() {
  local bin folder port
  bin=$(bindir)
  folder=$(mktemp -d /tmp/kiln-postgres.XXXXXX)
  chmod 755 "$folder"
  [ "$(id -u)" = 0 ] && chown postgres "$folder"
  as_owner "$bin/initdb" -D "$folder/data" -U kiln -A trust -E UTF8 --no-sync >"$folder/initdb.log" 2>&1 \
    || { cat "$folder/initdb.log" >&2; rm -rf "$folder"; return 1; }
  port=$(free_port)
  # fsync off: the tests kill server processes, never the machine, so the WAL in the page cache is enough to recover
  as_owner "$bin/pg_ctl" -D "$folder/data" -l "$folder/server.log" -w -t 60 \
    -o "-p $port -c listen_addresses=127.0.0.1 -k $folder -c fsync=off -c max_connections=200" start >/dev/null \
    || { cat "$folder/server.log" >&2; rm -rf "$folder"; return 1; }
  echo "export KILN_TEST_POSTGRES='Host=127.0.0.1;Port=$port;Username=kiln;Database=postgres'"
  echo "export KILN_TEST_POSTGRES_DIR='$folder'"
}

stop() {
  local folder=${1:?give the folder that start printed as KILN_TEST_POSTGRES_DIR}
  local bin
  bin=$(bindir)
  [ -d "$folder/data" ] && as_owner "$bin/pg_ctl" -D "$folder/data" -m fast -w stop >/dev/null 2>&1 || true
  rm -rf "$folder"
}

case "${1:-}" in
  start) start ;;
  stop) stop "${2:-${KILN_TEST_POSTGRES_DIR:-}}" ;;
  *) echo "usage: $0 start | stop FOLDER" >&2; exit 64 ;;
esac
