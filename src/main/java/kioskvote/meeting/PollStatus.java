package kioskvote.meeting;

import java.util.Optional;

/** A poll's public state and turnout: what the chair's screen may show before the close. */
public record PollStatus(String pollId, String title, String kind, String state, int summoned, int present,
                         long issued, long voided, long cast, Optional<String> definitionHash,
                         Optional<String> openedAt, Optional<String> closedAt) {
    public boolean quorumMet() {
        return 3L * present >= 2L * summoned;
    }
}
