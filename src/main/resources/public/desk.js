// The check-in desk: search as you type, then one button per action, each a call to the admin JSON API
// (the admin session cookie carries the login). After every action the list is fetched again, rendered
// by the station. A QR handed out is shown once and cleared when the clerk hides it.
(function () {
  'use strict';
  var people = document.getElementById('desk-people');
  if (!people || !window.fetch) return;
  var search = document.getElementById('desk-search');
  var poll = document.getElementById('desk-poll');
  var kiosk = document.getElementById('desk-kiosk');
  var timer = null;

  function notice(text, isError) {
    var ok = document.getElementById('desk-notice');
    var bad = document.getElementById('desk-error');
    ok.hidden = isError; bad.hidden = !isError;
    (isError ? bad : ok).textContent = text;
  }

  function message(json) {
    var lang = document.documentElement.lang === 'en' ? 'en' : 'vi';
    return json && json.error ? json.error.message[lang] : '';
  }

  // The confirmation of the last action is shown next to the person it was for, once the list is fetched again.
  var lastPerson = null;
  var lastText = '';

  function refresh() {
    var url = '/admin/desk/people?q=' + encodeURIComponent(search.value) + '&poll=' + encodeURIComponent(poll.value || '');
    fetch(url, { cache: 'no-store', credentials: 'same-origin' })
      .then(function (r) { return r.text(); })
      .then(function (html) {
        var page = new DOMParser().parseFromString(html, 'text/html');
        var main = page.getElementById('main') || page.body;
        people.textContent = '';
        while (main.firstChild) people.appendChild(document.adoptNode(main.firstChild));
        var row = lastPerson && people.querySelector('[data-person="' + lastPerson + '"]');
        if (row && lastText) {
          var note = document.createElement('p');
          note.className = 'person-note ' + (lastText.bad ? 'warning' : 'notice-ok');
          note.setAttribute('role', 'status');
          note.textContent = lastText.text;
          row.appendChild(note);
        }
      });
  }

  function api(path, body) {
    return fetch(path, { method: 'POST', credentials: 'same-origin', cache: 'no-store',
      headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) })
      .then(function (r) { return r.json().then(function (json) { return { ok: r.ok, json: json }; }); });
  }

  function done(answer, okText) {
    if (!answer.ok) { notice(message(answer.json), true); lastText = { text: message(answer.json), bad: true }; refresh(); return; }
    var json = answer.json;
    if (json.slip) {
      document.getElementById('desk-qr-code').innerHTML = json.slip.qrSvg; // the station's own SVG, no user text in it
      document.getElementById('desk-qr-short').textContent = json.slip.shortCode;
      document.getElementById('desk-qr').hidden = false;
      document.getElementById('desk-qr').scrollIntoView();
    }
    notice(okText(json), false);
    lastText = { text: okText(json), bad: false };
    refresh();
  }

  // The words come from the page (#desk-words, from the bundles), with {0} replaced by the value given.
  function words(name, value) {
    var text = document.getElementById('desk-words').getAttribute('data-' + name);
    return value === undefined ? text : text.replace('{0}', function () { return value; });
  }

  people.addEventListener('click', function (e) {
    var button = e.target.closest('button[data-action]');
    if (!button) return;
    var person = button.closest('[data-person]').getAttribute('data-person');
    var action = button.getAttribute('data-action');
    lastPerson = person;
    if (action === 'undo') {
      api('/api/admin/desk/undo', { personId: person, pollId: poll.value }).then(function (a) {
        done(a, function () { return words('undone'); });
      });
      return;
    }
    if (action === 'present') {
      api('/api/admin/roster/' + person + '/present', { present: true }).then(function (a) {
        done(a, function () { return words('present'); });
      });
      return;
    }
    var body = { personId: person, pollId: poll.value, kind: action === 'KIOSK-VOTER' ? 'KIOSK' : action };
    if (action === 'KIOSK') body.kiosk = kiosk.value.trim();
    api('/api/admin/desk/hand-out', body).then(function (a) {
      done(a, function (json) {
        if (json.registered) return words('kiosk-voter');
        if (json.kind === 'KIOSK') return words('sent-to-kiosk', json.kiosk);
        if (json.kind === 'QR') return words('show-qr');
        return words('slip-handed');
      });
    });
  });

  people.addEventListener('submit', function (e) {
    var form = e.target.closest('form.replace');
    if (!form) return;
    e.preventDefault();
    var person = form.closest('[data-person]').getAttribute('data-person');
    lastPerson = person;
    var body = { personId: person, pollId: poll.value, kind: form.elements.kind.value, code: form.elements.code.value.trim() };
    if (body.kind === 'SLIP') body.newCode = form.elements.newCode.value.trim();
    api('/api/admin/desk/replace', body).then(function (a) {
      done(a, function () { return words('replaced'); });
    });
  });

  document.getElementById('desk-qr-hide').addEventListener('click', function () {
    document.getElementById('desk-qr-code').textContent = '';
    document.getElementById('desk-qr-short').textContent = '';
    document.getElementById('desk-qr').hidden = true;
    search.focus();
  });

  // The roster import is the organiser's: the desk clerk's page has no file field, and the rest of the desk must still work.
  var importer = document.getElementById('desk-import');
  if (importer) importer.addEventListener('change', function () {
    var file = this.files[0];
    if (!file) return;
    fetch('/api/admin/roster/import', { method: 'POST', credentials: 'same-origin', body: file, headers: { 'Content-Type': 'text/csv' } })
      .then(function (r) { return r.json().then(function (json) { return { ok: r.ok, json: json }; }); })
      .then(function (a) {
        var report = document.getElementById('desk-import-report');
        report.textContent = '';
        if (!a.ok) { notice(message(a.json), true); return; }
        var lang = document.documentElement.lang === 'en' ? 'en' : 'vi';
        var p = document.createElement('p');
        p.textContent = words('added', a.json.added);
        report.appendChild(p);
        if (a.json.badRows.length) {
          var list = document.createElement('ul');
          a.json.badRows.forEach(function (row) {
            var li = document.createElement('li');
            li.className = 'warning';
            li.textContent = words('line', row.line) + ': ' + row.problem[lang];
            list.appendChild(li);
          });
          report.appendChild(list);
        }
        refresh();
      });
  });

  var kioskTouched = false;
  if (kiosk) kiosk.addEventListener('focus', function () { kioskTouched = true; });

  function loadKiosks() {
    fetch('/api/admin/desk/kiosks', { cache: 'no-store', credentials: 'same-origin' })
      .then(function (r) { return r.json(); })
      .then(function (json) {
        var list = document.getElementById('desk-kiosks');
        list.textContent = '';
        json.kiosks.forEach(function (name) { var o = document.createElement('option'); o.value = name; list.appendChild(o); });
        // Offered once, before the clerk has touched the field: never typed into a field they are clearing or typing in.
        if (!kiosk.value && !kioskTouched && json.kiosks.length) kiosk.value = json.kiosks[0];
        // The ballots sent and not yet picked up, also those sent before a restart of the station.
        var waiting = document.getElementById('desk-waiting');
        waiting.textContent = '';
        (json.waiting || []).forEach(function (w) {
          var li = document.createElement('li');
          li.textContent = words('waiting', w.kiosk);
          waiting.appendChild(li);
        });
      })
      .catch(function () {})
      .then(function () { setTimeout(loadKiosks, 5000); });
  }

  search.addEventListener('input', function () { clearTimeout(timer); timer = setTimeout(refresh, 150); });
  poll.addEventListener('change', refresh);
  refresh();
  loadKiosks();
})();
