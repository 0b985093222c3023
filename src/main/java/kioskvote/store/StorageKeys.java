package kioskvote.store;

import java.util.Optional;

/**
 * Where each sealed poll's storage key is kept (seal/StorageKey): apart from the rows it protects, so that
 * destroying it at the count turns every sealed row left in the database's free pages into noise without
 * rewriting the database (docs/security.md, "After the count").
 */
public interface StorageKeys {
    /**
     * The name a key is kept under: the poll and its box's public key, so that two openings of one poll racing
     * each other (on two stations) keep two keys, and the one that lost destroys only its own.
     */
    static String boxOf(String pollId, String boxPublicKeyHex) {
        return pollId + "/" + boxPublicKeyHex;
    }

    /** Keeps the key durably (on disk before this returns). */
    void keep(String box, byte[] key);

    Optional<byte[]> find(String box);

    /** Destroys the box's key; nothing happens if there is none. */
    void destroy(String box);

    /** True where a destroyed key leaves no copy the station knows of (a file overwritten, then removed). */
    boolean destroysForGood();
}
