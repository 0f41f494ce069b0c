// Kiosk page, member part: progress details, "Print coupon" / "Not for me" on offers, the shopper's choices (consents and
// preferences), the coupon shown after printing, and the QR code of the join or manage link. Actions go to the agent
// (POST /action), which sends them to the hub; the hub answers with a redrawn screen. Nothing is kept between screens.
(function () {
  'use strict';

  var current = null;
  var t = window.KioskI18n.t;

  function el(id) {
    return document.getElementById(id);
  }

  function text(id, value) {
    el(id).textContent = value == null ? '' : String(value);
  }

  function status(message) {
    text('action-status', message);
  }

  function act(action) {
    if (!current || !current.tapId) {
      return;
    }
    action.tapId = current.tapId;
    status(t('status.wait'));
    fetch('/action', {method: 'POST', headers: {'Content-Type': 'application/json'}, body: JSON.stringify(action)})
      .then(function (res) {
        status(res.status === 202 ? '' : res.status === 409 ? t('status.tapAgain') : t('status.retry'));
      })
      .catch(function () { status(t('status.retry')); });
  }

  function offerButtons(state) {
    document.querySelectorAll('#offers .offer').forEach(function (card) {
      var offer = (state.offers || []).find(function (o) { return o.id === card.dataset.offerId; });
      if (state.state !== 'member' || !offer || !offer.printable) {
        return;
      }
      var bar = document.createElement('div');
      bar.className = 'offer-actions';
      bar.appendChild(button(t('offer.print'), 'print', function () { act({type: 'PRINT_COUPON', offerId: offer.id}); }));
      bar.appendChild(button(t('offer.dismiss'), 'dismiss', function () { act({type: 'DISMISS_OFFER', offerId: offer.id}); }));
      card.appendChild(bar);
    });
  }

  function button(label, kind, onClick) {
    var b = document.createElement('button');
    b.type = 'button';
    b.className = kind;
    b.textContent = label;
    b.addEventListener('click', onClick);
    return b;
  }

  function extras(member) {
    var m = member || {};
    text('earned', m.pointsEarned ? t('member.earned', {n: m.pointsEarned}) : '');
    text('new-badges', (m.newBadges || []).length ? t('member.newBadge', {badges: m.newBadges.join(', ')}) : '');
    text('badges', (m.badges || []).join(' · '));
    text('next-badge', m.nextBadge || '');
  }

  function coupon(member) {
    var c = member && member.coupon;
    el('coupon').classList.toggle('has-coupon', !!c);
    text('coupon-code', c ? c.code : '');
    text('coupon-title', c ? c.title : '');
    text('coupon-until', c ? t('coupon.until', {date: String(c.expiresAt).slice(0, 10)}) : '');
    el('coupon-qr').src = c && c.qrUrl ? c.qrUrl : '';
  }

  function choices(state) {
    var ch = state.member && state.member.choices;
    el('choices').classList.toggle('has-choices', !!ch);
    el('choices-form').classList.remove('open');
    if (!ch) {
      return;
    }
    var form = el('choices-form');
    ['recognition', 'personalised', 'nameOnCoupons'].forEach(function (name) {
      form.elements[name].checked = !!ch.consents[name];
    });
    var box = el('choices-categories');
    box.replaceChildren();
    (ch.categories || []).forEach(function (category) {
      var label = document.createElement('label');
      var input = document.createElement('input');
      input.type = 'checkbox';
      input.name = 'pref';
      input.value = category;
      input.checked = (ch.preferences || []).indexOf(category) >= 0;
      label.appendChild(input);
      label.appendChild(document.createTextNode(' ' + category));
      box.appendChild(label);
    });
  }

  function linkQr(state) {
    var url = state.joinUrl;
    el('qr-box').classList.toggle('has-qr', !!url);
    el('link-qr').src = url ? url + '/qr.svg' : '';
    text('link-qr-label', !url ? '' : state.state === 'member' ? t('qr.member') : t('qr.join'));
  }

  el('choices-toggle').addEventListener('click', function () {
    el('choices-form').classList.toggle('open');
  });

  el('choices-form').addEventListener('submit', function (event) {
    event.preventDefault();
    var form = event.target;
    act({type: 'SET_CONSENTS', consents: {recognition: form.elements.recognition.checked,
      personalised: form.elements.personalised.checked, nameOnCoupons: form.elements.nameOnCoupons.checked}});
    var prefs = Array.prototype.slice.call(form.querySelectorAll('input[name=pref]:checked'))
      .map(function (input) { return input.value; });
    act({type: 'SET_PREFERENCES', preferences: prefs});
  });

  document.addEventListener('kiosk:state', function (event) {
    var state = event.detail;
    if (!current || current.tapId !== state.tapId) {
      status('');
    }
    current = state;
    extras(state.member);
    offerButtons(state);
    coupon(state.member);
    choices(state);
    linkQr(state);
  });
}());
