// kioskvote: the tablet kiosk's request key (docs/security.md, "The network"; kiosk/KioskRequestProof).
// crypto.subtle does not exist on a plain-HTTP page, so the key is made with the pinned noble bundle: an Ed25519 key
// pair made when the tablet is enrolled, its private half kept in this tablet's storage (it is the kiosk's, not a
// voter's: nothing of a voter is ever stored), its public half sent with the one-time code. Every kiosk POST is then
// signed: kiosk, method, path, SHA-256 of the body, a counter raised for every request, the station-clock time.
// A request picked up on the air and sent again is refused.
(function (root) {
  'use strict';
  var n = root.noble;
  if (!n || !root.localStorage) return;
  function keyName(kiosk) { return 'kv-kiosk-key:' + kiosk; }
  function counterName(kiosk) { return 'kv-kiosk-counter:' + kiosk; }

  /** A fresh key pair for this kiosk name, kept here; returns the public key (hex) to enrol with. */
  function create(kiosk) {
    var secret = n.ed25519.utils.randomSecretKey();
    root.localStorage.setItem(keyName(kiosk), n.bytesToHex(secret));
    root.localStorage.setItem(counterName(kiosk), '0');
    return n.bytesToHex(n.ed25519.getPublicKey(secret));
  }

  /** The X-Kiosk-Proof header of one request (`body` the exact bytes sent), or null without a key. */
  function sign(kiosk, method, path, body, clockOffset) {
    var secret = root.localStorage.getItem(keyName(kiosk));
    if (!secret) return null;
    var counter = Number(root.localStorage.getItem(counterName(kiosk)) || '0') + 1;
    root.localStorage.setItem(counterName(kiosk), String(counter));
    var time = Date.now() + (clockOffset || 0);
    var message = ['kioskvote kiosk request v1', kiosk, method, path, n.bytesToHex(n.sha256(body)), counter, time].join('\n');
    return counter + '.' + time + '.' + n.bytesToHex(n.ed25519.sign(n.utf8ToBytes(message), n.hexToBytes(secret)));
  }

  root.kvKioskKey = { create: create, sign: sign };

  // The "not enrolled" page: the key goes with the one-time code. A code in the fragment (#enrol=CODE, where the
  // desk page's "enrol this tablet" sends it; a fragment never leaves the browser) is typed in and sent at once.
  var form = document.getElementById('enrol-code-form');
  if (!form) return;
  var kiosk = form.getAttribute('data-kiosk');
  // Sent by fetch, not as a form: this page's no-referrer policy makes a form post's Origin "null", which the
  // station refuses as cross-site; a fetch from the page carries the page's own Origin.
  form.addEventListener('submit', function (event) {
    event.preventDefault();
    var body = new URLSearchParams({ code: form.elements.code.value, key: create(kiosk) }).toString();
    root.fetch(form.action, { method: 'POST', body: body, credentials: 'same-origin', cache: 'no-store',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded;charset=UTF-8' } })
      .then(function (response) {
        if (response.ok) { location.replace('/kiosk/' + kiosk); return; }
        return response.text().then(function (html) {
          var page = new DOMParser().parseFromString(html, 'text/html');
          var words = Array.prototype.map.call(page.querySelectorAll('.notice h1, .notice p'), function (p) { return p.textContent; });
          var error = document.getElementById('enrol-error');
          error.textContent = words.join(' ');
          error.hidden = false;
        });
      })
      .catch(function () { /* the station is restarting: the organiser presses the button again */ });
  });
  var given = /^#enrol=([0-9A-Za-z-]+)$/.exec(location.hash);
  if (given) {
    history.replaceState(null, '', location.pathname + location.search);
    form.elements.code.value = given[1];
    form.requestSubmit();
  }
})(window);
