#!/usr/bin/env bash
# Benchmarks of the targets in the issues, on this machine, over loopback.
#   bench/run.sh [BUILD_DIR] [get|xml|seed|list|writes|mixed ...]   (default: all)
# Prints each figure with what produced it; docs/performance.md records them.
# WRK_DURATION (default 10s) sets the length of each wrk run (get, xml and mixed sections).
# Server settings can be varied through the environment, e.g. MPORDERS_WRITE_THREADS=8.
# Every server runs with --no-rate-limit: the throughput of the server is measured,
# not Walmart's per-seller limits (on by default), which would answer 429 within a second.
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD_DIR="${1:-build}"; shift || true
SECTIONS="${*:-get xml seed list writes mixed}"
WRK_DURATION="${WRK_DURATION:-10s}"
BIN="$BUILD_DIR/mporders"
HB="$BUILD_DIR/bench/http_bench"
WORK="$(mktemp -d /tmp/mporders-bench.XXXXXX)"
WWW=""  # nginx's document root: its workers run as nobody, who cannot enter $WORK (mode 0700)
SERVER_PID=""; NGINX_PID=""
cleanup() {
  [ -n "$SERVER_PID" ] && kill "$SERVER_PID" 2>/dev/null && wait "$SERVER_PID" 2>/dev/null || true
  [ -n "$NGINX_PID" ] && kill "$NGINX_PID" 2>/dev/null || true
  rm -rf "$WORK"
  [ -z "$WWW" ] || rm -rf "$WWW"
}
trap cleanup EXIT

start_server() {  # DB [extra args...]
  local db="$1"; shift
  "$BIN" serve --db "sqlite:$db" --listen 127.0.0.1:0 --port-file "$WORK/port" --log-level warn \
    --no-rate-limit "$@" \
    > "$WORK/server.log" 2>&1 &
  SERVER_PID=$!
  for _ in $(seq 1 600); do [ -s "$WORK/port" ] && break; sleep 0.1; done
  PORT="$(cat "$WORK/port")"; rm -f "$WORK/port"
}
stop_server() { kill "$SERVER_PID"; wait "$SERVER_PID" 2>/dev/null || true; SERVER_PID=""; }
token() {  # CLIENT SECRET
  curl -s -X POST "http://127.0.0.1:$PORT/v3/token" -H "Authorization: Basic $(printf '%s:%s' "$1" "$2" | base64 -w0)" \
    -d grant_type=client_credentials | sed -E 's/.*"access_token":"([^"]+)".*/\1/'
}

echo "# machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"

for section in $SECTIONS; do
case "$section" in
get)
  echo "## GET /v3/orders/{id} vs nginx serving the same bytes (wrk -t1 -c32 -d$WRK_DURATION)"
  DB="$WORK/get.db"
  "$BIN" clients add --db "sqlite:$DB" --seller bench --client-id bench --client-secret bench-secret > /dev/null
  "$BIN" seed --db "sqlite:$DB" --seller bench --orders 10000 > /dev/null 2>&1
  start_server "$DB"
  TOKEN="$(token bench bench-secret)"
  PO="$(curl -s "http://127.0.0.1:$PORT/v3/orders?limit=1&createdStartDate=2000-01-01" -H "WM_SEC.ACCESS_TOKEN: $TOKEN" \
        -H 'WM_QOS.CORRELATION_ID: b' -H 'WM_SVC.NAME: b' | sed -E 's/.*"purchaseOrderId":"([0-9]+)".*/\1/')"
  curl -s "http://127.0.0.1:$PORT/v3/orders/$PO" -H "WM_SEC.ACCESS_TOKEN: $TOKEN" -H 'WM_QOS.CORRELATION_ID: b' \
       -H 'WM_SVC.NAME: b' > "$WORK/order.json"
  echo "order $PO: $(wc -c < "$WORK/order.json") bytes"
  echo "### mporders"
  wrk -t1 -c32 -d"$WRK_DURATION" -H "WM_SEC.ACCESS_TOKEN: $TOKEN" -H 'WM_QOS.CORRELATION_ID: bench' \
      -H 'WM_SVC.NAME: bench' "http://127.0.0.1:$PORT/v3/orders/$PO" | tee "$WORK/wrk-mp.txt"
  stop_server
  mkdir -p "$WORK/nginx"
  WWW="$(mktemp -d /tmp/mporders-bench-www.XXXXXX)"
  chmod 755 "$WWW"
  install -m 644 "$WORK/order.json" "$WWW/order.json"
  cat > "$WORK/nginx/nginx.conf" <<NGINX
worker_processes $(nproc);
pid $WORK/nginx/nginx.pid;
error_log $WORK/nginx/error.log;
events { worker_connections 1024; }
http {
  access_log off;
  default_type application/json;
  server { listen 127.0.0.1:18099; root $WWW; location / { } }
}
NGINX
  nginx -c "$WORK/nginx/nginx.conf" -p "$WORK/nginx" -g 'daemon off;' &
  NGINX_PID=$!
  sleep 0.5
  echo "### nginx (static file, same bytes)"
  wrk -t1 -c32 -d"$WRK_DURATION" "http://127.0.0.1:18099/order.json" | tee "$WORK/wrk-nginx.txt"
  kill "$NGINX_PID"; wait "$NGINX_PID" 2>/dev/null || true; NGINX_PID=""
  for f in mp nginx; do
    if grep -q "Non-2xx" "$WORK/wrk-$f.txt"; then echo "WARNING: non-2xx answers in the $f run" >&2; fi
  done
  MP=$(awk '/Requests\/sec/ {print $2}' "$WORK/wrk-mp.txt"); NG=$(awk '/Requests\/sec/ {print $2}' "$WORK/wrk-nginx.txt")
  echo "RESULT get-one-order: mporders $MP req/s, nginx $NG req/s, ratio $(awk -v a="$NG" -v b="$MP" 'BEGIN{printf "%.2f", a/b}')x"
  ;;
xml)
  echo "## GET /v3/orders/{id}: XML vs JSON, same order (wrk -t1 -c32 -d$WRK_DURATION)"
  DB="$WORK/xml.db"
  "$BIN" clients add --db "sqlite:$DB" --seller bench --client-id bench --client-secret bench-secret > /dev/null
  "$BIN" seed --db "sqlite:$DB" --seller bench --orders 10000 > /dev/null 2>&1
  start_server "$DB"
  TOKEN="$(token bench bench-secret)"
  HDRS=(-H "WM_SEC.ACCESS_TOKEN: $TOKEN" -H 'WM_QOS.CORRELATION_ID: bench' -H 'WM_SVC.NAME: bench')
  PO="$(curl -s "http://127.0.0.1:$PORT/v3/orders?limit=1&createdStartDate=2000-01-01" "${HDRS[@]}" \
        | sed -E 's/.*"purchaseOrderId":"([0-9]+)".*/\1/')"
  URL="http://127.0.0.1:$PORT/v3/orders/$PO"
  echo "order $PO: JSON $(curl -s "$URL" "${HDRS[@]}" -H 'Accept: application/json' | wc -c) bytes," \
       "XML $(curl -s "$URL" "${HDRS[@]}" -H 'Accept: application/xml' | wc -c) bytes"
  echo "### JSON (Accept: application/json)"
  wrk -t1 -c32 -d"$WRK_DURATION" "${HDRS[@]}" -H 'Accept: application/json' "$URL" | tee "$WORK/wrk-json.txt"
  echo "### XML (Accept: application/xml)"
  wrk -t1 -c32 -d"$WRK_DURATION" "${HDRS[@]}" -H 'Accept: application/xml' "$URL" | tee "$WORK/wrk-xml.txt"
  stop_server
  for f in json xml; do
    if grep -q "Non-2xx" "$WORK/wrk-$f.txt"; then echo "WARNING: non-2xx answers in the $f run" >&2; fi
  done
  JS=$(awk '/Requests\/sec/ {print $2}' "$WORK/wrk-json.txt"); XS=$(awk '/Requests\/sec/ {print $2}' "$WORK/wrk-xml.txt")
  echo "RESULT xml-get-one-order: JSON $JS req/s, XML $XS req/s, JSON/XML $(awk -v a="$JS" -v b="$XS" 'BEGIN{printf "%.2f", a/b}')x (target <= 1.50x)"
  ;;
seed)
  echo "## mporders seed --orders 1000000 (SQLite)"
  /usr/bin/time -f "RESULT seed-1M: %e s wall, %M KiB max RSS" "$BIN" seed --db "sqlite:$WORK/seed.db" --seller bench --orders 1000000 2>&1 | tail -2
  ;;
list)
  echo "## list pages on 1,000,000 orders (status + date window, first and deep page)"
  DB="$WORK/list.db"
  if [ -f "$WORK/seed.db" ]; then mv "$WORK/seed.db" "$DB"; else
    "$BIN" seed --db "sqlite:$DB" --seller bench --orders 1000000 > /dev/null 2>&1; fi
  "$BIN" clients add --db "sqlite:$DB" --seller bench --client-id lister --client-secret bench-secret > /dev/null
  start_server "$DB" --max-orders-per-query 100000
  TOKEN="$(token lister bench-secret)"
  # A first page also counts the query's matches (up to the order cap): the cost of a first
  # page grows with the matches, a later page's does not.
  # Within Walmart's 20,000-order cap (the default): Delivered over the last 7 days.
  "$HB" list "$PORT" "$TOKEN" "status=Delivered&createdStartDate=$(date -u -d '-7 days' +%Y-%m-%d)&limit=100" 50 200
  # Past it (the cap is raised for this server): Delivered over the last 30 days.
  "$HB" list "$PORT" "$TOKEN" "status=Delivered&createdStartDate=$(date -u -d '-30 days' +%Y-%m-%d)&limit=100" 50 200
  "$HB" list "$PORT" "$TOKEN" "status=Created&createdStartDate=$(date -u -d '-2 days' +%Y-%m-%d)&limit=100" 2 200 || true
  stop_server
  ;;
writes)
  echo "## durable writes: acknowledge + ship over HTTP (synchronous=FULL)"
  DB="$WORK/writes.db"
  "$BIN" clients add --db "sqlite:$DB" --seller bench --client-id writer --client-secret bench-secret > /dev/null
  "$HB" make-orders 20000 "$WORK/orders.json"
  "$BIN" import --db "sqlite:$DB" --seller bench "$WORK/orders.json" > /dev/null
  start_server "$DB"
  TOKEN="$(token writer bench-secret)"
  "$HB" writes "$PORT" "$TOKEN" "$WORK/orders.json" 32 | sed 's/^/RESULT writes: /'
  stop_server
  ;;
mixed)
  # Reads while writers wait for their commits: what the store-threads setting trades.
  echo "## GET /v3/orders/{id} (wrk -t1 -c16 -d$WRK_DURATION) while acknowledge + ship run on 32 connections"
  DB="$WORK/mixed.db"
  "$BIN" clients add --db "sqlite:$DB" --seller bench --client-id mixed --client-secret bench-secret > /dev/null
  "$BIN" seed --db "sqlite:$DB" --seller bench --orders 2000 > /dev/null 2>&1
  "$HB" make-orders 40000 "$WORK/mixed-orders.json"
  "$BIN" import --db "sqlite:$DB" --seller bench "$WORK/mixed-orders.json" > /dev/null
  start_server "$DB"
  TOKEN="$(token mixed bench-secret)"
  HDRS=(-H "WM_SEC.ACCESS_TOKEN: $TOKEN" -H 'WM_QOS.CORRELATION_ID: bench' -H 'WM_SVC.NAME: bench')
  PO="$(curl -s "http://127.0.0.1:$PORT/v3/orders?limit=1&status=Delivered&createdStartDate=2000-01-01" "${HDRS[@]}" \
        | sed -E 's/.*"purchaseOrderId":"([0-9]+)".*/\1/')"
  "$HB" writes "$PORT" "$TOKEN" "$WORK/mixed-orders.json" 32 > "$WORK/mixed-writes.txt" &
  WRITER_PID=$!
  sleep 1
  wrk -t1 -c16 -d"$WRK_DURATION" --latency "${HDRS[@]}" "http://127.0.0.1:$PORT/v3/orders/$PO" | tee "$WORK/wrk-mixed.txt"
  if kill -0 "$WRITER_PID" 2>/dev/null; then WHILE="writes still running"; else WHILE="WARNING: writes ended first"; fi
  wait "$WRITER_PID" || true
  stop_server
  echo "RESULT mixed: GET $(awk '/Requests\/sec/ {print $2}' "$WORK/wrk-mixed.txt") req/s," \
       "p50 $(awk '$1 == "50%" {print $2}' "$WORK/wrk-mixed.txt"), p99 $(awk '$1 == "99%" {print $2}' "$WORK/wrk-mixed.txt")" \
       "($WHILE); $(cat "$WORK/mixed-writes.txt")"
  ;;
*) echo "unknown section $section" >&2; exit 2 ;;
esac
done
