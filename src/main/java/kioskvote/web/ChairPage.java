package kioskvote.web;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import io.javalin.http.Context;

import kioskvote.meeting.Meeting;
import kioskvote.meeting.PollState;
import kioskvote.poll.PollLifecycle;
import kioskvote.poll.PollStatus;
import kioskvote.slip.QrCode;
import kioskvote.tally.PollTally;

/**
 * The chair's screen for the projector: one poll's state and turnout, live over /api/live; its
 * results only once it is closed. No login: it shows nothing the room may not see.
 */
public final class ChairPage {
    private final Meeting meeting;
    private final PollLifecycle polls;
    private final String keyFingerprint;
    private final String publicBaseUrl;

    public ChairPage(Meeting meeting, PollLifecycle polls, String keyFingerprint, String publicBaseUrl) {
        this.meeting = meeting;
        this.polls = polls;
        this.keyFingerprint = keyFingerprint;
        this.publicBaseUrl = publicBaseUrl;
    }

    /** GET /chair[?poll=ID]: the poll named, else the open one, else the one closed last, else the first. */
    void show(Context ctx) {
        PageText t = PageText.of(ctx);
        List<PollStatus> statuses = polls.statuses();
        String asked = ctx.queryParam("poll");
        PollStatus focus = asked != null ? polls.status(asked) : current(statuses);
        // A sealed poll has results only once the committee has opened its box and counted it.
        Optional<PollTally> tally = focus.resultsReady() ? Optional.of(polls.tally(focus.pollId())) : Optional.empty();
        // With no poll named, the screen follows the meeting: any change of state elsewhere reloads it.
        String watch = asked != null ? "" : statuses.stream().map(s -> s.pollId() + ":" + s.phase()).collect(Collectors.joining(","));
        // The record's anchors (docs/record.md): the commitment from the open; after the close the count, the
        // head hash and a QR code of the receipt page, for the room to photograph and check any copy against.
        var anchor = polls.recordAnchor(focus.pollId());
        String receiptsUrl = publicBaseUrl + "/receipts";
        Pages.render(ctx, "chair.jte", Map.of("t", t, "meeting", meeting, "status", focus, "tally", tally,
                "keyFingerprint", keyFingerprint, "watch", watch,
                "langSwitch", "?lang=" + t.otherLang() + (asked != null ? "&poll=" + asked : ""),
                "record", anchor, "receiptsUrl", receiptsUrl,
                "receiptsQr", QrCode.encode(receiptsUrl).toSvg(t.get("record.qrLabel"))));
    }

    private static PollStatus current(List<PollStatus> statuses) {
        return statuses.stream().filter(s -> s.state() == PollState.OPEN).findFirst()
                .or(() -> statuses.stream().filter(s -> s.state() == PollState.CLOSED)
                        .max(Comparator.comparing(s -> s.closedAt().orElse(""))))
                .orElse(statuses.get(0));
    }
}
