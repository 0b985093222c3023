package kioskvote.tally;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;

import kioskvote.meeting.CommitteeMember;
import kioskvote.meeting.Majority;
import kioskvote.meeting.Meeting;
import kioskvote.meeting.Poll;

/**
 * The minutes as the API answers them (docs/api.md, "Results"), field by field in this order. Percentages are
 * strings ("96.30") so no JSON reader turns them into binary floats. A value the poll does not have (an opening
 * time, a motion's rule, an election's result, a sealed box's figures) is left out, never written as null.
 */
public record MinutesJson(String language, MeetingPart meeting, PollPart poll, CountsPart counts, long base,
                          List<QuestionJson> questions, @JsonInclude(Include.NON_NULL) ElectionJson election, long onPaper,
                          String keyFingerprint, String pollDefinitionHash, BoxPart ballotBox, String auditHeadHash,
                          @JsonInclude(Include.NON_NULL) String commitmentSha256,
                          @JsonInclude(Include.NON_NULL) Long recordBallots,
                          @JsonInclude(Include.NON_NULL) String recordHead,
                          List<AuditEntry> auditLog, List<String> receiptCodes) {

    public static MinutesJson of(Minutes minutes) {
        PollTally tally = minutes.tally();
        var record = minutes.record();
        return new MinutesJson(minutes.language().code(), MeetingPart.of(minutes.meeting()), PollPart.of(minutes),
                CountsPart.of(tally.counts()), tally.base(),
                tally.questions().stream().map(q -> QuestionJson.of(q, minutes.language())).toList(),
                tally.election().map(e -> ElectionJson.of(e, minutes.language())).orElse(null), tally.counts().onPaper(),
                minutes.keyFingerprint(), minutes.pollDefinitionHash(), BoxPart.of(minutes.seal()), minutes.auditHeadHash(),
                record.map(r -> r.commitmentSha256()).orElse(null), record.flatMap(r -> r.ballots()).orElse(null),
                record.flatMap(r -> r.recordHead()).orElse(null),
                minutes.auditLog().stream().map(l -> new AuditEntry(l.seq(), l.at(), l.event(), l.detail(), l.hash())).toList(),
                List.copyOf(minutes.receiptCodes()));
    }

    public record MeetingPart(String id, String title, String organiser, String date, String time, String place,
                              List<Member> committee) {
        static MeetingPart of(Meeting meeting) {
            return new MeetingPart(meeting.id(), meeting.title(), meeting.organiser(), meeting.date().toString(), meeting.time(),
                    meeting.place(), meeting.committee().stream().map(Member::of).toList());
        }
    }

    public record Member(String name, String role) {
        static Member of(CommitteeMember member) {
            return new Member(member.name(), member.role());
        }
    }

    /** {@code round} and {@code fromPoll} for an election, {@code majority} for a motion. */
    public record PollPart(String id, String kind, String title, String baseKind, @JsonInclude(Include.NON_NULL) Integer round,
                           @JsonInclude(Include.NON_NULL) String fromPoll, @JsonInclude(Include.NON_NULL) MajorityPart majority,
                           @JsonInclude(Include.NON_NULL) String openedAt, @JsonInclude(Include.NON_NULL) String closedAt) {
        static PollPart of(Minutes minutes) {
            Poll poll = minutes.tally().poll();
            var election = poll.election();
            return new PollPart(poll.id(), poll.kind().name(), poll.title(), poll.base().name(),
                    election.map(e -> e.round()).orElse(null), election.flatMap(e -> e.fromPoll()).orElse(null),
                    poll.motionRule().map(m -> MajorityPart.of(m, poll)).orElse(null),
                    minutes.openedAt().orElse(null), minutes.closedAt().orElse(null));
        }
    }

    /** A motion's rule; {@code defaultRule} only when the meeting did not state one (docs/rules.md, "Motions"). */
    public record MajorityPart(String optionId, int numerator, int denominator, boolean orMore, String of,
                               boolean abstentionsCounted, @JsonInclude(Include.NON_NULL) Boolean defaultRule) {
        static MajorityPart of(Majority m, Poll poll) {
            return new MajorityPart(m.optionId(), m.numerator(), m.denominator(), m.orMore(),
                    m.of().map(b -> b.name()).orElse(poll.base().name()), m.abstentionsCounted(),
                    poll.usesDefaultRule() ? Boolean.TRUE : null);
        }
    }

    /** {@code handedOut} only with a roster; {@code brokenRules}: which check fails (meeting/CountRules). */
    public record CountsPart(long summoned, long present, @JsonInclude(Include.NON_NULL) Long handedOut, long issued,
                             long received, long voided, boolean fromRoster, boolean addsUp, List<String> brokenRules) {
        static CountsPart of(TallyCounts c) {
            return new CountsPart(c.figures().summoned(), c.figures().present(), c.figures().fromRoster() ? c.figures().handedOut() : null, c.figures().issued(), c.received(),
                    c.figures().voided(), c.figures().fromRoster(), c.addsUp(), c.broken().stream().map(Enum::name).toList());
        }
    }

    /** The box's figures only for a sealed poll; its fingerprint whenever it has one. */
    public record BoxPart(boolean sealed, @JsonInclude(Include.NON_NULL) String fingerprint,
                          @JsonInclude(Include.NON_NULL) Integer threshold, @JsonInclude(Include.NON_NULL) Integer shares,
                          @JsonInclude(Include.NON_NULL) Long sealedOnDevices, @JsonInclude(Include.NON_NULL) Long sealedAtStation,
                          @JsonInclude(Include.NON_NULL) Long unreadable) {
        static BoxPart of(BoxSeal seal) {
            String fingerprint = seal.boxFingerprint().orElse(null);
            if (!seal.sealed()) return new BoxPart(false, fingerprint, null, null, null, null, null);
            return new BoxPart(true, fingerprint, seal.threshold(), seal.shares(), seal.onDevices(), seal.atStation(), seal.unreadable());
        }
    }

    public record AuditEntry(long seq, String at, String event, String detail, String hash) {
    }
}
