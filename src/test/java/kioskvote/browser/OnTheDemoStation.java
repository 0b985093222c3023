package kioskvote.browser;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;

import kioskvote.StationExtension;
import kioskvote.e2e.Api;

/**
 * A browser test on a demo station of its own for each test (kiosk-config/demo, in this JVM, from
 * {@link StationExtension}), started once Chromium and axe-core are known to be there. The test class keeps its
 * browsers; JUnit resets them (the class's own @AfterEach) before the extension stops the station.
 */
abstract class OnTheDemoStation {
    @RegisterExtension
    final StationExtension station = StationExtension.inProcess().mintingAhead().startedByTheTest();
    Api api;

    @BeforeEach
    void startStation() {
        assumeTrue(Chromium.installed(), "Chromium and chromedriver are not installed at /usr/bin: browser tests skipped");
        assumeTrue(Axe.installed(), "axe-core is not in node_modules (npm install): browser tests skipped");
        api = station.start().api();
    }
}
