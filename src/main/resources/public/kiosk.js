// The tablet kiosk (/kiosk/NAME). The page never navigates while a voter uses it: every step is fetched
// and shown in place, so the browser's history holds the welcome page only. When the ballot is cast (after
// the receipt is shown) or the kiosk sits idle, the page empties itself and reloads its welcome URL with
// location.replace: nothing of the last voter stays in the page, its history or storage.
// The only cookie is the kiosk's enrolment (HttpOnly, path /kiosk): not the voter's, and the wipe keeps it; the only
// storage is the kiosk's request key (public/kiosk-key.js), which signs every POST. A sealed poll's ballot is
// sealed in the page (public/kiosk-device.js).
(function () {
  'use strict';
  var body = document.getElementById('kiosk');
  if (!body || !window.fetch || !window.DOMParser) return;
  var base = '/kiosk/' + body.getAttribute('data-kiosk');
  var query = location.search; // ?idle=, ?receipt=, ?lang= stay on every request of this voter
  // The next voter's welcome URL keeps the organiser's timers and drops this voter's language, text size, colours
  // and audio (kiosk-access.js): they start again in Vietnamese.
  var welcomeQuery = (function () {
    var kept = new URLSearchParams(location.search);
    ['lang', 'text', 'theme', 'audio'].forEach(function (name) { kept.delete(name); });
    return kept.toString() ? '?' + kept.toString() : '';
  })();
  var idleMs = Number(body.getAttribute('data-idle')) * 1000;
  var receiptMs = Number(body.getAttribute('data-receipt')) * 1000;
  var stage = document.getElementById('stage');
  var session = null;   // the only thing of the voter the script holds: a random id, forgotten on wipe
  var busy = false;
  var wiping = false;
  var idleTimer = null;

  function onWelcome() { return !!document.getElementById('welcome'); }

  function wipe() {
    if (wiping) return;
    wiping = true;
    if (session) post('/abandon', new URLSearchParams({ session: session }).toString(), FORM, true).catch(function () { /* gone */ });
    session = null;
    stage.textContent = '';
    location.replace(base + welcomeQuery);
  }

  function touched() {
    clearTimeout(idleTimer);
    idleTimer = setTimeout(idle, idleMs);
  }

  function idle() {
    var typed = Array.prototype.some.call(document.querySelectorAll('#welcome input[type=text]'), function (i) { return i.value !== ''; });
    // A message on screen, or a language, size or colours chosen (kiosk-access.js): the next voter must not find them.
    var left = document.querySelector('#kiosk-error:not([hidden]), #kiosk-reloaded:not([hidden])') || document.documentElement.hasAttribute('data-voter-chose');
    if (!onWelcome() || typed || left) wipe(); else touched();
  }

  ['pointerdown', 'keydown', 'input', 'touchstart', 'wheel'].forEach(function (type) {
    document.addEventListener(type, touched, { capture: true, passive: true });
  });
  document.addEventListener('contextmenu', function (e) { e.preventDefault(); });
  window.addEventListener('pageshow', function (e) { if (e.persisted) wipe(); });

  var FORM = 'application/x-www-form-urlencoded;charset=UTF-8';
  var kiosk = body.getAttribute('data-kiosk');
  var clockOffset = Number(body.getAttribute('data-now')) - Date.now(); // the station's clock, which checks the time signed

  /**
   * Every POST of this page goes through here, signed with the tablet's kiosk key (public/kiosk-key.js):
   * `data` is a string or the exact bytes to send; `keep` lets it finish while the page goes away.
   */
  function post(path, data, type, keep) {
    var bytes = typeof data === 'string' ? new TextEncoder().encode(data) : (data || new Uint8Array(0));
    var headers = { 'Content-Type': type || FORM };
    // A photo is streamed to the station, not read before the check: its proof signs an empty body (kiosk/KioskRequestProof).
    var signed = path === '/photo' ? new Uint8Array(0) : bytes;
    var proof = window.kvKioskKey && window.kvKioskKey.sign(kiosk, 'POST', base + path, signed, clockOffset);
    if (proof) headers['X-Kiosk-Proof'] = proof;
    return fetch(base + path + query, { method: 'POST', headers: headers, body: bytes, cache: 'no-store', credentials: 'same-origin',
      keepalive: !!keep });
  }
  window.kvKiosk = { post: post };

  /** A photo as the multipart body the station reads (built here, so the bytes signed are the bytes sent). */
  function multipart(file) {
    return file.arrayBuffer().then(function (content) {
      var n = window.noble;
      var boundary = '----kioskvote' + n.bytesToHex(n.randomBytes(12));
      return { type: 'multipart/form-data; boundary=' + boundary, bytes: n.concatBytes(
        n.utf8ToBytes('--' + boundary + '\r\nContent-Disposition: form-data; name="photo"; filename="photo"\r\nContent-Type: '
          + (file.type || 'application/octet-stream') + '\r\n\r\n'),
        new Uint8Array(content), n.utf8ToBytes('\r\n--' + boundary + '--\r\n')) };
    });
  }

  function send(path, data, type) {
    if (busy) return;
    busy = true;
    setBusy(true);
    post(path, data, type)
      .then(function (r) { return r.text().then(function (html) { show(html, r.ok, path); }); })
      .catch(function () { showError(body.getAttribute('data-unreachable')); })
      .then(function () { busy = false; setBusy(false); });
  }

  function setBusy(on) {
    var note = document.getElementById('kiosk-busy');
    if (note) note.hidden = !on;
    Array.prototype.forEach.call(document.querySelectorAll('#stage button'), function (b) { b.disabled = on; });
  }

  function show(html, ok, path) {
    var page = new DOMParser().parseFromString(html, 'text/html');
    var content = page.getElementById('main') || page.body;
    if (!ok && onWelcome()) {
      var words = Array.prototype.map.call(content.querySelectorAll('h1, .lead, p'), function (p) { return p.textContent; });
      var notice = content.querySelector('[data-code]');
      // A mistyped short code: the message names the group; the text stays, to be corrected, not typed again.
      showError(words.join(' '), notice && notice.getAttribute('data-code') === 'token_code_typo');
      return;
    }
    stage.textContent = '';
    while (content.firstChild) stage.appendChild(document.adoptNode(content.firstChild));
    var held = stage.querySelector('input[name=session]');
    if (held) session = held.value;
    if (!ok) addStartAgain();
    if (path === '/cast' && ok) receiptShown();
    bind();
    shown();
  }

  function shown() {
    window.scrollTo(0, 0);
    var heading = stage.querySelector('h1');
    if (heading) { heading.setAttribute('tabindex', '-1'); heading.focus(); }
    touched();
  }

  /** A step a script made in the page (public/kiosk-device.js: the review, the ballot again, the receipt). */
  function place(step) {
    stage.textContent = '';
    stage.appendChild(step);
    shown();
  }

  function receiptShown() {
    session = null; // cast: the server forgot it too
    setTimeout(wipe, receiptMs);
    countDown(Math.round(receiptMs / 1000));
    var done = document.getElementById('kiosk-done');
    if (done) done.addEventListener('click', wipe);
  }

  // The receipt says how long it stays; "done" (kiosk-done) ends it sooner.
  function countDown(seconds) {
    var line = document.getElementById('kiosk-countdown');
    if (!line) return;
    line.textContent = body.getAttribute('data-countdown').replace('{0}', seconds);
    if (seconds > 0) setTimeout(function () { countDown(seconds - 1); }, 1000);
  }

  function showError(text, keepCode) {
    var error = document.getElementById('kiosk-error');
    if (!error) return;
    error.textContent = text;
    error.hidden = false;
    if (keepCode && document.getElementById('short-code')) {
      document.getElementById('short-code').focus();
      return;
    }
    Array.prototype.forEach.call(document.querySelectorAll('#welcome input'), function (i) { i.value = ''; });
    var scan = document.getElementById('scan');
    if (scan) scan.focus();
  }

  function addStartAgain() {
    var again = document.createElement('button');
    again.type = 'button';
    again.className = 'primary';
    again.id = 'kiosk-start-again';
    again.textContent = body.getAttribute('data-again');
    again.addEventListener('click', wipe);
    stage.appendChild(again);
  }

  function form(id) { return document.getElementById(id); }

  function bind() {
    var scanForm = form('scan-form');
    if (scanForm) {
      scanForm.addEventListener('submit', function (e) {
        e.preventDefault();
        var code = document.getElementById('scan').value.trim();
        // A scanned slip's secret never leaves the tablet: its short code does (public/slip.js, docs/security.md).
        var secret = /(?:#|^)([0-9]{39})$/.exec(code);
        if (secret && window.kvSlip) code = window.kvSlip.shortCode(secret[1]) || code;
        if (code) send('/start', new URLSearchParams({ code: code }).toString());
      });
      form('code-form').addEventListener('submit', function (e) {
        e.preventDefault();
        var code = document.getElementById('short-code').value.trim();
        if (code) send('/start', new URLSearchParams({ code: code }).toString());
      });
      document.getElementById('photo').addEventListener('change', function () {
        if (this.files.length) multipart(this.files[0]).then(function (m) { send('/photo', m.bytes, m.type); });
      });
    }
    var ballot = form('kiosk-ballot');
    if (ballot) {
      if (ballot.hasAttribute('data-box') && window.kvKioskDevice) { // a sealed poll: sealed in this page
        window.kvKioskDevice(ballot, { place: place, post: post, receiptShown: receiptShown, again: addStartAgain });
      } else {
        ballot.addEventListener('submit', function (e) {
          e.preventDefault();
          send('/review', new URLSearchParams(new FormData(ballot)).toString());
        });
      }
      document.getElementById('kiosk-cancel').addEventListener('click', wipe);
    }
    var cast = form('kiosk-cast');
    if (cast) {
      cast.addEventListener('submit', function (e) {
        e.preventDefault();
        var action = (e.submitter && e.submitter.getAttribute('data-action')) || 'cast';
        send('/' + action, new URLSearchParams(new FormData(cast)).toString());
      });
    }
  }

  // A QR scanner is a keyboard: keep the scan field focused on the welcome screen unless the voter is typing a code.
  document.addEventListener('keydown', function () {
    var scan = document.getElementById('scan');
    if (scan && (document.activeElement === document.body || document.activeElement === null)) scan.focus();
  }, true);

  // The desk may unlock this kiosk for one ballot: ask for it while the welcome screen shows.
  function askDesk() {
    if (wiping) return;
    if (!onWelcome() || busy) { setTimeout(askDesk, 1000); return; }
    post('/desk') // a POST: it takes the ballot
      .then(function (r) {
        if (r.status === 200 && onWelcome() && !busy) return r.text().then(function (html) { show(html, true, '/desk'); });
        // 503: the database did not answer (the enrolment is checked there): the welcome screen stays, ask again.
        if (r.status !== 204 && r.status !== 503 && onWelcome()) return r.text().then(function (html) { show(html, false, '/desk'); });
      })
      .catch(function () { /* the station is restarting: ask again */ })
      .then(function () { setTimeout(askDesk, 1000); });
  }

  bind();
  touched();
  askDesk();
})();
