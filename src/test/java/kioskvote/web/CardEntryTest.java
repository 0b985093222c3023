package kioskvote.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import kioskvote.seal.BoxKeyPair;
import kioskvote.seal.ShareSplitter;
import kioskvote.text.Language;

/** The count page's reading of typed key cards (web/CardEntry): the same messages as public/count.js, nothing typed lost. */
class CardEntryTest {
    private static final PageText EN = new PageText(Language.EN);
    private static final PageText VI = new PageText(Language.VI);

    private static String aCard() {
        SecureRandom random = new SecureRandom();
        try (BoxKeyPair box = BoxKeyPair.generate(random)) {
            return ShareSplitter.split(box, 2, 3, random).get(0).code();
        }
    }

    private static List<CardEntry.Card> form(Map<String, String> fields) {
        return CardEntry.read(c -> fields.get("share" + c), (c, g) -> fields.get(CountForm.fieldId(c, g)), 2);
    }

    private static Map<String, String> inGroups(String code) {
        Map<String, String> fields = new HashMap<>();
        String[] groups = code.split("-");
        for (int g = 1; g <= 16; g++) fields.put(CountForm.fieldId(1, g), groups[g - 1]);
        return fields;
    }

    @Test
    void aCardTypedGroupByGroupInLowerCaseReadsAsItsCodeAndChecks() {
        String code = aCard();
        List<CardEntry.Card> cards = form(inGroups(code.toLowerCase()));
        assertEquals(2, cards.size(), "as many cards as the form needs, the second left blank");
        assertEquals(code, cards.get(0).code());
        assertTrue(cards.get(1).blank());
        assertEquals(List.of(), CardEntry.check(cards, EN));
    }

    @Test
    void aWholeCodePastedIntoTheFirstGroupIsSpreadOverTheSixteen() {
        String code = aCard();
        List<CardEntry.Card> cards = form(Map.of(CountForm.fieldId(1, 1), code.replace("-", " ")));
        assertEquals(List.of(code.split("-")), cards.get(0).groups());
        assertEquals(code, form(Map.of("share1", code)).get(0).code(), "a whole code in one field (share1)");
    }

    @Test
    void aMistypedGroupIsNamedByItsGroupAndCardAndItsTextKept() {
        String code = aCard();
        Map<String, String> fields = inGroups(code);
        String fourth = code.split("-")[3];
        String typo = (fourth.charAt(0) == 'A' ? 'B' : 'A') + fourth.substring(1);
        fields.put(CountForm.fieldId(1, 4), typo);
        List<CardEntry.Card> cards = form(fields);
        assertEquals(typo, cards.get(0).groups().get(3), "the text is kept");
        List<CardEntry.Problem> problems = CardEntry.check(cards, EN);
        assertEquals(List.of(new CardEntry.Problem(1, 4, "Group 4 of card 1: check it against the card and type it again.")), problems);
        assertEquals("Nhóm 4 của thẻ 1: hãy đối chiếu với thẻ và nhập lại nhóm này.", CardEntry.check(cards, VI).get(0).message());
        assertEquals("share1-g4-error", problems.get(0).id());
    }

    @Test
    void aShortGroupAnEmptyOneAndAForeignCharacterAreEachNamed() {
        Map<String, String> fields = inGroups(aCard());
        fields.put(CountForm.fieldId(1, 2), "7K2M");
        fields.put(CountForm.fieldId(1, 9), "");
        fields.put(CountForm.fieldId(1, 12), "7K2MU");
        List<String> messages = CardEntry.check(form(fields), EN).stream().map(CardEntry.Problem::message).toList();
        assertEquals(List.of("Group 2 of card 1 has 4 characters; every group has 5: check it against the card.",
                "Group 9 of card 1 is empty: type it from the card.",
                "Group 12 of card 1: “U” is not a character of the cards: check it and type it again."), messages);
    }
}
