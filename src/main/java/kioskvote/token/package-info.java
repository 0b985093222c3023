/**
 * The meeting's Ed25519 key, token encoding, signing and verification, short codes. Pure: no HTTP,
 * no SQL. May import: nothing of the station's other packages.
 */
package kioskvote.token;
