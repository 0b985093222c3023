// What the ballot pages need from the audited @noble libraries, as one global `noble`
// (public/vendor/noble.js). Built by ./build; docs/security.md says why nothing else is loaded.
export { x25519, ed25519 } from '@noble/curves/ed25519.js';
export { sha256 } from '@noble/hashes/sha2.js';
export { hmac } from '@noble/hashes/hmac.js';
export { hkdf, extract as hkdfExtract, expand as hkdfExpand } from '@noble/hashes/hkdf.js';
export { gcm } from '@noble/ciphers/aes.js';
export { randomBytes, bytesToHex, hexToBytes, utf8ToBytes, concatBytes } from '@noble/hashes/utils.js';
