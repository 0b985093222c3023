package kioskvote.poll;

import kioskvote.meeting.Election;
import kioskvote.meeting.Poll;
import kioskvote.tally.ElectionResult;

/** The definition of a closed election's next round (docs/rules.md, "Second round"): its id, title, seats and candidates. */
final class NextRound {
    private NextRound() {
    }

    /** The candidates still undecided for the seats left, as round n + 1 of the same election. */
    static Poll of(Poll first, Election election, ElectionResult result) {
        int round = election.round() + 1;
        String stem = first.id().replaceFirst("-vong-\\d+$", "");
        String suffix = "-vong-" + round;
        // at most 63 characters, as meeting.yaml's ids: the next round can be edited and exported like any poll
        String id = stem.substring(0, Math.min(stem.length(), 63 - suffix.length())) + suffix;
        String title = first.title().replaceFirst(" \\(vòng \\d+\\)$", "") + " (vòng " + round + ")";
        return Poll.election(id, title, first.base(),
                election.nextRound(result.remainingSeats(), result.undecided(), first.id()), false);
    }
}
