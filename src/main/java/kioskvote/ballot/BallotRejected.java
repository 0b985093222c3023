package kioskvote.ballot;

import kioskvote.text.Refused;

/** A ballot, or the poll it is cast in, that the station refuses; nothing was changed. */
public class BallotRejected extends Refused {
    public enum Code implements Refused.Code {
        UNKNOWN_POLL, POLL_NOT_OPEN, UNKNOWN_QUESTION, UNKNOWN_OPTION, TOO_MANY_MARKS, BAD_RECEIPT, RECEIPT_TAKEN, BAD_BALLOT, BOX_NOT_SEALED, BOX_KEY_UNSIGNED,
        DEVICE_SEALING_REQUIRED
    }

    public BallotRejected(Code code) {
        super(code);
    }
}
