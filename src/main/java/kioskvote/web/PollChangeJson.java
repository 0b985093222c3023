package kioskvote.web;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;

import kioskvote.meeting.Election;
import kioskvote.poll.CountResult;
import kioskvote.poll.OpenedPoll.ShareCards;

/** What the chair's changes to a poll answer (docs/api.md, "Chair"): the poll's status, then what the change adds. */
final class PollChangeJson {
    private PollChangeJson() {
    }

    /** POST …/open: a sealed poll adds its box and where each member's card is dealt, never a card; another poll neither. */
    record Opened(@JsonUnwrapped PollStatusJson status, @JsonInclude(JsonInclude.Include.NON_NULL) Box box,
                  @JsonInclude(JsonInclude.Include.NON_NULL) List<Card> cards) {
        static Opened of(PollStatusJson status, ShareCards cards) {
            return new Opened(status, new Box(cards.boxFingerprint(), cards.threshold(), cards.cards().size()),
                    cards.cards().stream().map(card -> new Card(card.member().name(), card.member().role(), card.index(), card.of(),
                            "/api/admin/polls/" + cards.pollId() + "/cards/" + card.index())).toList());
        }
    }

    record Box(String fingerprint, int threshold, int shares) {
    }

    record Card(String member, String role, int index, int of, String deal) {
    }

    /** POST …/unseal: the ballots counted, and whether the poll's storage key is gone (docs/security.md). */
    record Counted(@JsonUnwrapped PollStatusJson status, long counted, boolean storageKeyDestroyed) {
        static Counted of(CountResult result) {
            return new Counted(PollStatusJson.of(result.status()), result.counted(), result.storageKeyDestroyed());
        }
    }

    /** POST …/next-round: the new draft's status and its definition (docs/rules.md, "Second round"). */
    record NextRound(@JsonUnwrapped PollStatusJson status, int seats, int round, List<Candidate> candidates) {
        static NextRound of(PollStatusJson status, Election election) {
            return new NextRound(status, election.seats(), election.round(), election.candidates().stream()
                    .map(c -> new Candidate(c.id(), c.name(), c.position(), c.unit())).toList());
        }
    }

    record Candidate(String id, String name, String position, String unit) {
    }
}
