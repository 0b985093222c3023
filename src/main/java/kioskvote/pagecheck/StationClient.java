package kioskvote.pagecheck;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fetches what a station serves, as a phone would: plain GETs on the station's own origin, no cookie, redirects not
 * followed (a page that sends elsewhere is not the page), each answer at most {@link #MAX_BYTES}.
 */
final class StationClient {
    static final int MAX_BYTES = 8 * 1024 * 1024;

    /** The station did not answer, or answered something other than 200 with a body. */
    static final class Unreachable extends Exception {
        Unreachable(String message) {
            super(message);
        }
    }

    /** A {@code <script>} element of a page: its src resolved on the page's URL (empty for an inline script). */
    record Script(String src, boolean inline) {
    }

    private static final Pattern SCRIPT = Pattern.compile("<script\\b([^>]*)>(.*?)</script\\s*>", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern SRC = Pattern.compile("\\bsrc\\s*=\\s*(?:\"([^\"]*)\"|'([^']*)'|([^\\s>]+))", Pattern.CASE_INSENSITIVE);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NEVER).build();

    byte[] get(URI uri) throws Unreachable {
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).header("Accept-Language", "vi").GET().build();
        try {
            HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = response.body()) {
                byte[] bytes = body.readNBytes(MAX_BYTES + 1);
                if (response.statusCode() != 200) throw new Unreachable(uri + " answered HTTP " + response.statusCode());
                if (bytes.length > MAX_BYTES) throw new Unreachable(uri + " answered more than " + MAX_BYTES + " bytes");
                return bytes;
            }
        } catch (IOException e) {
            throw new Unreachable(uri + " did not answer (" + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Unreachable(uri + ": interrupted");
        } catch (IllegalArgumentException e) {
            throw new Unreachable(uri + ": not an address this client can fetch (" + e.getMessage() + ")");
        }
    }

    /** The page's script elements in document order: what a browser would run (a commented-out one is counted too). */
    static List<Script> scripts(URI page, String html) {
        List<Script> scripts = new ArrayList<>();
        Matcher m = SCRIPT.matcher(html);
        while (m.find()) {
            Matcher src = SRC.matcher(m.group(1));
            if (src.find()) {
                String value = src.group(1) != null ? src.group(1) : src.group(2) != null ? src.group(2) : src.group(3);
                scripts.add(new Script(page.resolve(value.replace("&amp;", "&").strip()).toString(), !m.group(2).isBlank()));
            } else {
                scripts.add(new Script("", true));
            }
        }
        return scripts;
    }

    /** scheme://host:port of a URL, lower case, with the scheme's default port written out. */
    static String origin(URI uri) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        int port = uri.getPort() != -1 ? uri.getPort() : scheme.equals("https") ? 443 : 80;
        return scheme + "://" + String.valueOf(uri.getHost()).toLowerCase(Locale.ROOT) + ":" + port;
    }
}
