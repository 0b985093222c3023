package kioskvote.meeting;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A poll as the meeting defines it. Frozen (and hashed) when it opens. An election carries its candidates and
 * seats; a practice poll ({@code practice}) runs like any other but is left out of the minutes and exports
 * (docs/rules.md, "Practice poll"). {@code sealed}: ballots are encrypted to a ballot-box key whose private
 * half only the counting committee's shares rebuild (the default for a real poll; {@code sealed: false}
 * in meeting.yaml for informal polls; a practice poll is not sealed unless it says so).
 */
public record Poll(String id, PollKind kind, String title, List<Question> questions, PercentBase base,
                   Optional<Majority> majority, Optional<Election> election, boolean practice, boolean sealed) {
    public Poll {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(title, "title");
        questions = List.copyOf(questions);
        Objects.requireNonNull(base, "base");
        Objects.requireNonNull(majority, "majority");
        Objects.requireNonNull(election, "election");
        if (questions.isEmpty()) throw new IllegalArgumentException("poll " + id + " has no questions");
        if (questions.stream().map(Question::id).distinct().count() != questions.size()) {
            throw new IllegalArgumentException("poll " + id + " repeats a question id");
        }
        // docs/rules.md, "Open vote": its counts are shown while it runs, so its ballots are never sealed
        if (kind == PollKind.OPEN_MOTION && sealed) throw new IllegalArgumentException("poll " + id + ": an open vote is not sealed");
        if ((kind == PollKind.ELECTION) != election.isPresent()) {
            throw new IllegalArgumentException("poll " + id + ": an election, and only an election, has candidates and seats");
        }
    }

    /** Sealed unless it is a practice round. */
    public Poll(String id, PollKind kind, String title, List<Question> questions, PercentBase base,
                Optional<Majority> majority, Optional<Election> election, boolean practice) {
        this(id, kind, title, questions, base, majority, election, practice, !practice);
    }

    /** An open vote (biểu quyết công khai) and nothing else is held openly: docs/rules.md, "Open vote". */
    public boolean open() {
        return kind == PollKind.OPEN_MOTION;
    }

    /** A sealed poll that is not an election and not a practice. */
    public Poll(String id, PollKind kind, String title, List<Question> questions, PercentBase base, Optional<Majority> majority) {
        this(id, kind, title, questions, base, majority, Optional.empty(), false);
    }

    /** A poll that is not an election and not a practice, sealed or not. */
    public Poll(String id, PollKind kind, String title, List<Question> questions, PercentBase base, Optional<Majority> majority,
                boolean sealed) {
        this(id, kind, title, questions, base, majority, Optional.empty(), false, sealed);
    }

    /** An election: its one question lists the candidates. */
    public static Poll election(String id, String title, PercentBase base, Election election, boolean practice) {
        return new Poll(id, PollKind.ELECTION, title, List.of(election.question(title)), base, Optional.empty(),
                Optional.of(election), practice);
    }

    /**
     * A motion's rule: the one meeting.yaml names, or {@link Majority#DEFAULT} (docs/rules.md, "Motions"); none for
     * other kinds. The default is not written into the definition, so the hash of a motion opened before it existed
     * is unchanged.
     */
    public Optional<Majority> motionRule() {
        if (!kind.isMotion()) return Optional.empty();
        return Optional.of(majority.orElse(Majority.DEFAULT));
    }

    /** A motion counted by the default rule because its definition names none. */
    public boolean usesDefaultRule() {
        return kind.isMotion() && majority.isEmpty();
    }

    public Optional<Question> question(String questionId) {
        return questions.stream().filter(q -> q.id().equals(questionId)).findFirst();
    }

    /** The same poll marked as a practice round (or not); sealed as before. */
    public Poll asPractice(boolean isPractice) {
        return new Poll(id, kind, title, questions, base, majority, election, isPractice, sealed);
    }

    /** The same poll, sealed or not. */
    public Poll withSealed(boolean isSealed) {
        return new Poll(id, kind, title, questions, base, majority, election, practice, isSealed);
    }
}
