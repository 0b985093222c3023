package kioskvote.record;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;

/**
 * Reads the lines of one file of a record ("\n"-terminated, as the station writes them) and refuses a line
 * longer than {@link #MAX_LINE} characters: a hostile record cannot make `verify` hold a gigabyte line in
 * memory. Such a record is unreadable (exit code 3), not tampered: the refusal names the file and line.
 * Only {@link #readLine()} is meant to be used.
 */
final class BoundedLineReader extends BufferedReader {
    /** Far above any line the station writes (a ballot's answers are at most 8,000 characters). */
    static final int MAX_LINE = 1 << 20;

    private final Reader in;
    private final String name;
    private final char[] buffer = new char[1 << 16];
    private int position;
    private int limit;
    private long line;
    private StringBuilder current = new StringBuilder();

    BoundedLineReader(String name, Reader in) {
        super(in, 1);
        this.in = in;
        this.name = name;
    }

    @Override
    public String readLine() throws IOException {
        current.setLength(0);
        boolean any = false;
        while (true) {
            if (position == limit) {
                limit = in.read(buffer, 0, buffer.length);
                position = 0;
                if (limit <= 0) {
                    limit = 0;
                    if (!any) return null;
                    line++;
                    return current.toString();
                }
            }
            any = true;
            int start = position;
            while (position < limit && buffer[position] != '\n') position++;
            current.append(buffer, start, position - start);
            if (current.length() > MAX_LINE) {
                current = new StringBuilder(); // let the long one go
                throw new UncheckedIOException(new IOException(name + " line " + (line + 1) + ": longer than " + MAX_LINE
                        + " characters; no line of a kioskvote record is"));
            }
            if (position < limit) {
                position++;
                line++;
                String text = current.toString();
                if (current.capacity() > buffer.length) current = new StringBuilder();
                return text;
            }
        }
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
