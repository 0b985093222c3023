package kioskvote.meeting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import kioskvote.meeting.CountRules.Rule;

/** "The figures add up" (docs/rules.md) by hand, each rule alone, with and without a roster. */
class CountRulesTest {
    @Test
    void withoutARosterMoreBallotsThanSlipsIssuedDoNotAddUpWhateverThePresentCount() {
        // The copy of the data that voted 67 times with 3 slips issued and 40 summoned, nobody's presence typed.
        assertEquals(List.of(Rule.RECEIVED_WITHIN_ISSUED), CountRules.broken(false, 67, 3, 0, 0, 40));
        assertEquals(List.of(Rule.RECEIVED_WITHIN_ISSUED, Rule.RECEIVED_WITHIN_PRESENT), CountRules.broken(false, 67, 3, 0, 30, 40));
        assertEquals(List.of(Rule.RECEIVED_WITHIN_PRESENT), CountRules.broken(false, 31, 32, 0, 30, 40), "31 ballots from 30 present");
        assertTrue(CountRules.addsUp(false, 30, 32, 0, 30, 40), "the demo's 30 ballots, 32 slips, 30 present");
        assertTrue(CountRules.addsUp(false, 5, 32, 0, 0, 40), "no count typed: present is unknown, not nobody");
        assertEquals(List.of(Rule.PRESENT_WITHIN_SUMMONED), CountRules.broken(false, 0, 0, 0, 41, 40));
    }

    @Test
    void withARosterEveryLinkOfTheChainIsNamed() {
        assertTrue(CountRules.addsUp(true, 2, 2, 3, 4, 6));
        assertEquals(List.of(Rule.RECEIVED_WITHIN_ISSUED), CountRules.broken(true, 2, 1, 3, 3, 3), "one printed slip, two ballots");
        assertEquals(List.of(Rule.RECEIVED_WITHIN_HANDED_OUT), CountRules.broken(true, 3, 5, 2, 4, 6));
        assertEquals(List.of(Rule.HANDED_OUT_WITHIN_PRESENT), CountRules.broken(true, 1, 5, 5, 4, 6));
        assertEquals(List.of(Rule.RECEIVED_WITHIN_ISSUED, Rule.RECEIVED_WITHIN_PRESENT, Rule.RECEIVED_WITHIN_HANDED_OUT),
                CountRules.broken(true, 3, 2, 2, 2, 2));
        assertEquals(List.of(Rule.RECEIVED_WITHIN_PRESENT, Rule.RECEIVED_WITHIN_HANDED_OUT), CountRules.broken(true, 1, 1, 0, 0, 2),
                "with a roster nobody present is a count, not an unknown");
    }
}
