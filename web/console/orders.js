// Orders: the list with GET /v3/orders' filters and cursor paging, and one
// order's page (lines, a timeline per unit, shipments, refunds, raw answer).
// An administrator reads through /sandbox/v1/sellers/{id}/orders, which
// answers exactly what the seller's own GET /v3/orders would.
'use strict';
(() => {
  const { $, el } = MP;
  const STATUSES = ['Created', 'Acknowledged', 'Shipped', 'Delivered', 'Cancelled'];
  let cursors = [];  // nextCursor of each page shown so far: [null, c1, c2, ...]
  let page = 0;
  const startList = MP.latest();
  const startOrder = MP.latest();

  MP.ordersBase = (seller) => MP.isAdmin()
    ? `/sandbox/v1/sellers/${encodeURIComponent(seller)}/orders` : '/v3/orders';

  MP.unitsByStatus = (order) => {
    const counts = {};
    for (const line of (order.orderLines && order.orderLines.orderLine) || []) {
      for (const s of (line.orderLineStatuses && line.orderLineStatuses.orderLineStatus) || []) {
        counts[s.status] = (counts[s.status] || 0) + Number(s.statusQuantity && s.statusQuantity.amount || 0);
      }
    }
    return counts;
  };
  MP.orderTotal = (order) => {
    let total = 0, currency = '';
    for (const line of (order.orderLines && order.orderLines.orderLine) || []) {
      for (const c of (line.charges && line.charges.charge) || []) {
        total += Number(c.chargeAmount.amount) + Number(c.tax ? c.tax.taxAmount.amount : 0);
        currency = c.chargeAmount.currency;
      }
    }
    return `${total.toFixed(2)} ${currency}`;
  };

  function filterQuery() {
    const form = $('#orders-filter');
    const q = new URLSearchParams();
    for (const name of ['status', 'createdStartDate', 'createdEndDate', 'purchaseOrderId', 'sku', 'shipNodeType', 'limit']) {
      const value = form.elements[name].value.trim();
      if (value) q.set(name, value);
    }
    return q;
  }

  async function showPage() {
    const seller = $('#f-seller').value;
    const base = MP.ordersBase(seller);
    const cursor = cursors[page];
    const target = cursor ? `${base}?nextCursor=${encodeURIComponent(cursor.replace(/^\?/, ''))}`
      : `${base}?${filterQuery()}`;
    const current = startList();
    MP.say('Loading orders…');
    const r = await MP.call('GET', target);
    if (!current()) return;
    MP.say('');
    $('#orders-call').textContent = `GET ${target} → ${r.status}`;
    const tbody = $('#orders-table tbody');
    tbody.replaceChildren();
    let orders = [], meta = {};
    if (r.ok) {
      meta = r.json.list.meta || {};
      orders = (r.json.list.elements && r.json.list.elements.order) || [];
    } else if (r.status === 404 && /NOT_FOUND/.test(r.text) && !/URI_NOT_FOUND/.test(r.text)) {
      meta = { totalCount: 0 };  // Walmart answers an empty list with 404
    } else {
      $('#orders-count').textContent = `Error: ${MP.errorText(r)}`;
      $('#orders-next').disabled = true;
      $('#orders-prev').disabled = page === 0;
      return;
    }
    for (const order of orders) {
      const units = MP.unitsByStatus(order);
      const href = `#/order/${encodeURIComponent(seller || '-')}/${encodeURIComponent(order.purchaseOrderId)}`;
      tbody.append(el('tr', {},
        el('td', {}, el('a', { href, text: order.purchaseOrderId })),
        el('td', { text: order.customerOrderId }),
        el('td', { text: MP.fmtDate(order.orderDate) }),
        el('td', { text: (order.shipNode && order.shipNode.type) || 'SellerFulfilled' }),
        el('td', { class: 'num', text: String(((order.orderLines && order.orderLines.orderLine) || []).length) }),
        el('td', {}, Object.entries(units).map(([s, n]) => MP.badge(s, `${s} ${n}`))),
        el('td', { class: 'num', text: MP.orderTotal(order) })));
    }
    const limit = Number(meta.limit || filterQuery().get('limit') || 25);
    const first = page * limit + (orders.length ? 1 : 0);
    $('#orders-count').textContent = meta.totalCount === 0 ? 'No orders match these filters.'
      : `${meta.totalCount} orders match · showing ${first}–${page * limit + orders.length}`;
    $('#orders-page').textContent = `Page ${page + 1}`;
    cursors[page + 1] = meta.nextCursor || null;
    $('#orders-next').disabled = !meta.nextCursor;
    $('#orders-prev').disabled = page === 0;
  }

  MP.views.orders = async (parts, query) => {
    if (MP.isAdmin()) {
      await MP.loadSellers();
      const chosen = query.get('seller') || $('#f-seller').value || (MP.sellers[0] && MP.sellers[0].sellerId);
      MP.fillSellerSelect($('#f-seller'), chosen);
    }
    cursors = [null];
    page = 0;
    await showPage();
  };

  document.addEventListener('DOMContentLoaded', () => {
    $('#orders-filter').addEventListener('submit', (e) => { e.preventDefault(); cursors = [null]; page = 0; showPage(); });
    $('#orders-filter').addEventListener('reset', () => setTimeout(() => { cursors = [null]; page = 0; showPage(); }));
    $('#f-seller').addEventListener('change', () => { cursors = [null]; page = 0; showPage(); });
    $('#orders-next').addEventListener('click', () => { page += 1; showPage(); });
    $('#orders-prev').addEventListener('click', () => { page = Math.max(0, page - 1); showPage(); });
  });

  // --- one order ------------------------------------------------------------

  // Each unit's history as far as the order answer records it: the order
  // date, the ship time of its package, the line's latest status change.
  function unitTimeline(order, line) {
    const list = el('div', {});
    let unit = 0;
    for (const s of (line.orderLineStatuses && line.orderLineStatuses.orderLineStatus) || []) {
      const n = Number(s.statusQuantity && s.statusQuantity.amount || 0);
      for (let i = 0; i < n; i++) {
        unit += 1;
        const steps = [['Created', order.orderDate, 'order placed']];
        const reached = STATUSES.indexOf(s.status);
        if (s.status !== 'Cancelled' && reached >= 1) steps.push(['Acknowledged', null, 'acknowledged by the seller']);
        if (s.trackingInfo) {
          const t = s.trackingInfo;
          const carrier = t.carrierName && (t.carrierName.carrier || t.carrierName.otherCarrier);
          steps.push(['Shipped', t.shipDateTime, `${carrier || ''} ${t.methodCode || ''} tracking ${t.trackingNumber || '—'}`]);
        }
        if (s.status === 'Delivered') steps.push(['Delivered', line.statusDate, 'delivered by the carrier']);
        if (s.status === 'Cancelled') steps.push(['Cancelled', line.statusDate, s.cancellationReason || '']);
        list.append(el('p', { class: 'unit' }, `Unit ${unit} `, MP.badge(s.status)),
          el('ol', { class: 'timeline', 'aria-label': `Line ${line.lineNumber} unit ${unit} history` },
            steps.map(([status, at, what]) => el('li', {}, MP.badge(status), ' ',
              el('time', { text: at ? MP.fmtDate(at) : 'time not recorded' }), ' ', what))));
      }
    }
    return list;
  }

  function controlButtons(seller, po, line, refresh) {
    if (!MP.isAdmin()) return null;
    const out = el('div', { class: 'callbox' });
    const shipped = ((line.orderLineStatuses && line.orderLineStatuses.orderLineStatus) || [])
      .filter((s) => s.status === 'Shipped').reduce((n, s) => n + Number(s.statusQuantity.amount), 0);
    const base = `/sandbox/v1/sellers/${encodeURIComponent(seller)}/orders/${encodeURIComponent(po)}`;
    const act = async (path, body) => {
      const r = await MP.call('POST', path, { body });
      out.replaceChildren(MP.callBox(r));
      if (r.ok) await refresh(out);
    };
    return el('div', {},
      el('button', { type: 'button', disabled: shipped === 0, onclick: () => act(`${base}/deliver`,
        { lines: [{ lineNumber: line.lineNumber, quantity: shipped }] }),
        text: `Deliver line ${line.lineNumber} (${shipped} shipped)` }), ' ',
      el('button', { type: 'button', onclick: () => act(`${base}/customer-cancel`, { lineNumbers: [line.lineNumber] }),
        text: `Customer asks to cancel line ${line.lineNumber}` }),
      out);
  }

  async function showOrder(seller, po, keepCall) {
    const body = $('#order-body');
    const path = MP.isAdmin() ? `${MP.ordersBase(seller)}/${encodeURIComponent(po)}` : `/v3/orders/${encodeURIComponent(po)}`;
    const current = startOrder();
    const r = await MP.call('GET', `${path}?productInfo=true`);
    if (!current()) return;
    $('#order-title').textContent = `Order ${po}`;
    $('#order-back').setAttribute('href', `#/orders${MP.isAdmin() ? '?seller=' + encodeURIComponent(seller) : ''}`);
    if (!r.ok) {
      body.replaceChildren(el('p', { class: 'error', role: 'alert', text: `This order cannot be shown: ${MP.errorText(r)}` }));
      return;
    }
    const order = r.json.order;
    const refresh = async (callNode) => { await showOrder(seller, po, callNode); };
    const lines = (order.orderLines && order.orderLines.orderLine) || [];
    const info = order.shippingInfo || {};
    const addr = info.postalAddress || {};
    const units = MP.unitsByStatus(order);
    const sections = [
      keepCall ? el('div', { class: 'last-call' }, el('h3', { text: 'Last control call' }), keepCall) : null,
      el('dl', { class: 'grid2' },
        el('div', {}, el('dt', { text: 'Customer order' }), el('dd', { text: order.customerOrderId })),
        el('div', {}, el('dt', { text: 'Order date' }), el('dd', { text: MP.fmtDate(order.orderDate) })),
        el('div', {}, el('dt', { text: 'Units' }), el('dd', { id: 'order-units' }, Object.entries(units).map(([s, n]) => MP.badge(s, `${s} ${n}`)))),
        el('div', {}, el('dt', { text: 'Ship to' }), el('dd', { text: `${addr.name || ''}, ${addr.city || ''} ${addr.state || ''} ${addr.postalCode || ''} (${info.methodCode || ''}, ship by ${MP.fmtDate(info.estimatedShipDate)})` })),
        el('div', {}, el('dt', { text: 'Ship node' }), el('dd', { text: (order.shipNode && order.shipNode.type) || 'SellerFulfilled' })),
        el('div', {}, el('dt', { text: 'Total' }), el('dd', { text: MP.orderTotal(order) }))),
      el('h3', { text: 'Lines' }),
    ];
    const shipments = [], refunds = [];
    for (const line of lines) {
      for (const s of (line.orderLineStatuses && line.orderLineStatuses.orderLineStatus) || []) {
        if (s.trackingInfo) shipments.push([line, s]);
      }
      if (line.refund) refunds.push(line);
      sections.push(el('div', { class: 'card', 'data-line': line.lineNumber },
        el('h4', { text: `Line ${line.lineNumber}: ${line.item.productName}` }),
        el('p', {}, `SKU ${line.item.sku} · quantity ${line.orderLineQuantity.amount} · `,
          ((line.orderLineStatuses && line.orderLineStatuses.orderLineStatus) || []).map((s) => MP.badge(s.status, `${s.status} ${s.statusQuantity.amount}`)),
          line.intentToCancel ? el('strong', { text: ` · customer asked to cancel` }) : null),
        unitTimeline(order, line),
        controlButtons(seller, po, line, refresh)));
    }
    sections.push(el('h3', { text: 'Shipments and tracking' }), shipments.length ? el('table', {},
      el('thead', {}, el('tr', {}, ['Line', 'Units', 'Status', 'Shipped', 'Carrier', 'Method', 'Tracking'].map((t) => el('th', { scope: 'col', text: t })))),
      el('tbody', {}, shipments.map(([line, s]) => {
        const t = s.trackingInfo;
        return el('tr', {}, el('td', { text: line.lineNumber }), el('td', { text: s.statusQuantity.amount }),
          el('td', {}, MP.badge(s.status)), el('td', { text: MP.fmtDate(t.shipDateTime) }),
          el('td', { text: (t.carrierName && (t.carrierName.carrier || t.carrierName.otherCarrier)) || '' }),
          el('td', { text: t.methodCode || '' }),
          el('td', {}, t.trackingURL ? el('a', { href: t.trackingURL, rel: 'noreferrer', text: t.trackingNumber }) : (t.trackingNumber || '—')));
      }))) : el('p', { text: 'Nothing shipped yet.' }));
    sections.push(el('h3', { text: 'Refunds' }), refunds.length ? el('table', {},
      el('thead', {}, el('tr', {}, ['Line', 'Refund', 'Reason', 'Charge', 'Amount'].map((t) => el('th', { scope: 'col', text: t })))),
      el('tbody', {}, refunds.flatMap((line) => (line.refund.refundCharges.refundCharge || []).map((c) =>
        el('tr', {}, el('td', { text: line.lineNumber }), el('td', { text: line.refund.refundId || '' }),
          el('td', { text: c.refundReason }), el('td', { text: c.charge.chargeName }),
          el('td', { class: 'num', text: `${c.charge.chargeAmount.amount} ${c.charge.chargeAmount.currency}` })))))) : el('p', { text: 'No refunds.' }));
    // The raw answer, in both of the API's representations.
    const raw = el('pre', { id: 'order-raw', tabindex: '0', text: JSON.stringify(r.json, null, 2) });
    const tab = (label, accept) => el('button', { type: 'button', role: 'tab', 'aria-selected': accept === 'application/json' ? 'true' : 'false',
      onclick: async (e) => {
        for (const b of e.target.parentNode.children) b.setAttribute('aria-selected', b === e.target ? 'true' : 'false');
        const again = await MP.call('GET', `${path}?productInfo=true`, { accept });
        raw.textContent = again.json ? JSON.stringify(again.json, null, 2) : again.text;
      }, text: label });
    sections.push(el('h3', { text: 'Raw answer' }), el('p', { class: 'line' }, `GET ${path}?productInfo=true`),
      el('div', { class: 'tabs', role: 'tablist', 'aria-label': 'Representation' }, tab('JSON', 'application/json'), ' ', tab('XML', 'application/xml')), raw);
    body.replaceChildren(...sections.filter(Boolean));
  }

  MP.views.order = async (parts) => {
    const [seller, po] = parts;
    $('#order-body').replaceChildren(el('p', { text: 'Loading…' }));
    await showOrder(seller, po, null);
  };
})();
