/**
 * The poll lifecycle as the chair drives it: presence, open (quorum, definition frozen and hashed),
 * close, turnout, receipts, the anonymous ballot list and the minutes. May import: meeting, ballot,
 * tally, roster, audit, store, text.
 */
package kioskvote.poll;
