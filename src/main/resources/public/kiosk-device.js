// kioskvote: a sealed poll's ballot at an enrolled tablet kiosk, sealed in the page as on the phone
// (docs/security.md, "Sealed on the device"; public/seal.js, public/device-review.js). The review, "change my
// answers" and the receipt happen in the page; the receipt secret is drawn here (crypto.getRandomValues) and never
// sent; the box key is used only if the meeting key signed it for this poll. The cast carries the kiosk session's
// id (the voter's credential stays in the station), the sealed ballot and the retry proof: no mark, no secret, no
// receipt code. kiosk.js hands over its own steps (`kiosk`): place a step on screen, post, the receipt's timer.
(function (root) {
  'use strict';
  if (!root.kvSeal || !root.kvReview || !root.crypto || !root.crypto.getRandomValues || !root.fetch) return;

  root.kvKioskDevice = function (form, kiosk) {
    var section = form.closest('section');
    var reviewTemplate = section.querySelector('template#kiosk-device-review');
    var receiptTemplate = section.querySelector('template#kiosk-device-receipt');
    var secret = root.kvSeal.randomSecret(); // only in this closure; gone with the page when the kiosk wipes
    var box = null;
    var pending = null; // the cast's body, sealed once per review: a retry sends the same bytes, counted once
    var busy = false;
    fetchBox().catch(function () { /* the cast says why */ });
    form.addEventListener('change', function () { pending = null; });
    form.addEventListener('submit', function (e) {
      e.preventDefault();
      showReview();
    });


    function marks() { return root.kvReview.marks(form); }
    function pollOfForm() { return root.kvReview.pollOfForm(form); }

    function fetchBox() {
      if (box) return Promise.resolve(box);
      return root.fetch(form.getAttribute('data-box'), { cache: 'no-store', credentials: 'same-origin' })
        .then(function (response) {
          if (!response.ok) throw { refusal: form.getAttribute('data-bad-box') };
          return response.json();
        })
        .then(function (answer) {
          // Sealed to only if the meeting key (its fingerprint is on the slip) signed this box key for this poll.
          if (answer.poll !== form.elements.poll.value || !root.kvSeal.boxIsSigned(answer)) throw { refusal: form.getAttribute('data-bad-box') };
          box = answer;
          return box;
        });
    }

    function fromTemplate(template) {
      return document.importNode(template.content, true).querySelector('section');
    }

    function showReview() {
      var review = fromTemplate(reviewTemplate);
      root.kvReview.fill(review, marks());
      fetchBox().then(function (b) {
        var check = review.querySelector('#meeting-key-check');
        check.querySelector('code').textContent = root.kvSeal.meetingKeyFingerprint(b.meetingKey);
        check.hidden = false;
      }).catch(function () { /* the cast says why */ });
      review.querySelector('#kiosk-change-button').addEventListener('click', function () { if (!busy) kiosk.place(section); });
      review.querySelector('#kiosk-cast').addEventListener('submit', function (e) {
        e.preventDefault();
        send(review);
      });
      kiosk.place(review);
    }

    function seal() {
      if (pending) return Promise.resolve(pending);
      return fetchBox().then(function (b) {
        var sealed = root.kvSeal.sealBallot(b, pollOfForm(), marks(), secret);
        pending = JSON.stringify({ session: form.elements.session.value, poll: form.elements.poll.value,
          sealed: sealed.sealed, proof: sealed.proof });
        return pending;
      });
    }

    function send(review) {
      if (busy) return;
      busy = true;
      var button = review.querySelector('#kiosk-cast-button');
      var castForm = review.querySelector('#kiosk-cast');
      var label = button.textContent;
      button.disabled = true;
      button.textContent = castForm.getAttribute('data-sending');
      review.querySelector('#cast-offline').hidden = true;
      review.querySelector('#cast-refused').hidden = true;
      seal()
        .then(function (body) { return kiosk.post('/sealed-cast', body, 'application/json'); })
        .then(function (response) {
          if (response.ok) { showReceipt(); return; }
          return response.text().then(function (html) { throw { refusal: wordsOf(html) }; });
        })
        .catch(function (failure) {
          busy = false;
          button.textContent = label;
          button.disabled = false;
          if (failure && 'refusal' in failure) { // the station said no: why, and nothing was recorded
            var refused = review.querySelector('#cast-refused');
            refused.textContent = failure.refusal || '';
            refused.hidden = false;
            button.hidden = true;
            kiosk.again();
            return;
          }
          // Nothing reached the station, or its answer was lost: "Cast" sends the same sealed ballot again.
          review.querySelector('#cast-offline').hidden = false;
        });
    }

    /** The words of a refusal page (message.jte), for the review's notice. */
    function wordsOf(html) {
      var page = new DOMParser().parseFromString(html, 'text/html');
      return Array.prototype.map.call(page.querySelectorAll('.notice h1, .notice p'), function (p) { return p.textContent; }).join(' ');
    }

    function showReceipt() {
      var receipt = fromTemplate(receiptTemplate);
      receipt.querySelector('#receipt-code').textContent = root.kvSeal.receiptCode(secret);
      secret = null;
      pending = null;
      kiosk.place(receipt);
      kiosk.receiptShown();
    }
  };
})(window);
