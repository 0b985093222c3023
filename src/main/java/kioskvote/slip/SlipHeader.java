package kioskvote.slip;

import java.util.Objects;

/** What every slip of a batch repeats: the meeting, an optional poll note, the batch and the key fingerprint. */
public record SlipHeader(String meetingTitle, String pollNote, String batchLabel, String fingerprint) {
    public SlipHeader {
        Objects.requireNonNull(meetingTitle, "meetingTitle");
        Objects.requireNonNull(pollNote, "pollNote");
        Objects.requireNonNull(batchLabel, "batchLabel");
        Objects.requireNonNull(fingerprint, "fingerprint");
    }
}
