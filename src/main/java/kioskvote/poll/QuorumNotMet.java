package kioskvote.poll;

/** Opening a poll below quorum (fewer than 2/3 of those summoned present) needs the chair's confirmation. */
public class QuorumNotMet extends RuntimeException {
    private final int present;
    private final int summoned;

    public QuorumNotMet(int present, int summoned) {
        super("present " + present + " of " + summoned + " summoned is below two thirds");
        this.present = present;
        this.summoned = summoned;
    }

    public int present() {
        return present;
    }

    public int summoned() {
        return summoned;
    }
}
