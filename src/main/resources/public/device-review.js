// kioskvote: the review of a ballot sealed in the page (jte/page/device-review.jte), on the phone
// (public/ballot-device.js) and at the kiosk (public/kiosk-device.js). The template lists every answer; this keeps
// the ones marked, says which questions are blank, and counts an election's kept candidates; and reads the form's
// marks and questions for sealing.
(function (root) {
  'use strict';
  function remove(element) { if (element) element.remove(); }

  /** Fills a copy of the review template: `chosen` maps a question id to the option ids marked. */
  function fill(review, chosen) {
    var blanks = 0;
    Array.prototype.forEach.call(review.querySelectorAll('li[data-q]'), function (li) {
      var picked = chosen[li.getAttribute('data-q')] || [];
      if (li.hasAttribute('data-o') && !li.querySelector('[data-o]')) { // an election's candidate
        var kept = picked.indexOf(li.getAttribute('data-o')) >= 0;
        li.classList.add(kept ? 'kept' : 'crossed');
        remove(li.querySelector(kept ? '[data-crossed]' : '[data-kept]'));
        return;
      }
      Array.prototype.forEach.call(li.querySelectorAll('[data-o]'), function (answer) {
        if (picked.indexOf(answer.getAttribute('data-o')) < 0) answer.remove();
      });
      if (picked.length) {
        Array.prototype.forEach.call(li.querySelectorAll('[data-blank]'), remove);
      } else {
        li.classList.add('blank');
        if (+li.getAttribute('data-min') > 0) blanks++;
      }
    });
    var blankCount = review.querySelector('[data-when=blanks]');
    if (blankCount && blanks > 0) blankCount.textContent = blankCount.getAttribute('data-count').replace('§', blanks);
    else remove(blankCount);
    var list = review.querySelector('ol.election-review');
    if (list) {
      var q = list.querySelector('li[data-q]').getAttribute('data-q');
      var k = (chosen[q] || []).length;
      var count = review.querySelector('#kept-count strong');
      count.textContent = count.getAttribute('data-count').replace('§', k);
      var over = review.querySelector('[data-when=over]');
      if (k > +list.getAttribute('data-seats')) over.textContent = over.getAttribute('data-count').replace('§', k); else remove(over);
      if (k > +list.getAttribute('data-seats') || k >= +list.getAttribute('data-min')) remove(review.querySelector('[data-when=none]'));
    }
  }

  function isMark(e) { return e.name && e.name.indexOf('q.') === 0; }

  /** The form's marks: question id → the option ids checked (what is sealed). */
  function marks(form) {
    var out = {};
    Array.prototype.forEach.call(form.elements, function (e) {
      if (!isMark(e)) return;
      var q = e.name.substring(2);
      out[q] = out[q] || [];
      if (e.checked) out[q].push(e.value);
    });
    return out;
  }

  /** The poll's questions and option ids, in the poll's order, as the form lists them (what the sealed layout pads to). */
  function pollOfForm(form) {
    var questions = [];
    var byId = {};
    Array.prototype.forEach.call(form.elements, function (e) {
      if (!isMark(e)) return;
      var id = e.name.substring(2);
      if (!byId[id]) { byId[id] = { id: id, options: [] }; questions.push(byId[id]); }
      byId[id].options.push({ id: e.value });
    });
    return { id: form.elements.poll.value, questions: questions };
  }

  root.kvReview = { fill: fill, marks: marks, pollOfForm: pollOfForm };
})(typeof window !== 'undefined' ? window : globalThis);
