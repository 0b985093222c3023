/**
 * The election record of a closed poll and its independent check: the commitment fixed when a poll opens
 * (poll definition, meeting key, ballot-box key, the slips issued, as token hashes), the record's head
 * fixed at the close, the signed zip (RecordWriter) and `kioskvote verify` (RecordVerifier, VerifyCommand),
 * which needs no station, database or private key. Pure: no HTTP, no SQL; reading the data is the poll
 * lifecycle's job (poll/PollRecords). May import: meeting, tally, ballot's answer values, token, seal's box-key
 * endorsement (the signed box key checked in step 6), audit's chain hash and Sha256, text.
 */
package kioskvote.record;
