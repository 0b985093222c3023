/**
 * Printed slips: issuing runs of signed tokens, voiding, the A4 sheet with QR codes, and reading a QR code
 * from a photo. May import: meeting, token, audit, store, text.
 */
package kioskvote.slip;
