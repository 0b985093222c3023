// The kiosk's ways to read the ballot (/kiosk/NAME, with kiosk.js): the language chosen on the welcome screen,
// the text size and colours, and the audio ballot read through headphones by the tablet's own speech synthesis.
// All of it is for one voter: the choices live in this page (attributes on <html>, and the welcome URL's
// ?lang=&text=&theme=&audio= while the welcome screen is reloaded in the other language); kiosk.js's wipe reloads
// the bare welcome URL, so the next voter starts in Vietnamese, normal text, standard colours, no audio.
// Nothing goes to localStorage or a cookie. The page's own history entry remembers only that a ballot was on
// screen (history.state), so that a reload mid-ballot can say that the choices were cleared.
(function () {
  'use strict';
  var body = document.getElementById('kiosk');
  if (!body) return;
  var root = document.documentElement;
  var stage = document.getElementById('stage');
  var words = document.getElementById('kiosk-speech');
  var lang = body.getAttribute('data-lang') || 'vi';
  var params = new URLSearchParams(location.search);
  var synth = window.speechSynthesis || null;
  var voice = null;
  var audio = false;
  var cursor = -1;

  function say(key, value) {
    var text = words.getAttribute('data-' + key) || '';
    return value === undefined ? text : text.replace('{0}', value);
  }

  // ---- text size and colours -------------------------------------------------------------------------------
  // Marks the page as this voter's: kiosk.js's idle timer then wipes even the welcome screen.
  function voterChose() { root.setAttribute('data-voter-chose', ''); }
  if (['lang', 'text', 'theme', 'audio'].some(function (name) { return params.has(name); })) voterChose();

  function choose(attribute, value) {
    if (!document.querySelector('.kiosk-bar [data-' + attribute + '="' + value + '"]')) return;
    voterChose();
    root.setAttribute('data-' + attribute, value);
    Array.prototype.forEach.call(document.querySelectorAll('.kiosk-bar [data-' + attribute + ']'), function (b) {
      b.setAttribute('aria-pressed', b.getAttribute('data-' + attribute) === value ? 'true' : 'false');
    });
  }
  ['text', 'theme'].forEach(function (attribute) {
    if (params.get(attribute)) choose(attribute, params.get(attribute));
    Array.prototype.forEach.call(document.querySelectorAll('.kiosk-bar [data-' + attribute + ']'), function (b) {
      b.addEventListener('click', function () { choose(attribute, b.getAttribute('data-' + attribute)); });
    });
  });

  // ---- the language, chosen on the welcome screen: the same screen reloaded in place in that language --------
  document.addEventListener('click', function (e) {
    var button = e.target.closest && e.target.closest('.kiosk-languages [data-lang]');
    if (!button || button.getAttribute('data-lang') === lang) return;
    var next = new URLSearchParams(location.search);
    next.set('lang', button.getAttribute('data-lang'));
    next.set('text', root.getAttribute('data-text'));
    next.set('theme', root.getAttribute('data-theme'));
    if (audio) next.set('audio', '1'); else next.delete('audio');
    location.replace(location.pathname + '?' + next.toString());
  });

  // ---- a reload mid-ballot --------------------------------------------------------------------------------
  var state = history.state || {};
  if (state.kioskBallot) {
    var notice = document.getElementById('kiosk-reloaded');
    if (notice) notice.hidden = false;
  }
  function onBallot() { return !!stage.querySelector('input[name=session]'); }
  function rememberStep() {
    var shown = onBallot();
    if (!!(history.state && history.state.kioskBallot) !== shown) history.replaceState(shown ? { kioskBallot: true } : null, '');
  }
  // The page leaves with a ballot on screen (a reload): its session is ended, so a ballot the desk sent is voided and
  // may be sent again, and the slip works again at once. (A wipe has emptied the stage before it leaves.)
  window.addEventListener('pagehide', function () {
    var session = stage.querySelector('input[name=session]');
    if (session && window.kvKiosk) { // signed, as every kiosk POST (public/kiosk.js); keepalive: it outlives the page
      window.kvKiosk.post('/abandon', new URLSearchParams({ session: session.value }).toString(), null, true).catch(function () { /* gone */ });
    }
  });

  // ---- the audio ballot ------------------------------------------------------------------------------------
  var audioButton = document.getElementById('kiosk-audio');
  var controls = document.getElementById('kiosk-audio-controls');
  var voiceLine = document.getElementById('kiosk-voice');

  function findVoice(code) {
    var voices = synth ? synth.getVoices() : [];
    for (var i = 0; i < voices.length; i++) {
      if (String(voices[i].lang).toLowerCase().replace('_', '-').split('-')[0] === code) return voices[i];
    }
    return null;
  }

  // Which voices this tablet has: the organiser reads it on the welcome screen (shown after enrolment).
  function voicesKnown() {
    var vi = findVoice('vi');
    voice = findVoice(lang);
    if (voiceLine) {
      voiceLine.textContent = vi ? say('voice-yes', vi.name) : say('voice-no') + (lang !== 'vi' && !voice ? ' ' + say('voice-none') : '');
      voiceLine.hidden = false;
    }
    audioButton.hidden = !voice;
    if (!voice && audio) setAudio(false);
    if (voice && params.get('audio') === '1' && !audio) setAudio(true);
  }

  function speak(texts) {
    if (!synth || !voice) return;
    synth.cancel();
    texts.filter(function (t) { return t && t.trim(); }).forEach(function (text) {
      var u = new SpeechSynthesisUtterance(text.replace(/\s+/g, ' ').trim());
      u.lang = voice.lang || (lang === 'vi' ? 'vi-VN' : 'en-GB');
      try { u.voice = voice; } catch (ignored) { /* not a SpeechSynthesisVoice: the language alone chooses */ }
      synth.speak(u);
    });
  }

  // innerText: the words as laid out, so a name and the position under it are two words, not one
  function text(element) { return element ? (element.innerText || element.textContent).replace(/\s+/g, ' ').trim() : ''; }

  // What Previous/Next walk through: the step's own controls, in page order.
  function items() {
    return Array.prototype.filter.call(stage.querySelectorAll('input:not([type=hidden]), button, a[href]'), function (e) {
      return !e.disabled && e.offsetParent !== null || (e.tagName === 'INPUT' && e.closest('label') && e.closest('label').offsetParent !== null);
    });
  }

  function questionOf(input) {
    var set = input.closest('fieldset');
    return set ? set.querySelector('legend') : null;
  }

  function currentChoice(set) {
    var chosen = Array.prototype.filter.call(set.querySelectorAll('input'), function (i) { return i.checked; })
      .map(function (i) { return text(i.closest('label')); });
    return chosen.length ? say('current', chosen.join(', ')) : say('no-choice');
  }

  function describe(element) {
    var list = items();
    var where = say('position', list.indexOf(element) + 1).replace('{1}', list.length);
    if (element.tagName === 'INPUT') {
      var set = element.closest('fieldset');
      var parts = [];
      var first = set && set.querySelector('input') === element;
      if (first) parts.push(text(questionOf(element)), currentChoice(set));
      parts.push(text(element.closest('label')) + ', ' + say(element.checked ? 'selected' : 'not-selected') + ', ' + where);
      return parts;
    }
    return [text(element) + ', ' + where];
  }

  // What the step says when it appears: the ballot's question, the review's every line, the cast's receipt.
  function stepWords() {
    var heading = stage.querySelector('h1');
    var receipt = document.getElementById('receipt-code');
    if (receipt) return [text(heading), say('cast', text(receipt).split('').join(' '))];
    var lines = [text(heading)];
    var intro = stage.querySelector('.intro, .lead');
    if (intro) lines.push(text(intro));
    Array.prototype.forEach.call(stage.querySelectorAll('.practice-banner, .kiosk-review .warning, .kept-count, .choices .choice'), function (c) {
      if (!c.closest('[hidden]')) lines.push(text(c)); // not a notice kept for later ("not sent", "refused")
    });
    return lines;
  }

  function go(step) {
    var list = items();
    if (!list.length) return;
    cursor = Math.max(0, Math.min(list.length - 1, (list.indexOf(document.activeElement) >= 0 ? list.indexOf(document.activeElement) : cursor) + step));
    list[cursor].focus(); // focusin speaks it
  }

  function select() {
    var element = document.activeElement;
    if (!element || !stage.contains(element) || items().indexOf(element) < 0) { go(0); return; }
    if (element.tagName === 'INPUT') {
      element.click();
      speak([say(element.checked ? 'chosen' : 'cleared', text(element.closest('label'))), currentChoice(element.closest('fieldset'))]);
    } else {
      element.click();
    }
  }

  function repeat() {
    var element = document.activeElement;
    speak(stepWords().concat(element && stage.contains(element) && items().indexOf(element) >= 0 ? describe(element) : []));
  }

  function setAudio(on) {
    audio = on;
    if (on) voterChose();
    audioButton.setAttribute('aria-pressed', on ? 'true' : 'false');
    controls.hidden = !on;
    root.setAttribute('data-audio', on ? 'on' : 'off');
    speak(on ? [say('on')].concat(onWelcome() ? [] : stepWords()) : [say('off')]);
  }

  function onWelcome() { return !!document.getElementById('welcome'); }

  audioButton.addEventListener('click', function () { setAudio(!audio); });
  document.getElementById('kiosk-audio-previous').addEventListener('click', function () { go(-1); });
  document.getElementById('kiosk-audio-next').addEventListener('click', function () { go(1); });
  document.getElementById('kiosk-audio-repeat').addEventListener('click', repeat);
  // The large Select acts on the option last read: pressing it moves the focus to itself, so it remembers.
  var lastRead = null;
  document.getElementById('kiosk-audio-select').addEventListener('pointerdown', function () { lastRead = document.activeElement; });
  document.getElementById('kiosk-audio-select').addEventListener('click', function () {
    if (lastRead && stage.contains(lastRead)) lastRead.focus({ preventScroll: true });
    lastRead = null;
    select();
  });

  document.addEventListener('focusin', function (e) {
    if (audio && stage.contains(e.target) && items().indexOf(e.target) >= 0) {
      cursor = items().indexOf(e.target);
      speak(describe(e.target));
    }
  });

  // Arrow keys move, Enter and Space choose (Tab moves as always, and is read through focusin).
  document.addEventListener('keydown', function (e) {
    if (!audio || onWelcome() || e.altKey || e.ctrlKey || e.metaKey) return;
    var key = e.key;
    if (key === 'ArrowDown' || key === 'ArrowRight') { e.preventDefault(); go(1); }
    else if (key === 'ArrowUp' || key === 'ArrowLeft') { e.preventDefault(); go(-1); }
    else if (key === 'Enter' || key === ' ') {
      if (controls.contains(document.activeElement)) return; // the large buttons click themselves
      e.preventDefault();
      select();
    }
  }, true);
  // Space chooses on keydown above; its keyup must not click a checkbox a second time.
  document.addEventListener('keyup', function (e) {
    if (audio && !onWelcome() && e.key === ' ' && !controls.contains(document.activeElement)) e.preventDefault();
  }, true);

  // Each step kiosk.js shows: read it out, and remember in the history entry whether a ballot is on screen.
  new MutationObserver(function () {
    rememberStep();
    cursor = -1;
    if (audio && !onWelcome()) speak(stepWords());
  }).observe(stage, { childList: true });

  if (synth) {
    voicesKnown();
    synth.addEventListener ? synth.addEventListener('voiceschanged', voicesKnown) : (synth.onvoiceschanged = voicesKnown);
  } else if (voiceLine) {
    voiceLine.textContent = say('voice-no');
    voiceLine.hidden = false;
  }
})();
