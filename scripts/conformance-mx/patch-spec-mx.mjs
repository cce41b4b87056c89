// Writes a copy of Walmart's mx_mp_orders.json with its self-contradictions
// corrected, so that a server answering like Walmart's own examples can pass
// Prism's validation. Each patch is one contradiction; nothing else changes.
//
//   M1  accessTokenScheme: http bearer -> apiKey in header WM_SEC.ACCESS_TOKEN
//       (the scheme's own description says the token travels in
//        WM_SEC.ACCESS_TOKEN, while Authorization carries the Basic
//        credentials the same operations also require: both schemes cannot
//        use the Authorization header at once; as published, Prism answers
//        every call 401 itself).
//
// Not patched: GET /v3/orders declares WFSOrderResponse (orders without
// purchaseOrderId) while its example returns MxOrder orders with it; the
// schema does not forbid extra members, so MxOrder answers validate as is.
//
// Usage: node patch-spec-mx.mjs <in mx_mp_orders.json> <out.json>
import { readFileSync, writeFileSync } from 'node:fs';

export function patchSpec(spec) {
  const s = structuredClone(spec);
  const applied = [];
  const schemes = s.components?.securitySchemes || {};
  if (schemes.accessTokenScheme) {
    schemes.accessTokenScheme = {
      type: 'apiKey',
      in: 'header',
      name: 'WM_SEC.ACCESS_TOKEN',
      description: schemes.accessTokenScheme.description,
    };
    applied.push('M1 accessTokenScheme -> apiKey header WM_SEC.ACCESS_TOKEN');
  }
  s.info = { ...s.info, title: `${s.info?.title ?? ''} (conformance-patched)` };
  return { spec: s, applied };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [, , inPath, outPath] = process.argv;
  if (!inPath || !outPath) {
    console.error('usage: node patch-spec-mx.mjs <in.json> <out.json>');
    process.exit(2);
  }
  const { spec, applied } = patchSpec(JSON.parse(readFileSync(inPath, 'utf8')));
  writeFileSync(outPath, JSON.stringify(spec, null, 1));
  for (const a of applied) console.error(`# spec patch applied: ${a}`);
  if (applied.length !== 1) {
    console.error(`# WARNING: expected 1 patch, applied ${applied.length}`);
    process.exit(3);
  }
}
