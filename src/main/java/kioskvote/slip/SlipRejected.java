package kioskvote.slip;

import kioskvote.text.Refused;

/** A request about printed slips that the station refuses; nothing was changed. */
public class SlipRejected extends Refused {
    public enum Code implements Refused.Code {
        BAD_SLIP_COUNT, UNKNOWN_SLIP
    }

    public SlipRejected(Code code) {
        super(code);
    }
}
