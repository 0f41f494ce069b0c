// Kiosk page: renders the agent's screen state, pushed by Server-Sent Events from /screen/events.
(function () {
  'use strict';

  var RETRY_MS = 2000;
  var body = document.body;

  function text(id, value) {
    document.getElementById(id).textContent = value == null ? '' : String(value);
  }

  function renderOffers(offers) {
    var box = document.getElementById('offers');
    box.replaceChildren();
    (offers || []).forEach(function (offer) {
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
    box.classList.toggle('has-offers', (offers || []).length > 0);
  }

  function render(state) {
    text('greeting', state.greeting);
    text('message', state.message);
    text('tier', state.tier);
    text('points', state.points == null ? '' : Number(state.points).toLocaleString());
    text('next', state.next);
    text('join-url', state.joinUrl);
    document.getElementById('join').classList.toggle('has-url', !!state.joinUrl);
    renderOffers(state.offers);
    body.dataset.tapId = state.tapId || '';
    body.dataset.state = state.state;
    // Extension point: other scripts (print-fallback.js) render their own parts of the state.
    document.dispatchEvent(new CustomEvent('kiosk:state', {detail: state}));
  }

  function connect() {
    var source = new EventSource('/screen/events');
    source.addEventListener('screen', function (event) {
      render(JSON.parse(event.data));
    });
    source.onerror = function () {
      // The browser retries by itself while the stream is CONNECTING; once CLOSED it gives up, so we start again.
      if (source.readyState === EventSource.CLOSED) {
        setTimeout(connect, RETRY_MS);
      }
    };
  }

  connect();
}());
