/**
 * The poll lifecycle as the chair drives it: presence, open (quorum, definition frozen and hashed),
 * close, turnout, receipts, the anonymous ballot list and the minutes; the election record's commitment,
 * head and zip (PollRecords). May import: meeting, ballot, tally, roster, audit, store, text, record, token.
 */
package kioskvote.poll;
