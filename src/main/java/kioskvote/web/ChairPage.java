package kioskvote.web;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import io.javalin.http.Context;

import kioskvote.meeting.Meeting;
import kioskvote.meeting.PollState;
import kioskvote.meeting.WifiNetwork;
import kioskvote.poll.PollResults;
import kioskvote.poll.PollStatuses;
import kioskvote.poll.PollStatus;
import kioskvote.slip.QrCode;
import kioskvote.tally.PollTally;

/**
 * The chair's screen for the projector: one poll's state and turnout, live over /api/live; its
 * results only once it is closed. No login: it shows nothing the room may not see.
 */
public final class ChairPage {
    private final Meeting meeting;
    private final PollStatuses polls;
    private final PollResults results;
    private final String keyFingerprint;
    private final String audienceQr;
    private final String audienceUrl;
    private final Optional<WifiNetwork> wifi;

    public ChairPage(Meeting meeting, PollStatuses polls, PollResults results, String keyFingerprint, String publicBaseUrl, Optional<WifiNetwork> wifi) {
        this.meeting = meeting;
        this.polls = polls;
        this.results = results;
        this.keyFingerprint = keyFingerprint;
        this.audienceUrl = publicBaseUrl + "/";
        this.audienceQr = QrCode.encode(audienceUrl).toSvg("QR: " + audienceUrl);
        this.wifi = wifi;
    }

    /** GET /chair[?poll=ID]: the poll named, else the open one, else the one closed last, else the first. */
    void show(Context ctx) {
        PageText t = PageText.of(ctx);
        List<PollStatus> statuses = polls.statuses();
        String asked = ctx.queryParam("poll");
        PollStatus focus = asked != null ? polls.status(asked) : current(statuses);
        // Results reach the projector only when the chair shows them (POST /admin/polls/{id}/show-results), and for
        // a sealed poll only once the committee has opened its box and counted it.
        Optional<PollTally> shown = focus.resultsReady() && focus.resultsShown()
                ? Optional.of(results.tally(focus.pollId())) : Optional.empty();
        // With no poll named, the screen follows the meeting: any change of state elsewhere reloads it.
        String watch = asked != null ? "" : statuses.stream().map(s -> s.pollId() + ":" + s.phase() + (s.resultsShown() ? "+shown" : "")).collect(Collectors.joining(","));
        Map<String, Object> params = new HashMap<>();
        params.put("t", t);
        params.put("meeting", meeting);
        params.put("status", focus);
        params.put("shown", shown);
        params.put("keyFingerprint", keyFingerprint);
        params.put("watch", watch);
        params.put("audienceQr", audienceQr);
        params.put("audienceUrl", audienceUrl);
        params.put("wifi", wifi);
        params.put("wifiQr", wifi.map(w -> QrCode.encode(w.qrText()).toSvg("Wi-Fi QR")).orElse(""));
        // The record's anchors (docs/record.md): the commitment from the open; after the close the count and the
        // head hash, for the room to photograph and check any copy against. The audience QR code beside them
        // opens the room's page, where receipts are looked up and records downloaded once the results are shown.
        params.put("record", polls.recordAnchor(focus.pollId()));
        params.put("langSwitch", "?lang=" + t.otherLang() + (asked != null ? "&poll=" + asked : ""));
        Pages.render(ctx, "chair.jte", params);
    }

    private static PollStatus current(List<PollStatus> statuses) {
        return statuses.stream().filter(s -> s.state() == PollState.OPEN).findFirst()
                .or(() -> statuses.stream().filter(s -> s.state() == PollState.CLOSED)
                        .max(Comparator.comparing(s -> s.closedAt().orElse(""))))
                .orElse(statuses.get(0));
    }
}
