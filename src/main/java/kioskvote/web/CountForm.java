package kioskvote.web;

import java.util.ArrayList;
import java.util.List;

/**
 * The count page's cards as the template shows them: every group with what was typed in it, and each mistake
 * next to the group (or card) it is about, which names it in aria-describedby. The first field to correct takes
 * the focus.
 */
public record CountForm(List<CardFields> cards, List<Message> mistakes, String general) {
    public CountForm {
        cards = List.copyOf(cards);
        mistakes = List.copyOf(mistakes);
    }

    /** A message on the page: its element id and its words. */
    public record Message(String id, String text) {
    }

    /** One card: its 16 group fields, and the messages shown under them. */
    public record CardFields(int number, List<GroupField> groups, List<Message> messages) {
        public CardFields {
            groups = List.copyOf(groups);
            messages = List.copyOf(messages);
        }
    }

    /** One group's field: {@code describedBy} is the id of the message about it, empty when it is right. */
    public record GroupField(int number, String id, String text, String describedBy, boolean focus) {
        public boolean invalid() {
            return !describedBy.isEmpty();
        }
    }

    /** The form with each problem beside its field; {@code general} is a refusal about the set of cards (too few, a wrong combination). */
    static CountForm of(List<CardEntry.Card> cards, List<CardEntry.Problem> problems, String general) {
        List<CardFields> shown = new ArrayList<>();
        boolean focusTaken = false;
        for (CardEntry.Card card : cards) {
            List<Message> messages = new ArrayList<>();
            List<CardEntry.Problem> ofCard = problems.stream().filter(p -> p.card() == card.number()).toList();
            for (CardEntry.Problem p : ofCard) messages.add(new Message(p.id(), p.message()));
            List<GroupField> groups = new ArrayList<>();
            for (int g = 1; g <= CardEntry.GROUPS; g++) {
                int group = g;
                String about = ofCard.stream().filter(p -> p.group() == group || p.group() == 0).map(CardEntry.Problem::id)
                        .findFirst().orElse("");
                boolean focus = !about.isEmpty() && !focusTaken;
                focusTaken |= focus;
                String id = fieldId(card.number(), g);
                groups.add(new GroupField(g, id, card.groups().get(g - 1), about, focus));
            }
            shown.add(new CardFields(card.number(), groups, messages));
        }
        List<Message> summary = new ArrayList<>();
        for (CardEntry.Problem p : problems) {
            summary.add(new Message(fieldId(p.card(), Math.max(1, p.group())), p.message()));
        }
        return new CountForm(shown, summary, general);
    }

    /** The id (and form name) of group {@code group} of card {@code card}. */
    static String fieldId(int card, int group) {
        return "share" + card + "-g" + group;
    }
}
