package kioskvote.record;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import kioskvote.token.MeetingKey;

/**
 * `--key FINGERPRINT --count N --head HASH`: what the room was shown (the meeting key's fingerprint on every slip,
 * the projector and the minutes; the count and head at the close), against what the record holds. Without them
 * a record re-signed with any key and recomputed throughout is consistent, and passes every other step.
 */
final class AnchorsCheck {
    private AnchorsCheck() {
    }

    static Step check(RecordVerifier.Anchors anchors, RecordManifest manifest, Optional<Commitment> commitment, BallotFacts ballots,
                      Optional<String> recomputedHead) {
        Step step = new Step("anchors");
        List<String> said = new ArrayList<>();
        anchors.key().ifPresent(k -> {
            String given = digits(k);
            byte[] signing = VerifyText.hex(manifest.keyHex());
            String signedBy = signing == null ? "" : digits(MeetingKey.fingerprintOf(signing));
            said.add("meeting key " + (signing == null ? "?" : MeetingKey.fingerprintOf(signing)) + (signedBy.startsWith(given) ? " = --key" : ""));
            if (!signedBy.startsWith(given)) {
                step.fail("--key: expected the record signed by the meeting key " + k.strip() + ", as printed on the slips and shown to the room; "
                        + "it is signed by " + (signing == null ? "no readable key" : MeetingKey.fingerprintOf(signing)));
            }
            commitment.map(c -> VerifyText.hex(c.meetingPublicKeyHex())).filter(c -> c != null).ifPresent(committed -> {
                if (!digits(MeetingKey.fingerprintOf(committed)).startsWith(given)) {
                    step.fail("--key: expected the commitment made at the open to name the meeting key " + k.strip() + "; it names "
                            + MeetingKey.fingerprintOf(committed) + " (commitment.txt line 5)");
                }
            });
        });
        anchors.count().ifPresent(n -> {
            said.add(ballots.read() + " ballots" + (n == ballots.read() ? " = --count" : ""));
            if (n != ballots.read()) step.fail("--count: expected " + n + " ballots, as shown at the close; the record holds " + ballots.read());
        });
        anchors.head().ifPresent(h -> {
            String head = recomputedHead.orElse("");
            String given = h.toLowerCase().replaceAll("[^0-9a-f]", "");
            said.add("head " + (head.isEmpty() ? "?" : head.substring(0, 16) + "…") + (head.startsWith(given) ? " = --head" : ""));
            if (head.isEmpty() || !head.startsWith(given)) {
                step.fail("--head: expected " + RecordHead.grouped(given) + " as shown at the close; the record's head is "
                        + (head.isEmpty() ? "unknown (see step 8)" : RecordHead.grouped(head)));
            }
        });
        return step.summary(String.join(", ", said));
    }

    /** A fingerprint or hash as typed: its hex digits, lower case (spaces and dashes dropped). */
    static String digits(String text) {
        return text.toLowerCase(java.util.Locale.ROOT).replaceAll("[^0-9a-f]", "");
    }
}
