// Browser tests of the web console (/console/): Debian's chromium, driven by
// playwright-core, against a real `mporders serve` on an ephemeral port with
// a real database file. Screenshots go to $MPORDERS_BROWSER_ARTIFACTS.

'use strict';
const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const http = require('node:http');
const os = require('node:os');
const path = require('node:path');

const binary = process.env.MPORDERS_BINARY;
const modules = process.env.MPORDERS_NODE_MODULES;
const artifacts = process.env.MPORDERS_BROWSER_ARTIFACTS || path.join(os.tmpdir(), 'mporders-browser');
const { chromium } = require(path.join(modules, 'playwright-core'));

const KEY = 'console-test-sandbox-key';
const SECRET_A = 'secret-of-seller-a';
const SECRET_B = 'secret-of-seller-b';
let server, base, browser, page, dir;

async function control(method, p, body) {
  const response = await fetch(`${base}/sandbox/v1/sellers/${p}`, {
    method, headers: { 'X-Sandbox-Key': KEY, 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await response.text();
  return { status: response.status, text, json: text ? JSON.parse(text) : null };
}

async function sellerToken(clientId, secret) {
  const response = await fetch(`${base}/v3/token`, { method: 'POST', body: 'grant_type=client_credentials', headers: {
    Authorization: 'Basic ' + Buffer.from(`${clientId}:${secret}`).toString('base64'),
    'Content-Type': 'application/x-www-form-urlencoded', 'WM_SVC.NAME': 'Walmart Marketplace', 'WM_QOS.CORRELATION_ID': 't' } });
  assert.equal(response.status, 200);
  return (await response.json()).access_token;
}

async function walmart(token, method, p, body) {
  const response = await fetch(`${base}${p}`, { method, body: body && JSON.stringify(body), headers: {
    'WM_SEC.ACCESS_TOKEN': token, 'WM_SVC.NAME': 'Walmart Marketplace', 'WM_QOS.CORRELATION_ID': 't',
    Accept: 'application/json', 'Content-Type': 'application/json' } });
  return { status: response.status, text: await response.text() };
}

const shot = (name) => page.screenshot({ path: path.join(artifacts, `${name}.png`), fullPage: false });

async function signInAdmin() {
  await page.goto(`${base}/console/`);
  await page.getByLabel('Sandbox key').fill(KEY);
  await page.getByRole('button', { name: 'Sign in with the sandbox key' }).click();
  await page.locator('#orders-table tbody tr').first().waitFor();
}

before(async () => {
  fs.mkdirSync(artifacts, { recursive: true });
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mporders-console-'));
  const portFile = path.join(dir, 'port');
  server = spawn(binary, ['serve', '--db', `sqlite:${path.join(dir, 'console.db')}`, '--listen', '127.0.0.1:0',
    '--port-file', portFile, '--sandbox-key', KEY, '--no-rate-limit', '--log-level', 'warn'], { stdio: ['ignore', 'inherit', 'inherit'] });
  for (let i = 0; i < 200 && !fs.existsSync(portFile); i++) await new Promise((r) => setTimeout(r, 50));
  base = `http://127.0.0.1:${fs.readFileSync(portFile, 'utf8').trim()}`;
  // Seller A with 30 orders, seller B with 3, each with a client.
  assert.equal((await control('POST', 'seller-a/clients', { clientId: 'client-a', clientSecret: SECRET_A })).status, 201);
  assert.equal((await control('POST', 'seller-b/clients', { clientId: 'client-b', clientSecret: SECRET_B })).status, 201);
  assert.equal((await control('POST', 'seller-a/orders', { count: 30, seed: 3, lines: 2, quantity: 1, shipNodeType: 'SellerFulfilled' })).status, 201);
  assert.equal((await control('POST', 'seller-b/orders', { count: 3, seed: 9, shipNodeType: 'SellerFulfilled' })).status, 201);
  // A fresh profile each run (playwright passes it as --user-data-dir).
  browser = await chromium.launchPersistentContext(path.join(dir, 'profile'), {
    executablePath: '/usr/bin/chromium', headless: true, viewport: { width: 1280, height: 800 }, args: [
      '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
  page = browser.pages()[0] || await browser.newPage();
  page.on('pageerror', (error) => console.error(`page error: ${error.message}`));
  page.setDefaultTimeout(15000);
});

after(async () => {
  if (browser) await browser.close();
  if (server) server.kill('SIGTERM');
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

test('the console is served from the binary with a same-origin policy', async () => {
  const response = await fetch(`${base}/console/`);
  assert.equal(response.status, 200);
  assert.match(response.headers.get('content-type'), /text\/html/);
  assert.match(response.headers.get('content-security-policy'), /default-src 'none'/);
  assert.match(await response.text(), /mporders console/);
  assert.equal((await fetch(`${base}/console/nothing.js`)).status, 404);
});

test('a wrong sandbox key is refused', async () => {
  await page.goto(`${base}/console/`);
  await page.getByLabel('Sandbox key').fill('not-the-key');
  await page.getByRole('button', { name: 'Sign in with the sandbox key' }).click();
  await page.getByText('The sandbox key was refused').waitFor();
  assert.equal(await page.locator('#nav').isHidden(), true);
});

test('admin signs in, filters and pages orders', async () => {
  await signInAdmin();
  await page.locator('#f-seller').selectOption('seller-a');
  await page.getByLabel('Per page').selectOption('10');
  await page.getByRole('button', { name: 'Apply filters' }).click();
  await page.getByText('30 orders match · showing 1–10').waitFor();
  const rows = page.locator('#orders-table tbody tr');
  assert.equal(await rows.count(), 10);
  const firstPage = await rows.locator('td:first-child').allTextContents();
  await shot('orders-list');
  // The README's picture (docs/console.png is a copy of it).
  await page.screenshot({ path: path.join(artifacts, 'console-readme.png'), clip: { x: 0, y: 0, width: 1000, height: 470 } });
  await page.getByRole('button', { name: 'Next page' }).click();
  await page.getByText('showing 11–20').waitFor();
  const secondPage = await rows.locator('td:first-child').allTextContents();
  assert.equal(secondPage.length, 10);
  assert.equal(secondPage.filter((po) => firstPage.includes(po)).length, 0);
  await page.getByRole('button', { name: 'Previous page' }).click();
  await page.getByText('showing 1–10').waitFor();
  assert.deepEqual(await rows.locator('td:first-child').allTextContents(), firstPage);
  // One purchase order id, then a status nothing has.
  await page.getByLabel('Purchase order id').fill(firstPage[3]);
  await page.getByRole('button', { name: 'Apply filters' }).click();
  await page.getByText('1 orders match').waitFor();
  assert.deepEqual(await rows.locator('td:first-child').allTextContents(), [firstPage[3]]);
  await page.getByLabel('Purchase order id').fill('');
  await page.locator('#f-status').selectOption('Delivered');
  await page.getByRole('button', { name: 'Apply filters' }).click();
  await page.getByText('No orders match these filters.').waitFor();
  assert.equal(await rows.count(), 0);
});

test('admin opens an order and sees lines, timeline and the raw answer', async () => {
  await signInAdmin();
  await page.locator('#f-seller').selectOption('seller-b');
  // Seller B's page, not the one shown before it loads: clicking a link of
  // that one (a loaded machine is slow enough) raced the new page's render.
  const link = page.locator('#orders-table tbody tr td:first-child a[href^="#/order/seller-b/"]').first();
  await link.waitFor();
  const po = await link.textContent();
  await link.click();
  await page.getByRole('heading', { name: `Order ${po}` }).waitFor();
  await page.locator('[data-line="1"]').waitFor();
  assert.ok(await page.locator('ol.timeline').count() >= 1);
  assert.match(await page.locator('#order-raw').textContent(), new RegExp(`"purchaseOrderId": "${po}"`));
  await page.getByRole('tab', { name: 'XML' }).click();
  await page.locator('#order-raw', { hasText: '<?xml' }).waitFor();
  assert.match(await page.locator('#order-raw').textContent(), new RegExp(`purchaseOrderId>${po}<`));
  await shot('order-page');
});

test('admin creates orders and delivers one from the console', async () => {
  await signInAdmin();
  await page.getByRole('link', { name: 'Marketplace' }).click();
  await page.locator('#m-seller').fill('seller-a');
  const create = page.locator('form[data-op="Create orders"]');
  await create.getByLabel('How many').fill('2');
  await create.getByLabel('Lines per order').fill('1');
  await create.getByLabel('Ship node type').selectOption('SellerFulfilled');
  await create.getByRole('button', { name: 'Create orders' }).click();
  const call = create.locator('[data-call]');
  await call.waitFor();
  assert.match(await call.textContent(), /POST \/sandbox\/v1\/sellers\/seller-a\/orders → 201/);
  const answer = JSON.parse(await call.locator('pre').last().textContent());
  assert.equal(answer.created, 2);
  const po = answer.purchaseOrderIds[0];
  await shot('marketplace');
  // The seller's app acknowledges and ships it through the Walmart API.
  const token = await sellerToken('client-a', SECRET_A);
  assert.equal((await walmart(token, 'POST', `/v3/orders/${po}/acknowledge`)).status, 200);
  const shipped = await walmart(token, 'POST', `/v3/orders/${po}/shipping`, { orderShipment: { orderLines: { orderLine: [{
    lineNumber: '1', orderLineStatuses: { orderLineStatus: [{ status: 'Shipped', statusQuantity: { unitOfMeasurement: 'EACH', amount: '1' },
      trackingInfo: { shipDateTime: Date.now() - 60000, carrierName: { carrier: 'UPS' }, methodCode: 'Standard', trackingNumber: '1Z999AA10123456784' } }] } }] } } });
  assert.equal(shipped.status, 200, shipped.text);
  await page.evaluate((id) => { location.hash = `#/order/seller-a/${id}`; }, po);
  await page.getByRole('heading', { name: `Order ${po}` }).waitFor();
  await page.locator('#order-units', { hasText: 'Shipped 1' }).waitFor();
  await page.getByRole('button', { name: 'Deliver line 1 (1 shipped)' }).click();
  await page.locator('#order-units', { hasText: 'Delivered 1' }).waitFor();
  assert.match(await page.locator('.last-call').textContent(), /POST \/sandbox\/v1\/sellers\/seller-a\/orders\/\d+\/deliver → 200/);
  assert.match(await page.locator('ol.timeline').first().textContent(), /Delivered/);
  await shot('order-delivered');
});

test('a seller sees its own orders and not another seller\'s', async () => {
  const other = (await control('GET', 'seller-b/orders?limit=1')).json.list.elements.order[0].purchaseOrderId;
  await page.goto(`${base}/console/`);
  await page.getByLabel('Client id').fill('client-a');
  await page.getByLabel('Client secret').fill(SECRET_A);
  await page.getByRole('button', { name: 'Sign in as seller' }).click();
  await page.getByText(/32 orders match/).waitFor();
  assert.equal(await page.locator('#f-seller').isHidden(), true);
  assert.equal(await page.getByRole('link', { name: 'Marketplace' }).isHidden(), true);
  // The secret is nowhere in the page.
  assert.equal((await page.content()).includes(SECRET_A), false);
  await page.getByLabel('Purchase order id').fill(other);
  await page.getByRole('button', { name: 'Apply filters' }).click();
  await page.getByText('No orders match these filters.').waitFor();
  await page.evaluate((po) => { location.hash = `#/order/-/${po}`; }, other);
  await page.getByText(/This order cannot be shown: 404/).waitFor();
  assert.equal(await page.locator('[data-line]').count(), 0);
  await shot('seller-isolation');
});

test('charts: orders per day by status and requests per route', async () => {
  await signInAdmin();
  await page.getByRole('link', { name: 'Charts' }).click();
  await page.locator('#c-seller').selectOption('seller-a');
  await page.getByRole('button', { name: 'Draw' }).click();
  await page.locator('#chart-orders svg[aria-label*="32 orders"]').waitFor();
  assert.ok(await page.locator('#chart-orders svg rect').count() >= 1);
  await page.locator('#metrics-table td', { hasText: 'GET /sandbox/v1/sellers/{sellerId}/orders' }).first().waitFor();
  await shot('charts');
});

test('a webhook delivery is shown with its attempts and can be replayed', async (t) => {
  // A receiver that refuses every event, so the delivery records attempts.
  const receiver = http.createServer((req, res) => { req.resume(); res.writeHead(500); res.end('no'); });
  await new Promise((r) => receiver.listen(0, '127.0.0.1', r));
  t.after(() => receiver.close());
  const token = await sellerToken('client-a', SECRET_A);
  const subscribed = await walmart(token, 'POST', '/v3/webhooks/subscriptions', { events: [{ eventType: 'PO_CREATED',
    eventVersion: 'V1', resourceName: 'ORDER', eventUrl: `http://127.0.0.1:${receiver.address().port}/hook`,
    status: 'ACTIVE' }] });
  assert.ok(subscribed.status < 300, subscribed.text);
  assert.equal((await control('POST', 'seller-a/orders', { count: 1, seed: 77 })).status, 201);
  await signInAdmin();
  await page.getByRole('link', { name: 'Deliveries' }).click();
  await page.locator('#d-seller').selectOption('seller-a');
  const delivery = page.locator('[data-delivery]').first();
  for (let i = 0; i < 40 && !(await delivery.isVisible()); i++) {
    await page.getByRole('button', { name: 'Show' }).click();
    await page.waitForTimeout(250);
  }
  await delivery.waitFor();
  assert.match(await delivery.textContent(), /PO_CREATED/);
  await delivery.getByRole('button', { name: 'Replay' }).click();
  await page.locator('[data-call]', { hasText: /replay → 202/ }).waitFor();
  await shot('deliveries');
});
