package kioskvote.editor;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

import kioskvote.audit.AuditLog;
import kioskvote.meeting.Meeting;
import kioskvote.meeting.MeetingSetup;
import kioskvote.meeting.Poll;
import kioskvote.meeting.PollDefinition;
import kioskvote.meeting.SetupJson;
import kioskvote.store.MeetingSetupDao;
import kioskvote.store.MeetingSetupDao.PollRow;
import kioskvote.store.MeetingSetupDao.SetupRow;
import kioskvote.store.PollDefinitionDao;
import kioskvote.store.PollStateDao;

/**
 * The meeting as the editor keeps it in the database (meeting_setup and meeting_poll): each change written whole
 * in one transaction with its audit entry, only if the database still holds what this station holds; and, at
 * start, the stored meeting read back in place of meeting.yaml's (docs/roster-and-kiosk.md, "The meeting editor").
 */
final class StoredSetup {
    private final Jdbi jdbi;
    private final Meeting meeting;
    private final AuditLog audit;
    private final Clock clock;
    private final String configSha256;

    StoredSetup(Jdbi jdbi, Meeting meeting, AuditLog audit, Clock clock, String configSha256) {
        this.jdbi = jdbi;
        this.meeting = meeting;
        this.audit = audit;
        this.clock = clock;
        this.configSha256 = configSha256;
    }

    /**
     * Writes the whole setup, to become the station's meeting (inside {@link Meeting#change}, which installs it once
     * this returns). The draft rows are locked first, so an opening and an edit of the same poll take turns
     * (PollLifecycle.open checks the definition it froze is the stored one). The database must hold what this station
     * holds: otherwise another station changed it since this one started, and the edit is refused rather than undoing
     * that change.
     */
    Meeting.Change<MeetingSetup> write(MeetingSetup current, MeetingSetup next, String event, String detail, Consumer<Handle> checks) {
        try {
            jdbi.useTransaction(h -> {
                new PollStateDao(h).lockDrafts();
                MeetingSetupDao setups = new MeetingSetupDao(h);
                Optional<SetupRow> stored = setups.find();
                if (!isStored(h, stored, current)) throw new EditRefused(EditRefused.Code.MEETING_CHANGED_ELSEWHERE);
                checks.accept(h);
                OffsetDateTime now = kioskvote.store.StoredTime.now(clock);
                if (stored.isEmpty()) {
                    setups.insert(new SetupRow(meeting.id(), SetupJson.write(next), configSha256, now));
                    audit.append(h, "meeting-editor-took-over", "seeded-from-config-sha256=" + configSha256);
                } else {
                    setups.update(SetupJson.write(next), now);
                }
                setups.replacePolls(rows(next.polls()));
                audit.append(h, event, detail);
            });
        } catch (RuntimeException e) {
            if (kioskvote.store.Database.isUniqueViolation(e)) throw new EditRefused(EditRefused.Code.MEETING_CHANGED_ELSEWHERE);
            throw e;
        }
        return Meeting.Change.to(next, next);
    }

    /** True when the database's meeting is this setup: stored by the editor, or still meeting.yaml's with its next rounds. */
    private static boolean isStored(Handle h, Optional<SetupRow> stored, MeetingSetup setup) {
        if (stored.isEmpty()) {
            return new PollDefinitionDao(h).all().stream().allMatch(d -> setup.polls().stream().anyMatch(p -> p.id().equals(d.pollId())));
        }
        if (!stored.get().setupJson().equals(SetupJson.write(setup))) return false;
        List<PollRow> rows = new MeetingSetupDao(h).polls();
        if (rows.size() != setup.polls().size()) return false;
        for (int i = 0; i < rows.size(); i++) {
            Poll poll = setup.polls().get(i);
            if (!rows.get(i).pollId().equals(poll.id()) || !rows.get(i).definitionJson().equals(PollDefinition.canonicalJson(poll))) return false;
        }
        return true;
    }

    private static List<PollRow> rows(List<Poll> polls) {
        List<PollRow> rows = new ArrayList<>();
        for (int i = 0; i < polls.size(); i++) rows.add(new PollRow(polls.get(i).id(), i + 1, PollDefinition.canonicalJson(polls.get(i))));
        return rows;
    }

    /**
     * At start: the meeting as last edited in the admin pages, if it was (the polls in their stored order, then any
     * next round stored only in poll_definition). Answers the one line to print when meeting.yaml has changed since
     * the station started from it and no longer describes the meeting in use.
     */
    public static Optional<String> restore(Handle h, Meeting meeting, String configSha256) {
        MeetingSetupDao setups = new MeetingSetupDao(h);
        Optional<SetupRow> stored = setups.find();
        if (stored.isEmpty()) return Optional.empty();
        List<Poll> polls = new ArrayList<>();
        for (PollRow row : setups.polls()) polls.add(PollDefinition.parse(row.definitionJson()));
        for (var definition : new PollDefinitionDao(h).all()) {
            if (polls.stream().noneMatch(p -> p.id().equals(definition.pollId()))) polls.add(PollDefinition.parse(definition.definitionJson()));
        }
        MeetingSetup edited = SetupJson.read(stored.get().setupJson(), polls);
        MeetingSetup fromYaml = meeting.change(current -> Meeting.Change.to(edited, current));
        boolean yamlChanged = !stored.get().seededFromSha256().equals(configSha256);
        boolean differs = !SetupJson.write(fromYaml).equals(SetupJson.write(edited)) || !rows(fromYaml.polls()).equals(rows(edited.polls()));
        if (!yamlChanged || !differs) return Optional.empty();
        return Optional.of("meeting.yaml has changed since this meeting was first edited in the admin pages (last edit "
                + stored.get().updatedAt() + "): the admin pages' version is used. To keep the file in step, download it "
                + "from /admin/meeting (or GET /api/admin/meeting.yaml) and put it in place of meeting.yaml.");
    }
}
