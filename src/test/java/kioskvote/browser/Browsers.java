package kioskvote.browser;

import java.util.ArrayList;
import java.util.List;

/**
 * The browsers of one test class. A test takes the ones it needs; after it they are reset (one blank tab,
 * no cookies, their own screen) and the next test gets them again instead of waiting for Chromium to start.
 * A browser that cannot be reset is closed and replaced.
 */
final class Browsers implements AutoCloseable {
    private final List<Chromium> idle = new ArrayList<>();
    private final List<Chromium> taken = new ArrayList<>();

    /** A browser with this screen and script setting that no other part of the current test holds. */
    Chromium take(int width, int height, boolean mobile, boolean javascript) throws Exception {
        Chromium browser = idle.stream().filter(b -> b.isLike(width, height, mobile, javascript)).findFirst().orElse(null);
        if (browser != null) {
            idle.remove(browser);
        } else {
            browser = Chromium.start(width, height, mobile, javascript);
        }
        taken.add(browser);
        return browser;
    }

    /** After each test: every browser it took is reset for the next one. */
    void resetAll() {
        for (Chromium browser : taken) {
            try {
                browser.reset();
                idle.add(browser);
            } catch (RuntimeException broken) {
                browser.close();
            }
        }
        taken.clear();
    }

    @Override
    public void close() {
        resetAll();
        idle.forEach(Chromium::close);
        idle.clear();
    }
}
