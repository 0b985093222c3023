package kioskvote.meeting;

import java.util.List;

/**
 * The options of each kind of ballot, defined once: the loader builds polls from them, the pages show
 * their labels, the tally looks up the level its flags count (docs/rules.md, "The ballots").
 */
public final class BallotOptions {
    /** Confidence rating (Reg 96, Art. 6.1): the three levels, in the order printed on the ballot. */
    public static final String HIGH = "high";
    public static final String MEDIUM = "medium";
    public static final String LOW = "low";

    /** Confidence vote proper (bỏ phiếu tín nhiệm): two levels. */
    public static final String TRUST = "trust";
    public static final String DISTRUST = "distrust";

    /** Motion: the option ids; the Vietnamese labels vary by body and may be configured. */
    public static final String AGREE = "agree";
    public static final String DISAGREE = "disagree";
    public static final String ABSTAIN = "abstain";
    /** The station's default Vietnamese words for a motion (National Assembly usage differs: configurable). */
    public static final String AGREE_VI = "Đồng ý";
    public static final String DISAGREE_VI = "Không đồng ý";
    public static final String ABSTAIN_VI = "Không biểu quyết";

    private BallotOptions() {
    }

    public static List<Option> confidenceLevels() {
        return List.of(
                new Option(HIGH, "Tín nhiệm cao", "High confidence"),
                new Option(MEDIUM, "Tín nhiệm", "Confidence"),
                new Option(LOW, "Tín nhiệm thấp", "Low confidence"));
    }

    /** Bỏ phiếu tín nhiệm: Tín nhiệm / Không tín nhiệm, in the order printed on the ballot. */
    public static List<Option> confidenceVoteLevels() {
        return List.of(
                new Option(TRUST, "Tín nhiệm", "Confidence"),
                new Option(DISTRUST, "Không tín nhiệm", "No confidence"));
    }

    /** A motion's three options with the body's own Vietnamese words (the defaults are the station's). */
    public static List<Option> motionOptions(String agreeVi, String disagreeVi, String abstainVi) {
        return List.of(
                new Option(AGREE, agreeVi, "Agree"),
                new Option(DISAGREE, disagreeVi, "Disagree"),
                new Option(ABSTAIN, abstainVi, "Abstain"));
    }
}
