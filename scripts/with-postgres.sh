#!/usr/bin/env bash
# Runs a command with a throwaway PostgreSQL 15 server:
#   scripts/with-postgres.sh COMMAND [ARGS...]
# Installs postgresql-15 from Debian when missing (as root), creates a
# cluster in a temporary directory, starts it on 127.0.0.1 on a free port
# (as the postgres user when run as root: the server refuses to run as
# root), exports MPORDERS_TEST_PG_URL for the command, and on exit, failure
# or interrupt stops the server and removes the directory.
set -euo pipefail

PG_BIN=/usr/lib/postgresql/15/bin
if [ ! -x "$PG_BIN/postgres" ]; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "mporders: postgresql-15 is missing; install it with: sudo apt-get install postgresql-15" >&2
    exit 1
  fi
  echo "mporders: installing postgresql-15"
  DEBIAN_FRONTEND=noninteractive apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends postgresql-15
fi

as_owner=()
if [ "$(id -u)" -eq 0 ]; then as_owner=(runuser -u postgres --); fi

dir=$(mktemp -d /tmp/mporders-pg.XXXXXX)
chmod 755 "$dir"
if [ "$(id -u)" -eq 0 ]; then chown postgres: "$dir"; fi

cleanup() {
  local rc=$?
  if [ -f "$dir/data/postmaster.pid" ]; then
    "${as_owner[@]}" "$PG_BIN/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true
  fi
  rm -rf "$dir"
  exit $rc
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# A free port: bind port 0 and read what the kernel chose.
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')

"${as_owner[@]}" "$PG_BIN/initdb" -D "$dir/data" -U postgres -A trust -E UTF8 --no-locale \
  >"$dir/initdb.log" 2>&1 || { cat "$dir/initdb.log" >&2; exit 1; }
# Tests open many connections at once (ctest -j, several servers per test).
"${as_owner[@]}" "$PG_BIN/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
  -o "-c listen_addresses=127.0.0.1 -p $port -k $dir -c max_connections=400 -c fsync=on" \
  start >/dev/null || { cat "$dir/server.log" >&2; exit 1; }

export MPORDERS_TEST_PG_URL="postgresql://postgres@127.0.0.1:$port/postgres"
"$@"
