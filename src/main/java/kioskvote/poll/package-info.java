/**
 * The poll lifecycle as the chair drives it: presence, open (quorum, definition frozen and hashed),
 * close, the count of a sealed ballot box with the committee's shares, turnout, receipts, the anonymous
 * ballot list and the minutes; the election record's commitment, head and zip (PollRecords). May import:
 * meeting, ballot, seal, tally, roster, audit, store, text, record, token.
 */
package kioskvote.poll;
