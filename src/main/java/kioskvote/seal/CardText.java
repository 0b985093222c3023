package kioskvote.seal;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;

/**
 * A key card's code as characters the station can wipe: what a card page or answer writes and what the count
 * reads, never a {@link String} (a String cannot be zeroed and stays in the heap until overwritten; the memory
 * scan of e2e/CardMemoryScanTest finds it). {@link #toString()} never shows the code. Wipe it once written or read.
 */
public final class CardText implements CharSequence, AutoCloseable {
    private final char[] chars;

    /** Takes ownership of {@code chars}: they are zeroed by {@link #wipe()}. */
    public CardText(char[] chars) {
        this.chars = chars;
    }

    /** The ASCII bytes {@code bytes[from, to)} as a card text; the caller wipes its bytes. */
    public static CardText ofAscii(byte[] bytes, int from, int to) {
        char[] chars = new char[to - from];
        for (int i = from; i < to; i++) chars[i - from] = (char) (bytes[i] & 0xFF);
        return new CardText(chars);
    }

    @Override
    public int length() {
        return chars.length;
    }

    @Override
    public char charAt(int index) {
        return chars[index];
    }

    @Override
    public CardText subSequence(int start, int end) {
        return new CardText(Arrays.copyOfRange(chars, start, end));
    }

    public boolean isBlank() {
        for (char c : chars) if (!Character.isWhitespace(c)) return false;
        return true;
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
        byte[] bytes = new byte[chars.length];
        for (int i = 0; i < chars.length; i++) bytes[i] = (byte) chars[i];
        return bytes;
    }

    /**
     * An immutable copy the station cannot wipe: for tests and tools outside the station only (a card page,
     * the dealing answer and the count never call it).
     */
    public String unwipeableCopy() {
        return new String(chars);
    }

    /** Zeroes the characters. */
    public void wipe() {
        Arrays.fill(chars, '\0');
    }

    @Override
    public void close() {
        wipe();
    }

    @Override
    public String toString() {
        return "CardText[" + chars.length + " characters]"; // never the code
    }
}
