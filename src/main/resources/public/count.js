// The count page (page/count.jte): the committee types each key card group by group while the room watches.
// Progressive enhancement only: without this file the station makes the same checks (web/CardEntry) and the page
// comes back with the text kept. With it: a full group moves on to the next, a whole code pasted (or typed by a
// QR scanner) spreads over the groups, each group's check character is checked as soon as the group is complete
// (seal/ShareCode: g + Σ αⁱ·sᵢ over GF(32)), a mistake is shown beside its group and named, and the text stays.
// Where the browser has a barcode detector and the laptop a camera, each card's QR code can be scanned.
(function () {
  'use strict';
  var form = document.getElementById('count-form');
  if (!form) return;
  var ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
  var GROUPS = 16;
  var SIZE = 5;
  var status = document.getElementById('count-status');

  function say(pattern) {
    var args = Array.prototype.slice.call(arguments, 1);
    return pattern.replace(/\{(\d)\}/g, function (m, i) { return String(args[Number(i)]); });
  }
  function clean(text) { return text.toUpperCase().replace(/[\s-]/g, ''); }
  function symbol(c) { return c === 'O' ? 0 : c === 'I' || c === 'L' ? 1 : ALPHABET.indexOf(c); }
  function multiply(a, b) { // GF(32) = GF(2)[x]/(x⁵+x²+1)
    var product = 0;
    for (var i = 0; i < 5; i++) {
      if (b & 1) product ^= a;
      b >>= 1;
      a <<= 1;
      if (a & 0x20) a ^= 0x25;
    }
    return product;
  }
  function checkOf(groupNumber, symbols) {
    var check = groupNumber & 31;
    var coefficient = 1;
    for (var i = 0; i < symbols.length; i++) {
      coefficient = multiply(coefficient, 2);
      check ^= multiply(coefficient, symbols[i]);
    }
    return check;
  }
  function isCode(text) { // a whole card: 80 symbols of the cards' alphabet
    var code = clean(text);
    return code.length === GROUPS * SIZE && code.split('').every(function (c) { return symbol(c) >= 0; });
  }

  function fieldsOf(card) { return Array.prototype.slice.call(card.querySelectorAll('input.group-input')); }
  function cardOf(input) { return input.closest('fieldset.card-entry'); }
  function cardNumber(card) { return card.getAttribute('data-card'); }
  function allFields() { return Array.prototype.slice.call(form.querySelectorAll('input.group-input')); }

  /** What is wrong with a group, or '' — {@code finished}: the committee has moved on (or sends), so a short group is a mistake too. */
  function problem(input, finished) {
    var text = clean(input.value);
    var g = Number(input.getAttribute('data-group'));
    var c = cardNumber(cardOf(input));
    for (var i = 0; i < text.length; i++) {
      if (symbol(text.charAt(i)) < 0) return say(form.getAttribute('data-msg-character'), g, c, text.charAt(i));
    }
    if (text.length === 0) return finished ? say(form.getAttribute('data-msg-empty'), g, c) : '';
    if (text.length !== SIZE) return finished || text.length > SIZE ? say(form.getAttribute('data-msg-length'), g, c, text.length) : '';
    var symbols = text.split('').map(symbol);
    return checkOf(g, symbols.slice(0, 4)) === symbols[4] ? '' : say(form.getAttribute('data-msg-check'), g, c);
  }

  /** Shows (or takes away) the message beside a group, and ties the field to it. */
  function mark(input, message) {
    var id = input.id + '-error';
    var shown = document.getElementById(id);
    if (!message) {
      if (shown) shown.remove();
      if (input.getAttribute('aria-describedby') === id) {
        input.removeAttribute('aria-invalid');
        input.removeAttribute('aria-describedby');
      }
      return;
    }
    if (!shown) {
      shown = document.createElement('p');
      shown.className = 'field-error';
      shown.id = id;
      var box = cardOf(input).querySelector('.card-messages');
      var after = Array.prototype.find.call(box.children, function (p) { return groupOfMessage(p) > Number(input.getAttribute('data-group')); });
      box.insertBefore(shown, after || null);
    }
    shown.textContent = message;
    input.setAttribute('aria-invalid', 'true');
    input.setAttribute('aria-describedby', id);
  }
  function groupOfMessage(p) { var m = /-g(\d+)-error$/.exec(p.id); return m ? Number(m[1]) : 99; }

  /** A card edited: what the station said about the whole card (another poll's, given twice…) no longer holds. */
  function forgetCardMessage(card) {
    var id = 'share' + cardNumber(card) + '-error';
    var shown = document.getElementById(id);
    if (shown) shown.remove();
    fieldsOf(card).forEach(function (f) {
      if (f.getAttribute('aria-describedby') === id) { f.removeAttribute('aria-invalid'); f.removeAttribute('aria-describedby'); }
    });
    var summary = document.getElementById('count-mistakes');
    if (summary) summary.hidden = true; // it told of the last sending; the marks beside the fields are current
  }

  function next(input) {
    var fields = allFields();
    return fields[fields.indexOf(input) + 1] || form.querySelector('button[type=submit]');
  }
  function previous(input) {
    var fields = allFields();
    return fields[fields.indexOf(input) - 1];
  }

  /**
   * Puts {@code text} into the card's groups from {@code start}, five symbols a group, as far as the groups after it
   * are empty (a correction never overwrites a group typed already); the last of them keeps the rest. Answers it.
   */
  function spread(card, start, text) {
    var fields = fieldsOf(card);
    var run = [start];
    for (var i = fields.indexOf(start) + 1; i < fields.length && fields[i].value.trim() === ''; i++) run.push(fields[i]);
    var last = start;
    for (var j = 0; j < run.length && text.length > 0; j++) {
      var piece = j === run.length - 1 ? text : text.slice(0, SIZE);
      text = text.slice(piece.length);
      run[j].value = piece;
      last = run[j];
    }
    return last;
  }

  function fill(card, code) {
    var last = spread(card, fieldsOf(card)[0], clean(code));
    forgetCardMessage(card);
    fieldsOf(card).forEach(function (f) { mark(f, problem(f, true)); });
    return last;
  }

  /** Focus on a field to type again, with its card and the messages under it in view. */
  function show(input) {
    cardOf(input).scrollIntoView({ block: 'nearest' });
    input.focus({ preventScroll: true });
  }

  // The page as the station sent it (after a mistake, or in the other language): every group typed is checked again.
  allFields().forEach(function (f) { if (clean(f.value).length >= SIZE && !f.hasAttribute('aria-describedby')) mark(f, problem(f, false)); });
  var first = form.querySelector('input[aria-invalid=true]');
  if (first) show(first);

  allFields().forEach(function (input) {
    input.addEventListener('input', function (event) {
      var card = cardOf(input);
      forgetCardMessage(card);
      var text = clean(input.value);
      if (/[\s-]/.test(input.value)) input.value = input.value.replace(/[\s-]/g, ''); // the dashes a card code is printed with
      var typing = !event.inputType || event.inputType.indexOf('insert') === 0;
      if (text.length > SIZE && typing) { // pasted, or typed on by a QR scanner: the groups after it take the rest
        var last = isCode(text) ? fill(card, text) : spread(card, input, text);
        fieldsOf(card).forEach(function (f) { if (clean(f.value).length === SIZE || f === last) mark(f, problem(f, false)); });
        var wrong = fieldsOf(card).filter(function (f) { return f.getAttribute('aria-invalid') === 'true'; })[0];
        if (wrong) status.textContent = document.getElementById(wrong.id + '-error').textContent;
        (clean(last.value).length === SIZE ? next(last) : last).focus();
        return;
      }
      var message = problem(input, false);
      mark(input, message);
      if (message) status.textContent = message; // said as the group is completed, marked beside it, the text kept
      // Moves on even from a wrong group: the member reads on from the card (or a scanner types on); the mark stays
      // until the group is typed again, and sending goes back to it.
      if (typing && text.length === SIZE) next(input).focus();
    });
    input.addEventListener('keydown', function (event) {
      if (event.key === 'Backspace' && input.value === '' && previous(input)) {
        event.preventDefault();
        var before = previous(input);
        before.focus();
        before.setSelectionRange(before.value.length, before.value.length);
      }
    });
    input.addEventListener('blur', function (event) { // a group left short, now that the member moved on to a later one
      var fields = allFields();
      var onwards = fields.indexOf(event.relatedTarget) > fields.indexOf(input);
      if (clean(input.value).length > 0) mark(input, problem(input, onwards));
    });
  });

  form.addEventListener('submit', function (event) {
    var wrong = [];
    form.querySelectorAll('fieldset.card-entry').forEach(function (card) {
      var fields = fieldsOf(card);
      if (fields.every(function (f) { return f.value.trim() === ''; })) return; // a card not given: the station says how many are missing
      fields.forEach(function (f) {
        var message = problem(f, true);
        mark(f, message);
        if (message) wrong.push(f);
      });
    });
    if (wrong.length === 0) return;
    event.preventDefault();
    show(wrong[0]);
    status.textContent = document.getElementById(wrong[0].id + '-error').textContent;
  });

  // The language switch: the same form, sent to the other language to be shown again with what was typed (nothing is counted).
  var relang = document.querySelector('nav.lang a');
  if (relang) {
    relang.addEventListener('click', function (event) {
      event.preventDefault();
      var keep = document.createElement('input');
      keep.type = 'hidden';
      keep.name = 'relang';
      keep.value = '1';
      form.appendChild(keep);
      form.setAttribute('action', form.getAttribute('data-relang'));
      form.submit();
    });
  }

  // Scanning a card's QR code with the laptop's camera: only where the browser can read QR codes and a camera is there.
  var media = navigator.mediaDevices;
  if (!('BarcodeDetector' in window) || !media || !media.getUserMedia || !media.enumerateDevices) return;
  var formats = window.BarcodeDetector.getSupportedFormats ? window.BarcodeDetector.getSupportedFormats() : Promise.resolve(['qr_code']);
  Promise.all([formats, media.enumerateDevices()]).then(function (found) {
    if (found[0].indexOf('qr_code') < 0 || !found[1].some(function (d) { return d.kind === 'videoinput'; })) return;
    form.querySelectorAll('fieldset.card-entry').forEach(function (card) {
      var scan = card.querySelector('.scan');
      scan.hidden = false;
      scan.querySelector('button').addEventListener('click', function () { toggleScan(card, scan); });
    });
  }).catch(function () { /* no camera to offer: the fields are there */ });

  var running = null;
  function stopScan() {
    if (!running) return;
    running.stream.getTracks().forEach(function (track) { track.stop(); });
    running.video.remove();
    running.help.hidden = true;
    running.button.textContent = running.label;
    running.button.setAttribute('aria-pressed', 'false');
    running = null;
  }
  function toggleScan(card, scan) {
    var mine = running && running.card === card;
    stopScan();
    if (mine) return;
    var button = scan.querySelector('button');
    var help = scan.querySelector('.scan-help');
    media.getUserMedia({ video: { facingMode: 'environment' }, audio: false }).then(function (stream) {
      var video = document.createElement('video');
      video.muted = true;
      video.setAttribute('playsinline', '');
      video.srcObject = stream;
      scan.appendChild(video);
      video.play().catch(function () {});
      running = { card: card, stream: stream, video: video, help: help, button: button, label: button.textContent };
      help.hidden = false;
      button.textContent = form.getAttribute('data-msg-stop');
      button.setAttribute('aria-pressed', 'true');
      look(new window.BarcodeDetector({ formats: ['qr_code'] }), running);
    }).catch(function () {
      status.textContent = form.getAttribute('data-msg-no-camera');
      help.textContent = form.getAttribute('data-msg-no-camera');
      help.hidden = false;
    });
  }
  function look(detector, scan) {
    if (running !== scan) return;
    var again = function () { setTimeout(function () { look(detector, scan); }, 150); };
    if (scan.video.readyState < 2) { again(); return; }
    detector.detect(scan.video).then(function (codes) {
      if (running !== scan) return;
      var card = codes.map(function (c) { return c.rawValue || ''; }).filter(isCode)[0];
      if (!card) {
        if (codes.length > 0) scan.help.textContent = form.getAttribute('data-msg-not-card');
        again();
        return;
      }
      stopScan();
      fill(scan.card, card);
      status.textContent = say(form.getAttribute('data-msg-scanned'), cardNumber(scan.card));
      var wrong = fieldsOf(scan.card).filter(function (f) { return f.getAttribute('aria-invalid') === 'true'; })[0];
      if (wrong) show(wrong); else next(fieldsOf(scan.card)[GROUPS - 1]).focus();
    }).catch(again);
  }
})();
