package kioskvote.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

/**
 * The basic accessibility every page must pass, measured in the browser: {@code lang} set, no
 * horizontal scroll, nothing marked hidden on screen, every control labelled, text contrast at least 4.5:1, a visible focus outline.
 */
final class PageChecks {
    private PageChecks() {
    }

    private static final String UNLABELLED = """
            return Array.from(document.querySelectorAll('input:not([type=hidden]), select, textarea, button'))
              .filter(function (c) {
                var named = (c.labels && c.labels.length > 0) || c.getAttribute('aria-label') || c.getAttribute('aria-labelledby')
                  || (c.tagName === 'BUTTON' && c.textContent.trim().length > 0);
                return !named;
              }).map(function (c) { return c.outerHTML.slice(0, 80); });
            """;

    /** Every element with its own text, with its colour against the first opaque background behind it. */
    private static final String LOW_CONTRAST = """
            function rgb(s) { var m = s.match(/[\\d.]+/g).map(Number); return { r: m[0], g: m[1], b: m[2], a: m.length > 3 ? m[3] : 1 }; }
            function lum(c) { return [c.r, c.g, c.b].map(function (v) { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); })
              .reduce(function (s, v, i) { return s + v * [0.2126, 0.7152, 0.0722][i]; }, 0); }
            function background(e) { for (; e; e = e.parentElement) { var b = rgb(getComputedStyle(e).backgroundColor); if (b.a > 0.5) return b; } return { r: 255, g: 255, b: 255, a: 1 }; }
            var bad = [];
            document.querySelectorAll('body *').forEach(function (e) {
              var own = Array.from(e.childNodes).some(function (n) { return n.nodeType === 3 && n.textContent.trim(); });
              if (!own || e.offsetParent === null && getComputedStyle(e).position !== 'fixed' || e.disabled) return;
              var f = lum(rgb(getComputedStyle(e).color)), b = lum(background(e));
              var ratio = (Math.max(f, b) + 0.05) / (Math.min(f, b) + 0.05);
              if (ratio < 4.5) bad.push(e.tagName + '.' + e.className + ' ' + ratio.toFixed(2) + ': ' + e.textContent.trim().slice(0, 30));
            });
            return bad;
            """;

    /**
     * Elements that carry the hidden attribute but take up room on screen: a stylesheet's display rule
     * beat the attribute, and a person sees a message meant for later (the review's "not recorded").
     */
    private static final String HIDDEN_BUT_SHOWN = """
            return Array.from(document.querySelectorAll('body [hidden]'))
              .filter(function (e) { var r = e.getBoundingClientRect(); return getComputedStyle(e).display !== 'none' || r.width > 0 || r.height > 0; })
              .map(function (e) { return e.outerHTML.slice(0, 80); });
            """;

    /** Runs every check on the page now shown; {@code page} names it in failure messages. */
    @SuppressWarnings("unchecked")
    static void assertAccessible(Chromium browser, String page) {
        var driver = browser.driver;
        String lang = (String) driver.executeScript("return document.documentElement.lang");
        assertTrue(lang != null && !lang.isBlank(), page + ": <html lang> is set");
        long scrollWidth = (Long) driver.executeScript("return document.documentElement.scrollWidth");
        long viewport = (Long) driver.executeScript("return window.innerWidth");
        assertTrue(scrollWidth <= viewport, page + ": no horizontal scroll (page " + scrollWidth + " px, viewport " + viewport + " px)");
        assertEquals(List.of(), (List<String>) driver.executeScript(HIDDEN_BUT_SHOWN), page + ": nothing marked hidden is on screen");
        assertEquals(List.of(), (List<String>) driver.executeScript(UNLABELLED), page + ": every control has a label");
        assertEquals(List.of(), (List<String>) driver.executeScript(LOW_CONTRAST), page + ": text contrast at least 4.5:1");
        String outline = (String) driver.executeScript(
                "var s = Array.from(document.styleSheets).flatMap(function (x) { try { return Array.from(x.cssRules); } catch (e) { return []; } });"
                        + "return s.filter(function (r) { return r.selectorText && r.selectorText.indexOf(':focus-visible') >= 0; }).map(function (r) { return r.style.outline; }).join('|');");
        assertFalse(outline.isBlank(), page + ": focus is visible (a :focus-visible outline)");
    }
}
