/**
 * The people summoned: roster import, search, presence (Roster), and the check-in desk's hand-outs (CheckInDesk: one
 * ballot per person for the meeting), never linked to a token; what becomes of a kiosk ballot after its hand-out is
 * kiosk/. May import: meeting, slip, token, ballot (BallotRejected: an unknown poll, a poll not open), audit, store, text.
 */
package kioskvote.roster;
