package kioskvote.record;

import java.io.IOException;
import java.util.HexFormat;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

/** What every step of `verify` reads and prints the same way: hashes, receipt codes, hex, JSON, shortened text. */
final class VerifyText {
    static final Pattern HASH = Pattern.compile("[0-9a-f]{64}");
    static final Pattern RECEIPT = Pattern.compile("[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}");

    private VerifyText() {
    }

    /** The bytes of a hex text, or null if it is empty or not hex. */
    static byte[] hex(String text) {
        try {
            return text == null || text.isEmpty() ? null : HexFormat.of().parseHex(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** Strict JSON, or null if the text is not. */
    static JsonNode readJson(String text) {
        try {
            return RecordFiles.JSON.readTree(text);
        } catch (IOException e) {
            return null;
        }
    }

    static String abbreviate(String text) {
        return text.length() <= 80 ? text : text.substring(0, 77) + "…";
    }
}
