package kioskvote.poll;

/**
 * The count of a sealed poll: how many ballots came out of the box, and whether the poll's storage key was
 * destroyed for good (false on a shared database, where the station cannot erase it: docs/security.md).
 */
public record CountResult(PollStatus status, long counted, boolean storageKeyDestroyed) {
}
