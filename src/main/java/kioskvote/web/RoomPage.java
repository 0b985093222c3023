package kioskvote.web;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.javalin.http.Context;

import kioskvote.meeting.Meeting;
import kioskvote.poll.PollResults;
import kioskvote.poll.PollStatuses;
import kioskvote.poll.PollStatus;
import kioskvote.tally.Minutes.RecordAnchor;
import kioskvote.tally.PollTally;

/**
 * The room's page, what the projector's audience QR code opens (GET /): every poll whose results the chair has
 * shown, with its outcome and counts, the receipt look-up and each record to download; the staff links last.
 * Nothing on it that the projector has not shown (PollStatus.requirePublished).
 */
public final class RoomPage {
    /** A poll whose results the chair has shown, as the room's page lists it. */
    public record Shown(PollTally tally, Optional<RecordAnchor> anchor) {
    }

    private final Meeting meeting;
    private final PollStatuses polls;
    private final PollResults results;

    public RoomPage(Meeting meeting, PollStatuses polls, PollResults results) {
        this.meeting = meeting;
        this.polls = polls;
        this.results = results;
    }

    /** GET /: the results shown so far, newest poll first as the room met them (the meeting's order reversed). */
    void show(Context ctx) {
        PageText t = PageText.of(ctx);
        List<Shown> shown = new ArrayList<>(polls.statuses().stream().filter(PollStatus::resultsShown).filter(s -> !s.practice())
                .map(s -> new Shown(results.tally(s.pollId()), polls.recordAnchor(s.pollId()))).toList());
        Collections.reverse(shown);
        Pages.render(ctx, "room.jte", Map.of("t", t, "meeting", meeting, "shown", shown, "langSwitch", "?lang=" + t.otherLang()));
    }
}
