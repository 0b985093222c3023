package kioskvote.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.javalin.http.Context;

import kioskvote.ballot.BallotRejected;
import kioskvote.meeting.Meeting;
import kioskvote.meeting.Poll;
import kioskvote.meeting.Question;

/**
 * The phone ballot as posted by its form: the poll, the receipt code the page chose, and for each
 * question of the poll the option ids marked (fields {@code q.<questionId>}; none = left blank).
 */
record BallotForm(Poll poll, String receipt, Map<String, List<String>> marks) {
    BallotForm {
        marks = Map.copyOf(marks);
    }

    static BallotForm read(Context ctx, Meeting meeting) {
        String pollId = ctx.formParam("poll");
        if (pollId == null) throw BadRequest.missing("poll");
        String receipt = ctx.formParam("receipt");
        if (receipt == null) throw BadRequest.missing("receipt");
        Poll poll = meeting.poll(pollId).orElseThrow(() -> new BallotRejected(BallotRejected.Code.UNKNOWN_POLL));
        Map<String, List<String>> marks = new LinkedHashMap<>();
        for (Question q : poll.questions()) marks.put(q.id(), List.copyOf(ctx.formParams("q." + q.id())));
        return new BallotForm(poll, receipt, marks);
    }

    /** Questions left without a mark where a mark is needed to be valid (an election of as many names as seats needs none). */
    long blanks() {
        return poll.questions().stream().filter(q -> marks.getOrDefault(q.id(), List.of()).isEmpty() && q.rule().minValid() > 0).count();
    }
}
