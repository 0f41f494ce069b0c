// Kiosk page: renders the agent's screen state, pushed by Server-Sent Events from /screen/events, with the settings in
// force (theme, language, offers per screen: event "settings", also read from /kiosk/config at load) applied live.
// Event "identify" shows a banner naming the kiosk; event "restart" (the screen server restarts) makes the page reload
// itself once the new server answers.
(function () {
  'use strict';

  var RETRY_MS = 2000;
  var body = document.body;
  var i18n = window.KioskI18n;
  var settings = {theme: 'default', language: 'en', offersPerScreen: 3};
  var last = null;
  var bannerTimer = null;

  function text(id, value) {
    document.getElementById(id).textContent = value == null ? '' : String(value);
  }

  function renderOffers(offers) {
    var box = document.getElementById('offers');
    var shown = (offers || []).slice(0, Math.max(0, settings.offersPerScreen));
    box.replaceChildren();
    shown.forEach(function (offer) {
      var card = document.createElement('article');
      card.className = 'offer';
      card.dataset.offerId = offer.id;
      var title = document.createElement('h2');
      title.textContent = offer.title;
      card.appendChild(title);
      if (offer.detail) {
        var detail = document.createElement('p');
        detail.textContent = offer.detail;
        card.appendChild(detail);
      }
      box.appendChild(card);
    });
    box.classList.toggle('has-offers', shown.length > 0);
  }

  function message(state) {
    if (state.state === 'printfallback' && i18n.lang() !== 'en') {
      return i18n.t('printfallback.message'); // the agent's English reason is only shown in English
    }
    return i18n.own(state.message);
  }

  function render(state) {
    last = state;
    text('greeting', i18n.own(state.greeting));
    text('message', message(state));
    text('tier', state.tier);
    text('points', state.points == null ? '' : Number(state.points).toLocaleString(i18n.lang()));
    text('next', state.next);
    text('join-url', state.joinUrl);
    document.getElementById('join').classList.toggle('has-url', !!state.joinUrl);
    renderOffers(state.offers);
    body.dataset.tapId = state.tapId || '';
    body.dataset.state = state.state;
    // Extension point: other scripts (print-fallback.js, member.js) render their own parts of the state.
    document.dispatchEvent(new CustomEvent('kiosk:state', {detail: state}));
  }

  function applySettings(next) {
    settings = next;
    body.dataset.theme = next.theme;
    body.dataset.offersPerScreen = String(next.offersPerScreen);
    i18n.use(next.language);
    body.dataset.language = i18n.lang();
    if (last) {
      render(last);
    }
  }

  function identify(who) {
    text('identify-kiosk', i18n.t('identify.banner', {kiosk: who.kiosk}));
    text('identify-store', i18n.t('identify.store', {store: who.store}));
    body.dataset.identify = 'on';
    clearTimeout(bannerTimer);
    bannerTimer = setTimeout(function () { body.dataset.identify = 'off'; }, (who.seconds || 8) * 1000);
  }

  // Reload only once a new server answers: the old one may still answer for a moment while it stops.
  function reloadWhenBack(oldInstance) {
    body.dataset.restarting = 'true';
    text('message', i18n.t('restart.message'));
    fetch('/screen/instance', {cache: 'no-store'})
      .then(function (res) { return res.ok ? res.text() : oldInstance; })
      .catch(function () { return oldInstance; })
      .then(function (instance) {
        if (instance && instance !== oldInstance) {
          location.reload();
        } else {
          setTimeout(function () { reloadWhenBack(oldInstance); }, 200);
        }
      });
  }

  function connect() {
    var source = new EventSource('/screen/events');
    source.addEventListener('screen', function (event) { render(JSON.parse(event.data)); });
    source.addEventListener('settings', function (event) { applySettings(JSON.parse(event.data)); });
    source.addEventListener('identify', function (event) { identify(JSON.parse(event.data)); });
    source.addEventListener('restart', function (event) {
      source.close();
      reloadWhenBack(JSON.parse(event.data).instance);
    });
    source.onopen = function () { body.dataset.connected = 'true'; };
    source.onerror = function () {
      body.dataset.connected = 'false';
      // The browser retries by itself while the stream is CONNECTING; once CLOSED it gives up, so we start again.
      if (source.readyState === EventSource.CLOSED && body.dataset.restarting !== 'true') {
        setTimeout(connect, RETRY_MS);
      }
    };
  }

  fetch('/kiosk/config', {cache: 'no-store'})
    .then(function (res) { return res.json(); })
    .then(function (config) { applySettings(config.screen); })
    .catch(function () { /* the settings also come with the event stream */ });
  connect();
}());
