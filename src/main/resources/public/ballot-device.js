// kioskvote: a sealed poll's ballot sealed on this device (docs/security.md, "Sealed on the device").
// With this script the ballot, its review, "change my answers", the language switch, the retry after a
// network failure and the receipt all happen in the page. The receipt secret is drawn here
// (crypto.getRandomValues) and never sent; the cast carries the slip's public key and its signature of this
// cast (public/slip.js, token/CastStatement), the ballot sealed to the
// poll's box (public/seal.js) and the retry proof: no mark, no secret, no receipt code, and the code never
// goes into a URL or the browser's history. An unsealed poll's ballot goes by the form, signed by public/slip.js.
(function () {
  'use strict';
  var form = document.getElementById('ballot');
  if (!form || !form.getAttribute('data-box') || !window.kvSeal || !window.kvReview || !window.kvSlip || !window.fetch || !window.DOMParser
      || !window.crypto || !window.crypto.getRandomValues) return;

  var ballotMain = document.getElementById('main');
  var shown = null;        // the review or the receipt, while one replaces the ballot
  var view = 'ballot';
  var receiptCode = null;  // on the receipt only, and only in the page
  var pending = null;      // the body of the cast, sealed once per review: a retry sends the same bytes
  var box = null;
  var busy = false;
  var timer = null;
  var ballotTitle = document.title;

  // The station wrote a secret into the form for the form path; this page never uses it. The one drawn here
  // and the marks are kept in this history entry's state (never a URL, cookie or storage), so a refresh,
  // or a retry after one, keeps them.
  var field = form.elements.receipt;
  var kept = history.state && history.state.kvDevice;
  if (kept && kept.poll === form.elements.poll.value) {
    field.value = kept.secret;
    Array.prototype.forEach.call(form.elements, function (e) {
      if (e.name && e.name.indexOf('q.') === 0) e.checked = kept.marks.some(function (m) { return m[0] === e.name && m[1] === e.value; });
    });
  } else {
    field.value = kvSeal.randomSecret();
  }
  save();
  form.addEventListener('change', save);
  fetchBox(); // early: the review's "Cast" does not wait for it

  // Capture phase: these run before kv.js's listeners on the form and the language link, which post to the station.
  document.addEventListener('submit', function (event) {
    if (event.target === form) {
      event.preventDefault();
      event.stopPropagation();
      showReview();
    } else if (event.target.id === 'device-cast') {
      event.preventDefault();
      send();
    }
  }, true);
  document.addEventListener('click', function (event) {
    var link = event.target.closest && event.target.closest('nav.lang a');
    if (!link) return;
    event.preventDefault();
    event.stopPropagation();
    switchLanguage(link.getAttribute('href'));
  }, true);

  function marks() { return window.kvReview.marks(form); }
  function pollOfForm() { return window.kvReview.pollOfForm(form); }

  function save() {
    var kept = [];
    Array.prototype.forEach.call(form.elements, function (e) {
      if (e.name && e.name.indexOf('q.') === 0 && e.checked) kept.push([e.name, e.value]);
    });
    history.replaceState({ kvDevice: { poll: form.elements.poll.value, secret: field.value, marks: kept } }, '',
      form.getAttribute('data-self') || location.href);
    pending = null;
  }

  function fetchBox() {
    if (box) return Promise.resolve(box);
    return fetch(form.getAttribute('data-box'), { cache: 'no-store', credentials: 'same-origin' })
      .then(function (response) {
        if (!response.ok) return response.json().then(function (body) { throw { refusal: body }; });
        return response.json();
      })
      .then(function (answer) {
        // Sealed to only if the meeting key (its fingerprint is on the slip) signed this box key for this poll.
        if (answer.poll !== form.elements.poll.value || !kvSeal.boxIsSigned(answer)) {
          throw { refusal: { error: { message: { vi: form.getAttribute('data-bad-box'), en: form.getAttribute('data-bad-box') } } } };
        }
        box = answer;
        return box;
      });
  }

  function fromTemplate(id) {
    var template = ballotMain.querySelector('template#' + id);
    var main = document.createElement('main');
    main.id = 'main';
    main.appendChild(document.importNode(template.content, true));
    return main;
  }

  function show(main, name) {
    (shown || ballotMain).replaceWith(main);
    shown = main === ballotMain ? null : main;
    view = name;
    var heading = main.querySelector('h1');
    document.title = name === 'ballot' || !heading ? ballotTitle : heading.textContent;
    window.scrollTo(0, 0);
    if (heading && name !== 'ballot') heading.focus();
  }

  function remove(element) { if (element) element.remove(); }

  function showReview() {
    var chosen = marks();
    var review = fromTemplate('device-review');
    kvReview.fill(review, chosen);
    fetchBox().then(function (b) { // the meeting key's fingerprint, to compare with the one printed on the slip
      var check = review.querySelector('#meeting-key-check');
      check.querySelector('code').textContent = kvSeal.meetingKeyFingerprint(b.meetingKey);
      check.hidden = false;
    }).catch(function () { /* the cast says why */ });
    review.querySelector('#change-button').addEventListener('click', function () { if (!busy) history.back(); });
    review.querySelector('#retry-button').addEventListener('click', send);
    // The review is a history entry of its own (as with kv.js): Back, or "change my answers", returns to the ballot.
    if (view === 'ballot') history.pushState(Object.assign({}, history.state, { kvReview: true }), '', location.href);
    show(review, 'review');
  }

  window.addEventListener('popstate', function () {
    if (view === 'review' && !busy) { show(ballotMain, 'ballot'); return; }
    if (view === 'receipt') { // back from the receipt: nothing of the ballot kept; the station says what comes next
      history.replaceState(null, '', location.href);
      location.reload();
    }
  });

  function seal() {
    if (pending) return Promise.resolve(pending);
    return fetchBox().then(function (b) {
      var sealed = kvSeal.sealBallot(b, pollOfForm(), marks(), field.value);
      var poll = form.elements.poll.value;
      var signed = kvSlip.signSealed(form.getAttribute('data-meeting'), poll, sealed.proof, sealed.sealed);
      pending = JSON.stringify({ slipKey: signed ? signed.slipKey : '', signature: signed ? signed.signature : '',
        sealed: sealed.sealed, proof: sealed.proof });
      return pending;
    });
  }

  function send() {
    if (busy || view !== 'review') return;
    busy = true;
    var review = shown;
    var button = review.querySelector('#cast-button');
    var retry = review.querySelector('#retry-button');
    var castForm = review.querySelector('#device-cast');
    var label = button.textContent;
    button.disabled = true;
    retry.disabled = true;
    button.textContent = castForm.getAttribute('data-sending');
    review.querySelector('#cast-refused').hidden = true;
    seal()
      .then(function (body) {
        return fetch(form.getAttribute('data-cast'), { method: 'POST', headers: { 'Content-Type': 'application/json' },
          body: body, cache: 'no-store', credentials: 'same-origin' });
      })
      .then(function (response) {
        return response.json().then(function (answer) {
          if (!response.ok) throw { refusal: answer };
          clearInterval(timer);
          showReceipt(kvSeal.receiptCode(field.value));
        });
      })
      .catch(function (failure) {
        busy = false;
        button.textContent = label;
        if (failure && 'refusal' in failure) { // the station (or the box) said no: say why, nothing was recorded
          clearInterval(timer);
          var refused = review.querySelector('#cast-refused');
          var message = failure.refusal && failure.refusal.error && failure.refusal.error.message;
          refused.textContent = message ? message[castForm.getAttribute('data-lang')] || message.en : '';
          refused.hidden = false;
          button.hidden = true;
          return;
        }
        // Nothing reached the station, or its answer was lost: the same sealed ballot again, counted once.
        button.hidden = true;
        retry.hidden = false;
        retry.disabled = false;
        review.querySelector('#cast-offline').hidden = false;
        if (!timer) timer = setInterval(send, 5000);
      });
  }

  function showReceipt(code) {
    receiptCode = code;
    busy = false;
    // The secret and the marks leave this history entry: a back or a refresh asks the station, which says
    // "already used" or opens the next poll.
    field.value = '';
    history.replaceState(null, '', location.href);
    var receipt = fromTemplate('device-receipt');
    receipt.querySelector('#receipt-code').textContent = code;
    show(receipt, 'receipt');
  }

  /** The other language's page fetched by GET (no mark in it), its words put in place; the marks stay here. */
  function switchLanguage(href) {
    fetch(href, { cache: 'no-store', credentials: 'same-origin' })
      .then(function (response) { return response.text(); })
      .then(function (html) {
        var page = new DOMParser().parseFromString(html, 'text/html');
        var other = page.getElementById('ballot');
        if (!other || other.elements.poll.value !== form.elements.poll.value) { location.assign(href); return; }
        var kept = marks();
        Array.prototype.forEach.call(other.elements, function (e) {
          if (e.name && e.name.indexOf('q.') === 0) e.checked = (kept[e.name.substring(2)] || []).indexOf(e.value) >= 0;
        });
        other.elements.receipt.value = field.value;
        other.elements.receipt.defaultValue = field.value;
        var newMain = document.adoptNode(page.getElementById('main'));
        newMain.querySelectorAll('script').forEach(remove);
        var nav = document.querySelector('nav.lang');
        var otherNav = page.querySelector('nav.lang');
        if (nav && otherNav) nav.replaceWith(document.adoptNode(otherNav));
        document.documentElement.lang = page.documentElement.lang;
        if (view === 'ballot') ballotMain.replaceWith(newMain);
        ballotMain = newMain;
        form = newMain.querySelector('#ballot');
        field = form.elements.receipt;
        form.addEventListener('change', save);
        ballotTitle = page.title;
        if (view === 'receipt') { field.value = ''; showReceipt(receiptCode); return; }
        var wasPending = pending;
        save();
        pending = wasPending; // the same marks: a ballot already sealed (and perhaps sent) stays the one to send
        if (view === 'ballot') document.title = ballotTitle;
        else showReview();
      })
      .catch(function () { /* offline: the page stays in its language, marks in place */ });
  }
})();
