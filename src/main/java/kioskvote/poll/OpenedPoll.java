package kioskvote.poll;

import java.util.List;
import java.util.Optional;

import kioskvote.meeting.CommitteeMember;
import kioskvote.seal.CardText;
import kioskvote.seal.KeyShare;

/**
 * What opening a poll gives back: its status and, for a sealed poll, the key shares of its ballot box,
 * one card per committee member. They exist only in this answer, dealt one at a time (web/CardDealing) and
 * wiped once dealt: the station keeps no copy.
 */
public record OpenedPoll(PollStatus status, Optional<ShareCards> shares) {
    public record ShareCards(String pollId, String pollTitle, String boxFingerprint, int threshold, List<ShareCard> cards) {
        public ShareCards {
            cards = List.copyOf(cards);
        }
    }

    /** One member's card: "card {index} of {of}", and its share, whose code is also the QR code's content. */
    public record ShareCard(CommitteeMember member, int index, int of, KeyShare share) {
        /** The typeable code, as characters the caller wipes once written (never a String: docs/security.md, "Memory"). */
        public CardText cardText() {
            return share.cardText();
        }

        /** Zeroes the share: the card is dealt. */
        public void wipe() {
            share.wipe();
        }

        @Override
        public String toString() {
            return "ShareCard[" + member.name() + ", " + index + " of " + of + "]"; // never the code
        }
    }
}
