// Kiosk page, languages: every string the page itself shows, in each language the kiosk supports (the agent's config
// check refuses any other). Texts the hub sends (greetings, offers, ranks) are shown as sent. Local asset, no network.
(function () {
  'use strict';

  var STRINGS = {
    en: {
      'attract.greeting': 'Tap your card or phone',
      'attract.message': 'Say hello and see what\'s waiting for you today',
      'tap.greeting': 'Hello!', 'tap.message': 'One moment...',
      'offline.greeting': 'Welcome!', 'offline.message': 'Your visit is recorded.',
      'refused.greeting': 'Sorry!',
      'refused.message': 'This kiosk cannot record your visit right now. Please let a member of staff know.',
      'unverified.message': 'If it happens again, please ask a member of staff.',
      'unread.greeting': 'Card not read, please try again',
      'unread.message': 'Hold your card or phone flat on the reader.',
      'welcome.message': 'Join our club: points, badges and offers picked for you.',
      'printfallback.greeting': 'Your coupon',
      'printfallback.message': 'The printer could not print it: show this code at the till.',
      'label.tier': 'Tier', 'label.points': 'Points', 'label.joinAt': 'Join at', 'label.coupon': 'Your coupon',
      'choices.toggle': 'Your choices', 'choices.recognition': 'Greet me by name',
      'choices.personalised': 'Offers picked for me', 'choices.nameOnCoupons': 'My name on coupons', 'choices.save': 'Save',
      'offer.print': 'Print coupon', 'offer.dismiss': 'Not for me',
      'status.wait': 'One moment...', 'status.tapAgain': 'Please tap your card again.',
      'status.retry': 'Sorry, please try again.',
      'member.earned': '+{n} points', 'member.newBadge': 'New badge: {badges}', 'coupon.until': 'Valid until {date}',
      'qr.member': 'Your choices and data, on your phone', 'qr.join': 'Scan to join with your phone',
      'identify.banner': 'This is kiosk \u201c{kiosk}\u201d', 'identify.store': 'Store {store}',
      'restart.message': 'Restarting the screen...'
    },
    fr: {
      'attract.greeting': 'Approchez votre carte ou votre t\u00e9l\u00e9phone',
      'attract.message': 'Dites bonjour et d\u00e9couvrez ce qui vous attend aujourd\u2019hui',
      'tap.greeting': 'Bonjour\u00a0!', 'tap.message': 'Un instant...',
      'offline.greeting': 'Bienvenue\u00a0!', 'offline.message': 'Votre visite est enregistr\u00e9e.',
      'refused.greeting': 'D\u00e9sol\u00e9\u00a0!',
      'refused.message': 'Cette borne ne peut pas enregistrer votre visite pour le moment. Merci de pr\u00e9venir le personnel.',
      'unverified.message': 'Si cela se reproduit, adressez-vous au personnel.',
      'unread.greeting': 'Carte non lue, veuillez r\u00e9essayer',
      'unread.message': 'Posez votre carte ou votre t\u00e9l\u00e9phone \u00e0 plat sur le lecteur.',
      'welcome.message': 'Rejoignez notre club\u00a0: points, badges et offres choisies pour vous.',
      'printfallback.greeting': 'Votre bon de r\u00e9duction',
      'printfallback.message': 'L\u2019imprimante n\u2019a pas pu l\u2019imprimer\u00a0: montrez ce code en caisse.',
      'label.tier': 'Niveau', 'label.points': 'Points', 'label.joinAt': 'Inscription', 'label.coupon': 'Votre bon',
      'choices.toggle': 'Vos choix', 'choices.recognition': 'M\u2019accueillir par mon pr\u00e9nom',
      'choices.personalised': 'Des offres choisies pour moi', 'choices.nameOnCoupons': 'Mon nom sur les bons',
      'choices.save': 'Enregistrer',
      'offer.print': 'Imprimer le bon', 'offer.dismiss': 'Pas pour moi',
      'status.wait': 'Un instant...', 'status.tapAgain': 'Veuillez pr\u00e9senter \u00e0 nouveau votre carte.',
      'status.retry': 'D\u00e9sol\u00e9, veuillez r\u00e9essayer.',
      'member.earned': '+{n} points', 'member.newBadge': 'Nouveau badge\u00a0: {badges}',
      'coupon.until': 'Valable jusqu\u2019au {date}',
      'qr.member': 'Vos choix et vos donn\u00e9es, sur votre t\u00e9l\u00e9phone',
      'qr.join': 'Scannez pour vous inscrire avec votre t\u00e9l\u00e9phone',
      'identify.banner': 'Ceci est la borne \u00ab\u00a0{kiosk}\u00a0\u00bb', 'identify.store': 'Magasin {store}',
      'restart.message': 'Red\u00e9marrage de l\u2019\u00e9cran...'
    },
    de: {
      'attract.greeting': 'Karte oder Handy auflegen',
      'attract.message': 'Sagen Sie Hallo und sehen Sie, was heute auf Sie wartet',
      'tap.greeting': 'Hallo!', 'tap.message': 'Einen Moment...',
      'offline.greeting': 'Willkommen!', 'offline.message': 'Ihr Besuch ist gespeichert.',
      'refused.greeting': 'Entschuldigung!',
      'refused.message': 'Dieses Terminal kann Ihren Besuch gerade nicht speichern. Bitte wenden Sie sich an das Personal.',
      'unverified.message': 'Wenn das wieder passiert, wenden Sie sich bitte an das Personal.',
      'unread.greeting': 'Karte nicht gelesen, bitte erneut versuchen',
      'unread.message': 'Legen Sie Karte oder Handy flach auf das Leseger\u00e4t.',
      'welcome.message': 'Werden Sie Mitglied: Punkte, Abzeichen und Angebote f\u00fcr Sie.',
      'printfallback.greeting': 'Ihr Gutschein',
      'printfallback.message': 'Der Drucker konnte ihn nicht drucken: zeigen Sie diesen Code an der Kasse.',
      'label.tier': 'Stufe', 'label.points': 'Punkte', 'label.joinAt': 'Anmelden unter', 'label.coupon': 'Ihr Gutschein',
      'choices.toggle': 'Ihre Einstellungen', 'choices.recognition': 'Mit Namen begr\u00fc\u00dfen',
      'choices.personalised': 'Angebote f\u00fcr mich', 'choices.nameOnCoupons': 'Mein Name auf Gutscheinen',
      'choices.save': 'Speichern',
      'offer.print': 'Gutschein drucken', 'offer.dismiss': 'Nicht f\u00fcr mich',
      'status.wait': 'Einen Moment...', 'status.tapAgain': 'Bitte legen Sie Ihre Karte erneut auf.',
      'status.retry': 'Entschuldigung, bitte erneut versuchen.',
      'member.earned': '+{n} Punkte', 'member.newBadge': 'Neues Abzeichen: {badges}', 'coupon.until': 'G\u00fcltig bis {date}',
      'qr.member': 'Ihre Einstellungen und Daten, auf Ihrem Handy', 'qr.join': 'Scannen und mit dem Handy anmelden',
      'identify.banner': 'Dies ist Terminal \u201e{kiosk}\u201c', 'identify.store': 'Filiale {store}',
      'restart.message': 'Bildschirm wird neu gestartet...'
    },
    es: {
      'attract.greeting': 'Acerque su tarjeta o su m\u00f3vil',
      'attract.message': 'Sal\u00fadenos y descubra lo que le espera hoy',
      'tap.greeting': '\u00a1Hola!', 'tap.message': 'Un momento...',
      'offline.greeting': '\u00a1Bienvenido!', 'offline.message': 'Su visita queda registrada.',
      'refused.greeting': '\u00a1Lo sentimos!',
      'refused.message': 'Este quiosco no puede registrar su visita ahora. Por favor, av\u00edsenos.',
      'unverified.message': 'Si vuelve a ocurrir, pregunte al personal.',
      'unread.greeting': 'Tarjeta no le\u00edda, int\u00e9ntelo de nuevo',
      'unread.message': 'Apoye la tarjeta o el m\u00f3vil sobre el lector.',
      'welcome.message': '\u00danase a nuestro club: puntos, insignias y ofertas para usted.',
      'printfallback.greeting': 'Su cup\u00f3n',
      'printfallback.message': 'La impresora no pudo imprimirlo: muestre este c\u00f3digo en caja.',
      'label.tier': 'Nivel', 'label.points': 'Puntos', 'label.joinAt': 'Inscr\u00edbase en', 'label.coupon': 'Su cup\u00f3n',
      'choices.toggle': 'Sus preferencias', 'choices.recognition': 'Saludarme por mi nombre',
      'choices.personalised': 'Ofertas para m\u00ed', 'choices.nameOnCoupons': 'Mi nombre en los cupones',
      'choices.save': 'Guardar',
      'offer.print': 'Imprimir cup\u00f3n', 'offer.dismiss': 'No me interesa',
      'status.wait': 'Un momento...', 'status.tapAgain': 'Acerque de nuevo su tarjeta.',
      'status.retry': 'Lo sentimos, int\u00e9ntelo de nuevo.',
      'member.earned': '+{n} puntos', 'member.newBadge': 'Nueva insignia: {badges}', 'coupon.until': 'V\u00e1lido hasta {date}',
      'qr.member': 'Sus preferencias y datos, en su m\u00f3vil', 'qr.join': 'Escanee para inscribirse con su m\u00f3vil',
      'identify.banner': 'Este es el quiosco \u00ab{kiosk}\u00bb', 'identify.store': 'Tienda {store}',
      'restart.message': 'Reiniciando la pantalla...'
    }
  };

  // The agent's own screen texts arrive in English: found here, they are shown in the page's language.
  var OWN = {};
  Object.keys(STRINGS.en).forEach(function (key) { OWN[STRINGS.en[key]] = key; });

  var lang = 'en';

  function t(key, vars) {
    var text = (STRINGS[lang] && STRINGS[lang][key]) || STRINGS.en[key] || key;
    Object.keys(vars || {}).forEach(function (name) { text = text.split('{' + name + '}').join(String(vars[name])); });
    return text;
  }

  window.KioskI18n = {
    /** Switches the page to {@code language} ("fr" or "fr-FR"; unknown: English) and translates its fixed texts. */
    use: function (language) {
      var primary = String(language || 'en').split('-')[0];
      lang = STRINGS[primary] ? primary : 'en';
      document.documentElement.lang = lang;
      document.querySelectorAll('[data-i18n]').forEach(function (el) { el.textContent = t(el.dataset.i18n); });
    },
    lang: function () { return lang; },
    t: t,
    /** {@code text} in the page's language when it is one of the agent's own English texts, else as sent. */
    own: function (text) {
      return text != null && OWN[text] ? t(OWN[text]) : text;
    }
  };
}());
