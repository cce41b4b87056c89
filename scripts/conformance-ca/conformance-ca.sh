#!/usr/bin/env bash
# Canada's legacy Orders API against Walmart's spec, through Stoplight
# Prism's validating proxy.
#
#   PRISM=/path/to/node_modules/.bin/prism BASE_URL=http://127.0.0.1:8080 \
#   CLIENT_ID=... CLIENT_SECRET=... SELLER_ID=... SANDBOX_KEY=... \
#     scripts/conformance-ca/conformance-ca.sh /path/to/ca_mp_orders.json
#
# The seller must be a CA seller (sellers add ID --market CA) and the server
# must run with a sandbox key: the script posts its own CAD orders through the
# sandbox control API (directly, not through the proxy), then runs the
# lifecycle through `prism proxy <patched spec> $BASE_URL --errors`: lists
# (with cursor paging), released, WFS, get, acknowledge, shipping (one line in
# two packages, LETTERMAIL untracked), cancel, refund, re-reads and error
# cases, all with Accept: application/json (Prism validates JSON bodies, not
# XML). patch-spec.mjs lists every change made to the spec and why. Prints
# one "ok"/"not ok" line per request and "N passed, M failed"; exits non-zero
# on any violation or unexpected status.
#
# Optional env: PROXY_PORT=4199, KEEP_WORK=1 (keep responses in the temp dir).
set -u
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
SPEC_SRC="${1:-}"
BASE_URL="${BASE_URL:-}"; BASE_URL="${BASE_URL%/}"
PROXY_PORT="${PROXY_PORT:-4199}"
PROXY="http://127.0.0.1:$PROXY_PORT"
PASSED=0
FAILED=0

finish() {
  echo "$PASSED passed, $FAILED failed"
  [ "$FAILED" -eq 0 ]
  exit $?
}
bail() { echo "not ok - $1"; FAILED=$((FAILED + 1)); finish; }

[ -f "$SPEC_SRC" ] || bail "usage: $0 <ca_mp_orders.json>"
for v in PRISM BASE_URL CLIENT_ID CLIENT_SECRET SELLER_ID SANDBOX_KEY; do
  [ -n "${!v:-}" ] || bail "environment: $v must be set"
done
[ -x "$PRISM" ] || bail "environment: $PRISM is not executable"

WORK="$(mktemp -d "${TMPDIR:-/tmp}/conformance-ca.XXXXXX")"
PROXY_PID=""
cleanup() {
  [ -n "$PROXY_PID" ] && kill "$PROXY_PID" 2>/dev/null
  [ "${KEEP_WORK:-0}" = 1 ] && echo "# work dir kept: $WORK" || rm -rf "$WORK"
}
trap cleanup EXIT

node "$HERE/patch-spec.mjs" "$SPEC_SRC" "$WORK/spec.json" || bail "spec: patching failed"

# ---------------------------------------------------------------- token, orders
TOKEN="$(curl -s -m 20 -X POST "$BASE_URL/v3/token" -u "$CLIENT_ID:$CLIENT_SECRET" \
  -H "WM_QOS.CORRELATION_ID: conf-ca-token" -H "WM_SVC.NAME: Walmart Marketplace" \
  -H "Accept: application/json" -H "Content-Type: application/x-www-form-urlencoded" \
  --data grant_type=client_credentials > "$WORK/token.json"; node "$HERE/judge.mjs" field "$WORK/token.json" access_token)" \
  || bail "token: POST /v3/token failed: $(head -c 300 "$WORK/token.json")"

RUN="$(date +%s)"
NOW_MS="$((RUN * 1000))"
SINCE="$(date -u -d "@$((RUN - 86400))" +%Y-%m-%dT%H:%M:%SZ)"
A="CA${RUN}1"; B="CA${RUN}2"; W="CA${RUN}3"
order_json() { # PO NODE_TYPE ORDER_DATE_MS
  local lines='' n
  for n in 1 2; do
    [ -n "$lines" ] && lines="$lines,"
    lines="$lines{\"lineNumber\":\"$n\",\"item\":{\"productName\":\"Maple syrup $n\",\"sku\":\"SKU-$n\"},
      \"charges\":{\"charge\":[{\"chargeType\":\"PRODUCT\",\"chargeName\":\"ItemPrice\",
      \"chargeAmount\":{\"currency\":\"CAD\",\"amount\":12.50},\"tax\":{\"taxName\":\"HST\",
      \"taxAmount\":{\"currency\":\"CAD\",\"amount\":1.63}}}]},
      \"orderLineQuantity\":{\"unitOfMeasurement\":\"EACH\",\"amount\":\"2\"},\"statusDate\":$3,
      \"orderLineStatuses\":{\"orderLineStatus\":[{\"status\":\"Created\",
      \"statusQuantity\":{\"unitOfMeasurement\":\"EACH\",\"amount\":\"2\"}}]}}"
  done
  printf '{"order":{"purchaseOrderId":"%s","customerOrderId":"C%s","customerEmailId":"buyer@relay.walmart.com","orderDate":%s,"shippingInfo":{"phone":"6475550100","estimatedDeliveryDate":%s,"estimatedShipDate":%s,"methodCode":"Standard","postalAddress":{"name":"Jane Roe","address1":"100 Queen St W","city":"Toronto","state":"ON","postalCode":"M5H 2N2","country":"CA","addressType":"RESIDENTIAL"}},"orderLines":{"orderLine":[%s]},"shipNode":{"type":"%s"}}}' \
    "$1" "$1" "$3" "$(($3 + 5 * 86400000))" "$(($3 + 86400000))" "$lines" "$2"
}
seed() {
  local status
  status="$(curl -s -m 20 -o "$WORK/seed.json" -w '%{http_code}' -X POST \
    "$BASE_URL/sandbox/v1/sellers/$SELLER_ID/orders" -H "X-Sandbox-Key: $SANDBOX_KEY" \
    -H "Content-Type: application/json" --data-binary "$(order_json "$@")")"
  [ "$status" = 201 ] || bail "seed: sandbox order post -> $status: $(head -c 300 "$WORK/seed.json")"
}
seed "$A" SellerFulfilled "$((NOW_MS - 3000))"
seed "$B" SellerFulfilled "$((NOW_MS - 2000))"
seed "$W" WFSFulfilled "$((NOW_MS - 1000))"
echo "# orders: A=$A (ack, ship, refund), B=$B (ack, cancel), W=$W (WFS)"

# ---------------------------------------------------------------- proxy
"$PRISM" proxy "$WORK/spec.json" "$BASE_URL" --errors -p "$PROXY_PORT" -h 127.0.0.1 > "$WORK/proxy.log" 2>&1 &
PROXY_PID=$!
for _ in $(seq 1 120); do
  grep -q "Prism is listening" "$WORK/proxy.log" 2>/dev/null && break
  kill -0 "$PROXY_PID" 2>/dev/null || break
  sleep 0.5
done
grep -q "Prism is listening" "$WORK/proxy.log" || { tail -n 20 "$WORK/proxy.log"; bail "proxy: prism did not start"; }

# ---------------------------------------------------------------- requests
N=0
# req NAME EXPECT METHOD PATH [BODY] [TOKEN]; leaves $WORK/last.body
req() {
  local name="$1" expect="$2" method="$3" path="$4" body="${5:-}" tok="${6-$TOKEN}"
  N=$((N + 1))
  local base="$WORK/$(printf '%02d' "$N")"
  # Clients of this API send Content-Type: application/json on every call.
  local args=(-s -m 20 -X "$method" -D "$base.hdr" -o "$base.body" -w '%{http_code}'
    -H "WM_SEC.ACCESS_TOKEN: $tok" -H "WM_CONSUMER.CHANNEL.TYPE: conformance"
    -H "WM_QOS.CORRELATION_ID: conf-ca-$N" -H "WM_SVC.NAME: Walmart Marketplace"
    -H "Accept: application/json" -H "Content-Type: application/json")
  [ -n "$body" ] && args+=(--data-binary "$body")
  [ "$method" = POST ] && [ -z "$body" ] && args+=(--data-binary "")
  local status out
  status="$(curl "${args[@]}" "$PROXY$path")" || status="${status:-000}"
  cp "$base.body" "$WORK/last.body" 2>/dev/null || : > "$WORK/last.body"
  if out="$(node "$HERE/judge.mjs" "$base.hdr" "$base.body" "$status" "$expect")"; then
    echo "ok - $name -> $status"; PASSED=$((PASSED + 1))
  else
    echo "not ok - $name -> $status"; FAILED=$((FAILED + 1))
  fi
  [ -n "$out" ] && echo "$out"
  return 0
}
field() { node "$HERE/judge.mjs" field "$WORK/last.body" "$1"; }

package() { # TRACKING CARRIER
  local tracking=""
  [ -n "$1" ] && tracking=",\"trackingNumber\":\"$1\""
  printf '{"status":"SHIPPED","statusQuantity":{"unitOfMeasurement":"EACH","amount":"1"},"trackingInfo":{"shipDateTime":"%s","carrierName":{"carrier":"%s"},"methodCode":"ONE_DAY"%s}}' \
    "$(date -u +%Y-%m-%dT%H:%M:%S.000Z)" "$2" "$tracking"
}
SHIP_A="{\"orderLines\":{\"orderLine\":[
  {\"lineNumber\":\"1\",\"shipFromCountry\":\"CA\",\"orderLineStatuses\":{\"orderLineStatus\":[$(package CP-$RUN-1 CANPAR),$(package CP-$RUN-2 CANPAR)]}},
  {\"lineNumber\":\"2\",\"shipFromCountry\":\"CA\",\"orderLineStatuses\":{\"orderLineStatus\":[$(package '' LETTERMAIL)]}}]}}"
CANCEL_B='{"orderLines":{"orderLine":[{"lineNumber":"1","orderLineStatuses":{"orderLineStatus":[{"status":"CANCELLED","cancellationReason":"CANCEL_BY_SELLER","statusQuantity":{"unitOfMeasurement":"EACH","amount":"2"}}]}}]}}'
REFUND_A="{\"purchaseOrderId\":\"$A\",\"orderLines\":{\"orderLine\":[{\"lineNumber\":\"1\",\"refunds\":{\"refund\":[{\"refundComments\":\"conformance\",\"refundCharges\":{\"refundCharge\":[{\"refundReason\":\"DamagedItem\",\"charge\":{\"chargeType\":\"PRODUCT\",\"chargeName\":\"ItemPrice\",\"chargeAmount\":{\"currency\":\"CAD\",\"amount\":-1.25}}}]}}]}}]}}"

req "GET /v3/ca/orders?createdStartDate&limit=1" 200 GET "/v3/ca/orders?createdStartDate=$SINCE&limit=1"
CURSOR="$(field meta.nextCursor)" || CURSOR=""
if [ -n "$CURSOR" ]; then
  # The spec requires createdStartDate on every call, so the run repeats it.
  req "GET /v3/ca/orders?nextCursor (page 2)" 200 GET "/v3/ca/orders?createdStartDate=$SINCE&nextCursor=$CURSOR"
else
  echo "not ok - GET /v3/ca/orders?limit=1 gave no nextCursor"; FAILED=$((FAILED + 1))
fi
req "GET /v3/ca/orders?status=Created&productInfo=true" 200 GET "/v3/ca/orders?createdStartDate=$SINCE&status=Created&productInfo=true"
req "GET /v3/ca/orders/released?limit=10" 200 GET "/v3/ca/orders/released?limit=10"
req "GET /v3/ca/orders/wfs?limit=5&offset=0" 200 GET "/v3/ca/orders/wfs?createdStartDate=$SINCE&limit=5&offset=0"
req "GET /v3/ca/orders/A?productInfo=true" 200 GET "/v3/ca/orders/$A?productInfo=true"
req "POST /v3/ca/orders/A/acknowledge" 200 POST "/v3/ca/orders/$A/acknowledge"
req "POST /v3/ca/orders/A/shipping (line 1 in two packages, line 2 LETTERMAIL)" 200 POST "/v3/ca/orders/$A/shipping" "$SHIP_A"
req "POST /v3/ca/orders/B/acknowledge" 200 POST "/v3/ca/orders/$B/acknowledge"
req "POST /v3/ca/orders/B/cancel (CANCEL_BY_SELLER)" 200 POST "/v3/ca/orders/$B/cancel" "$CANCEL_B"
req "POST /v3/ca/orders/A/refund (line 1, CAD -1.25)" 200 POST "/v3/ca/orders/$A/refund" "$REFUND_A"
req "GET /v3/ca/orders/A after ship and refund" 200 GET "/v3/ca/orders/$A"
req "GET /v3/ca/orders/B after cancel" 200 GET "/v3/ca/orders/$B"
req "GET /v3/ca/orders/wfs?status=Created" 200 GET "/v3/ca/orders/wfs?createdStartDate=$SINCE&status=Created"
req "GET /v3/ca/orders?limit=200 after changes" 200 GET "/v3/ca/orders?createdStartDate=$SINCE&limit=200"
req "GET /v3/ca/orders/{unknown id}" 404 GET "/v3/ca/orders/9999999999999"
req "POST /v3/ca/orders/B/shipping on the cancelled line" 4xx POST "/v3/ca/orders/$B/shipping" \
  "{\"orderLines\":{\"orderLine\":[{\"lineNumber\":\"1\",\"shipFromCountry\":\"CA\",\"orderLineStatuses\":{\"orderLineStatus\":[$(package X-1 CANPAR)]}}]}}"
req "GET /v3/ca/orders with a bad token" 401 GET "/v3/ca/orders?createdStartDate=$SINCE" "" "not-a-token"
finish
