package kioskvote.slip;

import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.google.zxing.qrcode.encoder.ByteMatrix;
import com.google.zxing.qrcode.encoder.Encoder;
import com.google.zxing.qrcode.encoder.QRCode;

import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * A QR code at error correction M, with the smallest version zxing's minimal encoder finds
 * (mixed segments: an alphanumeric URL prefix followed by a numeric token). Drawn by us, with the
 * 4-module quiet zone the standard asks for.
 */
public final class QrCode {
    public static final int QUIET_ZONE = 4;
    private static final String GENERIC_LABEL = "Mã QR / QR code";

    private final boolean[][] dark; // [row][column], without the quiet zone
    private final int version;

    private QrCode(boolean[][] dark, int version) {
        this.dark = dark;
        this.version = version;
    }

    public static QrCode encode(String text) {
        Objects.requireNonNull(text, "text");
        QRCode code;
        try {
            code = Encoder.encode(text, ErrorCorrectionLevel.M, Map.of(EncodeHintType.QR_COMPACT, Boolean.TRUE));
        } catch (WriterException e) {
            throw new IllegalArgumentException("text does not fit a QR code (" + text.length() + " characters)", e);
        }
        return of(code.getMatrix(), code.getVersion().getVersionNumber());
    }

    /** The code a text that must never become a String (a key card's code): see {@link SecretQr}. */
    public static QrCode encodeSecret(CharSequence alphanumeric) {
        return SecretQr.encode(alphanumeric);
    }

    static QrCode of(ByteMatrix matrix, int version) {
        boolean[][] dark = new boolean[matrix.getHeight()][matrix.getWidth()];
        for (int y = 0; y < matrix.getHeight(); y++) {
            for (int x = 0; x < matrix.getWidth(); x++) {
                dark[y][x] = matrix.get(x, y) == 1;
            }
        }
        return new QrCode(dark, version);
    }

    /**
     * Slip URLs are uppercase so their prefix fits QR alphanumeric mode. The slip's secret is the fragment
     * ({@code /V#digits}): a browser never sends it, so it never crosses the room's network (docs/security.md).
     */
    public static String slipUrl(String baseUrl, String encodedToken) {
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(encodedToken, "encodedToken");
        String base = baseUrl.strip();
        while (base.endsWith("/")) base = base.substring(0, base.length() - 1);
        if (base.isEmpty()) throw new IllegalArgumentException("base URL is empty");
        return base.toUpperCase(Locale.ROOT) + "/V#" + encodedToken;
    }

    public int version() {
        return version;
    }

    /** Modules per side, without the quiet zone. */
    public int size() {
        return dark.length;
    }

    public boolean isDark(int x, int y) {
        return dark[y][x];
    }

    public String toSvg() {
        return toSvg(GENERIC_LABEL);
    }

    /** An inline {@code <svg>} scaled by CSS: white background, one path of dark modules, quiet zone included. */
    public String toSvg(String ariaLabel) {
        int side = size() + 2 * QUIET_ZONE;
        // One stroked line per run of dark modules, relative moves within a row: about half the
        // bytes of filled rectangles, which matters on a sheet of 2,000 slips.
        StringBuilder path = new StringBuilder(size() * size() / 2);
        for (int y = 0; y < size(); y++) {
            int x = 0;
            int penX = -1;
            while (x < size()) {
                if (!dark[y][x]) {
                    x++;
                    continue;
                }
                int start = x;
                while (x < size() && dark[y][x]) x++;
                if (penX < 0) path.append('M').append(start + QUIET_ZONE).append(' ').append(y + QUIET_ZONE).append(".5");
                else path.append('m').append(start - penX).append(" 0");
                path.append('h').append(x - start);
                penX = x;
            }
        }
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + side + " " + side + "\""
                + " shape-rendering=\"crispEdges\" role=\"img\" aria-label=\"" + escapeXml(ariaLabel) + "\">"
                + "<rect width=\"" + side + "\" height=\"" + side + "\" fill=\"#fff\"/>"
                + "<path stroke=\"#000\" d=\"" + path + "\"/></svg>";
    }

    /**
     * Two module rows per line in half blocks, with the quiet zone. Colours are forced to black on
     * white with ANSI escapes, so phones can read it on dark- and light-themed terminals alike.
     */
    public String toTerminal() {
        int side = size() + 2 * QUIET_ZONE;
        StringBuilder out = new StringBuilder();
        for (int y = 0; y < side; y += 2) {
            out.append("\u001b[30;107m");
            for (int x = 0; x < side; x++) {
                boolean top = darkWithQuietZone(x, y);
                boolean bottom = darkWithQuietZone(x, y + 1);
                out.append(top ? (bottom ? '█' : '▀') : (bottom ? '▄' : ' '));
            }
            out.append("\u001b[0m\n");
        }
        return out.toString();
    }

    private boolean darkWithQuietZone(int x, int y) {
        int cx = x - QUIET_ZONE;
        int cy = y - QUIET_ZONE;
        return cx >= 0 && cy >= 0 && cx < size() && cy < size() && dark[cy][cx];
    }

    private static String escapeXml(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                .replace("\"", "&quot;").replace("'", "&apos;");
    }

    /** Never the encoded text: on a slip it is a ballot token. */
    @Override
    public String toString() {
        return "QrCode[version=" + version + "]";
    }
}
