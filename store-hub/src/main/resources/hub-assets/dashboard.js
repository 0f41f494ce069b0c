// Staff dashboard: renders each "snapshot" event of /dashboard/events. It stays live for hours without a reload: when the
// stream fails (hub restart, network blip) or goes quiet (no snapshot for STALE_MS: a half-open connection), it closes it
// and reconnects with exponential backoff (1 s doubling to 30 s, jittered); on every (re)connect it fetches the full state
// (/api/dashboard) at once, so nothing stale stays on screen. Memory stays bounded: every render replaces the kiosk grid,
// alerts, feed (at most MAX_FEED rows) and the two 24-bar charts; nothing accumulates. Text goes through textContent only.
(function () {
  'use strict';
  const $ = (id) => document.getElementById(id);
  const el = (tag, cls, text) => {
    const e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined) e.textContent = text;
    return e;
  };
  const time = (iso) => iso ? new Date(iso).toLocaleTimeString([], {hour: '2-digit', minute: '2-digit', second: '2-digit'}) : 'never';
  const ms = (v) => v < 0 ? '-' : Math.round(v) + ' ms';
  const MAX_FEED = 50;
  const MAX_ALERTS = 50;
  const STALE_MS = 10000;

  function kiosk(k) {
    const tile = el('div', 'kiosk ' + (k.online ? 'online' : 'offline'));
    tile.id = 'kiosk-' + k.id;
    tile.dataset.state = k.online ? 'online' : 'offline';
    tile.appendChild(el('h4', null, k.id + ' (' + k.zone + ')'));
    const dl = el('dl');
    const add = (label, value, cls) => { dl.appendChild(el('dt', null, label)); dl.appendChild(el('dd', cls, value)); };
    add('State', k.online ? 'online' : 'offline', 'state');
    add('Reader', k.reader); add('Printer', k.printer); add('Screen', k.screen);
    add('Config', k.config || 'not provisioned', k.drifting ? 'drift' : null);
    add('Version', k.version || '-'); add('Last seen', time(k.lastSeen)); add('Last tap', time(k.lastTap));
    tile.appendChild(dl);
    return tile;
  }

  function figures(t) {
    const box = $('figures');
    box.replaceChildren();
    const add = (label, value, id) => {
      const f = el('div', 'figure'); const b = el('b', null, value); b.id = 'fig-' + id;
      f.appendChild(b); f.appendChild(el('span', null, label)); box.appendChild(f);
    };
    add('taps', String(t.taps), 'taps');
    add('recognised', Math.round(t.recognisedShare * 100) + ' %', 'recognised');
    add('offers shown', String(t.offersShown), 'offers');
    add('coupons printed', String(t.couponsPrinted), 'printed');
    add('coupons redeemed', String(t.couponsRedeemed), 'redeemed');
    add('tap-to-offer p50', ms(t.p50Ms), 'p50');
    add('tap-to-offer p95', ms(t.p95Ms), 'p95');
  }

  // A bar chart of 24 hourly values as inline SVG: no charting library needed, nothing fetched from the internet.
  function bars(target, values, colour) {
    const ns = 'http://www.w3.org/2000/svg';
    const svg = document.createElementNS(ns, 'svg');
    svg.setAttribute('viewBox', '0 0 480 120');
    svg.setAttribute('preserveAspectRatio', 'none');
    const max = Math.max(1, ...values);
    values.forEach((v, h) => {
      const height = v <= 0 ? 0 : Math.max(1, 100 * v / max);
      const r = document.createElementNS(ns, 'rect');
      r.setAttribute('x', h * 20 + 2); r.setAttribute('width', 16);
      r.setAttribute('y', 102 - height); r.setAttribute('height', height); r.setAttribute('fill', colour);
      const tip = document.createElementNS(ns, 'title'); tip.textContent = h + ':00 ' + (v < 0 ? '-' : Math.round(v));
      r.appendChild(tip); svg.appendChild(r);
      if (h % 3 === 0) {
        const label = document.createElementNS(ns, 'text');
        label.setAttribute('x', h * 20 + 2); label.setAttribute('y', 118); label.setAttribute('font-size', 10);
        label.textContent = h + 'h'; svg.appendChild(label);
      }
    });
    target.replaceChildren(svg);
  }

  function render(s) {
    $('kiosks').replaceChildren(...s.kiosks.map(kiosk));
    $('alerts').replaceChildren(...s.alerts.slice(0, MAX_ALERTS).map((a) => {
      const d = el('div', 'alert ' + a.severity, a.message); d.dataset.kind = a.kind; d.dataset.kiosk = a.kiosk; return d;
    }));
    $('feed').replaceChildren(...s.feed.slice(0, MAX_FEED).map((f) => {
      const li = el('li', 'tap'); li.appendChild(el('time', null, time(f.at))); li.appendChild(el('span', null, f.text));
      return li;
    }));
    figures(s.today);
    bars($('chart-taps'), s.today.tapsPerHour, '#1f6feb');
    bars($('chart-latency'), s.today.p95MsPerHour, '#8250df');
  }

  let source = null;
  let backoff = 1000;
  let lastSnapshot = Date.now();
  let retryTimer = null;

  function showLive(state, text) {
    document.body.dataset.live = state;
    $('live').textContent = text;
  }

  function snapshot(data) {
    lastSnapshot = Date.now();
    showLive('live', 'live');
    render(data);
  }

  // The whole state at once after a (re)connect: the grid, figures and alerts never show what was before the gap.
  function refetch() {
    fetch('/api/dashboard', {cache: 'no-store'}).then((r) => r.ok ? r.json() : null).then((d) => { if (d) snapshot(d); },
      () => {});
  }

  function drop() {
    if (source) { source.close(); source = null; }
    showLive('reconnecting', 'reconnecting...');
    if (retryTimer === null) {
      const delay = backoff + Math.random() * 250;
      backoff = Math.min(backoff * 2, 30000);
      retryTimer = setTimeout(retry, delay);
    }
  }

  // Before reopening the stream, ask who we are: a 401 means the session ended (go to the login page), a network error
  // means the hub is still away (back off further).
  function retry() {
    retryTimer = null;
    fetch('/api/me', {cache: 'no-store'}).then((r) => r.status === 401 ? location.assign('/login?next=/') : connect(),
      drop);
  }

  function connect() {
    lastSnapshot = Date.now();
    source = new EventSource('/dashboard/events');
    source.onopen = () => { backoff = 1000; refetch(); };
    source.addEventListener('snapshot', (e) => snapshot(JSON.parse(e.data)));
    source.onerror = drop;
  }

  setInterval(() => { if (source && Date.now() - lastSnapshot > STALE_MS) drop(); }, 2000);
  // For the browser tests and for debugging from the console: the renderer and the caps.
  window.hubDashboard = {render, MAX_FEED};
  connect();
}());
