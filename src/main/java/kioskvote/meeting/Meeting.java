package kioskvote.meeting;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The meeting the station serves: its id, fixed for the life of its database, and its current
 * {@link MeetingSetup} (details, committee, polls). Loaded from kiosk-config/NAME/meeting.yaml, or from the
 * database once the organiser has edited it in the admin pages (docs/roster-and-kiosk.md, "The meeting editor").
 * Every reader sees one whole setup: a change replaces it at once. {@code sealThreshold}: how many of the
 * counting committee's key shares open a sealed poll's ballot box.
 */
public final class Meeting {
    /** The default threshold: 2 of the committee (1 if it has a single member). */
    public static final int DEFAULT_SEAL_THRESHOLD = 2;

    private final String id;
    private volatile MeetingSetup setup;

    public Meeting(String id, MeetingSetup setup) {
        this.id = Objects.requireNonNull(id, "id");
        this.setup = Objects.requireNonNull(setup, "setup");
    }

    public Meeting(String id, String title, String organiser, LocalDate date, String time, String place,
                   int summoned, List<CommitteeMember> committee, List<Poll> polls, int sealThreshold) {
        this(id, new MeetingSetup(new MeetingDetails(title, organiser, date, time, place, summoned), committee, sealThreshold, polls));
    }

    /** With the default seal threshold. */
    public Meeting(String id, String title, String organiser, LocalDate date, String time, String place,
                   int summoned, List<CommitteeMember> committee, List<Poll> polls) {
        this(id, title, organiser, date, time, place, summoned, committee, polls, defaultThreshold(committee));
    }

    public static int defaultThreshold(List<CommitteeMember> committee) {
        return Math.max(1, Math.min(DEFAULT_SEAL_THRESHOLD, committee.size()));
    }

    public String id() {
        return id;
    }

    public MeetingSetup setup() {
        return setup;
    }

    public MeetingDetails details() {
        return setup.details();
    }

    public String title() {
        return setup.details().title();
    }

    public String organiser() {
        return setup.details().organiser();
    }

    public LocalDate date() {
        return setup.details().date();
    }

    public String time() {
        return setup.details().time();
    }

    public String place() {
        return setup.details().place();
    }

    public int summoned() {
        return setup.details().summoned();
    }

    public List<CommitteeMember> committee() {
        return setup.committee();
    }

    public int sealThreshold() {
        return setup.sealThreshold();
    }

    /** Every poll, in the meeting's order. */
    public List<Poll> polls() {
        return setup.polls();
    }

    public Optional<Poll> poll(String pollId) {
        return setup.polls().stream().filter(p -> p.id().equals(pollId)).findFirst();
    }

    /** Adds a poll created while the station runs (a second round) at the end; its id must be new. */
    public synchronized void addPoll(Poll poll) {
        setup = setup.withPollAdded(poll);
    }

    /** The organiser's change, once it is stored (the meeting editor). */
    public synchronized void replace(MeetingSetup changed) {
        setup = Objects.requireNonNull(changed, "changed");
    }

    @Override
    public String toString() {
        return "Meeting[" + id + "]";
    }
}
