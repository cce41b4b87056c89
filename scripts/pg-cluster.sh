# Throwaway PostgreSQL 15 clusters, for scripts that source this file
# (scripts/with-postgres.sh, bench/run.sh):
#   pg_cluster_start [SETTING=VALUE ...]   sets PG_CLUSTER_DIR and PG_CLUSTER_URL
#   pg_cluster_stop                        stops the server, removes the directory
# Installs postgresql-15 from Debian when missing (as root), creates a cluster
# in a temporary directory and starts it on 127.0.0.1 on a free port, as the
# postgres user when run as root (the server refuses to run as root). Each
# SETTING=VALUE becomes a `-c` option of the server. The caller stops it (a trap).

PG_BIN=/usr/lib/postgresql/15/bin
PG_CLUSTER_DIR=""
PG_CLUSTER_URL=""

pg_cluster_install() {
  [ -x "$PG_BIN/postgres" ] && return 0
  if [ "$(id -u)" -ne 0 ]; then
    echo "mporders: postgresql-15 is missing; install it with: sudo apt-get install postgresql-15" >&2
    return 1
  fi
  echo "mporders: installing postgresql-15" >&2
  DEBIAN_FRONTEND=noninteractive apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends postgresql-15
}

pg_cluster_as_owner() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

pg_cluster_start() {
  pg_cluster_install || return 1
  PG_CLUSTER_DIR=$(mktemp -d /tmp/mporders-pg.XXXXXX)
  chmod 755 "$PG_CLUSTER_DIR"
  if [ "$(id -u)" -eq 0 ]; then chown postgres: "$PG_CLUSTER_DIR"; fi
  # A free port: bind port 0 and read what the kernel chose.
  local port options=() setting
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  for setting in "$@"; do options+=("-c $setting"); done
  pg_cluster_as_owner "$PG_BIN/initdb" -D "$PG_CLUSTER_DIR/data" -U postgres -A trust -E UTF8 \
    --no-locale > "$PG_CLUSTER_DIR/initdb.log" 2>&1 || { cat "$PG_CLUSTER_DIR/initdb.log" >&2; return 1; }
  pg_cluster_as_owner "$PG_BIN/pg_ctl" -D "$PG_CLUSTER_DIR/data" -l "$PG_CLUSTER_DIR/server.log" -w -t 60 \
    -o "-c listen_addresses=127.0.0.1 -p $port -k $PG_CLUSTER_DIR ${options[*]}" \
    start > /dev/null || { cat "$PG_CLUSTER_DIR/server.log" >&2; return 1; }
  PG_CLUSTER_URL="postgresql://postgres@127.0.0.1:$port/postgres"
}

pg_cluster_stop() {
  [ -n "$PG_CLUSTER_DIR" ] || return 0
  if [ -f "$PG_CLUSTER_DIR/data/postmaster.pid" ]; then
    pg_cluster_as_owner "$PG_BIN/pg_ctl" -D "$PG_CLUSTER_DIR/data" -m immediate -w stop > /dev/null 2>&1 || true
  fi
  rm -rf "$PG_CLUSTER_DIR"
  PG_CLUSTER_DIR=""; PG_CLUSTER_URL=""
}
