/**
 * The organiser's credential: the admin passphrase (PBKDF2-hashed), the per-address limit on wrong
 * attempts, and the admin sessions of the sign-in form. May import: store, audit (staff secrets set and removed are
 * logged), text (AccessRefused is a text.Refused).
 */
package kioskvote.admin;
