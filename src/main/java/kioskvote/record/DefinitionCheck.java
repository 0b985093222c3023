package kioskvote.record;

import java.util.Optional;

import kioskvote.audit.Sha256;
import kioskvote.meeting.Poll;
import kioskvote.meeting.PollDefinition;

/** Step 2, poll definition: poll.json hashes to what the commitment and the audit chain's poll-opened line fixed at the open. */
final class DefinitionCheck {
    private DefinitionCheck() {
    }

    static Optional<Poll> check(RecordZip zip, RecordManifest manifest, Optional<Commitment> commitment, AuditFacts audit, Step step) {
        String meetingId = manifest.meetingId();
        String pollId = manifest.pollId();
        Optional<String> json = zip.text(RecordFiles.POLL);
        if (json.isEmpty()) {
            step.summary("no poll.json").fail("poll.json: missing from the record; nothing can be checked against the poll");
            return Optional.empty();
        }
        String sha = Sha256.hex(json.get());
        commitment.ifPresent(c -> {
            if (!c.definitionSha256().equals(sha)) step.fail("poll.json: hashes to " + sha + "; the commitment (commitment.txt line 4) expects "
                    + c.definitionSha256());
            if (!c.pollId().equals(pollId)) step.fail("commitment.txt line 3: poll " + c.pollId() + ", expected " + pollId + " as the manifest says");
            if (!c.meetingId().equals(meetingId)) step.fail("commitment.txt line 2: meeting " + c.meetingId() + ", expected " + meetingId);
        });
        audit.openedDefinition().ifPresentOrElse(d -> {
            if (!d.equals(sha)) step.fail("poll.json: hashes to " + sha + "; the audit chain's poll-opened line expects " + d);
        }, () -> step.fail("audit.jsonl: expected a poll-opened line for poll " + pollId + " with the definition's hash; none found"));
        zip.json(RecordFiles.MEETING).ifPresentOrElse(m -> {
            if (m == null || !meetingId.equals(m.path("id").asText())) {
                step.fail("meeting.json id: expected " + meetingId + ", found " + (m == null ? "no JSON" : m.path("id")));
            }
        }, () -> step.fail("meeting.json: missing from the record"));
        try {
            Poll poll = PollDefinition.parse(json.get());
            if (!poll.id().equals(pollId)) step.fail("poll.json id: expected " + pollId + ", found " + poll.id());
            step.summary("sha256 " + sha.substring(0, 16) + "…, " + poll.kind().name().toLowerCase() + " \"" + poll.title() + "\", "
                    + poll.questions().size() + " questions");
            return Optional.of(poll);
        } catch (IllegalArgumentException e) {
            step.summary("sha256 " + sha.substring(0, 16) + "…, unreadable").fail("poll.json: " + e.getMessage());
            return Optional.empty();
        }
    }
}
