// mporders console: sign-in, the API helper every view uses, and routing.
// Credentials live in this object only (never in storage, never logged);
// signing out or reloading forgets them.
'use strict';
const MP = {
  auth: null,  // {kind:'admin', key} or {kind:'seller', token, clientId, partnerId}
  sellers: [],
  views: {},
  correlation: 0,
};

MP.$ = (sel, root = document) => root.querySelector(sel);
MP.el = (tag, attrs = {}, ...children) => {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === null || v === false) continue;
    if (k === 'class') node.className = v;
    else if (k === 'text') node.textContent = v;
    else if (k.startsWith('on')) node.addEventListener(k.slice(2), v);
    else node.setAttribute(k, v === true ? '' : v);
  }
  for (const c of children.flat(Infinity)) {
    if (c === null || c === undefined || c === false) continue;
    node.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return node;
};
MP.say = (text) => { MP.$('#status').textContent = text || ''; };
MP.isAdmin = () => MP.auth && MP.auth.kind === 'admin';

// One HTTP call to this server. Returns {method, path, status, ok, text, json,
// sentBody}; network failures become status 0. Secrets are sent in headers
// and never kept in the returned record, which views print.
MP.call = async (method, path, { body, accept = 'application/json', headers = {} } = {}) => {
  const h = { Accept: accept, ...headers };
  if (path.startsWith('/v3/') && MP.auth && MP.auth.kind === 'seller') {
    h['WM_SEC.ACCESS_TOKEN'] = MP.auth.token;
    h['WM_SVC.NAME'] = 'Walmart Marketplace';
    h['WM_QOS.CORRELATION_ID'] = 'console-' + (++MP.correlation);
    if (MP.auth.partnerId) h['WM_PARTNER.ID'] = MP.auth.partnerId;
  }
  if (path.startsWith('/sandbox/') && MP.isAdmin()) h['X-Sandbox-Key'] = MP.auth.key;
  let sent;
  if (body !== undefined) {
    sent = typeof body === 'string' ? body : JSON.stringify(body);
    h['Content-Type'] = 'application/json';
  }
  const record = { method, path, status: 0, ok: false, text: '', json: null, sentBody: sent };
  try {
    const response = await fetch(path, { method, headers: h, body: sent, cache: 'no-store' });
    record.status = response.status;
    record.ok = response.ok;
    record.text = await response.text();
    try { record.json = JSON.parse(record.text); } catch (e) { record.json = null; }
  } catch (e) {
    record.text = String(e);
  }
  return record;
};

// A view redraws on every filter change, and its answers may come back out of
// order. Each view numbers its loads: MP.latest() gives a start() that returns a
// check, true only while no newer load of that view has started, so a slower
// answer to an earlier load is dropped instead of drawn over a newer one.
MP.latest = () => {
  let started = 0;
  return () => { const mine = ++started; return () => mine === started; };
};

// The first error description of a Walmart error body, or the text.
MP.errorText = (r) => {
  const errors = r.json && (r.json.errors && (r.json.errors.error || r.json.errors));
  if (Array.isArray(errors) && errors.length) {
    return `${r.status} ${errors[0].code || ''}: ${errors[0].description || errors[0].info || ''}`;
  }
  return `${r.status} ${r.text.slice(0, 300)}`;
};

// "POST /sandbox/v1/... {body}" and the answer, as a block for a view.
MP.callBox = (r) => MP.el('div', { class: 'callbox', 'data-call': '' },
  MP.el('div', { class: 'line' }, MP.el('strong', { text: `${r.method} ${r.path}` }),
    ' → ', MP.el('span', { class: r.ok ? 'ok' : 'bad', text: String(r.status) })),
  r.sentBody ? MP.el('pre', { text: r.sentBody }) : null,
  (() => {
    // Long answers (a whole order) fold away so the page stays readable.
    const answer = r.json ? JSON.stringify(r.json, null, 2) : r.text;
    return MP.el('details', { open: answer.length < 800 }, MP.el('summary', { text: 'Answer' }),
      MP.el('pre', { text: answer }));
  })());

MP.fmtDate = (ms) => {
  if (ms === undefined || ms === null || ms === '') return '—';
  const d = new Date(Number(ms));
  return isNaN(d) ? String(ms) : d.toISOString().replace('T', ' ').replace(/\.\d+Z$/, 'Z');
};
MP.badge = (status, text) => MP.el('span', { class: `badge s-${status}`, text: text || status });
MP.sellerParam = () => new URLSearchParams(location.hash.split('?')[1] || '').get('seller');

// Sellers for the selects: every seller (admin), none needed for a seller.
MP.loadSellers = async () => {
  if (!MP.isAdmin()) { MP.sellers = []; return; }
  const r = await MP.call('GET', '/sandbox/v1/sellers');
  MP.sellers = r.ok ? r.json.sellers : [];
};
MP.fillSellerSelect = (select, chosen) => {
  select.replaceChildren(...MP.sellers.map((s) => MP.el('option', {
    value: s.sellerId, selected: s.sellerId === chosen,
    text: `${s.sellerId}${s.name && s.name !== s.sellerId ? ' — ' + s.name : ''} (${s.market}, ${s.orders} orders)`,
  })));
};

async function signInAdmin(event) {
  event.preventDefault();
  const input = MP.$('#admin-key');
  const key = input.value;
  input.value = '';
  MP.auth = { kind: 'admin', key };
  const r = await MP.call('GET', '/sandbox/v1/sellers');
  if (!r.ok) {
    MP.auth = null;
    MP.$('#signin-error').textContent = `The sandbox key was refused (${MP.errorText(r)}).`;
    return;
  }
  MP.sellers = r.json.sellers;
  signedIn('Administrator (every seller)');
}

async function signInSeller(event) {
  event.preventDefault();
  const form = event.target;
  const clientId = form.clientId.value.trim();
  const secret = form.clientSecret.value;
  const partnerId = form.partnerId.value.trim();
  form.clientSecret.value = '';
  const headers = {
    Authorization: 'Basic ' + btoa(`${clientId}:${secret}`),
    'Content-Type': 'application/x-www-form-urlencoded',
    'WM_SVC.NAME': 'Walmart Marketplace', 'WM_QOS.CORRELATION_ID': 'console-signin',
    Accept: 'application/json',
  };
  if (partnerId) headers['WM_PARTNER.ID'] = partnerId;
  let r;
  try {
    const response = await fetch('/v3/token', { method: 'POST', headers, body: 'grant_type=client_credentials' });
    r = { status: response.status, ok: response.ok, text: await response.text() };
    try { r.json = JSON.parse(r.text); } catch (e) { r.json = null; }
  } catch (e) { r = { status: 0, ok: false, text: String(e), json: null }; }
  if (!r.ok || !r.json || !r.json.access_token) {
    MP.$('#signin-error').textContent = `The credentials were refused (${MP.errorText(r)}).`;
    return;
  }
  // Only the token is kept; the secret is gone with this function.
  MP.auth = { kind: 'seller', token: r.json.access_token, clientId, partnerId };
  signedIn(`Seller client ${clientId}${partnerId ? ' for ' + partnerId : ''}`);
}

function signedIn(text) {
  MP.$('#signin-error').textContent = '';
  MP.$('#who-text').textContent = text;
  MP.$('#who').hidden = false;
  MP.$('#nav').hidden = false;
  document.body.classList.toggle('admin', MP.isAdmin());
  for (const node of document.querySelectorAll('[data-admin]')) node.hidden = !MP.isAdmin();
  if (location.hash.startsWith('#/') && location.hash !== '#/signin') route();
  else location.hash = '#/orders';
}

function signOut() {
  MP.auth = null;
  MP.sellers = [];
  MP.$('#who').hidden = true;
  MP.$('#nav').hidden = true;
  location.hash = '#/signin';
  route();
}

// #/orders?..., #/order/<seller>/<po>, #/marketplace, #/charts, #/deliveries
function route() {
  const hash = location.hash || '#/signin';
  const [path, query] = hash.slice(1).split('?');
  const parts = path.split('/').filter(Boolean);
  let name = parts[0] || 'signin';
  if (!MP.auth) name = 'signin';
  for (const view of document.querySelectorAll('.view')) view.hidden = view.id !== `view-${name}`;
  for (const link of document.querySelectorAll('#nav a')) {
    if (link.getAttribute('href') === `#/${name}`) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }
  MP.say('');
  const view = MP.views[name];
  if (view) view(parts.slice(1).map(decodeURIComponent), new URLSearchParams(query || ''));
  const heading = MP.$(`#view-${name} h2`);
  if (heading) document.title = `${heading.textContent} — mporders console`;
}
MP.route = route;

document.addEventListener('DOMContentLoaded', () => {
  MP.$('#signin-admin').addEventListener('submit', signInAdmin);
  MP.$('#signin-seller').addEventListener('submit', signInSeller);
  MP.$('#sign-out').addEventListener('click', signOut);
  window.addEventListener('hashchange', route);
  route();
});
