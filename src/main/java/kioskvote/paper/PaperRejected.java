package kioskvote.paper;

import java.util.List;
import java.util.Map;

import kioskvote.text.Refused;

/** A paper entry the station refuses; nothing was changed (the teller's pending entry, if any, stays as it was). */
public class PaperRejected extends Refused {
    public enum Code implements Refused.Code {
        /** The batch label: 1–40 letters, digits or dashes. */
        BAD_BATCH,
        /** The teller's name is missing or longer than 100 characters. */
        BAD_TELLER,
        /** A line of the entry is not "CODE: answers" for this poll. */
        BAD_PAPER_LINE,
        /** The same slip code is entered twice in one batch. */
        REPEATED_CODE,
        /** Two other tellers have already entered this batch; only they may enter it again. */
        TWO_TELLERS_ALREADY,
        /** This batch was already accepted into the poll. */
        BATCH_ALREADY_ACCEPTED,
        /** Both entries agree, but some slips cannot vote in this poll (already used, voided, unknown). */
        SLIPS_REFUSED;

        @Override
        public List<String> parameters() {
            return switch (this) {
                case BAD_PAPER_LINE -> List.of("line", "text");
                case REPEATED_CODE -> List.of("code");
                case SLIPS_REFUSED -> List.of("codes");
                default -> List.of();
            };
        }
    }

    public PaperRejected(Code code) {
        super(code);
    }

    PaperRejected(Code code, Map<String, ?> args) {
        super(code, args);
    }
}
