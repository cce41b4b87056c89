// The marketplace at work: a form per sandbox control API operation
// (src/sandbox/control_*.cc), each showing the call it made and the answer.
'use strict';
(() => {
  const { $, el } = MP;
  let counter = 0;

  const seller = () => $('#m-seller').value.trim();
  const base = () => `/sandbox/v1/sellers/${encodeURIComponent(seller())}`;

  // fields: [name, label, {type, value, options, placeholder, number}]
  function form(title, fields, method, path, { build, button, help, secret } = {}) {
    const out = el('div', { 'aria-live': 'polite' });
    const inputs = fields.map(([name, label, o = {}]) => {
      const id = `m-${++counter}`;
      const input = o.options
        ? el('select', { id, name }, o.options.map((v) => el('option', { value: v, text: v || '(any)' })))
        : el('input', { id, name, type: o.type || 'text', value: o.value, placeholder: o.placeholder, autocomplete: 'off' });
      return [el('label', { for: id, text: label }), input];
    });
    const node = el('form', { class: 'card', 'data-op': title },
      el('h3', { text: title }), help ? el('p', { class: 'hint', text: help }) : null,
      inputs, el('button', { type: 'submit', text: button || title }), out);
    node.addEventListener('submit', async (e) => {
      e.preventDefault();
      if (!seller()) { out.replaceChildren(el('p', { class: 'error', role: 'alert', text: 'Choose a seller first.' })); return; }
      const values = {};
      for (const field of fields) {
        const [name, , o = {}] = field;
        const v = node.elements[name].value.trim();
        if (v === '') continue;
        values[name] = o.number ? Number(v) : v;
      }
      const body = build ? build(values) : (method === 'GET' || method === 'DELETE' ? undefined : values);
      if (body === null) return;
      const target = typeof path === 'function' ? path(values) : base() + path;
      const r = await MP.call(method, target, { body });
      if (secret && r.sentBody) r.sentBody = r.sentBody.replace(/("clientSecret":)"[^"]*"/, '$1"••••••"');
      out.replaceChildren(MP.callBox(r));
      if (r.ok && method !== 'GET') MP.loadSellers().then(fillList);
    });
    return node;
  }

  function fillList() {
    $('#m-sellers').replaceChildren(...MP.sellers.map((s) => el('option', { value: s.sellerId })));
  }

  function snapshotCard() {
    const out = el('div', { 'aria-live': 'polite' });
    const fileId = `m-${++counter}`;
    const file = el('input', { id: fileId, type: 'file', accept: 'application/json,.json' });
    const download = async () => {
      const r = await MP.call('GET', `${base()}/snapshot`);
      const link = r.ok ? el('a', { href: URL.createObjectURL(new Blob([r.text], { type: 'application/json' })),
        download: `snapshot-${seller()}.json`, text: 'Save the snapshot file' }) : null;
      out.replaceChildren(el('div', { class: 'line' }, el('strong', { text: `GET ${base()}/snapshot` }), ' → ',
        el('span', { class: r.ok ? 'ok' : 'bad', text: String(r.status) }), ` (${r.text.length} bytes) `, link),
        r.ok ? null : MP.callBox(r));
    };
    const upload = async () => {
      if (!file.files[0]) { out.replaceChildren(el('p', { class: 'error', text: 'Choose a snapshot file first.' })); return; }
      const r = await MP.call('PUT', `${base()}/snapshot`, { body: await file.files[0].text() });
      r.sentBody = `(${file.files[0].name})`;
      out.replaceChildren(MP.callBox(r));
    };
    const reset = async () => {
      if (!confirm(`Remove every order, fault rule and clock offset of seller ${seller()}?`)) return;
      const r = await MP.call('POST', `${base()}/reset`);
      out.replaceChildren(MP.callBox(r));
    };
    return el('div', { class: 'card', 'data-op': 'Snapshot and reset' }, el('h3', { text: 'Snapshot and reset' }),
      el('button', { type: 'button', onclick: download, text: 'Export snapshot' }),
      el('label', { for: fileId, text: 'Snapshot file to restore' }), file,
      el('button', { type: 'button', onclick: upload, text: 'Restore snapshot' }), ' ',
      el('button', { type: 'button', onclick: reset, text: 'Reset seller' }), out);
  }

  function build() {
    const cards = $('#market-forms');
    cards.replaceChildren(
      form('Create orders', [
        ['count', 'How many', { type: 'number', value: '3', number: true }],
        ['seed', 'Seed (same seed, same orders)', { type: 'number', placeholder: '1', number: true }],
        ['lines', 'Lines per order', { type: 'number', value: '2', number: true }],
        ['quantity', 'Units per line', { type: 'number', value: '1', number: true }],
        ['shipNodeType', 'Ship node type', { options: ['', 'SellerFulfilled', 'WFSFulfilled', '3PLFulfilled'] }],
      ], 'POST', '/orders'),
      form('Deliver shipped packages', [
        ['shippedBefore', 'Shipped before (ISO-8601, empty: all)', { placeholder: '2024-05-02T00:00:00Z' }],
      ], 'POST', '/deliver', { help: 'The carrier delivers every package shipped before that instant.' }),
      form('Customer cancel', [
        ['purchaseOrderId', 'Purchase order id'],
        ['lineNumbers', 'Line numbers (comma separated)', { placeholder: '1,2' }],
      ], 'POST', (v) => `${base()}/orders/${encodeURIComponent(v.purchaseOrderId || '')}/customer-cancel`, {
        build: (v) => ({ lineNumbers: String(v.lineNumbers || '').split(',').map((s) => s.trim()).filter(Boolean) }),
        help: 'The customer asks to cancel (intentToCancel) before the seller ships.' }),
      form('Auto-cancel now', [
        ['shipDays', 'Days past the estimated ship date', { type: 'number', placeholder: '4', number: true }],
        ['acknowledgeHours', 'Hours to acknowledge', { type: 'number', number: true }],
      ], 'POST', '/auto-cancel', { help: "Runs Walmart's auto-cancel job at the seller's time." }),
      form('Advance the clock', [
        ['days', 'Days', { type: 'number', value: '1', number: true }],
        ['hours', 'Hours', { type: 'number', number: true }],
        ['minutes', 'Minutes', { type: 'number', number: true }],
      ], 'POST', '/clock/advance', { help: 'Time passes for this seller; auto-cancel runs at the new time.' }),
      form('Set the clock', [['now', 'Now (ISO-8601)', { placeholder: '2024-05-01T12:00:00Z' }]], 'PUT', '/clock'),
      form('Show the clock', [], 'GET', '/clock'),
      form('Add a fault rule', [
        ['method', 'Method', { options: ['', 'GET', 'POST'] }],
        ['path', 'Path pattern', { value: '/v3/orders*' }],
        ['status', 'Status', { type: 'number', value: '503', number: true }],
        ['times', 'Times (empty: always)', { type: 'number', number: true }],
        ['fraction', 'Fraction of calls (0-1)', { type: 'number', number: true }],
        ['latencyMs', 'Added latency (ms)', { type: 'number', number: true }],
      ], 'POST', '/faults'),
      form('List fault rules', [], 'GET', '/faults'),
      form('Clear fault rules', [], 'DELETE', '/faults'),
      form('Create client credentials', [
        ['clientId', 'Client id'], ['clientSecret', 'Client secret (8+ characters)', { type: 'password' }],
      ], 'POST', '/clients', { secret: true, help: 'The secret is not shown again.' }),
      snapshotCard());
  }

  MP.views.marketplace = async () => {
    if (!MP.isAdmin()) {
      $('#market-forms').replaceChildren(el('p', { text: 'The marketplace controls need the sandbox key: sign in as administrator.' }));
      return;
    }
    await MP.loadSellers();
    fillList();
    if (!seller() && MP.sellers[0]) $('#m-seller').value = MP.sellerParam() || MP.sellers[0].sellerId;
    if (!$('#market-forms').children.length || !$('#market-forms form')) build();
  };
})();
