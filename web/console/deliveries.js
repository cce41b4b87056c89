// Events and webhook deliveries: a seller's subscriptions and each delivery
// with its attempts, status codes and payload, and replay buttons; the
// /sandbox/v1/sellers/{id}/subscriptions and /deliveries routes. A server
// built without webhooks answers them 404 (URI_NOT_FOUND), and the view
// says so.
'use strict';
(() => {
  const { $, el } = MP;
  const noRoute = (r) => r.status === 404 && /URI_NOT_FOUND/.test(r.text);

  const startLoad = MP.latest();

  async function show() {
    const box = $('#deliveries-body');
    const sellerId = $('#d-seller').value;
    if (!sellerId) { box.replaceChildren(el('p', { text: 'No seller yet.' })); return; }
    const base = `/sandbox/v1/sellers/${encodeURIComponent(sellerId)}`;
    const q = new URLSearchParams();
    if ($('#d-status').value) q.set('status', $('#d-status').value);
    if ($('#d-type').value.trim()) q.set('eventType', $('#d-type').value.trim());
    const current = startLoad();
    const [subs, deliveries] = await Promise.all([
      MP.call('GET', `${base}/subscriptions`), MP.call('GET', `${base}/deliveries${q.toString() ? '?' + q : ''}`)]);
    if (!current()) return;
    if (noRoute(deliveries) || noRoute(subs)) {
      box.replaceChildren(el('p', { id: 'no-deliveries', role: 'status', class: 'card',
        text: `This server has no webhook deliveries: GET ${base}/deliveries answered 404 (no such route). ` +
          'It was built without webhooks, so there are no subscriptions or deliveries to show.' }));
      return;
    }
    const parts = [el('h3', { text: 'Subscriptions' })];
    if (!subs.ok) parts.push(el('p', { class: 'error', text: MP.errorText(subs) }));
    else if (!subs.json.subscriptions.length) parts.push(el('p', { text: 'No subscriptions.' }));
    else parts.push(el('table', {}, el('thead', {}, el('tr', {}, ['Subscription', 'Event', 'Version', 'URL', 'Status'].map((t) => el('th', { scope: 'col', text: t })))),
      el('tbody', {}, subs.json.subscriptions.map((s) => el('tr', {}, el('td', { text: s.subscriptionId || '' }),
        el('td', { text: s.eventType || '' }), el('td', { text: s.eventVersion || '' }),
        el('td', { text: s.eventUrl || s.url || '' }), el('td', { text: s.status || '' }))))));
    const out = el('div', { 'aria-live': 'polite' });
    const replay = async (path) => { const r = await MP.call('POST', path); out.replaceChildren(MP.callBox(r)); };
    parts.push(el('h3', { text: 'Deliveries' }),
      el('button', { type: 'button', onclick: () => replay(`${base}/deliveries/replay`), text: 'Replay every failed delivery' }), out);
    if (!deliveries.ok) parts.push(el('p', { class: 'error', text: MP.errorText(deliveries) }));
    else if (!deliveries.json.deliveries.length) parts.push(el('p', { text: 'No deliveries.' }));
    else for (const d of deliveries.json.deliveries) {
      parts.push(el('div', { class: 'card', 'data-delivery': d.deliveryId },
        el('h4', {}, `${d.eventType} `, MP.badge(d.status === 'DELIVERED' ? 'Delivered' : d.status === 'FAILED' ? 'Cancelled' : 'Created', d.status),
          ` ${d.deliveryId}`),
        el('p', { class: 'hint', text: `to ${d.url} · created ${d.createdAt}${d.nextAttemptAt ? ' · next attempt ' + d.nextAttemptAt : ''}` }),
        el('table', {}, el('thead', {}, el('tr', {}, ['Attempt', 'At', 'Status code', 'Error', 'Duration (ms)'].map((t) => el('th', { scope: 'col', text: t })))),
          el('tbody', {}, (d.attempts || []).map((a) => el('tr', {}, el('td', { text: String(a.attempt) }), el('td', { text: a.at }),
            el('td', { text: a.statusCode === undefined ? 'no answer' : String(a.statusCode) }), el('td', { text: a.error || '' }),
            el('td', { class: 'num', text: String(a.durationMs ?? '') }))))),
        el('details', {}, el('summary', { text: 'Payload' }), el('pre', { text: JSON.stringify(d.payload, null, 2) })),
        el('button', { type: 'button', onclick: () => replay(`${base}/deliveries/${encodeURIComponent(d.deliveryId)}/replay`), text: 'Replay' })));
    }
    box.replaceChildren(...parts);
  }

  MP.views.deliveries = async () => {
    if (!MP.isAdmin()) {
      $('#deliveries-body').replaceChildren(el('p', { text: 'Webhook deliveries are read with the sandbox key: sign in as administrator.' }));
      $('#deliveries-form').hidden = true;
      return;
    }
    $('#deliveries-form').hidden = false;
    await MP.loadSellers();
    MP.fillSellerSelect($('#d-seller'), $('#d-seller').value || (MP.sellers[0] && MP.sellers[0].sellerId));
    await show();
  };
  document.addEventListener('DOMContentLoaded', () => {
    $('#deliveries-form').addEventListener('submit', (e) => { e.preventDefault(); show(); });
  });
})();
