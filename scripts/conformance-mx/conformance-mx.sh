#!/usr/bin/env bash
# Mexico's API through Stoplight Prism's validating proxy.
#
#   CONF_DIR=/tmp/conformance BASE_URL=http://127.0.0.1:8080 CLIENT_ID=... CLIENT_SECRET=... \
#   SELLER=MX1 SANDBOX_KEY=... scripts/conformance-mx/conformance-mx.sh <mx_mp_orders.json>
#
# CONF_DIR is a copy of the US conformance folder (shared tools/conformance)
# where `npm ci` has installed Prism; its lib/conf-helper.mjs judges each
# exchange. SELLER is an MX seller (mporders sellers add SELLER --market MX)
# whose client is CLIENT_ID; two MX orders are posted for it through the
# sandbox control API, then a lifecycle runs through the proxy: lists (offset,
# cursor, WFS), acknowledge part of an order, labels (PNG, PDF, ZIP), ship as a
# multi-item shipment and in two packages, deliver, cancel the rest, re-reads
# and error cases; then orders the sandbox generates (no document) are read,
# listed and taken through a lifecycle. Prints "N passed, M failed"; exits non-zero on any
# violation. SPEC_PATCH=0 validates against the published file verbatim.
set -u
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
SPEC_SRC="${1:-}"
CONF_DIR="${CONF_DIR:-}"
BASE_URL="${BASE_URL:-}"; BASE_URL="${BASE_URL%/}"
PROXY_PORT="${PROXY_PORT:-4097}"
SPEC_PATCH="${SPEC_PATCH:-1}"
PROXY="http://127.0.0.1:$PROXY_PORT"
SVC_NAME="Walmart Marketplace"
PASSED=0; FAILED=0; VIOLATIONS=0; N=0; PROXY_PID=""

finish() {
  echo "# $VIOLATIONS violation(s) in total"
  echo "$PASSED passed, $FAILED failed"
  [ "$FAILED" -gt 0 ] || [ "$VIOLATIONS" -gt 0 ] && exit 1
  exit 0
}
bail() { echo "not ok - $1"; FAILED=$((FAILED + 1)); finish; }

[ -f "$SPEC_SRC" ] || bail "usage: $0 <mx_mp_orders.json> (spec not found: '$SPEC_SRC')"
[ -n "$BASE_URL" ] && [ -n "${CLIENT_ID:-}" ] && [ -n "${CLIENT_SECRET:-}" ] && [ -n "${SELLER:-}" ] \
  && [ -n "${SANDBOX_KEY:-}" ] || bail "environment: BASE_URL, CLIENT_ID, CLIENT_SECRET, SELLER, SANDBOX_KEY"
[[ "$BASE_URL" =~ ^http://(127\.[0-9.]+|localhost)(:[0-9]+)?$ ]] || bail "environment: BASE_URL must be a loopback URL"
PRISM="$CONF_DIR/node_modules/.bin/prism"; HELPER="$CONF_DIR/lib/conf-helper.mjs"
[ -x "$PRISM" ] && [ -f "$HELPER" ] || bail "environment: CONF_DIR must hold lib/conf-helper.mjs and node_modules (npm ci)"

WORK="$(mktemp -d "${TMPDIR:-/tmp}/conformance-mx.XXXXXX")"
cleanup() {
  if [ -n "$PROXY_PID" ] && kill -0 "$PROXY_PID" 2>/dev/null; then kill "$PROXY_PID"; wait "$PROXY_PID" 2>/dev/null; fi
  [ "${KEEP_WORK:-0}" = 1 ] || rm -rf "$WORK"
}
trap cleanup EXIT

if [ "$SPEC_PATCH" = 1 ]; then
  SPEC="$WORK/mx_mp_orders.conformance.json"
  node "$HERE/patch-spec-mx.mjs" "$SPEC_SRC" "$SPEC" 2> "$WORK/patch.log" || { cat "$WORK/patch.log"; bail "spec: patch failed"; }
  sed 's/^# spec patch applied: /# spec patch: /' "$WORK/patch.log"
else
  SPEC="$SPEC_SRC"; echo "# spec: $SPEC_SRC verbatim"
fi
"$PRISM" proxy "$SPEC" "$BASE_URL" --errors -p "$PROXY_PORT" -h 127.0.0.1 > "$WORK/proxy.log" 2>&1 &
PROXY_PID=$!
for _ in $(seq 1 120); do grep -q "Prism is listening" "$WORK/proxy.log" 2>/dev/null && break; sleep 0.5; done
grep -q "Prism is listening" "$WORK/proxy.log" || { tail -20 "$WORK/proxy.log"; bail "proxy did not start"; }
echo "# prism proxy on $PROXY -> $BASE_URL"

BASIC="$(printf '%s' "$CLIENT_ID:$CLIENT_SECRET" | base64 | tr -d '\n')"
TOKEN="$(curl -s -X POST "$BASE_URL/v3/token" -H "Authorization: Basic $BASIC" -H "WM_QOS.CORRELATION_ID: c" \
  -H "WM_SVC.NAME: $SVC_NAME" -d grant_type=client_credentials | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>{try{console.log(JSON.parse(s).access_token||"")}catch{console.log("")}})')"
[ -n "$TOKEN" ] && { echo "ok - POST /v3/token (direct)"; PASSED=$((PASSED + 1)); } || bail "token"

# req NAME EXPECT METHOD PATH [BODY] [EXTRA HEADER]
req() {
  local name="$1" expect="$2" method="$3" path="$4" body="${5:-}" extra="${6:-}"
  N=$((N + 1)); local base="$WORK/$(printf '%02d' "$N")"
  local args=(-s -m 30 -X "$method" -D "$base.hdr" -o "$base.body" -w '%{http_code}'
    -H "Authorization: Basic $BASIC" -H "WM_SEC.ACCESS_TOKEN: $TOKEN" -H "WM_MARKET: MX"
    -H "WM_QOS.CORRELATION_ID: conf-mx-$N" -H "WM_SVC.NAME: $SVC_NAME" -H "Accept: application/json")
  [ -n "$extra" ] && args+=(-H "$extra")
  if [ -n "$body" ]; then printf '%s' "$body" > "$base.req"; args+=(-H "Content-Type: application/json" --data-binary "@$base.req"); fi
  local status; status="$(curl "${args[@]}" "$PROXY$path")" || status="${status:-000}"
  cp "$base.body" "$WORK/last.body" 2>/dev/null
  local out rc; out="$(node "$HELPER" judge "$base.hdr" "$base.body" "$status" "$expect")"; rc=$?
  if [ $rc -eq 0 ]; then echo "ok - $name -> $status"; PASSED=$((PASSED + 1)); else echo "not ok - $name -> $status"; FAILED=$((FAILED + 1)); fi
  [ -n "$out" ] && echo "$out"
  VIOLATIONS=$((VIOLATIONS + $(printf '%s\n' "$out" | grep -c '^  violation:')))
}
jget() { node -e "const o=JSON.parse(require('fs').readFileSync('$WORK/last.body','utf8'));console.log(($1)??'')"; }

# Two MX orders, straight into the sandbox (not part of the spec).
NOW_ISO="$(date -u +%Y-%m-%dT%H:%M:%S.000Z)"
RUN="$(date +%s)"
doc() { # PO
  cat <<JSON
{"purchaseOrderId":"$1","customerOrderId":"C$1","customerEmailId":"cliente@example.com","orderDate":"$NOW_ISO",
 "shippingInfo":{"phone":"5512345678","estimatedDeliveryDate":"$NOW_ISO","postalAddress":{"name":"María López",
 "address1":"Av. Insurgentes Sur 1602","address3":"Crédito Constructor","city":"Ciudad de México","state":"CDMX","postalCode":"03940","country":"MX"}},
 "billingInfo":{"phone":"5512345678","postalAddress":{"name":"María López","address1":"Av. Insurgentes Sur 1602","city":"Ciudad de México","state":"CDMX","postalCode":"03940","country":"MX"}},
 "orderLines":[
  {"primeLineNumber":"1","item":{"productName":"Audífonos","sku":"SKU-1","unitPrice":{"currency":"MXN","amount":"499"}},
   "charges":[{"chargeType":"PRODUCT","chargeName":"ItemPrice","tax":[{"taxName":"IVA_TAX","taxAmount":{"currency":"MXN","amount":"68.83"}}]}],
   "orderLineQuantity":{"unitOfMeasurement":"EACH","amount":"3"},"orderLineStatus":[{"status":"Created","statusQuantity":{"unitOfMeasurement":"EACH","amount":"3"}}]},
  {"primeLineNumber":"2","item":{"productName":"Cable USB","sku":"SKU-2","unitPrice":{"currency":"MXN","amount":"99"}},
   "charges":[{"chargeType":"DISCOUNT","chargeName":"COUPON_DISC","chargeAmount":{"currency":"MXN","amount":"-10"}}],
   "orderLineQuantity":{"unitOfMeasurement":"EACH","amount":"2"},"orderLineStatus":[{"status":"Created","statusQuantity":{"unitOfMeasurement":"EACH","amount":"2"}}]}],
 "orderTotal":{"currency":"MXN","amount":"1695"},"rfc":"LOPM800101AB1","paymentMethod":"CREDIT","cfdi":"G01"}
JSON
}
A="PMXA$RUN"; B="PMXB$RUN"
created="$(curl -s -o "$WORK/created.json" -w '%{http_code}' -X POST "$BASE_URL/sandbox/v1/sellers/$SELLER/orders" \
  -H "X-Sandbox-Key: $SANDBOX_KEY" -H "Content-Type: application/json" -d "{\"orders\":[$(doc "$A"),$(doc "$B")]}")"
[ "$created" = 201 ] && { echo "ok - two MX orders posted through the sandbox ($A, $B)"; PASSED=$((PASSED + 1)); } \
  || bail "sandbox order post -> $created $(head -c 300 "$WORK/created.json")"

line_ack() { echo "{\"orderAcknowledge\":{\"orderLines\":{\"orderLine\":[{\"lineNumber\":\"$1\",\"orderLineStatuses\":{\"orderLineStatus\":[{\"status\":\"Acknowledged\",\"statusQuantity\":{\"unitOfMeasurement\":\"EACH\",\"amount\":\"$2\"}}]}}]}}}"; }
q() { echo "{\"unitOfMeasurement\":\"EACH\",\"amount\":\"$1\"}"; }

req "GET /v3/orders?limit=10" 200 GET "/v3/orders?limit=10"
req "GET /v3/orders?limit=1&offset=1" 200 GET "/v3/orders?limit=1&offset=1"
req "GET /v3/orders?purchaseOrderId=A" 200 GET "/v3/orders?purchaseOrderId=$A"
TRACK_A1="$(jget 'o.order[0].shipments.find(s=>s.shipmentLines[0].primeLineNo==="1").trackingNumber')"
req "GET /v3/orders/cursor?statusCodeFilter=Created&limit=1" 200 GET "/v3/orders/cursor?statusCodeFilter=Created&limit=1"
MARK="$(jget 'o.meta.nextCursorMark')"
req "GET /v3/orders/cursor next page" 200 GET "/v3/orders/cursor?statusCodeFilter=Created&limit=1&cursorMark=$MARK"
req "GET /v3/orders/wfsorders" 200 GET "/v3/orders/wfsorders?limit=10"
req "POST A/acknowledge (line 1, 2 of 3)" 202 POST "/v3/orders/$A/acknowledge" "$(line_ack 1 2)"
req "POST A/acknowledge (line 2, 2)" 202 POST "/v3/orders/$A/acknowledge" "$(line_ack 2 2)"
req "GET /v3/orders/label/{tracking of A line 1} (PNG)" 200 GET "/v3/orders/label/$TRACK_A1"
req "POST /v3/orders/labels FORMAT: PDF" 200 POST "/v3/orders/labels" "{\"trackingNumbers\":[\"$TRACK_A1\"]}" "FORMAT: PDF"
req "POST /v3/orders/labels (ZIP)" 200 POST "/v3/orders/labels" "{\"trackingNumbers\":[\"$TRACK_A1\"]}"
req "GET A: Ready to ship" 200 GET "/v3/orders?purchaseOrderId=$A"
req "POST A/ship (multi-item + second package)" 202 POST "/v3/orders/$A/ship" \
  "{\"shipments\":[{\"shipmentLines\":[{\"primeLineNo\":\"1\",\"shipmentLineNo\":\"1\",\"quantity\":$(q 1)},{\"primeLineNo\":\"2\",\"shipmentLineNo\":\"2\",\"quantity\":$(q 2)}],\"trackingNumber\":\"$TRACK_A1\",\"carrier\":\"MX-FEDX\"},{\"shipmentLines\":[{\"primeLineNo\":\"1\",\"shipmentLineNo\":\"1\",\"quantity\":$(q 1)}],\"trackingNumber\":\"X$RUN\",\"trackingURL\":\"https://carrier.example/X$RUN\",\"carrier\":\"Other\"}]}"
req "POST A/deliver" 202 POST "/v3/orders/$A/deliver" \
  "{\"packages\":[{\"trackingNo\":\"$TRACK_A1\",\"eventTime\":\"$(( RUN * 1000 ))\",\"eventName\":\"DELIVERY_UPDATE\",\"purchaseOrderNo\":\"$A\"}]}"
req "POST A/cancel (line 1, the last unit)" 202 POST "/v3/orders/$A/cancel" \
  "{\"orderCancellation\":{\"orderLines\":{\"orderLine\":[{\"lineNumber\":\"1\",\"orderLineStatuses\":{\"orderLineStatus\":[{\"status\":\"Cancelled\",\"cancellationReason\":\"SELLER REJECTION\",\"statusQuantity\":$(q 1)}]}}]}}}"
req "GET A after the lifecycle" 200 GET "/v3/orders?purchaseOrderId=$A"
req "GET /v3/orders?statusCodeFilter=Shipped" 200 GET "/v3/orders?statusCodeFilter=Shipped"
# Orders the sandbox generates for the MX seller (no document): Mexico's full
# model, validated in the list and the one-order read, then a lifecycle.
gen="$(curl -s -o "$WORK/generated.json" -w '%{http_code}' -X POST "$BASE_URL/sandbox/v1/sellers/$SELLER/orders" \
  -H "X-Sandbox-Key: $SANDBOX_KEY" -H "Content-Type: application/json" \
  -d '{"count":3,"lines":2,"quantity":2,"shipNodeType":"SellerFulfilled"}')"
[ "$gen" = 201 ] && { echo "ok - three generated MX orders through the sandbox"; PASSED=$((PASSED + 1)); } \
  || bail "sandbox generate -> $gen $(head -c 300 "$WORK/generated.json")"
G="$(node -e "console.log(JSON.parse(require('fs').readFileSync('$WORK/generated.json','utf8')).purchaseOrderIds[0])")"
req "GET /v3/orders?purchaseOrderId=G (generated)" 200 GET "/v3/orders?purchaseOrderId=$G"
TRACK_G="$(jget 'o.order[0].shipments[0].trackingNumber')"
req "GET /v3/orders?limit=100 (with generated orders)" 200 GET "/v3/orders?limit=100"
req "GET /v3/orders/cursor?statusCodeFilter=Created (generated)" 200 GET "/v3/orders/cursor?statusCodeFilter=Created&limit=100"
req "POST G/acknowledge line 1" 202 POST "/v3/orders/$G/acknowledge" "$(line_ack 1 2)"
req "POST G/acknowledge line 2" 202 POST "/v3/orders/$G/acknowledge" "$(line_ack 2 2)"
req "GET /v3/orders/label/{tracking of G} (PNG)" 200 GET "/v3/orders/label/$TRACK_G"
req "POST G/ship (multi-item, Walmart's tracking)" 202 POST "/v3/orders/$G/ship" \
  "{\"shipments\":[{\"shipmentLines\":[{\"primeLineNo\":\"1\",\"shipmentLineNo\":\"1\",\"quantity\":$(q 2)},{\"primeLineNo\":\"2\",\"shipmentLineNo\":\"2\",\"quantity\":$(q 2)}],\"trackingNumber\":\"$TRACK_G\",\"carrier\":\"MX-FEDX\"}]}"
req "POST G/deliver" 202 POST "/v3/orders/$G/deliver" \
  "{\"packages\":[{\"trackingNo\":\"$TRACK_G\",\"eventName\":\"DELIVERY_UPDATE\",\"purchaseOrderNo\":\"$G\"}]}"
req "GET G after the lifecycle" 200 GET "/v3/orders?purchaseOrderId=$G"
req "GET /v3/orders?statusCodeFilter=Delivered" 200 GET "/v3/orders?statusCodeFilter=Delivered"

req "POST B/ship unacknowledged (400)" 400 POST "/v3/orders/$B/ship" \
  "{\"shipments\":[{\"shipmentLines\":[{\"primeLineNo\":\"1\",\"shipmentLineNo\":\"1\",\"quantity\":$(q 1)}],\"trackingNumber\":\"Y$RUN\",\"carrier\":\"MX-DHL\"}]}"
req "POST unknown/acknowledge (404)" 4xx POST "/v3/orders/P-UNKNOWN-$RUN/acknowledge" "$(line_ack 1 1)"
req "GET /v3/orders?limit=101 (400)" 400 GET "/v3/orders?limit=101"
req "GET /v3/orders/label/unknown (404)" 4xx GET "/v3/orders/label/NOPE$RUN"
finish
