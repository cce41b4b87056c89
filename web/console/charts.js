// Charts: orders per day by status for one seller (from the orders list),
// and request rate, error rate and latency per route from this server's
// own counters (GET /metrics, Prometheus text), sampled every 5 seconds.
'use strict';
(() => {
  const { $, el } = MP;
  const NS = 'http://www.w3.org/2000/svg';
  const COLORS = { Created: '#6e7781', Acknowledged: '#0969da', Shipped: '#8250df', Delivered: '#1a7f37', Cancelled: '#cf222e', Mixed: '#bf8700' };
  const svg = (tag, attrs) => { const n = document.createElementNS(NS, tag); for (const [k, v] of Object.entries(attrs)) n.setAttribute(k, v); return n; };

  // An order's status: its units' common status, or Mixed.
  const orderStatus = (order) => { const keys = Object.keys(MP.unitsByStatus(order)); return keys.length === 1 ? keys[0] : 'Mixed'; };

  const startCount = MP.latest();

  async function ordersPerDay() {
    const current = startCount();
    const days = Number($('#c-days').value);
    const sellerId = $('#c-seller').value;
    const start = new Date(Date.now() - (days - 1) * 86400000).toISOString().slice(0, 10);
    const counts = {};  // day -> status -> n
    let target = `${MP.ordersBase(sellerId)}?limit=200&createdStartDate=${start}`;
    let fetched = 0;
    const box = $('#chart-orders');
    box.replaceChildren(el('p', { text: 'Counting orders…' }));
    while (target && fetched < 5000) {
      const r = await MP.call('GET', target);
      if (!current()) return;
      if (!r.ok) {
        if (r.status !== 404 || /URI_NOT_FOUND/.test(r.text)) { box.replaceChildren(el('p', { class: 'error', text: MP.errorText(r) })); return; }
        break;
      }
      const orders = r.json.list.elements.order || [];
      fetched += orders.length;
      for (const o of orders) {
        const day = new Date(Number(o.orderDate)).toISOString().slice(0, 10);
        const s = orderStatus(o);
        counts[day] = counts[day] || {};
        counts[day][s] = (counts[day][s] || 0) + 1;
      }
      const next = r.json.list.meta.nextCursor;
      target = next ? `${MP.ordersBase(sellerId)}?nextCursor=${encodeURIComponent(next.replace(/^\?/, ''))}` : null;
    }
    const dayList = [];
    for (let i = days - 1; i >= 0; i--) dayList.push(new Date(Date.now() - i * 86400000).toISOString().slice(0, 10));
    for (const d of Object.keys(counts)) if (!dayList.includes(d)) dayList.push(d);
    dayList.sort();
    const max = Math.max(1, ...dayList.map((d) => Object.values(counts[d] || {}).reduce((a, b) => a + b, 0)));
    const W = 40 * dayList.length + 60, H = 240, plotH = 190;
    const chart = svg('svg', { viewBox: `0 0 ${W} ${H}`, width: W, height: H, role: 'img',
      'aria-label': `Orders per day by status, last ${days} days: ${fetched} orders` });
    chart.append(svg('line', { x1: 40, y1: 10, x2: 40, y2: plotH + 10, stroke: '#8c959f' }));
    const maxLabel = svg('text', { x: 34, y: 16, 'text-anchor': 'end', 'font-size': 11 }); maxLabel.textContent = String(max); chart.append(maxLabel);
    const table = el('table', { class: 'sr-only' }, el('caption', { text: 'Orders per day by status' }),
      el('tr', {}, el('th', { text: 'Day' }), Object.keys(COLORS).map((s) => el('th', { text: s }))));
    dayList.forEach((d, i) => {
      let y = plotH + 10;
      for (const s of Object.keys(COLORS)) {
        const n = (counts[d] || {})[s] || 0;
        if (!n) continue;
        const h = n / max * plotH;
        y -= h;
        const rect = svg('rect', { x: 48 + i * 40, y, width: 28, height: h, fill: COLORS[s] });
        const title = svg('title', {}); title.textContent = `${d}: ${n} ${s}`; rect.append(title);
        chart.append(rect);
      }
      const label = svg('text', { x: 62 + i * 40, y: H - 22, 'text-anchor': 'middle', 'font-size': 10 });
      label.textContent = d.slice(5); chart.append(label);
      table.append(el('tr', {}, el('td', { text: d }), Object.keys(COLORS).map((s) => el('td', { text: String((counts[d] || {})[s] || 0) }))));
    });
    box.replaceChildren(chart, el('div', { class: 'legend' }, Object.entries(COLORS).map(([s, c]) =>
      el('span', {}, el('i', { style: `background:${c}` }), s))), el('p', { class: 'hint', text: `${fetched} orders counted.` }), table);
  }

  // --- metrics ---------------------------------------------------------------
  let previous = null, timer = null;
  const parseLabels = (text) => Object.fromEntries([...text.matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)].map((m) => [m[1], m[2]]));
  function parseMetrics(text) {
    const routes = {};  // "GET /v3/orders" -> {total, errors, sum, count}
    const get = (l) => { const k = `${l.method} ${l.route}`; return routes[k] = routes[k] || { total: 0, errors: 0, sum: 0, count: 0 }; };
    for (const line of text.split('\n')) {
      const m = line.match(/^(mporders_http_requests_total|mporders_http_request_duration_seconds_sum|mporders_http_request_duration_seconds_count)\{(.*)\} (\S+)$/);
      if (!m) continue;
      const labels = parseLabels(m[2]);
      const value = Number(m[3]);
      const slot = get(labels);
      if (m[1] === 'mporders_http_requests_total') {
        slot.total += value;
        if (Number(labels.status) >= 400) slot.errors += value;
      } else if (m[1].endsWith('_sum')) slot.sum += value; else slot.count += value;
    }
    return routes;
  }

  async function sampleMetrics() {
    const box = $('#chart-metrics');
    if (!box.isConnected || $('#view-charts').hidden) { clearInterval(timer); timer = null; return; }
    const r = await MP.call('GET', '/metrics', { accept: '*/*' });
    if (!r.ok) { box.replaceChildren(el('p', { text: `This server does not serve /metrics (${r.status}; started with --no-metrics?).` })); return; }
    const now = { at: Date.now(), routes: parseMetrics(r.text) };
    const rows = [];
    for (const [key, cur] of Object.entries(now.routes)) {
      const before = previous && previous.routes[key] || { total: 0, errors: 0, sum: 0, count: 0 };
      const dt = previous ? (now.at - previous.at) / 1000 : null;
      const requests = cur.total - (previous ? before.total : 0);
      const calls = cur.count - (previous ? before.count : 0);
      rows.push({ key, rate: dt ? requests / dt : null, total: cur.total,
        errorRate: requests > 0 ? (cur.errors - (previous ? before.errors : 0)) / requests : (cur.total ? cur.errors / cur.total : 0),
        latency: calls > 0 ? (cur.sum - (previous ? before.sum : 0)) / calls * 1000 : (cur.count ? cur.sum / cur.count * 1000 : 0) });
    }
    previous = now;
    rows.sort((a, b) => b.total - a.total);
    const maxRate = Math.max(0.001, ...rows.map((x) => x.rate || 0));
    box.replaceChildren(el('table', { id: 'metrics-table' },
      el('caption', { class: 'sr-only', text: 'Requests per route' }),
      el('thead', {}, el('tr', {}, ['Route', 'Requests/s', '', 'Errors (4xx/5xx)', 'Mean latency (ms)', 'Total'].map((t) => el('th', { scope: 'col', text: t })))),
      el('tbody', {}, rows.map((x) => el('tr', {}, el('td', { text: x.key }),
        el('td', { class: 'num', text: x.rate === null ? '…' : x.rate.toFixed(2) }),
        el('td', {}, el('span', { class: 'bar', style: `width:${Math.round((x.rate || 0) / maxRate * 120)}px` })),
        el('td', { class: 'num', text: `${(x.errorRate * 100).toFixed(1)} %` }),
        el('td', { class: 'num', text: x.latency.toFixed(2) }),
        el('td', { class: 'num', text: String(x.total) }))))),
      el('p', { class: 'hint', text: 'Rates over the last 5 s; before the second sample, totals since the server started.' }));
  }

  MP.views.charts = async () => {
    if (MP.isAdmin()) {
      await MP.loadSellers();
      MP.fillSellerSelect($('#c-seller'), $('#c-seller').value || (MP.sellers[0] && MP.sellers[0].sellerId));
    }
    ordersPerDay();
    previous = null;
    await sampleMetrics();
    if (!timer) timer = setInterval(sampleMetrics, 5000);
  };
  document.addEventListener('DOMContentLoaded', () => {
    $('#charts-form').addEventListener('submit', (e) => { e.preventDefault(); ordersPerDay(); });
  });
})();
