/**
 * The people summoned: roster import, search, presence, and the check-in desk's hand-outs (one ballot
 * per person for the meeting), never linked to a token. May import: meeting, slip, token, ballot (BallotRejected:
 * an unknown poll, a poll not open), audit, store, text.
 */
package kioskvote.roster;
