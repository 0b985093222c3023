package kioskvote.audit;

import java.util.Optional;

/**
 * The audit chain's entries that the election record relies on, written by the station (poll/PollLifecycle,
 * poll/PollRecords, slip/SlipOffice, roster/CheckInDesk) and read back by `verify` (record/): the event names and the
 * "name=value name=value" detail, in one place so the writer and the verifier cannot drift apart.
 */
public final class AuditDetail {
    public static final String POLL_OPENED = "poll-opened";
    public static final String POLL_COMMITTED = "poll-committed";
    public static final String POLL_CLOSED = "poll-closed";
    public static final String RECORD_HEAD = "record-head";
    public static final String TOKENS_ISSUED = "tokens-issued";
    /**
     * A token spent in a poll with no ballot: a lost slip's replacement, spent in every open poll the lost slip
     * had voted in (docs/rules.md), "poll=ID tokens=1 reason=lost-slip-replaced". It explains to `verify`
     * why that poll has more spent tokens than ballots, without naming the token.
     */
    public static final String SPENT_WITHOUT_BALLOT = "token-spent-without-ballot";

    private AuditDetail() {
    }

    /** Whether the detail concerns this poll (its first field is poll=ID). */
    public static boolean isFor(String detail, String pollId) {
        return (detail + " ").startsWith("poll=" + pollId + " ");
    }

    /** The value of name= in a detail, if present. */
    public static Optional<String> field(String detail, String name) {
        for (String part : detail.split(" ")) {
            if (part.startsWith(name + "=")) return Optional.of(part.substring(name.length() + 1));
        }
        return Optional.empty();
    }
}
