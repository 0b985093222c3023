package kioskvote.ballot;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import kioskvote.meeting.Poll;

/**
 * One sealed ballot as the count reads it once opened. A ballot sealed on a voter's device was made by a
 * page the station does not control, so every one is checked as a cast would be: the plaintext's length,
 * its layout and zero padding, UTF-8, the receipt code's form, JSON of question id → option ids, ids the
 * poll has and no more marks than it allows (BallotBox.validate, the cast's own rule). One that fails, or
 * does not open at all, is received and invalid on every question (every question left blank): it never
 * stops the count, and the count says how many there were.
 */
public record OpenedBallot(String answersJson, String receiptCode, boolean readable) {
    /** The code published for an unreadable ballot whose own code could not be read (a well-formed code, but no page's). */
    public static final String UNREADABLE_CODE = "0000-0000";
    private static final int CODE_BYTES = 9;
    private static final ObjectMapper STRICT = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    private static final TypeReference<Map<String, List<String>>> SHAPE = new TypeReference<>() {
    };

    public OpenedBallot {
        ReceiptCode.requireCode(receiptCode);
    }

    /** A ballot that does not open, or whose content is not a ballot of this poll. */
    public static OpenedBallot unreadable(Poll poll) {
        return new OpenedBallot(AnswersJson.write(BallotBox.validate(poll, Map.of())), UNREADABLE_CODE, false);
    }

    /** The opened plaintext, checked; unreadable (see above) if any check fails. */
    public static OpenedBallot read(Poll poll, byte[] plaintext) {
        try {
            if (plaintext.length != SealedBallot.paddedLength(poll)) return unreadable(poll);
            ByteBuffer in = ByteBuffer.wrap(plaintext);
            int length = in.getShort() & 0xFFFF;
            if (2 + length + CODE_BYTES > plaintext.length) return unreadable(poll);
            String json = strictUtf8(plaintext, 2, length);
            String code = new String(plaintext, 2 + length, CODE_BYTES, StandardCharsets.US_ASCII);
            for (int i = 2 + length + CODE_BYTES; i < plaintext.length; i++) if (plaintext[i] != 0) return unreadable(poll);
            if (!code.matches("[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}")) return unreadable(poll);
            Map<String, List<String>> marks = STRICT.readValue(json, SHAPE);
            return new OpenedBallot(AnswersJson.write(BallotBox.validate(poll, marks)), code, true);
        } catch (RuntimeException | CharacterCodingException | com.fasterxml.jackson.core.JsonProcessingException e) {
            return unreadable(poll); // a hostile page's ballot: counted as received, invalid; never the count's end
        }
    }

    private static String strictUtf8(byte[] bytes, int offset, int length) throws CharacterCodingException {
        CharBuffer chars = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes, offset, length));
        return chars.toString();
    }

    @Override
    public String toString() {
        return "OpenedBallot[" + (readable ? "readable" : "unreadable") + "]"; // never the content
    }
}
