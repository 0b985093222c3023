// kioskvote: the ballot sealed on the voter's device (docs/security.md, "Sealed on the device").
// The same sealing as the station's (kioskvote.seal.BallotBoxKey, BoxContext; kioskvote.ballot.SealedBallot):
// RFC 9180 HPKE base mode, DHKEM(X25519, HKDF-SHA256), HKDF-SHA256, AES-128-GCM, empty AAD; a sealed
// ballot is enc (32 bytes) || ciphertext; the plaintext is answers length (2 bytes) · answers JSON ·
// receipt code (9 ASCII bytes) · zero padding to the poll's one length. `crypto.subtle` does not exist on
// a plain-HTTP page, so everything runs on the pinned bundle vendor/noble.js (global `noble`).
(function (root) {
  'use strict';
  var n = root.noble;
  var ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'; // Crockford base32, as ReceiptCode
  var KEM_ID = 0x0020, KDF_ID = 0x0001, AEAD_ID = 0x0001;
  var N_SECRET = 32, N_KEY = 16, N_NONCE = 12;

  function ascii(s) { return n.utf8ToBytes(s); }
  function i2osp(value, length) {
    var out = new Uint8Array(length);
    for (var i = length - 1; i >= 0; i--) { out[i] = value & 0xff; value = Math.floor(value / 256); }
    return out;
  }
  var KEM_SUITE = n.concatBytes(ascii('KEM'), i2osp(KEM_ID, 2));
  var HPKE_SUITE = n.concatBytes(ascii('HPKE'), i2osp(KEM_ID, 2), i2osp(KDF_ID, 2), i2osp(AEAD_ID, 2));

  // RFC 9180, section 4: the labelled HKDF of the suite.
  function labeledExtract(suite, salt, label, ikm) {
    return n.hkdfExtract(n.sha256, n.concatBytes(ascii('HPKE-v1'), suite, ascii(label), ikm), salt);
  }
  function labeledExpand(suite, prk, label, info, length) {
    return n.hkdfExpand(n.sha256, prk, n.concatBytes(i2osp(length, 2), ascii('HPKE-v1'), suite, ascii(label), info), length);
  }

  /** RFC 9180, 7.1.3: the X25519 private key derived from ikm (the known-answer tests' ikmE). */
  function deriveKeyPair(ikm) {
    var prk = labeledExtract(KEM_SUITE, new Uint8Array(0), 'dkp_prk', ikm);
    var sk = labeledExpand(KEM_SUITE, prk, 'sk', new Uint8Array(0), 32);
    return { privateKey: sk, publicKey: n.x25519.getPublicKey(sk) };
  }

  /** HPKE base-mode single-shot seal (sequence 0) to recipient public key pkR, with an ephemeral private key skE. */
  function sealWith(pkR, info, aad, plaintext, skE) {
    var enc = n.x25519.getPublicKey(skE);
    var dh = n.x25519.getSharedSecret(skE, pkR);
    var eaePrk = labeledExtract(KEM_SUITE, new Uint8Array(0), 'eae_prk', dh);
    var shared = labeledExpand(KEM_SUITE, eaePrk, 'shared_secret', n.concatBytes(enc, pkR), N_SECRET);
    var empty = new Uint8Array(0);
    var context = n.concatBytes(new Uint8Array([0]), labeledExtract(HPKE_SUITE, empty, 'psk_id_hash', empty),
      labeledExtract(HPKE_SUITE, empty, 'info_hash', info));
    var secret = labeledExtract(HPKE_SUITE, shared, 'secret', empty);
    var key = labeledExpand(HPKE_SUITE, secret, 'key', context, N_KEY);
    var nonce = labeledExpand(HPKE_SUITE, secret, 'base_nonce', context, N_NONCE);
    return { enc: enc, ciphertext: n.gcm(key, nonce, aad).encrypt(plaintext) };
  }

  /** What a ballot is bound to, as BoxContext.info(): each field's UTF-8 bytes after their length (2 bytes). */
  function boxInfo(meetingId, pollId, definitionHash) {
    var parts = ['kioskvote sealed ballot v1', meetingId, pollId, definitionHash].map(function (field) {
      var bytes = n.utf8ToBytes(field);
      return n.concatBytes(i2osp(bytes.length, 2), bytes);
    });
    return n.concatBytes.apply(null, parts);
  }

  /**
   * The answers as the station stores them (AnswersJson): every question of the poll, ids sorted, each
   * with its marked option ids in the poll's order. `marks` maps question id to the marked option ids.
   */
  function answersJson(poll, marks) {
    var out = {};
    poll.questions.map(function (q) { return q; }).sort(function (a, b) { return a.id < b.id ? -1 : a.id > b.id ? 1 : 0; })
      .forEach(function (q) {
        var marked = marks[q.id] || [];
        out[q.id] = q.options.map(function (o) { return o.id; }).filter(function (id) { return marked.indexOf(id) >= 0; });
      });
    return JSON.stringify(out);
  }

  /** SealedBallot.plaintext: length · answers · receipt code · zeros, to exactly `length` bytes. */
  function plaintext(json, receiptCode, length) {
    var answers = n.utf8ToBytes(json);
    var code = ascii(receiptCode);
    if (2 + answers.length + code.length > length) throw new Error('the answers do not fit the ballot of this poll');
    var out = new Uint8Array(length);
    out.set(i2osp(answers.length, 2), 0);
    out.set(answers, 2);
    out.set(code, 2 + answers.length);
    return out;
  }

  /** A fresh receipt secret (ReceiptCode.randomSecret's form): 24 symbols of 5 bits, uniform since 32 divides 256. */
  function randomSecret() {
    var bytes = new Uint8Array(24);
    root.crypto.getRandomValues(bytes);
    var out = '';
    for (var i = 0; i < 24; i++) out += (i > 0 && i % 4 === 0 ? '-' : '') + ALPHABET.charAt(bytes[i] & 31);
    bytes.fill(0);
    return out;
  }

  function hmacOf(secret, label) { return n.hmac(n.sha256, ascii(secret), ascii(label)); }

  /** ReceiptDerivation.retryProof: HMAC-SHA256(secret, "kioskvote/retry-proof/v1"), hex. */
  function retryProof(secret) { return n.bytesToHex(hmacOf(secret, 'kioskvote/retry-proof/v1')); }

  /** ReceiptDerivation.receiptCode: the first 40 bits of HMAC-SHA256(secret, "kioskvote/receipt-code/v1"), XXXX-XXXX. */
  function receiptCode(secret) {
    var mac = hmacOf(secret, 'kioskvote/receipt-code/v1');
    var bits = 0;
    for (var i = 0; i < 5; i++) bits = bits * 256 + mac[i]; // 40 bits: exact in a double
    var code = '';
    for (var j = 0; j < 8; j++) {
      if (j === 4) code += '-';
      code += ALPHABET.charAt(Math.floor(bits / Math.pow(2, 35 - 5 * j)) % 32);
    }
    return code;
  }

  function toBase64(bytes) {
    var s = '';
    for (var i = 0; i < bytes.length; i++) s += String.fromCharCode(bytes[i]);
    return root.btoa(s);
  }

  /** seal/BoxEndorsement.message: what the meeting key signed at the open. */
  function endorsement(box) {
    var parts = ['kioskvote box key v1', box.meeting, box.poll, box.definitionHash, box.boxPublicKey].map(function (field) {
      var bytes = n.utf8ToBytes(field);
      return n.concatBytes(i2osp(bytes.length, 2), bytes);
    });
    return n.concatBytes.apply(null, parts);
  }

  /** True if the meeting key signed this box key for this meeting, poll and definition. */
  function boxIsSigned(box) {
    try {
      return /^[0-9a-f]{128}$/.test(box.boxSignature) && /^[0-9a-f]{64}$/.test(box.meetingKey)
        && n.ed25519.verify(n.hexToBytes(box.boxSignature), endorsement(box), n.hexToBytes(box.meetingKey));
    } catch (e) {
      return false;
    }
  }

  /** MeetingKey.fingerprintOf: the first 16 bytes of SHA-256 of the public key, upper-case hex in groups of four. */
  function meetingKeyFingerprint(publicKeyHex) {
    var hex = n.bytesToHex(n.sha256(n.hexToBytes(publicKeyHex)).subarray(0, 16)).toUpperCase();
    return hex.match(/.{4}/g).join(' ');
  }

  /**
   * Seals one ballot to a poll's box (`box` as GET /api/polls/{id}/box answers it, already verified) and
   * returns what the cast carries (the sealed ballot, base64, and the retry proof) and what the page keeps
   * (the receipt code). The secret stays with the caller, who keeps it for a retry.
   */
  function sealBallot(box, poll, marks, secret) {
    if (!boxIsSigned(box)) throw new Error('the box key is not signed by the meeting key');
    var skE = n.x25519.utils.randomSecretKey();
    var pt = plaintext(answersJson(poll, marks), receiptCode(secret), box.plaintextLength);
    var sealed = sealWith(n.hexToBytes(box.boxPublicKey), boxInfo(box.meeting, box.poll, box.definitionHash),
      new Uint8Array(0), pt, skE);
    skE.fill(0);
    pt.fill(0);
    return { sealed: toBase64(n.concatBytes(sealed.enc, sealed.ciphertext)), proof: retryProof(secret), receipt: receiptCode(secret) };
  }

  root.kvSeal = {
    deriveKeyPair: deriveKeyPair, sealWith: sealWith, boxInfo: boxInfo, answersJson: answersJson, plaintext: plaintext,
    randomSecret: randomSecret, retryProof: retryProof, receiptCode: receiptCode, sealBallot: sealBallot, toBase64: toBase64,
    endorsement: endorsement, boxIsSigned: boxIsSigned, meetingKeyFingerprint: meetingKeyFingerprint
  };
})(typeof window !== 'undefined' ? window : globalThis);
