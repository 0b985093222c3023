package kioskvote.poll;

import java.util.List;
import java.util.Optional;

import kioskvote.meeting.CommitteeMember;

/**
 * What opening a poll gives back: its status and, for a sealed poll, the key shares of its ballot box,
 * one card per committee member. They exist only in this answer: the station keeps no copy.
 */
public record OpenedPoll(PollStatus status, Optional<ShareCards> shares) {
    public record ShareCards(String pollId, String pollTitle, String boxFingerprint, int threshold, List<ShareCard> cards) {
        public ShareCards {
            cards = List.copyOf(cards);
        }
    }

    /** One member's card: "card {index} of {of}", the typeable code that is also the QR code's content. */
    public record ShareCard(CommitteeMember member, int index, int of, String code) {
        @Override
        public String toString() {
            return "ShareCard[" + member.name() + ", " + index + " of " + of + "]"; // never the code
        }
    }
}
