package kioskvote.tally;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

import kioskvote.text.Language;

class PercentTest {
    @Test
    void percentageOf22point566RoundsHalfUpTo22point57() {
        assertEquals(new BigDecimal("22.57"), Percent.round(new BigDecimal("22.566")));
        // 11283 of 50000 is exactly 22.566 %.
        assertEquals(new BigDecimal("22.57"), Percent.of(11283, 50000));
    }

    @Test
    void anExactHalfRoundsUpNotToEven() {
        // 4513 of 20000 is exactly 22.565 %: half-even would give 22.56.
        assertEquals(new BigDecimal("22.57"), Percent.of(4513, 20000));
    }

    @Test
    void twentySixOfTwentySevenIs96point30() {
        BigDecimal percent = Percent.of(26, 27);
        assertEquals(new BigDecimal("96.30"), percent);
        assertEquals("96,30%", Percent.format(percent, Language.VI));
        assertEquals("96.30%", Percent.format(percent, Language.EN));
    }

    @Test
    void aZeroBaseGivesZeroPercentInsteadOfDividingByZero() {
        assertEquals(new BigDecimal("0.00"), Percent.of(0, 0));
        assertEquals("0,00%", Percent.format(Percent.of(0, 0), Language.VI));
    }

    @Test
    void wholeNumbersKeepTwoDecimals() {
        assertEquals("100,00%", Percent.format(Percent.of(30, 30), Language.VI));
        assertEquals("50.00", Percent.plain(Percent.of(15, 30)));
    }
}
