package kioskvote.ballot;

import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.jdbi.v3.core.Jdbi;

import kioskvote.meeting.Meeting;
import kioskvote.meeting.Poll;
import kioskvote.seal.BallotBoxKey;
import kioskvote.seal.BoxContext;
import kioskvote.seal.StorageKey;
import kioskvote.store.PollStateDao;
import kioskvote.store.StorageKeys;
import kioskvote.token.MeetingKey;

/**
 * The boxes of the open sealed polls, as every sealing needs them (the station's at a cast, the page's through
 * DeviceSealing): the box key only as the meeting key signed it at the open (seal/BoxEndorsement), and the
 * poll's storage key that wraps each stored row (seal/StorageKey).
 */
final class SealedBoxes {
    private final Jdbi jdbi;
    private final Meeting meeting;
    private final MeetingKey meetingKey;
    private final StorageKeys storageKeys;
    private final SecureRandom random;
    private final Map<String, SealedBox> boxes = new ConcurrentHashMap<>();

    SealedBoxes(Jdbi jdbi, Meeting meeting, MeetingKey meetingKey, StorageKeys storageKeys, SecureRandom random) {
        this.jdbi = jdbi;
        this.meeting = meeting;
        this.meetingKey = meetingKey;
        this.storageKeys = storageKeys;
        this.random = random;
    }

    /**
     * The box of an opened sealed poll, from its poll_state row (cached once found: it never changes).
     * Empty while the poll is a draft: then the cast is refused as "not open", never stored unsealed.
     */
    Optional<SealedBox> find(Poll poll) {
        SealedBox cached = boxes.get(poll.id());
        if (cached != null) return Optional.of(cached);
        Optional<SealedBox> found = jdbi.withHandle(h -> new PollStateDao(h).find(poll.id()).filter(row -> row.boxPublicKey().isPresent()
                        && row.definitionHash().isPresent())
                .map(row -> new SealedBox(BallotBoxKey.fromHex(row.boxPublicKey().get()),
                        new BoxContext(meeting.id(), poll.id(), row.definitionHash().get()), new PollStateDao(h).boxSignature(poll.id()).orElse(""))));
        // Sealed to only as the meeting key signed it at the open: a box key swapped in the database is refused.
        if (found.isPresent() && !found.get().signedBy(meetingKey)) throw new BallotRejected(BallotRejected.Code.BOX_KEY_UNSIGNED);
        found.ifPresent(box -> boxes.put(poll.id(), box));
        return found;
    }

    String meetingPublicKeyHex() {
        return HexFormat.of().formatHex(meetingKey.publicKey());
    }

    /**
     * A sealed ballot as it is stored: wrapped in the poll's storage key, so that no copy of it left in the file
     * opens after the count. A poll opened before storage keys existed has none: its ballots are stored as sealed.
     */
    String wrapForStorage(Poll poll, String ciphertext) {
        String box = StorageKeys.boxOf(poll.id(), find(poll).orElseThrow().key().hex());
        return storageKeys.find(box).map(bytes -> {
            try (StorageKey key = StorageKey.of(bytes)) {
                Arrays.fill(bytes, (byte) 0);
                return Base64.getEncoder().encodeToString(key.wrap(poll.id(), Base64.getDecoder().decode(ciphertext), random));
            }
        }).orElse(ciphertext);
    }
}
