// The tablet kiosk (/kiosk/NAME). The page never navigates while a voter uses it: every step is fetched
// and shown in place, so the browser's history holds the welcome page only. When the ballot is cast (after
// the receipt is shown) or the kiosk sits idle, the page empties itself and reloads its welcome URL with
// location.replace: nothing of the last voter stays in the page, its history or storage (none is used).
// The only cookie is the kiosk's enrolment (HttpOnly, path /kiosk): not the voter's, and the wipe keeps it.
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
    if (session && navigator.sendBeacon) {
      navigator.sendBeacon(base + '/abandon' + query, new URLSearchParams({ session: session }));
    }
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

  function send(path, data) {
    if (busy) return;
    busy = true;
    setBusy(true);
    fetch(base + path + query, { method: 'POST', body: data, cache: 'no-store', credentials: 'same-origin' })
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
    if (path === '/cast' && ok) {
      session = null; // cast: the server forgot it too
      setTimeout(wipe, receiptMs);
      countDown(Math.round(receiptMs / 1000));
    }
    bind();
    window.scrollTo(0, 0);
    var heading = stage.querySelector('h1');
    if (heading) { heading.setAttribute('tabindex', '-1'); heading.focus(); }
    touched();
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
        if (code) send('/start', new URLSearchParams({ code: code }));
      });
      form('code-form').addEventListener('submit', function (e) {
        e.preventDefault();
        var code = document.getElementById('short-code').value.trim();
        if (code) send('/start', new URLSearchParams({ code: code }));
      });
      document.getElementById('photo').addEventListener('change', function () {
        if (this.files.length) send('/photo', new FormData(form('photo-form')));
      });
    }
    var ballot = form('kiosk-ballot');
    if (ballot) {
      ballot.addEventListener('submit', function (e) {
        e.preventDefault();
        send('/review', new URLSearchParams(new FormData(ballot)));
      });
      document.getElementById('kiosk-cancel').addEventListener('click', wipe);
    }
    var cast = form('kiosk-cast');
    if (cast) {
      cast.addEventListener('submit', function (e) {
        e.preventDefault();
        var action = (e.submitter && e.submitter.getAttribute('data-action')) || 'cast';
        send('/' + action, new URLSearchParams(new FormData(cast)));
      });
    }
    var done = document.getElementById('kiosk-done');
    if (done) done.addEventListener('click', wipe);
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
    fetch(base + '/desk' + query, { method: 'POST', cache: 'no-store', credentials: 'same-origin' }) // a POST: it takes the ballot
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
