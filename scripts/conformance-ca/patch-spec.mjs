// Writes the copy of Walmart's ca_mp_orders.json that the conformance run
// validates against. The published spec documents an XML-only API that
// contradicts its own examples in places; each patch below is one such
// contradiction or one JSON media type Prism needs (Prism validates JSON
// bodies, not XML). Nothing else is changed.
//
//   C1  every request body and 200 response listed only as application/xml
//       also gets application/json with the same schema (the server speaks
//       both; the run sends Accept/Content-Type: application/json).
//   C2  OrderShipment.orderLines -> ShippingLinesType (the spec points at
//       RefundLinesType, so its own shipping example fails with "must have
//       required property 'refunds'").
//   C3  POST .../cancel 200 -> Order (the spec names the request schema
//       OrderCancellation; its own response example is an order, as for the
//       other writes).
//   C4  line status enums (OrderLineStatusType, ShipLineStatusType,
//       CancelLineStatusType) also list the examples' spelling (Created,
//       Acknowledged, Shipped, Cancelled, Refund): the enum is upper case
//       while every example, request and response, is mixed case.
//   C5  methodCode enums (ShippingInfoType, TrackingInfoType) also list the
//       examples' spelling (Standard, Express, OneDay, Freight, WhiteGlove,
//       Value), for the same reason.
//   C7  TrackingInfoType.trackingNumber is not required: the spec's own
//       text says it is needed "for all non-Lettermail shipments", and
//       LETTERMAIL is in its carrier enum.
//   C6  security: the OAuth access token (apiKey header WM_SEC.ACCESS_TOKEN)
//       plus the channel type instead of the consumer id + signature pair:
//       the legacy signature scheme "is being replaced by OAuth", and this
//       run authenticates with a token (signature auth is a separate step of
//       the server's pre-handler chain).
//
// Usage: node patch-spec.mjs <in ca_mp_orders.json> <out.json>
import { readFileSync, writeFileSync } from 'node:fs';

const EXAMPLE_STATUSES = ['Created', 'Acknowledged', 'Shipped', 'Cancelled', 'Refund'];
const EXAMPLE_METHODS = ['Standard', 'Express', 'OneDay', 'Freight', 'WhiteGlove', 'Value'];

export function patchSpec(spec) {
  const s = structuredClone(spec);
  const sc = s.components.schemas;
  const ref = (n) => ({ $ref: `#/components/schemas/${n}` });
  const applied = [];

  let added = 0;
  for (const item of Object.values(s.paths)) {
    for (const op of Object.values(item)) {
      if (typeof op !== 'object' || op === null) continue;
      const holders = [op.requestBody, ...Object.values(op.responses ?? {})];
      for (const h of holders) {
        const c = h?.content;
        if (c?.['application/xml'] && !c['application/json']) {
          c['application/json'] = { schema: c['application/xml'].schema };
          added++;
        }
      }
    }
  }
  if (added) applied.push(`C1 application/json added beside application/xml (${added} bodies)`);

  if (sc.OrderShipment?.properties?.orderLines && sc.ShippingLinesType) {
    sc.OrderShipment.properties.orderLines = ref('ShippingLinesType');
    applied.push('C2 OrderShipment.orderLines -> ShippingLinesType');
  }
  const cancel = s.paths['/v3/ca/orders/{purchaseOrderId}/cancel']?.post?.responses?.['200']?.content;
  if (cancel) {
    for (const media of Object.values(cancel)) media.schema = ref('Order');
    applied.push('C3 POST /v3/ca/orders/{purchaseOrderId}/cancel 200 -> Order');
  }
  const statusTypes = ['OrderLineStatusType', 'ShipLineStatusType', 'CancelLineStatusType'];
  if (statusTypes.every((t) => sc[t]?.properties?.status?.enum)) {
    for (const t of statusTypes) sc[t].properties.status.enum.push(...EXAMPLE_STATUSES);
    applied.push('C4 line status enums + Created, Acknowledged, Shipped, Cancelled, Refund');
  }
  const methodTypes = ['ShippingInfoType', 'TrackingInfoType'];
  if (methodTypes.every((t) => sc[t]?.properties?.methodCode?.enum)) {
    for (const t of methodTypes) sc[t].properties.methodCode.enum.push(...EXAMPLE_METHODS);
    applied.push('C5 methodCode enums + Standard, Express, OneDay, Freight, WhiteGlove, Value');
  }
  const tracking = sc.TrackingInfoType;
  if (tracking?.required?.includes('trackingNumber')) {
    tracking.required = tracking.required.filter((r) => r !== 'trackingNumber');
    applied.push('C7 TrackingInfoType.trackingNumber optional (LETTERMAIL)');
  }
  s.components.securitySchemes = {
    ...s.components.securitySchemes,
    accessTokenScheme: { type: 'apiKey', in: 'header', name: 'WM_SEC.ACCESS_TOKEN' },
  };
  for (const item of Object.values(s.paths)) {
    for (const op of Object.values(item)) {
      if (op?.security) op.security = [{ accessTokenScheme: [], channelTypeScheme: [] }];
    }
  }
  applied.push('C6 security -> WM_SEC.ACCESS_TOKEN + WM_CONSUMER.CHANNEL.TYPE');
  s.info = { ...s.info, title: `${s.info?.title ?? ''} (conformance-patched)` };
  return { spec: s, applied };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [, , inPath, outPath] = process.argv;
  if (!inPath || !outPath) {
    console.error('usage: node patch-spec.mjs <in.json> <out.json>');
    process.exit(2);
  }
  const { spec, applied } = patchSpec(JSON.parse(readFileSync(inPath, 'utf8')));
  writeFileSync(outPath, JSON.stringify(spec, null, 1));
  for (const a of applied) console.error(`# spec patch: ${a}`);
  if (applied.length !== 7) {
    console.error(`# expected 7 patches, applied ${applied.length}: is this ca_mp_orders.json?`);
    process.exit(3);
  }
}
