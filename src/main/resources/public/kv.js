// kioskvote pages: progressive enhancement only. Every page works without this file; with it the
// ballot's review step needs no page load and the chair's screen follows the count live.
(function () {
  'use strict';

  // Phone ballot. The marks and the receipt secret live in the form and in history.state of this one history
  // entry (never a URL, cookie or storage): a refresh, or the language switch (the form re-posted to the other
  // language), puts them back. The review is fetched and shown in place as a history entry of its own, so the
  // back button returns to the ballot. Casting is a fetch that, when the network fails, says so in place and
  // sends again with the same receipt secret; the station counts it once.
  var ballot = document.getElementById('ballot');
  if (ballot && ballot.hasAttribute('data-box')) ballot = null; // a sealed poll's ballot: ballot-device.js has it
  if (ballot) keepMarks(ballot);
  if (ballot && window.fetch && window.DOMParser && window.FormData && window.URLSearchParams) {
    ballot.addEventListener('submit', function (event) {
      event.preventDefault();
      var main = document.getElementById('main');
      var button = ballot.querySelector('button[type=submit]');
      button.disabled = true;
      fetch(ballot.action, { method: 'POST', body: new URLSearchParams(new FormData(ballot)), cache: 'no-store', credentials: 'same-origin' })
        .then(function (response) {
          return response.text().then(function (html) { return { ok: response.ok, html: html }; });
        })
        .then(function (answer) {
          var page = new DOMParser().parseFromString(answer.html, 'text/html');
          var review = page.getElementById('main');
          if (!answer.ok || !review) { ballot.submit(); return; } // let the server explain, as without JS
          var title = document.title;
          var showBallot = function () {
            if (!review.isConnected) return;
            review.replaceWith(main);
            document.title = title;
            window.removeEventListener('popstate', showBallot);
            showTop(main);
          };
          main.replaceWith(review);
          document.title = page.title;
          button.disabled = false;
          history.pushState(Object.assign({}, history.state, { kvReview: true }), '', location.href);
          window.addEventListener('popstate', showBallot);
          showTop(review);
          document.getElementById('change-button').addEventListener('click', function (e) {
            e.preventDefault();
            history.back(); // the popstate shows the ballot again, as the browser's back button does
          });
          castInPlace(document.querySelector('form#cast'));
        })
        .catch(function () { ballot.submit(); });
    });
  }
  var castForm = document.querySelector('form#cast'); // the chair's screen has a span#cast
  if (castForm && window.fetch) castInPlace(castForm); else guardDoubleSubmit(castForm);

  function keepMarks(form) {
    var save = function () {
      var marks = Array.prototype.filter.call(form.elements, function (e) { return e.name && e.name.indexOf('q.') === 0 && e.checked; })
        .map(function (e) { return [e.name, e.value]; });
      history.replaceState({ kvBallot: { poll: form.elements.poll.value, receipt: form.elements.receipt.value, marks: marks } }, '',
        form.getAttribute('data-self') || location.href);
    };
    var kept = history.state && history.state.kvBallot;
    if (kept && kept.poll === form.elements.poll.value) { // a refresh: the same entry, put back as it was
      form.elements.receipt.value = kept.receipt;
      Array.prototype.forEach.call(form.elements, function (e) {
        if (e.name && e.name.indexOf('q.') === 0) e.checked = kept.marks.some(function (m) { return m[0] === e.name && m[1] === e.value; });
      });
    }
    save();
    form.addEventListener('change', save);
    var relang = document.querySelector('nav.lang a');
    if (relang && form.getAttribute('data-relang')) {
      relang.addEventListener('click', function (event) { // the other language, with the marks: the form re-posted
        event.preventDefault();
        form.setAttribute('action', form.getAttribute('data-relang'));
        form.submit();
      });
    }
  }

  function castInPlace(form) {
    if (!form || form.dataset.guarded) return;
    form.dataset.guarded = '1';
    var button = document.getElementById('cast-button');
    var retry = document.getElementById('retry-button');
    var offline = document.getElementById('cast-offline');
    var label = button.textContent;
    var busy = false;
    var timer = null;
    var send = function () {
      if (busy) return;
      busy = true;
      button.disabled = true;
      retry.disabled = true;
      button.textContent = form.getAttribute('data-sending');
      fetch(form.action, { method: 'POST', body: new URLSearchParams(new FormData(form)), cache: 'no-store', credentials: 'same-origin' })
        .then(function (response) {
          clearInterval(timer);
          if (response.ok && response.redirected) {
            history.replaceState(null, '', location.href); // the marks go with the ballot: nothing kept behind
            location.assign(response.url);
            return;
          }
          return response.text().then(function (html) { // the server's own explanation, as a page
            history.replaceState(null, '', location.href);
            document.open();
            document.write(html);
            document.close();
          });
        })
        .catch(function () { // nothing reached the station, or its answer was lost: same secret, counted once
          busy = false;
          button.hidden = true;
          retry.hidden = false;
          retry.disabled = false;
          offline.hidden = false;
          button.textContent = label;
          if (!timer) timer = setInterval(send, 5000);
        });
    };
    form.addEventListener('submit', function (event) {
      var pressed = event.submitter;
      if (pressed && pressed.id === 'change-button') return;
      event.preventDefault();
      send();
    });
    retry.addEventListener('click', send);
  }

  // Receipt: back to the slip's page, which opens the next ballot, or waits for it.
  var next = document.querySelector('[data-back]');
  if (next && history.length > 1) {
    next.hidden = false;
    next.addEventListener('click', function () { history.back(); });
  }

  // Waiting page: when the chair opens or closes a poll, ask the station again (the next ballot, or "over").
  var waiting = document.getElementById('waiting');
  if (waiting && window.EventSource) {
    document.getElementById('wait-auto').hidden = false;
    document.getElementById('wait-manual').hidden = true;
    var feed = new EventSource('/api/live');
    feed.addEventListener('status', function (event) {
      var now = JSON.parse(event.data).polls.map(function (p) { return p.pollId + ':' + p.state; }).join(',');
      if (now !== waiting.getAttribute('data-watch')) { feed.close(); location.reload(); }
    });
  }

  // A ballot page must never come back from the back-forward cache: ask the server again
  // (after a cast, it answers "already used", or waits for the next poll).
  window.addEventListener('pageshow', function (event) {
    if (event.persisted && document.querySelector('form#ballot, form#cast')) location.reload();
  });

  function showTop(root) {
    window.scrollTo(0, 0);
    var heading = root.querySelector('h1');
    if (heading) { heading.setAttribute('tabindex', '-1'); heading.focus(); }
  }

  function guardDoubleSubmit(form) {
    if (!form || form.dataset.guarded) return;
    form.dataset.guarded = '1';
    form.addEventListener('submit', function (event) {
      var pressed = event.submitter || document.getElementById('cast-button');
      if (pressed && pressed.id === 'change-button') return;
      setTimeout(function () { pressed.disabled = true; }, 0);
    });
  }

  // Admin: confirm irreversible actions (closing a poll).
  Array.prototype.forEach.call(document.querySelectorAll('form[data-confirm]'), function (form) {
    form.addEventListener('submit', function (event) {
      if (!window.confirm(form.getAttribute('data-confirm'))) event.preventDefault();
    });
  });

  // The meeting editor: a refused form in the other language keeps what was typed (the form re-posted there).
  var refused = document.querySelector('form[data-refused][data-relang]');
  var otherLang = document.querySelector('nav.lang a');
  if (refused && otherLang) {
    otherLang.addEventListener('click', function (event) {
      event.preventDefault();
      refused.setAttribute('action', refused.getAttribute('data-relang'));
      refused.submit();
    });
  }

  // Chair's screen: turnout live from /api/live (event "status"); a change of poll state reloads the
  // page, which then shows the results of a closed poll. Never any partial result, except the running counts
  // of an open vote (docs/rules.md, "Open vote"), the only poll whose status carries them.
  var chair = document.getElementById('chair');
  if (chair && window.EventSource) {
    var source;
    var connect = function () {
      source = new EventSource('/api/live');
      source.addEventListener('status', function (event) { showStatus(JSON.parse(event.data).polls); setLive(true); });
      source.onopen = function () { setLive(true); };
      source.onerror = function () {
        setLive(false);
        if (source.readyState === EventSource.CLOSED) setTimeout(connect, 2000); // the browser gave up: try again ourselves
      };
    };
    connect();
  }

  function setLive(up) {
    var live = document.getElementById('live');
    live.textContent = up ? live.getAttribute('data-live') : live.getAttribute('data-lost');
    live.className = up ? 'live' : 'live lost';
  }

  function showStatus(polls) {
    var watch = chair.getAttribute('data-watch');
    if (watch && watch !== polls.map(function (p) { return p.pollId + ':' + screenState(p); }).join(',')) { location.reload(); return; }
    var poll = polls.filter(function (p) { return p.pollId === chair.getAttribute('data-poll'); })[0];
    if (!poll) return;
    // A roster imported meanwhile changes which figures the screen shows: let the server lay them out again.
    if (screenState(poll) !== chair.getAttribute('data-state') || (chair.getAttribute('data-roster') === 'yes') !== !!poll.rosterUsed) {
      location.reload();
      return;
    }
    var of = poll.present > 0 ? poll.present : poll.issued;
    text('cast', poll.cast);
    text('of', of);
    text('present', poll.present);
    text('summoned', poll.summoned);
    text('issued', poll.issued);
    text('handed-out', poll.handedOut);
    var bar = document.getElementById('bar');
    if (bar) {
      bar.setAttribute('aria-valuenow', poll.cast);
      bar.setAttribute('aria-valuemax', of);
      document.getElementById('fill').style.width = (of ? Math.min(100, Math.floor(poll.cast * 100 / of)) : 0) + '%';
    }
    var quorum = document.getElementById('quorum');
    if (quorum) quorum.hidden = poll.quorumMet;
    if (poll.liveCounts) Object.keys(poll.liveCounts).forEach(function (k) { text('live-' + k, poll.liveCounts[k]); });
  }

  function screenState(p) {
    return (p.phase || p.state) + (p.resultsShown ? '+shown' : '');
  }

  // Chair's screen, results: every subject on one screen when they fit; otherwise pages of as many as fit,
  // turned by the operator with the keyboard (→, Page Down, space; ←, Page Up).
  var results = document.getElementById('results');
  if (results) {
    var items = Array.prototype.slice.call(results.querySelectorAll('.result'));
    var pager = document.getElementById('pager');
    var pages = [];
    var shown = 0;
    var fits = function () { return document.documentElement.scrollHeight <= window.innerHeight + 1; };
    var show = function (from, count) { items.forEach(function (e, i) { e.hidden = i < from || i >= from + count; }); };
    var layout = function () {
      pages = [];
      pager.hidden = true;
      show(0, items.length);
      if (fits()) { pages = [[0, items.length]]; return; }
      pager.hidden = false;
      pager.textContent = ' ';
      for (var from = 0; from < items.length;) {
        var count = items.length - from;
        for (; count > 1; count--) { show(from, count); if (fits()) break; }
        pages.push([from, count]);
        from += count;
      }
      if (pages.length === 1) { pager.hidden = true; show(0, items.length); return; } // one subject taller than the screen: nothing to turn
      turn(0);
    };
    var turn = function (page) {
      shown = Math.max(0, Math.min(pages.length - 1, page));
      show(pages[shown][0], pages[shown][1]);
      pager.textContent = results.getAttribute('data-page-label').replace('{page}', shown + 1).replace('{pages}', pages.length);
    };
    document.addEventListener('keydown', function (event) {
      if (pages.length < 2) return;
      if (event.key === 'ArrowRight' || event.key === 'PageDown' || event.key === ' ') { turn(shown + 1); event.preventDefault(); }
      if (event.key === 'ArrowLeft' || event.key === 'PageUp') { turn(shown - 1); event.preventDefault(); }
    });
    window.addEventListener('resize', layout);
    layout();
  }

  function text(id, value) {
    var element = document.getElementById(id);
    if (element) element.textContent = value;
  }
})();
