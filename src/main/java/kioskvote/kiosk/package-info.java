/**
 * Tablet kiosks: enrolment, the ballot sessions of one voter at a time, the desk's hand-off of a ballot
 * to a kiosk, and what happens at the kiosk (KioskBooth). Held in memory. May import: ballot, roster,
 * meeting, token, text.
 */
package kioskvote.kiosk;
