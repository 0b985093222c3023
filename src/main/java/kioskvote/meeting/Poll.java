package kioskvote.meeting;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A poll as the meeting defines it. Frozen (and hashed) when it opens. {@code sealed}: ballots are
 * encrypted to a ballot-box key whose private half only the counting committee's shares rebuild
 * (the default; {@code sealed: false} in meeting.yaml for practice or informal polls).
 */
public record Poll(String id, PollKind kind, String title, List<Question> questions, PercentBase base,
                   Optional<Majority> majority, boolean sealed) {
    /** A sealed poll. */
    public Poll(String id, PollKind kind, String title, List<Question> questions, PercentBase base, Optional<Majority> majority) {
        this(id, kind, title, questions, base, majority, true);
    }

    public Poll {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(title, "title");
        questions = List.copyOf(questions);
        Objects.requireNonNull(base, "base");
        Objects.requireNonNull(majority, "majority");
        if (questions.isEmpty()) throw new IllegalArgumentException("poll " + id + " has no questions");
        if (questions.stream().map(Question::id).distinct().count() != questions.size()) {
            throw new IllegalArgumentException("poll " + id + " repeats a question id");
        }
    }

    public Optional<Question> question(String questionId) {
        return questions.stream().filter(q -> q.id().equals(questionId)).findFirst();
    }
}
