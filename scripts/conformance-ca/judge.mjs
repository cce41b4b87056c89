// Judges one exchange through Prism's validating proxy (Prism 5):
//   node judge.mjs HEADERS_FILE BODY_FILE STATUS EXPECT     (EXPECT: 200, 4xx, 404, ...)
// Prints "violation: ..." per Error-severity finding (the sl-violations
// header, or the problem+json body Prism answers with instead of the
// server's), "# warning: ..." for the rest; exit 0 when the step passed.
// An undeclared status is only a warning on steps that expect an error: the
// spec declares nothing but 200.
// Also: node judge.mjs field FILE PATH.TO.FIELD -> prints the JSON value.
import { readFileSync } from 'node:fs';

const read = (f) => {
  try {
    return readFileSync(f, 'utf8');
  } catch {
    return '';
  }
};
const json = (text) => {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
};
const [, , cmd, ...args] = process.argv;

if (cmd === 'field') {
  let v = json(read(args[0]));
  for (const k of args[1].split('.')) v = v?.[/^\d+$/.test(k) ? Number(k) : k];
  if (v === undefined || v === null) process.exit(1);
  console.log(typeof v === 'string' ? v : JSON.stringify(v));
  process.exit(0);
}

const [hdrFile, bodyFile, statusText, expect] = [cmd, ...args];
const status = Number(statusText);
const block = read(hdrFile).split(/\r?\n\r?\n/).filter((b) => /^HTTP\//.test(b.trim())).at(-1) ?? '';
const headers = {};
for (const line of block.split(/\r?\n/).slice(1)) {
  const i = line.indexOf(':');
  if (i > 0) headers[line.slice(0, i).trim().toLowerCase()] = line.slice(i + 1).trim();
}
const findings = [];
const raw = headers['sl-violations'];
if (raw) {
  const parsed = json(raw);
  if (Array.isArray(parsed)) findings.push(...parsed);
  else findings.push({ severity: 'Error', location: [], message: `sl-violations: ${raw.slice(0, 200)}` });
}
const body = json(read(bodyFile));
const prism = /problem\+json/.test(headers['content-type'] ?? '') &&
  typeof body?.type === 'string' && body.type.includes('stoplight.io/prism/errors#');
if (prism) {
  for (const v of body.validation ?? []) findings.push(v);
  if (!(body.validation ?? []).length) {
    findings.push({ severity: 'Error', location: [], message: `Prism answered itself: ${body.title} ${body.detail ?? ''}` });
  }
}
const expectingError = !expect.startsWith('2');
let failed = false;
for (const v of findings) {
  const where = Array.isArray(v.location) ? v.location.join('.') : '';
  const unmatched = /Unable to match the returned status code/.test(v.message ?? '');
  if ((v.severity ?? 'Error') === 'Error' || (unmatched && !expectingError)) {
    console.log(`  violation: ${where ? where + ': ' : ''}${v.message}`);
    failed = true;
  } else {
    console.log(`  # ${String(v.severity).toLowerCase()}: ${where ? where + ': ' : ''}${v.message}`);
  }
}
const statusOk = /^\d{3}$/.test(expect) ? status === Number(expect)
  : Math.floor(status / 100) === Number(expect[0]);
if (!statusOk) {
  console.log(`  status: got ${status}, expected ${expect}; body: ${read(bodyFile).slice(0, 300)}`);
  failed = true;
}
process.exit(failed ? 1 : 0);
