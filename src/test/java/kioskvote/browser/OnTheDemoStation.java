package kioskvote.browser;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

import kioskvote.e2e.Api;
import kioskvote.e2e.InProcessStation;

/**
 * A browser test with a demo station of its own for each test, in this JVM (kiosk-config/demo on a fresh data
 * directory). The test class keeps its browsers; JUnit resets them (the class's own @AfterEach) before this
 * stops the station.
 */
abstract class OnTheDemoStation {
    @TempDir
    Path data;
    InProcessStation station;
    Api api;

    @BeforeEach
    void startStation() {
        assumeTrue(Chromium.installed(), "Chromium and chromedriver are not installed at /usr/bin: browser tests skipped");
        assumeTrue(Axe.installed(), "axe-core is not in node_modules (npm install): browser tests skipped");
        station = InProcessStation.start(Path.of("kiosk-config/demo"), data);
        api = station.api();
    }

    @AfterEach
    void stopStation() {
        if (station != null) station.close();
    }
}
