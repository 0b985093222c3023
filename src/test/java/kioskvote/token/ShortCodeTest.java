package kioskvote.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class ShortCodeTest {
    private static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    @Test
    void aCodeIsTwoGroupsOfFiveCharactersAndACheckCharacter() {
        String code = ShortCode.of(SlipTokenTest.SECRET);
        assertEquals(SlipTokenTest.SHORT_CODE, code);
        assertTrue(code.matches("[0-9A-HJKMNP-TV-Z]{6}-[0-9A-HJKMNP-TV-Z]{6}"), code);
    }

    @Test
    void typedCodesAreUppercasedAndStrippedOfSpacesAndDashes() {
        assertEquals(Optional.of("RTR2CA-2MD9Y8"), ShortCode.normalize(" rtr2ca 2md9y8 "));
        assertEquals(Optional.of("RTR2CA-2MD9Y8"), ShortCode.normalize("RTR-2CA-2MD-9Y8"));
    }

    @Test
    void lettersThatLookLikeDigitsAreReadAsThoseDigits() {
        String code = "00000" + ShortCode.checkCharacter("00000") + "-11111" + ShortCode.checkCharacter("11111");
        assertEquals(Optional.of(code), ShortCode.normalize(code.replace('0', 'O').replace('1', 'l')));
    }

    @Test
    void wrongLengthsAndLettersOutsideTheAlphabetAreNotCodes() {
        for (String bad : new String[] {"", "RTR2CA-2MD9Y", "RTR2CA-2MD9Y80", "RTR2CA-2MD9YU", "RTR2CA-2MD9Y8!", "12345-6789A"}) {
            assertTrue(ShortCode.read(bad).notACode(), bad);
        }
    }

    /** Every single wrong character, in every position, of many codes: caught, and its group named. */
    @Test
    void oneWrongCharacterIsCaughtAndItsGroupNamed() {
        SecureRandom random = new SecureRandom();
        int tried = 0;
        for (int n = 0; n < 200; n++) {
            String code = Token.random(random).shortCode().replace("-", "");
            for (int i = 0; i < code.length(); i++) {
                for (char c : ALPHABET.toCharArray()) {
                    if (c == code.charAt(i)) continue;
                    String typo = code.substring(0, i) + c + code.substring(i + 1);
                    ShortCode.Reading reading = ShortCode.read(typo);
                    assertEquals(Optional.empty(), reading.code(), typo);
                    assertEquals(List.of(i / 6 + 1), reading.wrongGroups(), typo);
                    tried++;
                }
            }
        }
        System.out.println("single-character typos tried: " + tried + ", all caught with their group");
    }

    @Test
    void mostSwapsOfNeighboursAreCaught() {
        SecureRandom random = new SecureRandom();
        int swaps = 0;
        int caught = 0;
        for (int n = 0; n < 500; n++) {
            String code = Token.random(random).shortCode().replace("-", "");
            for (int i = 0; i + 1 < code.length(); i++) {
                if (i % 6 == 5 || code.charAt(i) == code.charAt(i + 1)) continue;
                String swapped = code.substring(0, i) + code.charAt(i + 1) + code.charAt(i) + code.substring(i + 2);
                swaps++;
                if (ShortCode.read(swapped).code().isEmpty()) caught++;
            }
        }
        System.out.println("swaps of neighbours caught: " + caught + " of " + swaps);
        assertTrue(caught >= swaps * 0.95, caught + " of " + swaps);
    }
}
