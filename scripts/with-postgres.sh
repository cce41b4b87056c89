#!/usr/bin/env bash
# Runs a command with a throwaway PostgreSQL 15 server:
#   scripts/with-postgres.sh COMMAND [ARGS...]
# Starts a cluster in a temporary directory on 127.0.0.1 on a free port
# (scripts/pg-cluster.sh: installs postgresql-15 when missing, runs the server
# as the postgres user when run as root), exports MPORDERS_TEST_PG_URL for the
# command, and on exit, failure or interrupt stops the server and removes the
# directory.
set -euo pipefail
. "$(dirname "$0")/pg-cluster.sh"

cleanup() {
  local rc=$?
  pg_cluster_stop
  exit $rc
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# Tests open many connections at once (ctest -j, several servers per test).
pg_cluster_start max_connections=400 fsync=on

export MPORDERS_TEST_PG_URL="$PG_CLUSTER_URL"
"$@"
