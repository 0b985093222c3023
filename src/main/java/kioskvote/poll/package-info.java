/**
 * The poll lifecycle as the chair drives it (PollLifecycle): presence, open (quorum, definition frozen and hashed),
 * close, showing results, the next round; the count of a sealed ballot box with the committee's shares (BoxOpening);
 * the results of a closed poll: tally, receipts, the anonymous ballot list and the minutes (PollResults); where each
 * poll stands, read only (PollStatuses); the election record's commitment, head and zip (PollRecords). May import:
 * meeting, ballot, seal, tally, roster, audit, store, text, record, token.
 */
package kioskvote.poll;
