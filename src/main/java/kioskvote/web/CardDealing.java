package kioskvote.web;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import kioskvote.poll.OpenedPoll.ShareCard;
import kioskvote.poll.OpenedPoll.ShareCards;

/**
 * The committee's key cards of a poll just opened, dealt one at a time on the station laptop: a screen
 * shows one card, for one member; once that member has copied or printed it, the next screen shows the next
 * card, and the card dealt is forgotten. No screen shows two cards. Until all are dealt the cards not yet
 * dealt are in memory only (a restart loses them: docs/security.md); after the last one the station holds none.
 */
final class CardDealing {
    /** One screen: the card to show, and the poll's details the card prints. */
    record Screen(ShareCards poll, ShareCard card) {
    }

    private final Map<String, Deque<ShareCard>> undealt = new ConcurrentHashMap<>();
    private final Map<String, ShareCards> polls = new ConcurrentHashMap<>();

    /** The first card of a poll just opened. */
    Screen start(ShareCards cards) {
        polls.put(cards.pollId(), withoutCodes(cards));
        undealt.put(cards.pollId(), new ArrayDeque<>(cards.cards()));
        return new Screen(polls.get(cards.pollId()), cards.cards().get(0));
    }

    /**
     * The member holding card {@code dealt} has it: that card is forgotten, and the next one is shown. The same
     * confirmation sent twice (a reload) shows the same next card again, never skips one.
     *
     * @return the next card, or empty once every card of the poll is dealt
     */
    synchronized Optional<Screen> next(String pollId, int dealt) {
        Deque<ShareCard> left = undealt.get(pollId);
        if (left == null) return Optional.empty();
        if (!left.isEmpty() && left.peekFirst().index() == dealt) left.removeFirst();
        if (left.isEmpty()) {
            undealt.remove(pollId);
            polls.remove(pollId);
            return Optional.empty();
        }
        return Optional.of(new Screen(polls.get(pollId), left.peekFirst()));
    }

    /** How many cards of the poll are still to be dealt. */
    int undealt(String pollId) {
        Deque<ShareCard> left = undealt.get(pollId);
        return left == null ? 0 : left.size();
    }

    private static ShareCards withoutCodes(ShareCards cards) {
        return new ShareCards(cards.pollId(), cards.pollTitle(), cards.boxFingerprint(), cards.threshold(), java.util.List.of());
    }
}
