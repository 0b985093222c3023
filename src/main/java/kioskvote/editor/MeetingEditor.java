package kioskvote.editor;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

import kioskvote.audit.AuditLog;
import kioskvote.audit.Sha256;
import kioskvote.config.ConfigException;
import kioskvote.config.MeetingLoader;
import kioskvote.meeting.CommitteeMember;
import kioskvote.meeting.Meeting;
import kioskvote.meeting.MeetingDetails;
import kioskvote.meeting.MeetingSetup;
import kioskvote.meeting.Poll;
import kioskvote.meeting.PollDefinition;
import kioskvote.meeting.PollState;
import kioskvote.meeting.StationEvents;
import kioskvote.store.AuditDao;
import kioskvote.store.PollDefinitionDao;
import kioskvote.store.PollStateDao;
import kioskvote.store.PollStateDao.PollStateRow;
import kioskvote.store.RosterDao;
import kioskvote.store.StationDao;

/**
 * The organiser's changes to the meeting (docs/roster-and-kiosk.md, "The meeting editor"). Each change is checked
 * by the loader's rules, written in one transaction by {@link StoredSetup} (the whole setup into meeting_setup and meeting_poll, the
 * poll_state row of a new or deleted draft, an audit entry) and only then made the station's meeting, so what
 * was answered is what a restart reads back. A poll is changed or deleted only while it is a draft: its
 * definition is frozen and hashed when it opens (docs/rules.md, "Poll lifecycle").
 */
public final class MeetingEditor {
    private final Jdbi jdbi;
    private final Meeting meeting;
    private final StationEvents events;
    private final StoredSetup stored;

    /** @param configSha256 the meeting.yaml this station started from: recorded with the first edit */
    public MeetingEditor(Jdbi jdbi, Meeting meeting, AuditLog audit, Clock clock, StationEvents events, String configSha256) {
        this.jdbi = jdbi;
        this.meeting = meeting;
        this.events = events;
        this.stored = new StoredSetup(jdbi, meeting, audit, clock, configSha256);
    }

    /** A poll as the editor shows it: its state, and once opened the hash of its frozen definition. */
    public record EditorPoll(Poll poll, PollState state, Optional<String> definitionHash) {
        public boolean draft() {
            return state == PollState.DRAFT;
        }
    }

    public Meeting meeting() {
        return meeting;
    }

    public List<EditorPoll> polls() {
        return jdbi.withHandle(h -> {
            PollStateDao states = new PollStateDao(h);
            return meeting.polls().stream().map(p -> {
                Optional<PollStateRow> row = states.find(p.id());
                return new EditorPoll(p, row.map(PollStateRow::state).orElse(PollState.DRAFT),
                        row.flatMap(PollStateRow::definitionHash));
            }).toList();
        });
    }

    /** The keys of meeting.yaml's {@code meeting:} section; an {@code id} other than the meeting's is refused. */
    public void changeDetails(JsonNode body) {
        if (body != null && body.has("id") && !meeting.id().equals(body.path("id").asText())) {
            throw new EditRefused(EditRefused.Code.MEETING_ID_READ_ONLY);
        }
        MeetingDetails details = rules(() -> MeetingLoader.readDetails(body));
        MeetingSetup changed = meeting.change(current -> stored.write(current, current.withDetails(details), "meeting-details-changed",
                "summoned=" + details.summoned(), h -> {
                    // Without a roster the typed present count is the turnout: present ≤ summoned (docs/rules.md, "The figures add up").
                    if (new RosterDao(h).countPeople() > 0) return;
                    int present = new StationDao(h).find().map(StationDao.StationRow::present).orElse(0);
                    if (present > details.summoned()) throw EditRefused.summonedBelowPresent(present);
                }));
        changed.polls().forEach(p -> events.turnoutChanged(p.id())); // summoned is the quorum's base
    }

    /**
     * meeting.yaml's {@code committee:} and {@code seal:}. The key cards of a sealed poll are dealt, one per member
     * in the committee's order, when the poll opens (PollLifecycle.open); until its box is counted, those members
     * stay, by name and in that order. Members may be added after them and roles corrected.
     */
    public void changeCommittee(JsonNode committee, JsonNode seal) {
        meeting.change(current -> {
            MeetingSetup next = rules(() -> MeetingLoader.readCommittee(committee, seal, current));
            return stored.write(current, next, "meeting-committee-changed", "members=" + next.committee().size() + " threshold=" + next.sealThreshold(), h -> {
                for (Map.Entry<String, Integer> box : new PollStateDao(h).uncountedBoxes().entrySet()) {
                    if (!keepsCardHolders(current.committee(), next.committee(), box.getValue())) {
                        throw EditRefused.about(EditRefused.Code.COMMITTEE_HOLDS_CARDS, box.getKey());
                    }
                }
            });
        });
    }

    private static boolean keepsCardHolders(List<CommitteeMember> before, List<CommitteeMember> after, int cards) {
        if (after.size() < Math.min(cards, before.size())) return false;
        for (int i = 0; i < Math.min(cards, before.size()); i++) {
            if (!before.get(i).name().equals(after.get(i).name())) return false;
        }
        return true;
    }

    /** A new draft poll at the end of the meeting, from one entry in the keys of a meeting.yaml poll. */
    public Poll addPoll(JsonNode entry) {
        Poll poll = rules(() -> MeetingLoader.readPoll(entry));
        meeting.change(current -> {
            if (current.poll(poll.id()).isPresent()) throw EditRefused.about(EditRefused.Code.POLL_ID_TAKEN, poll.id());
            MeetingSetup next = sealable(current.withPollAdded(poll));
            return stored.write(current, next, "poll-created", "poll=" + poll.id() + " kind=" + poll.kind().code() + " definition-sha256=" + PollDefinition.hash(poll), h -> {
                PollStateDao states = new PollStateDao(h);
                if (states.find(poll.id()).isPresent()) throw EditRefused.about(EditRefused.Code.POLL_ID_TAKEN, poll.id());
                states.insertDraft(poll.id());
            });
        });
        events.pollStateChanged(poll.id());
        return poll;
    }

    /** The draft replaced by this entry (its id unchanged). */
    public Poll replacePoll(String pollId, JsonNode entry) {
        Poll poll = rules(() -> MeetingLoader.readPoll(entry));
        meeting.change(current -> {
            requirePoll(current, pollId);
            if (!poll.id().equals(pollId)) throw new EditRefused(EditRefused.Code.POLL_ID_MISMATCH);
            List<Poll> polls = new ArrayList<>(current.polls());
            polls.replaceAll(p -> p.id().equals(pollId) ? poll : p);
            return stored.write(current, sealable(current.withPolls(polls)), "poll-changed",
                    "poll=" + pollId + " kind=" + poll.kind().code() + " definition-sha256=" + PollDefinition.hash(poll), h -> requireDraft(h, pollId));
        });
        events.pollStateChanged(pollId);
        return poll;
    }

    /** Deletes a draft that nothing was stored for; a next round so deleted is not read back at the next start. */
    public void deletePoll(String pollId) {
        meeting.change(current -> {
            requirePoll(current, pollId);
            if (current.polls().size() == 1) throw new EditRefused(EditRefused.Code.LAST_POLL);
            List<Poll> polls = new ArrayList<>(current.polls());
            polls.removeIf(p -> p.id().equals(pollId));
            return stored.write(current, current.withPolls(polls), "poll-deleted", "poll=" + pollId, h -> {
                requireDraft(h, pollId);
                PollStateDao states = new PollStateDao(h);
                if (!states.isUntouchedDraft(pollId) || !states.deleteDraft(pollId)) throw EditRefused.about(EditRefused.Code.POLL_HAS_TRACES, pollId);
                new PollDefinitionDao(h).delete(pollId);
            });
        });
        events.pollStateChanged(pollId);
    }

    /** The polls in this order: every poll of the meeting exactly once (opened ones too: their definitions do not change). */
    public void reorder(List<String> ids) {
        meeting.change(current -> reordered(current, ids)).polls().stream().findFirst().ifPresent(p -> events.pollStateChanged(p.id()));
    }

    /** Moves one poll up (-1) or down (+1); at either end nothing moves. */
    public void move(String pollId, int step) {
        meeting.change(current -> {
            requirePoll(current, pollId);
            List<String> ids = new ArrayList<>(current.polls().stream().map(Poll::id).toList());
            int from = ids.indexOf(pollId);
            int to = from + Integer.signum(step);
            if (to < 0 || to >= ids.size()) return Meeting.Change.none(current);
            Collections.swap(ids, from, to);
            return reordered(current, ids);
        }).polls().stream().findFirst().ifPresent(p -> events.pollStateChanged(p.id()));
    }

    private Meeting.Change<MeetingSetup> reordered(MeetingSetup current, List<String> ids) {
        if (ids == null || ids.size() != current.polls().size() || new HashSet<>(ids).size() != ids.size()
                || !ids.stream().allMatch(id -> current.poll(id).isPresent())) {
            throw new EditRefused(EditRefused.Code.ORDER_INCOMPLETE);
        }
        List<Poll> polls = ids.stream().map(id -> current.poll(id).orElseThrow()).toList();
        return stored.write(current, current.withPolls(polls), "polls-reordered", orderDetail(ids), h -> { });
    }

    /** The new order for the audit log: the ids, or (when they outgrow an entry's detail) their hash and count. */
    private static String orderDetail(List<String> ids) {
        String order = "order=" + String.join(",", ids);
        if (order.length() <= AuditDao.MAX_DETAIL) return order;
        return "order-sha256=" + Sha256.hex(String.join(",", ids)) + " polls=" + ids.size();
    }

    private static void requirePoll(MeetingSetup setup, String pollId) {
        if (setup.poll(pollId).isEmpty()) throw EditRefused.about(EditRefused.Code.POLL_NOT_IN_MEETING, pollId);
    }

    private static MeetingSetup sealable(MeetingSetup next) {
        return rules(() -> {
            MeetingLoader.checkSealing(next);
            return next;
        });
    }

    /** Inside the edit's transaction, after the draft rows are locked: an opened poll is frozen. */
    private static void requireDraft(Handle h, String pollId) {
        PollStateRow row = new PollStateDao(h).find(pollId).orElseThrow(() -> new EditRefused(EditRefused.Code.MEETING_CHANGED_ELSEWHERE));
        if (row.state() != PollState.DRAFT) throw EditRefused.frozen(pollId, row.definitionHash().orElse(""));
    }

    private static <T> T rules(java.util.function.Supplier<T> read) {
        try {
            return read.get();
        } catch (ConfigException e) {
            throw EditRefused.invalid(e);
        } catch (IllegalArgumentException e) {
            // a record's own check the loader does not make first (e.g. a choice rule): said in its words
            throw EditRefused.invalid(new ConfigException("", "(entry)", e.getMessage()));
        }
    }

    /**
     * At start: the meeting as last edited in the admin pages, if it was; the one line to print when meeting.yaml has
     * changed since (StoredSetup.restore).
     */
    public static Optional<String> restore(Handle h, Meeting meeting, String configSha256) {
        return StoredSetup.restore(h, meeting, configSha256);
    }
}
