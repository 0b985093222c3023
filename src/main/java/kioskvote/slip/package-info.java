/**
 * Printed slips: issuing runs of signed tokens, the check-in desk's pool of tokens (minted in bulk, kept in
 * memory, drawn at random), voiding, the A4 sheet with QR codes, and reading a QR code from a photo. May import: meeting, token, audit, store, text.
 */
package kioskvote.slip;
