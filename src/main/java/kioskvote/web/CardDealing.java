package kioskvote.web;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import kioskvote.poll.OpenedPoll.ShareCard;
import kioskvote.poll.OpenedPoll.ShareCards;

/**
 * The committee's key cards of a poll just opened, dealt one at a time: on the station laptop a screen shows one
 * card, for one member; once that member has copied or printed it, the next screen shows the next card, and the
 * card dealt is wiped. Through the API each card is fetched once, in one answer of its own, and wiped once sent.
 * No screen and no answer holds two cards. Until all are dealt the cards not yet dealt are in memory only (as
 * share bytes, never text; a restart loses them: docs/security.md); after the last one the station holds none.
 * One instance serves the admin pages and the API, so a card dealt one way is not dealt again the other.
 */
public final class CardDealing {
    /** One screen or answer: the card, and the poll's details the card prints. */
    record Screen(ShareCards poll, ShareCard card) {
    }

    private final Map<String, Deque<ShareCard>> undealt = new HashMap<>();
    private final Map<String, ShareCards> polls = new HashMap<>();

    /** Takes the cards of a poll just opened; answers the first. */
    synchronized Screen start(ShareCards cards) {
        ShareCards details = new ShareCards(cards.pollId(), cards.pollTitle(), cards.boxFingerprint(), cards.threshold(), List.of());
        polls.put(cards.pollId(), details);
        undealt.put(cards.pollId(), new ArrayDeque<>(cards.cards()));
        return new Screen(details, cards.cards().get(0));
    }

    /**
     * The member holding card {@code dealt} has it: that card is wiped, and the next one is shown. The same
     * confirmation sent twice (a reload) shows the same next card again, never skips one.
     *
     * @return the next card, or empty once every card of the poll is dealt
     */
    synchronized Optional<Screen> next(String pollId, int dealt) {
        Deque<ShareCard> left = undealt.get(pollId);
        if (left == null) return Optional.empty();
        if (!left.isEmpty() && left.peekFirst().index() == dealt) left.removeFirst().wipe();
        if (left.isEmpty()) {
            forget(pollId);
            return Optional.empty();
        }
        return Optional.of(new Screen(polls.get(pollId), left.peekFirst()));
    }

    /**
     * Card {@code index} of the poll, taken out of the station for one answer: the caller writes it and then
     * wipes it ({@link ShareCard#wipe()}). Empty if no such card is waiting (never dealt, or dealt already).
     */
    synchronized Optional<Screen> take(String pollId, int index) {
        Deque<ShareCard> left = undealt.get(pollId);
        if (left == null) return Optional.empty();
        Optional<ShareCard> card = left.stream().filter(c -> c.index() == index).findFirst();
        card.ifPresent(left::remove);
        Optional<Screen> screen = card.map(c -> new Screen(polls.get(pollId), c));
        if (left.isEmpty()) forget(pollId);
        return screen;
    }

    /** How many cards of the poll are still to be dealt. */
    synchronized int undealt(String pollId) {
        Deque<ShareCard> left = undealt.get(pollId);
        return left == null ? 0 : left.size();
    }

    private void forget(String pollId) {
        Deque<ShareCard> left = undealt.remove(pollId);
        if (left != null) left.forEach(ShareCard::wipe);
        polls.remove(pollId);
    }
}
