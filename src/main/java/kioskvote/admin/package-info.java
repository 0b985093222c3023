/**
 * The organiser's credential: the admin passphrase (PBKDF2-hashed), the per-address limit on wrong
 * attempts, and the admin sessions of the sign-in form. May import: store.
 */
package kioskvote.admin;
