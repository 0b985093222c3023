package kioskvote.desk;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What an attacker reads from a byte copy of an H2 MVStore file without the key and without H2: the chunk
 * headers ("chunk:ID,len:…,time:…,version:…" at 4 KiB block starts) and every run of exactly 32 or 64
 * lowercase hex digits (person ids, token serials, keyed hashes), each with its file offset, the chunk it
 * lies in, and the bytes around it.
 */
final class H2ByteCopy {
    static final int BLOCK = 4096;

    record Chunk(int id, long version, long time, int start, int end) {
    }

    record Hex(String text, int offset, Chunk chunk) {
    }

    final byte[] bytes;
    final List<Chunk> chunks = new ArrayList<>();
    final List<Hex> hex32 = new ArrayList<>();
    final List<Hex> hex64 = new ArrayList<>();
    private final TreeMap<Integer, Chunk> byStart = new TreeMap<>();

    H2ByteCopy(byte[] bytes) {
        this.bytes = bytes;
        byte[] mark = "chunk:".getBytes(StandardCharsets.US_ASCII);
        for (int at = 0; at + mark.length < bytes.length; at += BLOCK) {
            if (!startsWith(at, mark)) continue;
            Map<String, String> fields = new HashMap<>();
            int end = at;
            while (end < bytes.length && bytes[end] > 0x20 && bytes[end] < 0x7f) end++;
            for (String field : new String(bytes, at, end - at, StandardCharsets.US_ASCII).split(",")) {
                int colon = field.indexOf(':');
                if (colon > 0) fields.put(field.substring(0, colon), field.substring(colon + 1));
            }
            if (!fields.containsKey("len") || !fields.containsKey("version")) continue; // not a chunk header
            try {
                Chunk chunk = new Chunk(Integer.parseInt(fields.get("chunk"), 16), Long.parseLong(fields.get("version"), 16),
                        Long.parseLong(fields.getOrDefault("time", "0"), 16), at, at + Integer.parseInt(fields.get("len"), 16) * BLOCK);
                chunks.add(chunk);
                byStart.put(at, chunk);
            } catch (NumberFormatException notAHeader) {
                // a block that happens to start with the word: skip it
            }
        }
        int run = 0;
        for (int i = 0; i <= bytes.length; i++) {
            boolean hex = i < bytes.length && ((bytes[i] >= '0' && bytes[i] <= '9') || (bytes[i] >= 'a' && bytes[i] <= 'f'));
            if (hex) {
                run++;
                continue;
            }
            if (run == 32 || run == 64) {
                int start = i - run;
                Hex found = new Hex(new String(bytes, start, run, StandardCharsets.US_ASCII), start, chunkAt(start));
                (run == 32 ? hex32 : hex64).add(found);
            }
            run = 0;
        }
    }

    /** The chunk a byte lies in, or null (file header, free space). */
    Chunk chunkAt(int offset) {
        var entry = byStart.floorEntry(offset);
        return entry != null && offset < entry.getValue().end() ? entry.getValue() : null;
    }

    /** The bytes just before an offset, as Latin-1 text (so any byte maps to one char). */
    String before(int offset, int length) {
        int from = Math.max(0, offset - length);
        return new String(bytes, from, offset - from, StandardCharsets.ISO_8859_1);
    }

    String after(int offset, int length) {
        int to = Math.min(bytes.length, offset + length);
        return new String(bytes, offset, to - offset, StandardCharsets.ISO_8859_1);
    }

    private boolean startsWith(int at, byte[] mark) {
        for (int i = 0; i < mark.length; i++) if (bytes[at + i] != mark[i]) return false;
        return true;
    }
}
