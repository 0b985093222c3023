/**
 * The sealed ballot box's cryptography: a poll's HPKE key pair (RFC 9180), sealing and opening a ballot,
 * Shamir k-of-n shares of the private key with typeable, checked codes, and the receipt code and retry
 * proof derived independently from a voter's secret. Pure: no HTTP, no SQL, no station state.
 * May import: nothing of the station's other packages.
 */
package kioskvote.seal;
