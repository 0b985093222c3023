package kioskvote.record;

import java.util.Optional;

import kioskvote.tally.Tally;

/**
 * What ballots.jsonl holds, read once (step 3): how many lines, how many well-formed, and the recount of
 * their answers (empty without a readable poll definition), for the counts, the tally and the head.
 */
record BallotFacts(boolean present, long read, long wellFormed, Optional<Tally.Counter> counter) {
    static BallotFacts missing() {
        return new BallotFacts(false, 0, 0, Optional.empty());
    }
}
