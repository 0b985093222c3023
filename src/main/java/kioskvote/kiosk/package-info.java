/**
 * Tablet kiosks: enrolment (KioskEnrolments), the ballot sessions of one voter at a time (KioskSessions), the
 * desk's hand-off of a ballot to a kiosk, and what happens at the kiosk (KioskBooth). Enrolments are stored (a hash
 * of each tablet's secret); ballot sessions are held in memory only. May import: ballot, roster, meeting, token,
 * text, audit, store.
 */
package kioskvote.kiosk;
