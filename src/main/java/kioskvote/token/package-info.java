/**
 * The meeting's Ed25519 key, token encoding, signing and verification, short codes. Pure: no HTTP,
 * no SQL. May import: text only (TokenRejected is a text.Refused).
 */
package kioskvote.token;
