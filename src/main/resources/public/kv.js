// kioskvote pages: progressive enhancement only. Every page works without this file; with it the
// ballot's review step needs no page load and the chair's screen follows the count live.
(function () {
  'use strict';

  // Phone ballot: fetch the server's own review page and show it in place (same words, same form);
  // "change my answers" brings back the form as it was. Casting stays a plain form post.
  var ballot = document.getElementById('ballot');
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
          main.replaceWith(review);
          document.title = page.title;
          button.disabled = false;
          showTop(review);
          document.getElementById('change-button').addEventListener('click', function (e) {
            e.preventDefault();
            review.replaceWith(main);
            document.title = title;
            showTop(main);
          });
          guardDoubleSubmit(document.getElementById('cast'));
        })
        .catch(function () { ballot.submit(); });
    });
  }
  guardDoubleSubmit(document.getElementById('cast'));

  // A ballot page must never come back from the back-forward cache: ask the server again
  // (after a cast, it answers "already used").
  window.addEventListener('pageshow', function (event) {
    if (event.persisted && (document.getElementById('ballot') || document.getElementById('cast'))) location.reload();
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

  // Chair's screen: turnout live from /api/live (event "status"); a change of poll state reloads the
  // page, which then shows the results of a closed poll. Never any partial result: the feed has none.
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
    if (watch && watch !== polls.map(function (p) { return p.pollId + ':' + (p.phase || p.state); }).join(',')) { location.reload(); return; }
    var poll = polls.filter(function (p) { return p.pollId === chair.getAttribute('data-poll'); })[0];
    if (!poll) return;
    // A roster imported meanwhile changes which figures the screen shows: let the server lay them out again.
    if ((poll.phase || poll.state) !== chair.getAttribute('data-state') || (chair.getAttribute('data-roster') === 'yes') !== !!poll.rosterUsed) {
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
  }

  function text(id, value) {
    var element = document.getElementById(id);
    if (element) element.textContent = value;
  }
})();
