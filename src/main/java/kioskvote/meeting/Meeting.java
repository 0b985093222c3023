package kioskvote.meeting;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * The meeting the station serves: its id, fixed for the life of its database, and its current
 * {@link MeetingSetup} (details, committee, polls). Loaded from kiosk-config/NAME/meeting.yaml, or from the
 * database once the organiser has edited it in the admin pages (docs/roster-and-kiosk.md, "The meeting editor").
 * Every reader sees one whole setup: a change replaces it at once, and changes take turns ({@link #change}).
 * {@code sealThreshold}: how many of the
 * counting committee's key shares open a sealed poll's ballot box.
 */
public final class Meeting {
    /** The default threshold: 2 of the committee (1 if it has a single member). */
    public static final int DEFAULT_SEAL_THRESHOLD = 2;

    private final String id;
    /** Held by one {@link #change} at a time; private, so no caller can change the setup without it. */
    private final Object changeLock = new Object();
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
        return setup.poll(pollId);
    }

    /**
     * What a change answers: the setup to install (none: the meeting stays as it is) and the caller's result.
     */
    public record Change<T>(Optional<MeetingSetup> next, T result) {
        public Change {
            Objects.requireNonNull(next, "next");
        }

        public static <T> Change<T> to(MeetingSetup next, T result) {
            return new Change<>(Optional.of(next), result);
        }

        public static <T> Change<T> none(T result) {
            return new Change<>(Optional.empty(), result);
        }
    }

    /**
     * Runs one change of the meeting (an organiser's edit, a next round, the setup restored at start), never two at
     * once: the change gets the current setup, makes its checks and its database writes, and answers the next setup.
     * That setup is installed only when the change returns normally; one that throws leaves the meeting as it was, so
     * what was answered is what the database holds. Readers are not held up: they see the old setup or the new one.
     */
    public <T> T change(Function<MeetingSetup, Change<T>> change) {
        synchronized (changeLock) {
            Change<T> done = Objects.requireNonNull(change.apply(setup), "change");
            done.next().ifPresent(next -> setup = next);
            return done.result();
        }
    }

    @Override
    public String toString() {
        return "Meeting[" + id + "]";
    }
}
