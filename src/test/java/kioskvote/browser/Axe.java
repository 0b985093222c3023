package kioskvote.browser;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * axe-core (Deque's accessibility engine, installed from npm into node_modules/ by {@code npm install};
 * a test tool only, never in the product jar) injected into the page shown and run with its WCAG 2.x A/AA
 * and best-practice rules. A page passes with no violation at all.
 */
final class Axe {
    static final Path SCRIPT = Path.of("node_modules/axe-core/axe.min.js");

    private Axe() {
    }

    static boolean installed() {
        return Files.isReadable(SCRIPT);
    }

    private static String source;

    private static synchronized String source() throws IOException {
        if (source == null) source = Files.readString(SCRIPT, StandardCharsets.UTF_8);
        return source;
    }

    /** Runs axe on the page now shown; fails naming every violation, its impact and the elements. */
    @SuppressWarnings("unchecked")
    static void assertNoViolations(Chromium browser, String page) {
        var driver = browser.driver;
        try {
            driver.executeScript(source() + "\n;window.__axeReady = true;");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        driver.manage().timeouts().scriptTimeout(java.time.Duration.ofSeconds(60));
        List<Map<String, Object>> violations = (List<Map<String, Object>>) driver.executeAsyncScript("""
                var done = arguments[arguments.length - 1];
                axe.run(document, { resultTypes: ['violations'] }).then(function (r) {
                  done(r.violations.map(function (v) {
                    return { id: v.id, impact: v.impact, help: v.help,
                             nodes: v.nodes.slice(0, 5).map(function (n) { return n.target.join(' ') + ' :: ' + n.failureSummary; }) };
                  }));
                }, function (e) { done([{ id: 'axe-error', impact: 'critical', help: String(e), nodes: [] }]); });
                """);
        if (!violations.isEmpty()) {
            StringBuilder report = new StringBuilder(page + " (" + driver.getCurrentUrl() + "): " + violations.size() + " axe-core violations");
            for (Map<String, Object> v : violations) {
                report.append("\n- ").append(v.get("impact")).append(' ').append(v.get("id")).append(": ").append(v.get("help"));
                for (Object node : (List<Object>) v.get("nodes")) report.append("\n    ").append(node);
            }
            fail(report.toString());
        }
    }
}
