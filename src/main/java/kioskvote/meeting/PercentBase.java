package kioskvote.meeting;

/** What percentages are taken of. Reg 96 Art. 6.3 and Res. 96/2023/QH15 Art. 19.3 use ballots received. */
public enum PercentBase {
    RECEIVED, ISSUED, SUMMONED
}
