package kioskvote.poll;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jdbi.v3.core.Handle;

import kioskvote.ballot.AnswersJson;
import kioskvote.meeting.Option;
import kioskvote.meeting.Poll;
import kioskvote.meeting.PollState;
import kioskvote.store.BallotDao;
import kioskvote.store.PollStateDao.PollStateRow;

/**
 * The running counts of an open vote while it is open (docs/rules.md, "Open vote"): each option's ballots so far,
 * and {@code blank} for those marking none. Only for a poll defined open whose stored box is not sealed, so a
 * secret poll's counts can never leave the station before its close, whatever its definition says.
 */
final class OpenVoteCounts {
    static final String BLANK = "blank";

    private OpenVoteCounts() {
    }

    static Map<String, Long> live(Handle h, Poll poll, PollStateRow row) {
        if (!poll.open() || row.sealed() || row.state() != PollState.OPEN) return Map.of();
        var question = poll.questions().get(0);
        Map<String, Long> counts = new LinkedHashMap<>();
        for (Option option : question.options()) counts.put(option.id(), 0L);
        counts.put(BLANK, 0L);
        for (BallotDao.AnswersCount ballots : new BallotDao(h).answerCounts(poll.id())) {
            List<String> marked = AnswersJson.read(ballots.answersJson()).marked(question.id());
            String counted = marked.size() == 1 && counts.containsKey(marked.get(0)) && !marked.get(0).equals(BLANK) ? marked.get(0) : BLANK;
            counts.merge(counted, ballots.count(), Long::sum);
        }
        return counts;
    }
}
