package kioskvote.seal;

import java.util.List;

/**
 * A key share the station will not use, and why. Nothing is changed by a refusal: the sealed ballots
 * stay as they were, and the committee can try again with the right cards.
 */
public final class ShareRejected extends RuntimeException {
    public enum Reason {
        /** Not 16 groups of five Crockford base32 symbols. */
        MALFORMED,
        /** One or more groups' check character does not match: a typing mistake in that group ({@link #groups()}). */
        CHECK_CHARACTER,
        /** Every group checks, but the code's checksum does not: a mistake the group checks could not place. */
        CHECKSUM,
        /** A share of another poll's ballot box (or another opening of it). */
        OTHER_BOX,
        /** The same card given twice. */
        DUPLICATE,
        /** Fewer shares than the threshold ({@link #have()} of {@link #need()}). */
        TOO_FEW,
        /** The shares recombine to a key that is not this box's: one was altered or belongs to another split. */
        WRONG_COMBINATION
    }

    private final Reason reason;
    private final List<Integer> groups;
    private final int have;
    private final int need;
    private final int position;

    private ShareRejected(Reason reason, List<Integer> groups, int have, int need, int position, String detail) {
        super(reason + ": " + detail);
        this.reason = reason;
        this.groups = List.copyOf(groups);
        this.have = have;
        this.need = need;
        this.position = position;
    }

    private ShareRejected(Reason reason, List<Integer> groups, int have, int need, String detail) {
        this(reason, groups, have, need, 0, detail);
    }

    /** The same refusal, naming which of the codes presented (1-based) it is about. */
    public ShareRejected at(int position) {
        return new ShareRejected(reason, groups, have, need, position, getMessage());
    }

    /** Which of the codes presented (1-based) was refused; 0 when it is about the set of them. */
    public int position() {
        return position;
    }

    static ShareRejected of(Reason reason, String detail) {
        return new ShareRejected(reason, List.of(), 0, 0, detail);
    }

    static ShareRejected badGroups(List<Integer> groups) {
        return new ShareRejected(Reason.CHECK_CHARACTER, groups, 0, 0, "check character wrong in group " + groups);
    }

    public static ShareRejected tooFew(int have, int need) {
        return new ShareRejected(Reason.TOO_FEW, List.of(), have, need, have + " of " + need + " shares");
    }

    public Reason reason() {
        return reason;
    }

    /** For {@link Reason#CHECK_CHARACTER}: the groups (1-based) whose check character is wrong. */
    public List<Integer> groups() {
        return groups;
    }

    /** For {@link Reason#TOO_FEW}: distinct good shares given. */
    public int have() {
        return have;
    }

    /** For {@link Reason#TOO_FEW}: shares needed. */
    public int need() {
        return need;
    }
}
