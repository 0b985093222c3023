// The slip's credential in the page (docs/security.md, "Slips"). The printed QR code opens /V#DIGITS: the
// digits after '#' are the slip's secret, which a browser never sends. From them this script derives the slip's
// Ed25519 key (HKDF-SHA256, salt "kioskvote-slip-v1", info "slip-key"; token/SlipKey derives the same), keeps
// the secret in this tab's sessionStorage, and goes to /v/PUBLIC-KEY: the pages carry only the public key. When
// the ballot is cast, it signs (meeting, poll, SHA-256 of the cast's fields) with the slip key (token/CastStatement)
// and adds the signature to the form; a ballot sealed on the device is signed the same way (signSealed). What
// the network sees is a public key and a signature of one cast.
// Needs public/vendor/noble.js (pinned, in the jar).
(function () {
  'use strict';
  var N = window.noble;
  var SALT = 'kioskvote-slip-v1';
  var STORE = 'kv-slip:';
  var te = function (s) { return N.utf8ToBytes(s); };

  function secretOf(digits) {
    if (!/^[0-9]{39}$/.test(digits)) return null;
    var n = BigInt(digits);
    if (n >= (BigInt(1) << BigInt(128))) return null;
    var out = new Uint8Array(16);
    for (var i = 15; i >= 0; i--) { out[i] = Number(n & BigInt(255)); n >>= BigInt(8); }
    return out;
  }

  function derive(secret, info, length) {
    return N.hkdf(N.sha256, secret, te(SALT), te(info), length);
  }

  function seedOf(secret) { return derive(secret, 'slip-key', 32); }

  var ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
  function checkCharacter(group) { // Luhn mod 32, as token/ShortCode
    var factor = 2, sum = 0;
    for (var i = group.length - 1; i >= 0; i--) {
      var addend = factor * ALPHABET.indexOf(group.charAt(i));
      factor = factor === 2 ? 1 : 2;
      sum += Math.floor(addend / 32) + addend % 32;
    }
    return ALPHABET.charAt((32 - sum % 32) % 32);
  }

  // The short code of a slip, as printed under its QR code: a kiosk that scans a slip sends this, never the secret.
  function shortCode(digits) {
    var secret = secretOf(digits);
    if (!secret) return null;
    var b = derive(secret, 'short-code', 7), bits = BigInt(0);
    for (var i = 0; i < 7; i++) bits = (bits << BigInt(8)) | BigInt(b[i]);
    bits >>= BigInt(6);
    var data = '';
    for (var j = 0; j < 10; j++) { data = ALPHABET.charAt(Number(bits & BigInt(31))) + data; bits >>= BigInt(5); }
    var g1 = data.slice(0, 5), g2 = data.slice(5);
    return g1 + checkCharacter(g1) + '-' + g2 + checkCharacter(g2);
  }

  function castBody(form) {
    var lines = [];
    new FormData(form).forEach(function (value, name) {
      if (name === 'poll' || name === 'receipt' || name.indexOf('q.') === 0) lines.push(name + '=' + value);
    });
    lines.sort(); // UTF-16 code units, as Java's String order
    return lines.join('\n');
  }

  // The slip's secret for a page's public key: from this tab's sessionStorage, else from the address's fragment.
  function secretFor(publicKey) {
    var digits = null;
    try { digits = sessionStorage.getItem(STORE + publicKey); } catch (e) { /* storage off: the fragment below */ }
    return secretOf(digits || location.hash.replace(/^#/, ''));
  }

  // The slip key's signature of one cast (token/CastStatement): meeting, poll, hex SHA-256 of the body's lines.
  function signCast(secret, meeting, poll, body) {
    var digest = N.bytesToHex(N.sha256(te(body)));
    var statement = 'kioskvote-cast-v1\n' + meeting + '\n' + poll + '\n' + digest;
    return N.bytesToHex(N.ed25519.sign(te(statement), seedOf(secret)));
  }

  // A ballot sealed on this device (public/ballot-device.js): the body is the poll, the retry proof and the
  // SHA-256 of the sealed bytes, sorted; no mark or receipt code is signed or sent. Without the secret the
  // signature is empty and the station says why.
  function signSealed(meeting, poll, proof, sealedBase64) {
    var m = /^\/v\/([0-9a-f]{64})(\/|$)/.exec(location.pathname);
    if (!m) return null;
    var secret = secretFor(m[1]);
    if (!secret) return { slipKey: m[1], signature: '' };
    var raw = atob(sealedBase64), sealed = new Uint8Array(raw.length);
    for (var i = 0; i < raw.length; i++) sealed[i] = raw.charCodeAt(i);
    var lines = ['poll=' + poll, 'proof=' + proof, 'sealed-sha256=' + N.bytesToHex(N.sha256(sealed))];
    lines.sort();
    return { slipKey: N.bytesToHex(N.ed25519.getPublicKey(seedOf(secret))), signature: signCast(secret, meeting, poll, lines.join('\n')) };
  }

  function sign(form) {
    var m = /\/v\/([0-9a-f]{64})\/[a-z]+$/.exec(new URL(form.action, location.href).pathname);
    if (!m) return;
    var secret = secretFor(m[1]);
    if (!secret) return; // unsigned: the station says why and what to do
    var signature = signCast(secret, form.getAttribute('data-meeting'), form.elements.poll.value, castBody(form));
    var input = form.elements.signature;
    if (!input) {
      input = document.createElement('input');
      input.type = 'hidden';
      input.name = 'signature';
      form.appendChild(input);
    }
    input.value = signature;
  }

  window.kvSlip = { shortCode: shortCode, signSealed: signSealed };

  // The slip's entry page (/V#DIGITS): to the ballot under the slip's public key.
  var entry = document.getElementById('slip-entry');
  if (entry) {
    entry.hidden = false;
    var digits = location.hash.replace(/^#/, '');
    var secret = secretOf(digits);
    if (!secret) {
      document.getElementById('slip-missing').hidden = false;
      entry.hidden = true;
      return;
    }
    var publicKey = N.bytesToHex(N.ed25519.getPublicKey(seedOf(secret)));
    var kept = false;
    try { sessionStorage.setItem(STORE + publicKey, digits); kept = true; } catch (e) { /* storage off */ }
    // Replaces this history entry: with storage, the secret leaves the address bar; without, it stays in the fragment.
    location.replace('/v/' + publicKey + (kept ? '' : '#' + digits));
    return;
  }
  // Capture phase: the signature is in the form before kv.js reads it to send the cast.
  document.addEventListener('submit', function (event) {
    if (event.target && event.target.id === 'cast') sign(event.target);
  }, true);
})();
