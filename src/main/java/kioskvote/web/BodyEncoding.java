package kioskvote.web;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;

/** Which request bodies the routes read as text, and whether they are strict UTF-8 (RequestBodyGate's check). */
final class BodyEncoding {
    private BodyEncoding() {
    }

    /**
     * JSON, forms and bodies without a type are decoded as UTF-8 by the routes, so they are checked here. Other
     * types are the handler's to read: a roster CSV is checked by the importer, which says which line is wrong.
     */
    static boolean isDecodedAsText(HttpServletRequest req) {
        String type = req.getContentType();
        if (type == null) return true;
        String t = type.toLowerCase(Locale.ROOT);
        return t.startsWith("application/json") || t.startsWith("application/x-www-form-urlencoded") || t.startsWith("text/plain");
    }

    static boolean isForm(HttpServletRequest req) {
        String type = req.getContentType();
        return type != null && type.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded");
    }

    /** Strict UTF-8: no malformed or overlong sequences, no lone surrogates. For a form, checked after percent-decoding. */
    static boolean isStrictUtf8(byte[] bytes, boolean form) {
        byte[] text = form ? percentDecoded(bytes) : bytes;
        if (text == null) return false;
        try {
            java.nio.CharBuffer decoded = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(text));
            if (decoded.hasArray()) java.util.Arrays.fill(decoded.array(), '\0'); // the count's key cards pass here (docs/security.md, "Memory")
            return true;
        } catch (CharacterCodingException e) {
            return false;
        } finally {
            if (form) java.util.Arrays.fill(text, (byte) 0);
        }
    }

    /** The bytes a form body stands for ('+' is a space, %XX a byte); null if a % is not followed by two hex digits. */
    static byte[] percentDecoded(byte[] form) {
        byte[] out = new byte[form.length];
        int n = 0;
        try {
            for (int i = 0; i < form.length; i++) {
                byte b = form[i];
                if (b == '%') {
                    if (i + 2 >= form.length) return null;
                    int hi = Character.digit(form[i + 1], 16);
                    int lo = Character.digit(form[i + 2], 16);
                    if (hi < 0 || lo < 0) return null;
                    out[n++] = (byte) (hi * 16 + lo);
                    i += 2;
                } else {
                    out[n++] = b == '+' ? (byte) ' ' : b;
                }
            }
            return java.util.Arrays.copyOf(out, n);
        } finally {
            java.util.Arrays.fill(out, (byte) 0); // the caller zeroes its copy (isStrictUtf8)
        }
    }
}
