package kioskvote.ballot;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import kioskvote.meeting.Option;
import kioskvote.meeting.Poll;
import kioskvote.meeting.Question;

/**
 * What a sealed ballot holds once opened: the answers (canonical JSON, as the ballot table stores them)
 * and the receipt code. Before sealing, every ballot of a poll is padded to the same length, the length
 * of the longest ballot that poll allows, so the ciphertext's size says nothing about the marks
 * ("high" and "medium" differ in length; a blank is shorter still).
 * Layout: answers length (2 bytes) · answers JSON (UTF-8) · receipt code (9 ASCII bytes) · zero padding.
 */
public record SealedBallot(String answersJson, String receiptCode) {
    private static final int CODE_BYTES = 9;

    public SealedBallot {
        ReceiptCode.requireCode(receiptCode);
    }

    /** The padded plaintext for {@code poll}. */
    public byte[] plaintext(Poll poll) {
        byte[] answers = answersJson.getBytes(StandardCharsets.UTF_8);
        int length = paddedLength(poll);
        if (2 + answers.length + CODE_BYTES > length) throw new BallotRejected(BallotRejected.Code.BAD_BALLOT);
        ByteBuffer out = ByteBuffer.allocate(length);
        out.putShort((short) answers.length).put(answers).put(receiptCode.getBytes(StandardCharsets.US_ASCII));
        return out.array();
    }

    /** Reads an opened plaintext back. */
    public static SealedBallot read(byte[] plaintext) {
        ByteBuffer in = ByteBuffer.wrap(plaintext);
        int length = in.getShort() & 0xFFFF;
        byte[] answers = new byte[length];
        in.get(answers);
        byte[] code = new byte[CODE_BYTES];
        in.get(code);
        return new SealedBallot(new String(answers, StandardCharsets.UTF_8), new String(code, StandardCharsets.US_ASCII));
    }

    /** The one plaintext length of every ballot of this poll: room for every option marked on every question. */
    public static int paddedLength(Poll poll) {
        Map<String, List<String>> fullest = new LinkedHashMap<>();
        for (Question question : poll.questions()) fullest.put(question.id(), question.options().stream().map(Option::id).toList());
        int json = AnswersJson.write(new Answers(fullest)).getBytes(StandardCharsets.UTF_8).length;
        return 2 + json + CODE_BYTES;
    }

    @Override
    public String toString() {
        return "SealedBallot[…]"; // never the content
    }

    /** For tests: equal content. */
    boolean same(SealedBallot other) {
        return Arrays.equals(answersJson.getBytes(StandardCharsets.UTF_8), other.answersJson.getBytes(StandardCharsets.UTF_8))
                && receiptCode.equals(other.receiptCode);
    }
}
