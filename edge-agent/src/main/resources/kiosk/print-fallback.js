// The coupon the printer could not print (state "printfallback"): its QR code, made by the agent, and its code in clear.
(function () {
  'use strict';

  document.addEventListener('kiosk:state', function (event) {
    var coupon = event.detail.printFallback;
    var qr = document.getElementById('print-fallback-qr');
    var lines = document.getElementById('print-fallback-lines');
    document.getElementById('print-fallback-code').textContent = coupon ? coupon.code : '';
    lines.replaceChildren();
    if (!coupon) {
      qr.removeAttribute('src');
      return;
    }
    qr.src = coupon.qrImage;
    coupon.lines.forEach(function (line) {
      var p = document.createElement('p');
      p.textContent = line;
      lines.appendChild(p);
    });
  });
}());
