package kioskvote.poll;

/** The count of a sealed poll: how many ballots came out of the box, and whether the database file was rewritten. */
public record CountResult(PollStatus status, long counted, boolean compacted) {
}
