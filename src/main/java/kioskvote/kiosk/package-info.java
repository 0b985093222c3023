/**
 * Tablet kiosks: enrolment (KioskEnrolments), the ballot sessions of one voter at a time (KioskSessions), the desk's
 * hand-off of a ballot to a kiosk (KioskHandOff) and its deliveries in the database (KioskDeliveries), and what
 * happens at the kiosk (KioskBooth). Enrolments and deliveries are stored (a hash of each tablet's secret; a visit
 * handle, never the person or the token); ballot sessions are held in memory only. May import: ballot, roster,
 * slip (the desk's pool, to send a ballot again after a restart), meeting, token, text, audit, store.
 */
package kioskvote.kiosk;
