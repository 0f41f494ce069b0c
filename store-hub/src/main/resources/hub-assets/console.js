// Operator console: every action is a REST call to /api/... with the session (the access layer checks the role, the
// CSRF header and records the caller in the audit log). Text goes through textContent only.
(function () {
  'use strict';
  const $ = (id) => document.getElementById(id);
  let csrf = '';
  const el = (tag, text, attrs) => {
    const e = document.createElement(tag);
    if (text !== undefined) e.textContent = text;
    Object.entries(attrs || {}).forEach(([k, v]) => e.setAttribute(k, v));
    return e;
  };
  async function api(method, path, body) {
    const res = await fetch(path, {method, headers: {'Content-Type': 'application/json', 'X-CSRF-Token': csrf},
      body: body === undefined ? undefined : JSON.stringify(body)});
    const text = await res.text();
    let data = text;
    try { data = text ? JSON.parse(text) : null; } catch (e) { /* plain text */ }
    if (!res.ok) throw new Error(res.status + ': ' + (data && data.error ? data.error : text));
    return data;
  }
  const op = (path) => '/api/' + path;
  function say(text, bad) {
    const m = el('div', text, {class: 'alert ' + (bad ? 'critical' : 'warning'), id: 'message-text'});
    $('message').replaceChildren(m);
  }
  const run = (fn) => async (e) => { if (e) e.preventDefault(); try { await fn(); } catch (err) { say(String(err.message), true); } };
  function row(cells) { const tr = el('tr'); cells.forEach((c) => { const td = el('td'); td.append(c); tr.append(td); }); return tr; }
  function button(text, id, fn) { const b = el('button', text, {id}); b.addEventListener('click', run(fn)); return b; }

  function showCode(kioskId, issued) {
    const box = $('enrolment');
    box.replaceChildren(el('h3', 'Enrolment code for ' + kioskId), el('p', issued.code, {id: 'enrolment-code', class: 'code'}),
      el('p', 'valid until ' + issued.expires + ' - on the kiosk: ' + issued.enrol),
      el('img', undefined, {src: op('kiosks/' + kioskId + '/enrolment-code.svg?t=' + Date.now()), id: 'enrolment-qr',
        alt: 'enrolment QR code', width: 200, height: 200}));
  }

  async function showConfig(id) {
    const cfg = await api('GET', op('kiosks/' + id + '/config'));
    const d = cfg.desired || {};
    const settings = {'reader-type': d.readerType, 'printer-address': d.printerAddress, 'theme': d.theme,
      'language': d.language, 'answer-timeout-ms': d.answerTimeoutMs, 'offers-per-screen': d.offersPerScreen,
      'debounce-ms': d.debounceMs};
    const area = el('textarea', JSON.stringify(settings, null, 2),
      {id: 'config-json', rows: 10, cols: 80});
    const sync = cfg.sync ? 'desired v' + cfg.sync.desiredVersion + ', applied v' + cfg.sync.appliedVersion
      + (cfg.sync.drift ? ' (drifting)' : ' (in sync)') + (cfg.sync.refusal ? ': ' + cfg.sync.refusal : '') : 'no report yet';
    const push = button('Validate and push', 'config-push', async () => {
      const result = await api('PUT', op('kiosks/' + id + '/config'), JSON.parse(area.value));
      say('pushed configuration version ' + (result && result.version !== undefined ? result.version : '?') + ' to ' + id);
      await showConfig(id);
    });
    $('kiosk-detail').replaceChildren(el('h3', 'Configuration of ' + id), el('p', sync, {id: 'config-sync'}), area, el('br'), push);
  }

  async function command(id, type) {
    say('sent ' + type + ' to ' + id + '...');
    const result = await api('POST', op('kiosks/' + id + '/commands'), {type});
    say(type + ' on ' + id + ': ' + JSON.stringify(result));
  }

  async function loadKiosks() {
    const kiosks = await api('GET', '/api/kiosks');
    const table = $('kiosks');
    table.replaceChildren(row(['Kiosk', 'Zone', 'State', 'Config', 'Version', 'Actions'].map((h) => el('b', h))));
    kiosks.forEach((k) => {
      const actions = el('span');
      actions.append(button('Code', 'code-' + k.kioskId, async () => showCode(k.kioskId, await api('POST', op('kiosks/' + k.kioskId + '/enrolment-code')))),
        ' ', button('Config', 'config-' + k.kioskId, () => showConfig(k.kioskId)));
      ['IDENTIFY', 'PRINT_TEST_PAGE', 'RELOAD_CONFIG', 'RESTART_SCREEN'].forEach((t) =>
        actions.append(' ', button(t.toLowerCase().replaceAll('_', ' '), t.toLowerCase() + '-' + k.kioskId, () => command(k.kioskId, t))));
      actions.append(' ', button('Retire', 'retire-' + k.kioskId, async () => {
        if (!confirm('Retire ' + k.kioskId + '? Its credentials stop working for good.')) return;
        await api('DELETE', op('kiosks/' + k.kioskId)); say('retired ' + k.kioskId); await refresh();
      }));
      const tr = row([k.kioskId, k.zone, k.online ? 'online' : 'offline',
        k.config ? (k.config.drift ? 'drifting' : 'in sync v' + k.config.appliedVersion) : '-', k.version || '-', actions]);
      tr.id = 'row-' + k.kioskId;
      table.append(tr);
    });
  }

  async function loadOffers() {
    const offers = await api('GET', '/api/offers');
    const table = $('offers');
    table.replaceChildren(row(['Offer', 'Title', 'Category', 'State', 'Actions'].map((h) => el('b', h))));
    (Array.isArray(offers) ? offers : offers.offers || []).forEach((o) => {
      const edit = button('Edit', 'edit-' + o.id, async () => { $('offer-json').value = JSON.stringify(o, null, 2); });
      const del = button('Delete', 'delete-' + o.id, async () => { await api('DELETE', op('offers/' + o.id)); await refresh(); });
      const verb = o.paused ? 'resume' : 'pause';
      const toggle = button(o.paused ? 'Resume' : 'Pause', verb + '-' + o.id, async () => {
        await api('POST', op('offers/' + o.id + '/' + verb)); say((o.paused ? 'resumed ' : 'paused ') + o.id); await refresh();
      });
      const actions = el('span');
      actions.append(edit, ' ', toggle, ' ', del);
      const tr = row([o.id, o.title || '', o.category || '', o.paused ? 'paused' : 'running', actions]);
      tr.id = 'offer-' + o.id;
      table.append(tr);
    });
  }

  async function loadAudit() {
    const entries = await api('GET', '/api/audit?limit=50');
    const table = $('audit');
    table.replaceChildren(row(['When', 'Who', 'Action', 'Target', 'Result'].map((h) => el('b', h))));
    entries.forEach((a) => table.append(row([new Date(a.at).toLocaleString(), a.actor, a.action, a.target, String(a.outcome)])));
  }

  let admin = false;
  function showPassword(user, password) {
    $('user-password').textContent = 'password for ' + user + ' (shown once, hand it over safely): ' + password;
  }
  async function loadUsers() {
    if (!admin) return;
    const users = await api('GET', '/api/users');
    const table = $('users');
    table.replaceChildren(row(['User', 'Role', 'State', 'Actions'].map((h) => el('b', h))));
    users.forEach((u) => {
      const role = el('select', undefined, {id: 'role-' + u.username});
      ['staff', 'operator', 'admin'].forEach((r) => {
        const o = el('option', r, {value: r});
        if (u.role.toLowerCase() === r) o.selected = true;
        role.append(o);
      });
      const userAction = (text, id, method, path, after) => button(text, id + '-' + u.username, async () => {
        const result = await api(method, '/api/users/' + encodeURIComponent(u.username) + path,
          method === 'PUT' ? {role: role.value} : undefined);
        if (after) after(result); else say(text.toLowerCase() + ': ' + u.username);
        await Promise.all([loadUsers(), loadAudit()]);
      });
      const actions = el('span');
      actions.append(role, ' ', userAction('Set role', 'set-role', 'PUT', '/role'), ' ',
        userAction('Reset password', 'reset', 'POST', '/password', (r) => showPassword(u.username, r.password)), ' ',
        u.disabled ? userAction('Enable', 'enable', 'POST', '/enable') : userAction('Disable', 'disable', 'POST', '/disable'),
        ' ', userAction('Unlock', 'unlock', 'POST', '/unlock'), ' ', button('Delete', 'delete-user-' + u.username, async () => {
          if (!confirm('Delete user ' + u.username + '?')) return;
          await api('DELETE', '/api/users/' + encodeURIComponent(u.username)); say('deleted ' + u.username);
          await Promise.all([loadUsers(), loadAudit()]);
        }));
      const state = [u.disabled ? 'disabled' : 'enabled', u.locked ? 'locked' : ''].filter((x) => x).join(', ');
      const tr = row([u.username, u.role.toLowerCase(), state, actions]);
      tr.id = 'user-' + u.username;
      table.append(tr);
    });
  }

  async function refresh() { await Promise.all([loadKiosks(), loadOffers(), loadAudit(), loadUsers()]); }

  $('create-user').addEventListener('submit', run(async () => {
    const name = $('new-user-name').value.trim();
    const created = await api('POST', '/api/users', {username: name, role: $('new-user-role').value});
    showPassword(name, created.password);
    await Promise.all([loadUsers(), loadAudit()]);
  }));

  $('create-kiosk').addEventListener('submit', run(async () => {
    const id = $('new-kiosk-id').value.trim();
    const body = {kioskId: id, zone: $('new-kiosk-zone').value.trim() || id};
    if ($('new-kiosk-profile').value.trim()) body.hardwareProfile = $('new-kiosk-profile').value.trim();
    showCode(id, await api('POST', op('kiosks'), body));
    say('created kiosk ' + id);
    await refresh();
  }));
  $('offer-save').addEventListener('click', run(async () => {
    const offer = JSON.parse($('offer-json').value);
    await api('PUT', op('offers/' + offer.id), offer).catch(() => api('POST', op('offers'), offer));
    say('saved offer ' + offer.id); await refresh();
  }));
  $('member-search').addEventListener('submit', run(async () => {
    const by = $('member-by').value;
    const table = $('member-found');
    table.replaceChildren(row(['Member', 'Name', 'Tier', 'Points', 'Visits', 'Last visit', 'Consents', 'Credentials',
      'Live coupons'].map((h) => el('b', h))));
    let found = [];
    try {
      found = (await api('GET', op('members/search?' + by + '=' + encodeURIComponent($('member-query').value.trim())))).members;
    } catch (err) {
      if (!String(err.message).startsWith('404')) throw err;
      say('no member matches');
    }
    found.forEach((m) => {
      const consents = Object.entries(m.consents || {}).filter(([, v]) => v).map(([k]) => k).join(', ') || 'none';
      const pick = button(m.memberId, 'member-pick-' + m.memberId, async () => { $('member-id').value = m.memberId; });
      const tr = row([pick, m.firstName || '(no consent)', m.tier, String(m.points), String(m.visits),
        m.lastVisit ? new Date(m.lastVisit).toLocaleString() : '-', consents,
        (m.credentials || []).map((c) => c.type.toLowerCase()).join(', ') || '-', String(m.liveCoupons)]);
      tr.id = 'member-' + m.memberId;
      table.append(tr);
    });
    await loadAudit();
  }));
  $('member-export').addEventListener('click', run(async () => {
    const data = await api('GET', op('members/' + encodeURIComponent($('member-id').value.trim()) + '/export'));
    $('member-result').textContent = JSON.stringify(data, null, 2); await loadAudit();
  }));
  $('member-erase').addEventListener('click', run(async () => {
    const id = $('member-id').value.trim();
    if (!confirm('Erase member ' + id + ' and everything about them?')) return;
    $('member-result').textContent = JSON.stringify(await api('DELETE', op('members/' + encodeURIComponent(id))), null, 2);
    await loadAudit();
  }));
  run(async () => {
    const me = await api('GET', '/api/me');
    csrf = me.csrf;
    admin = me.role === 'ADMIN';
    $('users-section').hidden = !admin;
    await refresh(); setInterval(() => loadKiosks().catch(() => {}), 5000); })();
}());
