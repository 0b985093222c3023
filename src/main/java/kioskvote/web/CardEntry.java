package kioskvote.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.IntFunction;

import kioskvote.seal.KeyShare;
import kioskvote.seal.ShareRejected;
import kioskvote.seal.ShareSplitter;

/**
 * The committee's key cards as typed on the count page: each card in its 16 groups of five symbols (the form
 * of seal/ShareCode that the card prints), checked group by group before the count, so that a typing mistake
 * is named by its group ("group 4 of card 2") and nothing typed is lost. public/count.js makes the same checks
 * as the committee types; these are the same, for a page without JavaScript and for whatever the page let by.
 */
final class CardEntry {
    static final int GROUPS = 16;
    static final int GROUP_SIZE = 5;
    /** The cards' symbols (Crockford base32) and the letters their reading forgives: O for 0, I and L for 1. */
    private static final String SYMBOLS = "0123456789ABCDEFGHJKMNPQRSTVWXYZOIL";

    /** One card as typed: its number on the form (1…) and its groups, upper-cased, without spaces or dashes. */
    record Card(int number, List<String> groups) {
        Card {
            groups = List.copyOf(groups);
        }

        boolean blank() {
            return groups.stream().allMatch(String::isEmpty);
        }

        /** The code as the card prints it (what poll/PollLifecycle.count reads). */
        String code() {
            return blank() ? "" : String.join("-", groups);
        }
    }

    /** What is wrong with a card: {@code group} 0 when it is the whole card, else the group (1…16) to type again. */
    record Problem(int card, int group, String message) {
        /** The id of the message on the page, which the fields it is about name in aria-describedby. */
        String id() {
            return group == 0 ? "share" + card + "-error" : "share" + card + "-g" + group + "-error";
        }
    }

    private CardEntry() {
    }

    /**
     * The cards of the form: {@code share{c}-g{g}} for group g of card c, or {@code share{c}} with a whole code
     * (a code pasted into one field). A card whose symbols add up to a whole code is split into its groups again,
     * wherever they were typed: without JavaScript a code pasted into its first group is read as the card.
     */
    static List<Card> read(IntFunction<String> whole, java.util.function.BiFunction<Integer, Integer, String> group, int atLeast) {
        List<Card> cards = new ArrayList<>();
        for (int c = 1; c <= ShareSplitter.MAX_SHARES; c++) {
            List<String> groups = new ArrayList<>();
            String code = whole.apply(c);
            boolean any = code != null;
            if (code != null) {
                String[] parts = code.strip().split("[\\s\\-]+");
                groups.addAll(parts.length == GROUPS ? List.of(parts) : List.of(code));
            } else {
                for (int g = 1; g <= GROUPS; g++) {
                    String typed = group.apply(c, g);
                    any |= typed != null;
                    groups.add(typed == null ? "" : typed);
                }
            }
            if (!any && c > atLeast) break;
            cards.add(new Card(c, regroup(groups)));
        }
        return cards;
    }

    /** Empty cards for a fresh form. */
    static List<Card> empty(int count) {
        List<Card> cards = new ArrayList<>();
        for (int c = 1; c <= count; c++) cards.add(new Card(c, regroup(List.of())));
        return cards;
    }

    private static List<String> regroup(List<String> typed) {
        List<String> groups = new ArrayList<>();
        for (String g : typed) groups.add(clean(g));
        String all = String.join("", groups);
        if (all.length() == GROUPS * GROUP_SIZE || groups.size() != GROUPS) {
            groups.clear();
            for (int g = 0; g < GROUPS; g++) {
                int from = Math.min(all.length(), g * GROUP_SIZE);
                boolean last = g == GROUPS - 1;
                groups.add(all.substring(from, last ? all.length() : Math.min(all.length(), from + GROUP_SIZE)));
            }
        }
        return groups;
    }

    private static String clean(String typed) {
        return typed.replaceAll("[\\s\\-]", "").toUpperCase(Locale.ROOT);
    }

    /** Every mistake the cards' own checks find, group by group, in the language of the page; empty if none. */
    static List<Problem> check(List<Card> cards, PageText t) {
        List<Problem> problems = new ArrayList<>();
        for (Card card : cards) {
            if (card.blank()) continue;
            List<Problem> ofCard = new ArrayList<>();
            for (int g = 1; g <= GROUPS; g++) {
                String typed = card.groups().get(g - 1);
                String message = groupProblem(typed, g, card.number(), t);
                if (message != null) ofCard.add(new Problem(card.number(), g, message));
            }
            if (ofCard.isEmpty()) ofCard.addAll(checkCharacters(card, t));
            problems.addAll(ofCard);
        }
        return problems;
    }

    private static String groupProblem(String typed, int g, int card, PageText t) {
        if (typed.isEmpty()) return t.format("seal.groupEmpty", g, card);
        for (char ch : typed.toCharArray()) {
            if (SYMBOLS.indexOf(ch) < 0) return t.format("seal.groupCharacter", g, card, ch);
        }
        if (typed.length() != GROUP_SIZE) return t.format("seal.groupLength", g, card, typed.length());
        return null;
    }

    /** The check character of each group, then the code's checksum (seal/ShareCode, seal/KeyShare). */
    private static List<Problem> checkCharacters(Card card, PageText t) {
        try {
            KeyShare.parse(card.code()).wipe();
            return List.of();
        } catch (ShareRejected e) {
            return switch (e.reason()) {
                case CHECK_CHARACTER -> e.groups().stream().map(g -> new Problem(card.number(), g, t.format("seal.groupCheck", g, card.number()))).toList();
                case CHECKSUM -> List.of(new Problem(card.number(), 0, t.format("seal.cardChecksum", card.number())));
                default -> List.of(new Problem(card.number(), 0, t.format("seal.cardMalformed", card.number())));
            };
        }
    }
}
