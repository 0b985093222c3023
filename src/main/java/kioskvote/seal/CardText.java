package kioskvote.seal;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.util.Arrays;

/**
 * A key card's code as characters the station can wipe: what a card page or answer writes and what the count
 * reads, never a {@link String} (a String cannot be zeroed and stays in the heap until overwritten; the memory
 * scan of e2e/CardMemoryScanTest finds it). The characters are kept outside the Java heap, where the collector
 * does not move them (a moved array leaves a copy behind that nothing can zero). {@link #toString()} never shows
 * the code. Wipe it once written or read.
 */
public final class CardText implements CharSequence, AutoCloseable {
    private final CharBuffer chars;

    /** Copies {@code chars} out of the heap and zeroes them. */
    public CardText(char[] chars) {
        this.chars = ByteBuffer.allocateDirect(chars.length * 2).asCharBuffer();
        this.chars.put(0, chars);
        Arrays.fill(chars, '\0');
    }

    @Override
    public int length() {
        return chars.capacity();
    }

    @Override
    public char charAt(int index) {
        return chars.get(index);
    }

    @Override
    public CardText subSequence(int start, int end) {
        char[] part = new char[end - start];
        chars.get(start, part);
        return new CardText(part);
    }

    /** Writes the code as ASCII bytes, through a buffer zeroed afterwards. */
    public void writeAscii(OutputStream out) throws IOException {
        byte[] bytes = asciiBytes();
        try {
            out.write(bytes);
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
    }

    /** The code as ASCII bytes; the caller zeroes them. */
    public byte[] asciiBytes() {
        byte[] bytes = new byte[length()];
        for (int i = 0; i < bytes.length; i++) bytes[i] = (byte) chars.get(i);
        return bytes;
    }

    /**
     * An immutable copy the station cannot wipe: for tests and tools outside the station only (a card page,
     * the dealing answer and the count never call it).
     */
    public String unwipeableCopy() {
        char[] copy = new char[length()];
        chars.get(0, copy);
        String text = new String(copy);
        Arrays.fill(copy, '\0');
        return text;
    }

    /** Zeroes the characters. */
    public void wipe() {
        for (int i = 0; i < length(); i++) chars.put(i, '\0');
    }

    @Override
    public void close() {
        wipe();
    }

    @Override
    public String toString() {
        return "CardText[" + length() + " characters]"; // never the code
    }
}
