package kioskvote.poll;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import kioskvote.ballot.OpenedBallot;
import kioskvote.meeting.Poll;
import kioskvote.seal.BoxContext;
import kioskvote.seal.BoxKeyPair;
import kioskvote.seal.SealBroken;
import kioskvote.seal.StorageKey;
import kioskvote.store.SealedBallotDao;

/** Opens a sealed poll's stored rows at its count, in memory: unwrapped from the storage key, then decrypted. */
final class SealedRows {
    private SealedRows() {
    }

    /**
     * Every row as an opened ballot; one that does not unwrap, open or read is received and invalid, never the
     * count's end (ballot/OpenedBallot). A poll opened before storage keys existed has none (wrapping null).
     */
    static List<OpenedBallot> open(SealedBallotDao sealed, Poll poll, BoxKeyPair pair, StorageKey wrapping, BoxContext context) {
        List<OpenedBallot> opened = new ArrayList<>();
        for (SealedBallotDao.SealedRow row : sealed.all(poll.id())) {
            try {
                byte[] stored = Base64.getDecoder().decode(row.ciphertext());
                byte[] sealedBytes = wrapping == null ? stored : wrapping.unwrap(poll.id(), stored);
                opened.add(OpenedBallot.read(poll, pair.open(sealedBytes, context)));
            } catch (SealBroken | IllegalArgumentException e) {
                opened.add(OpenedBallot.unreadable(poll));
            }
        }
        return opened;
    }
}
