package kioskvote.poll;

import java.security.SecureRandom;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.jdbi.v3.core.Jdbi;

import kioskvote.meeting.Poll;
import kioskvote.seal.BallotBoxKey;
import kioskvote.seal.StorageKey;
import kioskvote.store.PollStateDao;
import kioskvote.store.StorageKeys;

/**
 * The storage key of each sealed poll's box (seal/StorageKey): made and kept on disk when the poll opens,
 * lent to the count, destroyed after it. What a database file keeps of deleted sealed rows is then noise,
 * without rewriting the database (docs/security.md, "After the count").
 */
public final class BoxStorage {
    private final StorageKeys keys;
    private final SecureRandom random;

    public BoxStorage(StorageKeys keys, SecureRandom random) {
        this.keys = keys;
        this.random = random;
    }

    /** A fresh key for the box, on disk before this returns; the name to destroy it by if the opening fails. */
    String keepNew(Poll poll, BallotBoxKey box) {
        String name = StorageKeys.boxOf(poll.id(), box.hex());
        try (StorageKey storage = StorageKey.generate(random)) {
            byte[] bytes = storage.bytes();
            keys.keep(name, bytes);
            Arrays.fill(bytes, (byte) 0);
        }
        return name;
    }

    /** The box's key for the count; empty for a box opened before storage keys existed (its rows are not wrapped). */
    Optional<StorageKey> lend(Poll poll, BallotBoxKey box) {
        return keys.find(StorageKeys.boxOf(poll.id(), box.hex())).map(bytes -> {
            StorageKey key = StorageKey.of(bytes);
            Arrays.fill(bytes, (byte) 0);
            return key;
        });
    }

    /** @return true if the key is gone for good (false on a shared database: docs/security.md) */
    boolean destroy(Poll poll, BallotBoxKey box) {
        keys.destroy(StorageKeys.boxOf(poll.id(), box.hex()));
        return keys.destroysForGood();
    }

    void destroy(String name) {
        keys.destroy(name);
    }

    /** A count that stopped between its commit and the key's destruction (a crash) is finished at the next start. */
    public void destroyKeysOfCountedPolls(Jdbi jdbi, List<Poll> polls) {
        for (Poll poll : polls) {
            jdbi.withHandle(h -> new PollStateDao(h).find(poll.id()))
                    .filter(row -> row.countedAt().isPresent() && row.boxPublicKey().isPresent())
                    .ifPresent(row -> destroy(poll, BallotBoxKey.fromHex(row.boxPublicKey().get())));
        }
    }
}
