package kioskvote.record;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

import kioskvote.audit.Sha256;

/**
 * The code the room runs, pinned (docs/security.md, "The code the room runs"): the scripts the phone's ballot page
 * loads, in the order the page loads them (page/layout.jte, then page/ballot.jte), and one hash over them, the
 * <b>page hash</b>: SHA-256 over the text
 * <pre>
 * kioskvote ballot page v1
 * SHA256-OF-SCRIPT PATH          (one line per script, in {@link #SCRIPTS} order)
 * </pre>
 * each line ending in "\n", a script's hash as 64 lowercase hex digits, one space, its path on the station. The
 * poll's commitment carries it (Commitment), so the projector, the minutes and the record show it, and
 * `kioskvote check-page` compares what a station serves with it.
 */
public record BallotPage(Map<String, String> scriptSha256) {
    public static final String FIRST_LINE = "kioskvote ballot page v1";

    /** The phone ballot page's scripts, in the order it loads them (deferred scripts run in document order). */
    public static final List<String> SCRIPTS = List.of("/static/vendor/noble.js", "/static/slip.js", "/static/kv.js",
            "/static/seal.js", "/static/device-review.js", "/static/ballot-device.js");

    public BallotPage {
        Objects.requireNonNull(scriptSha256, "scriptSha256");
        if (!scriptSha256.keySet().equals(new java.util.HashSet<>(SCRIPTS))) {
            throw new IllegalArgumentException("expected a hash for each of " + SCRIPTS + ", found " + scriptSha256.keySet());
        }
        scriptSha256 = Map.copyOf(scriptSha256);
    }

    /** The page of these script contents (path → bytes, every one of {@link #SCRIPTS}). */
    public static BallotPage of(Function<String, byte[]> contentOf) {
        Map<String, String> hashes = new LinkedHashMap<>();
        for (String path : SCRIPTS) hashes.put(path, Sha256.hex(contentOf.apply(path)));
        return new BallotPage(hashes);
    }

    /** The page this station serves: its scripts as they are in the jar (/public/…, served under /static/…). */
    public static BallotPage ofThisStation() {
        return of(path -> {
            String resource = "/public/" + path.substring("/static/".length());
            try (InputStream in = BallotPage.class.getResourceAsStream(resource)) {
                if (in == null) throw new IllegalStateException("the station's jar has no " + resource);
                return in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** The text the page hash is taken over. */
    public String text() {
        StringBuilder text = new StringBuilder(FIRST_LINE).append('\n');
        for (String path : SCRIPTS) text.append(scriptSha256.get(path)).append(' ').append(path).append('\n');
        return text.toString();
    }

    /** The page hash, 64 lowercase hex digits. */
    public String sha256() {
        return Sha256.hex(text());
    }

    /** The scripts whose hash differs from {@code other}'s, in {@link #SCRIPTS} order. */
    public List<String> differingScripts(BallotPage other) {
        List<String> differing = new ArrayList<>();
        for (String path : SCRIPTS) if (!scriptSha256.get(path).equals(other.scriptSha256.get(path))) differing.add(path);
        return differing;
    }
}
