#!/usr/bin/env bash
# Benchmarks of the serving-speed targets, on this machine, over loopback.
#   bench/run.sh [BUILD_DIR] [serve|seed|list|writes|mixed|pg-writes|pg-list ...]
#   (default: all)
# Prints each figure with what produced it, and one "RATIO ..." or "RESULT ..."
# line per target so that runs can be compared; docs/performance.md records them.
#
# Measured as users run the server: default flags and log level, except
# --no-rate-limit (Walmart's per-seller limits, on by default, would answer 429
# within a second). wrk -t2 -c64; nginx serves the very same bytes as static
# files in the same run, the two alternating request by request type.
#
# Environment: WRK_DURATION (default 10s) per wrk run; SEED_ORDERS (default
# 20000) for the serve section; OLD_BIN=path/to/older/mporders makes the
# serve and writes sections measure that binary too, in the same run,
# alternating;
# PG_ORDERS (default 1000000) and PG_LIST_SAMPLES (default 200) for the
# pg-list section; PG_SERVE_ARGS, extra
# `mporders serve` flags for the PostgreSQL servers of the pg-* sections.
#
# The pg-* sections start their own throwaway PostgreSQL 15 cluster
# (scripts/pg-cluster.sh) with PG_SETTINGS below: memory and checkpoint
# spacing sized for a benchmark, every commit still durable (fsync,
# synchronous_commit and full_page_writes on, PostgreSQL's defaults).
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD_DIR="${1:-build}"; shift || true
SECTIONS="${*:-serve seed list writes mixed pg-writes pg-list}"
WRK_DURATION="${WRK_DURATION:-10s}"
SEED_ORDERS="${SEED_ORDERS:-20000}"
PG_ORDERS="${PG_ORDERS:-1000000}"
PG_SETTINGS=(fsync=on synchronous_commit=on full_page_writes=on max_connections=200
             shared_buffers=2GB effective_cache_size=8GB work_mem=16MB maintenance_work_mem=512MB
             max_wal_size=8GB checkpoint_timeout=30min)
BIN="$BUILD_DIR/mporders"
HB="$BUILD_DIR/bench/http_bench"
WORK="$(mktemp -d /tmp/mporders-bench.XXXXXX)"
WWW=""  # nginx's document root: its workers run as nobody, who cannot enter $WORK (mode 0700)
SERVER_PIDS=(); PORTS=""; NGINX_PID=""
. scripts/pg-cluster.sh
cleanup() {
  for pid in "${SERVER_PIDS[@]}"; do kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null || true; done
  [ -n "$NGINX_PID" ] && kill "$NGINX_PID" 2>/dev/null || true
  pg_cluster_stop
  rm -rf "$WORK"
  [ -z "$WWW" ] || rm -rf "$WWW"
}
trap cleanup EXIT

# wrk and nginx from Debian, when missing.
need=()
command -v wrk > /dev/null || need+=(wrk)
command -v nginx > /dev/null || need+=(nginx-light)
if [ "${#need[@]}" -gt 0 ]; then
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO=sudo
  $SUDO apt-get install -y --no-install-recommends "${need[@]}" > /dev/null
fi

# Starting it again starts one more server: PORT is the last one's port,
# PORTS every running server's, comma-separated; stop_server stops them all.
start_server() {  # BIN DB [extra args...]: DB is a SQLite file or a postgres:// URL
  local bin="$1" db="$2"; shift 2
  case "$db" in postgres://* | postgresql://*) ;; *) db="sqlite:$db" ;; esac
  "$bin" serve --db "$db" --listen 127.0.0.1:0 --port-file "$WORK/port" \
    --no-rate-limit "$@" \
    > "$WORK/server-${#SERVER_PIDS[@]}.log" 2>&1 &
  SERVER_PIDS+=($!)
  for _ in $(seq 1 600); do [ -s "$WORK/port" ] && break; sleep 0.1; done
  PORT="$(cat "$WORK/port")"; rm -f "$WORK/port"
  PORTS="${PORTS:+$PORTS,}$PORT"
}
stop_server() {
  for pid in "${SERVER_PIDS[@]}"; do kill "$pid"; wait "$pid" 2>/dev/null || true; done
  SERVER_PIDS=(); PORTS=""
}
start_pg() {
  pg_cluster_start "${PG_SETTINGS[@]}"
  echo "# PostgreSQL $(psql "$PG_CLUSTER_URL" -Atc 'SHOW server_version'): ${PG_SETTINGS[*]}"
}
pg_database() {  # NAME: creates a database in the cluster and prints its URL
  psql "$PG_CLUSTER_URL" -qc "CREATE DATABASE $1"
  echo "${PG_CLUSTER_URL%/*}/$1"
}
token() {  # CLIENT SECRET
  curl -s -X POST "http://127.0.0.1:$PORT/v3/token" -H "Authorization: Basic $(printf '%s:%s' "$1" "$2" | base64 -w0)" \
    -d grant_type=client_credentials | sed -E 's/.*"access_token":"([^"]+)".*/\1/'
}
start_nginx() {
  mkdir -p "$WORK/nginx"
  cat > "$WORK/nginx/nginx.conf" <<NGINX
worker_processes $(nproc);
pid $WORK/nginx/nginx.pid;
error_log $WORK/nginx/error.log;
events { worker_connections 1024; }
http {
  access_log off;
  types { application/json json; application/xml xml; }
  server { listen 127.0.0.1:18099; root $WWW; location / { } }
}
NGINX
  nginx -c "$WORK/nginx/nginx.conf" -p "$WORK/nginx" -g 'daemon off;' &
  NGINX_PID=$!
  sleep 0.5
}
stop_nginx() { kill "$NGINX_PID"; wait "$NGINX_PID" 2>/dev/null || true; NGINX_PID=""; }
rps() { awk '/Requests\/sec/ {print $2}' "$1"; }
p99() { awk '$1 == "99%" {print $2}' "$1"; }
check2xx() { if grep -q "Non-2xx" "$1"; then echo "WARNING: non-2xx answers in $1" >&2; fi; }

echo "# machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs); load $(cut -d' ' -f1-3 /proc/loadavg)"

for section in $SECTIONS; do
case "$section" in
serve)
  echo "## mporders vs nginx serving the same bytes ($SEED_ORDERS seeded orders, wrk -t2 -c64 -d$WRK_DURATION --latency)"
  DB="$WORK/serve.db"
  "$BIN" clients add --db "sqlite:$DB" --seller bench --client-id bench --client-secret bench-secret > /dev/null
  "$BIN" seed --db "sqlite:$DB" --seller bench --orders "$SEED_ORDERS" > /dev/null 2>&1
  start_server "$BIN" "$DB"
  TOKEN="$(token bench bench-secret)"
  HDRS=(-H "WM_SEC.ACCESS_TOKEN: $TOKEN" -H 'WM_QOS.CORRELATION_ID: bench' -H 'WM_SVC.NAME: bench')
  BASE="http://127.0.0.1:$PORT/v3/orders"
  PO="$(curl -s "$BASE?limit=1" "${HDRS[@]}" | sed -E 's/.*"purchaseOrderId":"([0-9]+)".*/\1/')"
  # name | path | Accept | nginx file
  CASES=(
    "list100|?limit=100|application/json|list100.json"
    "list200|?limit=200|application/json|list200.json"
    "released100|/released?limit=100|application/json|released100.json"
    "list100-xml|?limit=100|application/xml|list100.xml"
    "list200-xml|?limit=200|application/xml|list200.xml"
    "get|/$PO|application/json|order.json"
    "get-xml|/$PO|application/xml|order.xml"
  )
  WWW="$(mktemp -d /tmp/mporders-bench-www.XXXXXX)"
  chmod 755 "$WWW"
  for c in "${CASES[@]}"; do
    IFS='|' read -r name path accept file <<< "$c"
    curl -sf "$BASE$path" "${HDRS[@]}" -H "Accept: $accept" -o "$WWW/$file"
    chmod 644 "$WWW/$file"
    echo "$name: GET /v3/orders$path ($accept), $(wc -c < "$WWW/$file") bytes"
  done
  stop_server
  for c in "${CASES[@]}"; do
    IFS='|' read -r name path accept file <<< "$c"
    start_server "$BIN" "$DB"  # a fresh server per case: each starts from the same state
    TOKEN="$(token bench bench-secret)"
    HDRS=(-H "WM_SEC.ACCESS_TOKEN: $TOKEN" -H 'WM_QOS.CORRELATION_ID: bench' -H 'WM_SVC.NAME: bench')
    wrk -t2 -c64 -d"$WRK_DURATION" --latency "${HDRS[@]}" -H "Accept: $accept" \
        "http://127.0.0.1:$PORT/v3/orders$path" > "$WORK/wrk-mp-$name.txt"
    stop_server
    if [ -n "${OLD_BIN:-}" ]; then  # the older binary on the same store, in the same run
      start_server "$OLD_BIN" "$DB"
      TOKEN="$(token bench bench-secret)"
      HDRS=(-H "WM_SEC.ACCESS_TOKEN: $TOKEN" -H 'WM_QOS.CORRELATION_ID: bench' -H 'WM_SVC.NAME: bench')
      wrk -t2 -c64 -d"$WRK_DURATION" --latency "${HDRS[@]}" -H "Accept: $accept" \
          "http://127.0.0.1:$PORT/v3/orders$path" > "$WORK/wrk-old-$name.txt"
      stop_server
      check2xx "$WORK/wrk-old-$name.txt"
      printf 'RESULT %-12s old binary %9s req/s (p99 %7s), new %9s req/s (p99 %7s), new/old %s\n' \
        "$name" "$(rps "$WORK/wrk-old-$name.txt")" "$(p99 "$WORK/wrk-old-$name.txt")" \
        "$(rps "$WORK/wrk-mp-$name.txt")" "$(p99 "$WORK/wrk-mp-$name.txt")" \
        "$(awk -v a="$(rps "$WORK/wrk-mp-$name.txt")" -v b="$(rps "$WORK/wrk-old-$name.txt")" 'BEGIN{printf "%.3f", a/b}')"
    fi
    start_nginx
    wrk -t2 -c64 -d"$WRK_DURATION" --latency "http://127.0.0.1:18099/$file" > "$WORK/wrk-ng-$name.txt"
    stop_nginx
    check2xx "$WORK/wrk-mp-$name.txt"; check2xx "$WORK/wrk-ng-$name.txt"
    MP=$(rps "$WORK/wrk-mp-$name.txt"); NG=$(rps "$WORK/wrk-ng-$name.txt")
    printf 'RATIO %-12s mporders %9s req/s (p99 %7s)  nginx %9s req/s (p99 %7s)  ratio %s\n' "$name" \
      "$MP" "$(p99 "$WORK/wrk-mp-$name.txt")" "$NG" "$(p99 "$WORK/wrk-ng-$name.txt")" \
      "$(awk -v a="$MP" -v b="$NG" 'BEGIN{printf "%.3f", a/b}')"
    eval "RPS_${name//-/_}=$MP NGINX_${name//-/_}=$NG"
  done
  xml_over_json() {  # PREFIX: JSON req/s over XML req/s for each pair, from PREFIX_<case> variables
    local pair json xml out=""
    for pair in list100 list200 get; do
      json="${1}_$pair"; xml="${1}_${pair}_xml"
      out+="$pair $(awk -v a="${!json}" -v b="${!xml}" 'BEGIN{printf "%.2f", a/b}')x, "
    done
    echo "${out%, }"
  }
  echo "RATIO xml/json     $(xml_over_json RPS) (JSON req/s over XML req/s; target <= 1.30)"
  # The same bytes from nginx: what the size of the XML alone costs in this run.
  echo "RATIO xml/json-nginx $(xml_over_json NGINX) (nginx serving the same bytes)"
  ;;
seed)
  echo "## mporders seed --orders 1000000 (SQLite)"
  /usr/bin/time -f "RESULT seed-1M: %e s wall, %M KiB max RSS" "$BIN" seed --db "sqlite:$WORK/seed.db" --seller bench --orders 1000000 2>&1 | tail -2
  ;;
list)
  echo "## list pages on 1,000,000 orders (date window with and without status, first and deep page)"
  DB="$WORK/list.db"
  if [ -f "$WORK/seed.db" ]; then mv "$WORK/seed.db" "$DB"; else
    "$BIN" seed --db "sqlite:$DB" --seller bench --orders 1000000 > /dev/null 2>&1; fi
  "$BIN" clients add --db "sqlite:$DB" --seller bench --client-id lister --client-secret bench-secret > /dev/null
  start_server "$BIN" "$DB" --max-orders-per-query 1000000
  TOKEN="$(token lister bench-secret)"
  # A first page also counts the query's matches (up to the order cap): the cost of a first
  # page grows with the matches, a later page's does not.
  # Within Walmart's 20,000-order cap (the default): Delivered over the last 7 days.
  "$HB" list "$PORT" "$TOKEN" "status=Delivered&createdStartDate=$(date -u -d '-7 days' +%Y-%m-%d)&limit=100" 50 200
  # Past it (the cap is raised for this server): Delivered over the last 30 days.
  "$HB" list "$PORT" "$TOKEN" "status=Delivered&createdStartDate=$(date -u -d '-30 days' +%Y-%m-%d)&limit=100" 50 200
  "$HB" list "$PORT" "$TOKEN" "status=Created&createdStartDate=$(date -u -d '-2 days' +%Y-%m-%d)&limit=100" 2 200 || true
  # The pollers' query: no filter but the created window. Its count comes from the per-hour
  # order counts, whatever the window matches (the last 3 days: about 135,000 orders).
  "$HB" list "$PORT" "$TOKEN" "createdStartDate=$(date -u -d '-3 days' +%Y-%m-%d)&limit=100" 50 200
  stop_server
  ;;
writes)
  # Each binary gets its own copy of the same imported store; with OLD_BIN the two
  # alternate, twice each, so that both see the same disk conditions.
  echo "## durable writes: acknowledge + ship over HTTP, 32 connections (synchronous=FULL)"
  "$HB" make-orders 20000 "$WORK/orders.json"
  ROUNDS=("new:$BIN"); [ -z "${OLD_BIN:-}" ] || ROUNDS=("old:$OLD_BIN" "new:$BIN" "old:$OLD_BIN" "new:$BIN")
  for round in "${ROUNDS[@]}"; do
    label="${round%%:*}"; bin="${round#*:}"
    DB="$WORK/writes-$label.db"; rm -f "$DB" "$DB-wal" "$DB-shm"
    "$bin" clients add --db "sqlite:$DB" --seller bench --client-id writer --client-secret bench-secret > /dev/null
    "$bin" import --db "sqlite:$DB" --seller bench "$WORK/orders.json" > /dev/null
    start_server "$bin" "$DB"
    TOKEN="$(token writer bench-secret)"
    echo "RESULT writes ($label binary): $("$HB" writes "$PORT" "$TOKEN" "$WORK/orders.json" 32)"
    stop_server
  done
  ;;
mixed)
  # Reads at full speed while writers wait for their commits.
  echo "## GET /v3/orders/{id} and GET /v3/orders?limit=100 (wrk -t2 -c64 -d$WRK_DURATION) while acknowledge + ship run on 32 connections"
  DB="$WORK/mixed.db"
  "$BIN" clients add --db "sqlite:$DB" --seller bench --client-id mixed --client-secret bench-secret > /dev/null
  "$BIN" seed --db "sqlite:$DB" --seller bench --orders 2000 > /dev/null 2>&1
  "$HB" make-orders 60000 "$WORK/mixed-orders.json"
  "$BIN" import --db "sqlite:$DB" --seller bench "$WORK/mixed-orders.json" > /dev/null
  # The imported orders are recent: lifting the order cap lets the list run on them.
  start_server "$BIN" "$DB" --max-orders-per-query 1000000
  TOKEN="$(token mixed bench-secret)"
  HDRS=(-H "WM_SEC.ACCESS_TOKEN: $TOKEN" -H 'WM_QOS.CORRELATION_ID: bench' -H 'WM_SVC.NAME: bench')
  PO="$(curl -s "http://127.0.0.1:$PORT/v3/orders?limit=1&status=Delivered&createdStartDate=2000-01-01" "${HDRS[@]}" \
        | sed -E 's/.*"purchaseOrderId":"([0-9]+)".*/\1/')"
  "$HB" writes "$PORT" "$TOKEN" "$WORK/mixed-orders.json" 32 > "$WORK/mixed-writes.txt" &
  WRITER_PID=$!
  sleep 1
  wrk -t2 -c64 -d"$WRK_DURATION" --latency "${HDRS[@]}" "http://127.0.0.1:$PORT/v3/orders/$PO" > "$WORK/wrk-mixed-get.txt"
  wrk -t2 -c64 -d"$WRK_DURATION" --latency "${HDRS[@]}" "http://127.0.0.1:$PORT/v3/orders?limit=100" > "$WORK/wrk-mixed-list.txt"
  if kill -0 "$WRITER_PID" 2>/dev/null; then WHILE="writes still running"; else WHILE="WARNING: writes ended first"; fi
  wait "$WRITER_PID" || true
  stop_server
  for f in get list; do check2xx "$WORK/wrk-mixed-$f.txt"; done
  echo "RESULT mixed: GET one $(rps "$WORK/wrk-mixed-get.txt") req/s (p99 $(p99 "$WORK/wrk-mixed-get.txt"))," \
       "list100 $(rps "$WORK/wrk-mixed-list.txt") req/s (p99 $(p99 "$WORK/wrk-mixed-list.txt")) ($WHILE); $(cat "$WORK/mixed-writes.txt")"
  ;;
pg-writes)
  # The same orders and load as the writes section, on SQLite and on PostgreSQL
  # with one and two servers (two: the connections alternate between them, each
  # order acknowledged and shipped through one server). A fresh database each.
  echo "## durable writes, SQLite vs PostgreSQL: acknowledge + ship over HTTP, ${WRITE_CONNS:=32} connections"
  start_pg
  "$HB" make-orders 20000 "$WORK/pg-orders.json"
  for config in ${PG_WRITES_CONFIGS:-sqlite pg-1 pg-2}; do
    if [ "$config" = sqlite ]; then DB="$WORK/pg-writes.db"; URL="sqlite:$DB"
    else URL="$(pg_database "writes_${config#pg-}")"; DB="$URL"; fi
    "$BIN" clients add --db "$URL" --seller bench --client-id writer --client-secret bench-secret > /dev/null
    "$BIN" import --db "$URL" --seller bench "$WORK/pg-orders.json" > /dev/null
    case "$config" in
      sqlite) start_server "$BIN" "$DB"; label="SQLite, 1 server" ;;
      pg-1) start_server "$BIN" "$DB" ${PG_SERVE_ARGS:-}; label="PostgreSQL, 1 server" ;;
      pg-2) start_server "$BIN" "$DB" ${PG_SERVE_ARGS:-}; start_server "$BIN" "$DB" ${PG_SERVE_ARGS:-}
            label="PostgreSQL, 2 servers" ;;
    esac
    TOKEN="$(token writer bench-secret)"  # tokens are signed with the database's key: both servers take it
    echo "RESULT pg-writes ($label): $("$HB" writes "$PORTS" "$TOKEN" "$WORK/pg-orders.json" "$WRITE_CONNS")"
    stop_server
  done
  pg_cluster_stop
  ;;
pg-list)
  echo "## GET and list pages on $PG_ORDERS orders in PostgreSQL"
  start_pg
  /usr/bin/time -f "RESULT pg-seed: $PG_ORDERS orders in %e s wall, %M KiB max RSS" \
    "$BIN" seed --db "$PG_CLUSTER_URL" --seller bench --orders "$PG_ORDERS" 2>&1 | tail -1
  # What autovacuum would do in its own time: planner statistics and the
  # visibility map (index-only scans) for the freshly loaded tables.
  psql "$PG_CLUSTER_URL" -qc "VACUUM ANALYZE"
  echo "# database size: $(psql "$PG_CLUSTER_URL" -Atc "SELECT pg_size_pretty(pg_database_size(current_database()))")"
  "$BIN" clients add --db "$PG_CLUSTER_URL" --seller bench --client-id lister --client-secret bench-secret > /dev/null
  start_server "$BIN" "$PG_CLUSTER_URL" --max-orders-per-query 100000 ${PG_SERVE_ARGS:-}
  TOKEN="$(token lister bench-secret)"
  psql "$PG_CLUSTER_URL" -Atc "SELECT purchase_order_id FROM orders ORDER BY random() LIMIT 2000" > "$WORK/pg-ids.txt"
  "$HB" get "$PORT" "$TOKEN" "$WORK/pg-ids.txt" 2000
  HDRS=(-H "WM_SEC.ACCESS_TOKEN: $TOKEN" -H 'WM_QOS.CORRELATION_ID: bench' -H 'WM_SVC.NAME: bench')
  wrk -t2 -c64 -d"$WRK_DURATION" --latency "${HDRS[@]}" "http://127.0.0.1:$PORT/v3/orders/$(head -1 "$WORK/pg-ids.txt")" \
    > "$WORK/wrk-pg-get.txt"
  check2xx "$WORK/wrk-pg-get.txt"
  echo "RESULT pg-get under load (wrk -t2 -c64 -d$WRK_DURATION, one order): $(rps "$WORK/wrk-pg-get.txt") req/s," \
       "p50 $(awk '$1 == "50%" {print $2}' "$WORK/wrk-pg-get.txt"), p99 $(p99 "$WORK/wrk-pg-get.txt")"
  # The list section's queries: a first page also counts the query's matches
  # (up to the order cap).
  "$HB" list "$PORT" "$TOKEN" "status=Delivered&createdStartDate=$(date -u -d '-7 days' +%Y-%m-%d)&limit=100" 50 "${PG_LIST_SAMPLES:-200}"
  "$HB" list "$PORT" "$TOKEN" "status=Delivered&createdStartDate=$(date -u -d '-30 days' +%Y-%m-%d)&limit=100" 50 "${PG_LIST_SAMPLES:-200}"
  "$HB" list "$PORT" "$TOKEN" "status=Created&createdStartDate=$(date -u -d '-2 days' +%Y-%m-%d)&limit=100" 2 "${PG_LIST_SAMPLES:-200}" || true
  # The pollers' query (no filter but the created window; its count comes from the per-hour
  # order counts). Since yesterday: about 83,000 orders, within this server's cap (the list
  # section's 3 days match about 135,000).
  "$HB" list "$PORT" "$TOKEN" "createdStartDate=$(date -u -d '-1 days' +%Y-%m-%d)&limit=100" 50 "${PG_LIST_SAMPLES:-200}"
  stop_server
  pg_cluster_stop
  ;;
*) echo "unknown section $section" >&2; exit 2 ;;
esac
done
