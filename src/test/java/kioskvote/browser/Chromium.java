package kioskvote.browser;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The system's headless Chromium (Debian's chromium and chromium-driver) driven through Selenium,
 * with a fresh profile and a fixed viewport. No Selenium Manager: the network is closed, and the
 * driver and browser are given by path.
 */
final class Chromium implements AutoCloseable {
    static final Path BROWSER = Path.of("/usr/bin/chromium");
    static final Path DRIVER = Path.of("/usr/bin/chromedriver");
    static final Path SCREENSHOTS = Path.of("target/screenshots");
    /** How long a step may wait for the page it expects: generous, for two cores shared with other builds. */
    static final Duration PATIENCE = Duration.ofSeconds(30);

    final ChromeDriver driver;
    private final Path profile;
    private final int width;
    private final int height;
    private final boolean mobile;
    private final boolean javascript;

    private Chromium(ChromeDriver driver, Path profile, int width, int height, boolean mobile, boolean javascript) {
        this.driver = driver;
        this.profile = profile;
        this.width = width;
        this.height = height;
        this.mobile = mobile;
        this.javascript = javascript;
    }

    static boolean installed() {
        return Files.isExecutable(BROWSER) && Files.isExecutable(DRIVER);
    }

    /** A phone-sized (mobile) or desktop-sized browser; {@code javascript=false} turns scripts off for every page. */
    static Chromium start(int width, int height, boolean mobile, boolean javascript) throws IOException {
        System.setProperty("webdriver.chrome.driver", DRIVER.toString());
        Path profile = Files.createTempDirectory("kv-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BROWSER.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--user-data-dir=" + profile, "--window-size=" + width + "," + height, "--lang=vi", "--hide-scrollbars");
        if (!javascript) options.setExperimentalOption("prefs", Map.of("profile.managed_default_content_settings.javascript", 2));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile()).usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        Chromium browser = new Chromium(driver, profile, width, height, mobile, javascript);
        browser.emulateOwnScreen();
        return browser;
    }

    /** Whether this browser was started with that screen and script setting. */
    boolean isLike(int width, int height, boolean mobile, boolean javascript) {
        return this.width == width && this.height == height && this.mobile == mobile && this.javascript == javascript;
    }

    /**
     * Back to the state {@link #start} left it in, for the next test: one blank tab, no cookies (they are
     * per host, not per port, so a station of an earlier test would otherwise pass its cookies on), the network on, the
     * screen it was started with. Storage is per origin, and every test's station has a port of its own.
     */
    void reset() {
        String first = driver.getWindowHandles().iterator().next();
        for (String handle : driver.getWindowHandles()) {
            if (!handle.equals(first)) driver.switchTo().window(handle).close();
        }
        driver.switchTo().window(first);
        driver.get("about:blank");
        driver.executeCdpCommand("Network.clearBrowserCookies", Map.of());
        // a test that cut the network (offline emulation) and failed before restoring it must not leave it cut
        driver.executeCdpCommand("Network.emulateNetworkConditions",
                Map.of("offline", false, "latency", 0, "downloadThroughput", -1, "uploadThroughput", -1));
        emulateScreen();
        emulateOwnScreen();
    }

    private void emulateOwnScreen() {
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", mobile));
    }

    WebDriverWait waitUpTo(Duration limit) {
        WebDriverWait wait = new LookingAgain(driver, limit);
        wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class); // the page changed under us: look again
        return wait;
    }

    /**
     * A wait that also looks again when Chromium answers "Node ... does not belong to the document": an element read
     * while its page is being replaced (a form just sent), which Selenium reports as an unknown error, not as stale.
     */
    private static final class LookingAgain extends WebDriverWait {
        LookingAgain(WebDriver driver, Duration limit) {
            super(driver, limit, Duration.ofMillis(20));
        }

        @Override
        public <V> V until(Function<? super WebDriver, ? extends V> isTrue) {
            return super.until(d -> {
                try {
                    return isTrue.apply(d);
                } catch (WebDriverException e) {
                    if (replacedMidRead(e)) return null;
                    throw e;
                }
            });
        }
    }

    private static boolean replacedMidRead(WebDriverException e) {
        return String.valueOf(e.getMessage()).contains("does not belong to the document");
    }

    WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    List<WebElement> findAll(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    /** Waits until an element is there and returns it. */
    WebElement await(String css) {
        try {
            return waitUpTo(PATIENCE).until(d -> {
                List<WebElement> found = d.findElements(By.cssSelector(css));
                return found.isEmpty() ? null : found.get(0);
            });
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError("no " + css + " on " + driver.getCurrentUrl() + " within " + PATIENCE.toSeconds()
                    + " s; the page says:\n" + bodyText(), e);
        }
    }

    /** Waits until an element's text contains {@code text} (a notice replacing an older one, a count going up). */
    WebElement awaitText(String css, String text) {
        try {
            return waitUpTo(PATIENCE).until(d -> d.findElements(By.cssSelector(css)).stream()
                    .filter(e -> e.getText().contains(text)).findFirst().orElse(null));
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError("no " + css + " saying \"" + text + "\" on " + driver.getCurrentUrl() + " within "
                    + PATIENCE.toSeconds() + " s; the page says:\n" + bodyText(), e);
        }
    }

    /** Waits until the page's h1 reads {@code expected} (a page load, or the review step shown in place). */
    void awaitHeading(String expected) {
        try {
            waitUpTo(PATIENCE).until(d -> d.findElements(By.tagName("h1")).stream().anyMatch(h -> h.getText().equals(expected)));
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError("the heading never read \"" + expected + "\" on " + driver.getCurrentUrl() + "; the page says:\n"
                    + bodyText(), e);
        }
    }

    /** Waits until the browser has left a page whose address contains {@code part} (after Back, say). */
    void awaitAddressWithout(String part) {
        try {
            waitUpTo(PATIENCE).until(d -> !d.getCurrentUrl().contains(part));
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError("still on " + driver.getCurrentUrl() + " after " + PATIENCE.toSeconds() + " s", e);
        }
    }

    /** Switches to the tab that is not {@code current}, once it has opened. */
    void switchToTheOtherTab(String current) {
        waitUpTo(PATIENCE).until(d -> d.getWindowHandles().size() == 2);
        for (String handle : driver.getWindowHandles()) if (!handle.equals(current)) driver.switchTo().window(handle);
    }

    /**
     * Clicks what submits a form or follows a link, and waits until the next page has replaced this one: what the
     * caller then looks for (a notice, say) may be on both pages, and must be found on the new one.
     */
    void clickAndAwaitNewPage(String css) {
        WebElement old = driver.findElement(By.tagName("html"));
        find(css).click();
        waitUpTo(PATIENCE).until(d -> isGone(old));
    }

    /** Whether the element's document was replaced: stale, or (Chromium's word for it mid-navigation) not in the document. */
    private static boolean isGone(WebElement element) {
        try {
            element.isEnabled();
            return false;
        } catch (org.openqa.selenium.StaleElementReferenceException e) {
            return true;
        } catch (WebDriverException e) {
            if (replacedMidRead(e)) return true;
            throw e;
        }
    }

    String bodyText() {
        List<WebElement> body = driver.findElements(By.tagName("body"));
        return body.isEmpty() ? "(no page)" : body.get(0).getText();
    }

    String heading() {
        return await("h1").getText();
    }

    /** The whole page (not just the viewport) as a PNG in target/screenshots/. */
    Path screenshot(String name) throws IOException {
        Number pageHeight = (Number) driver.executeScript("return Math.max(document.documentElement.scrollHeight, document.body.scrollHeight)");
        Number pageWidth = (Number) driver.executeScript("return window.innerWidth");
        Map<String, Object> shot = driver.executeCdpCommand("Page.captureScreenshot", Map.of("format", "png", "captureBeyondViewport", true,
                "clip", Map.of("x", 0, "y", 0, "width", pageWidth.intValue(), "height", Math.max(height, pageHeight.intValue()), "scale", 1)));
        Files.createDirectories(SCREENSHOTS);
        Path file = SCREENSHOTS.resolve(name + ".png");
        Files.write(file, Base64.getDecoder().decode((String) shot.get("data")));
        return file;
    }

    /** The page printed to PDF as Chromium prints it (A4, print stylesheet). */
    Path printToPdf(String name) throws IOException {
        Map<String, Object> pdf = driver.executeCdpCommand("Page.printToPDF", Map.of("paperWidth", 8.27, "paperHeight", 11.69,
                "preferCSSPageSize", true, "printBackground", false));
        Files.createDirectories(SCREENSHOTS);
        Path file = SCREENSHOTS.resolve(name + ".pdf");
        Files.write(file, Base64.getDecoder().decode((String) pdf.get("data")));
        return file;
    }

    /** Shows the page as printed (print media) until {@link #emulateScreen()}. */
    void emulatePrint() {
        driver.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "print"));
    }

    void emulateScreen() {
        driver.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", ""));
    }

    @Override
    public void close() {
        driver.quit();
        deleteQuietly(profile.toFile());
    }

    private static void deleteQuietly(File file) {
        File[] children = file.listFiles();
        if (children != null) for (File child : children) deleteQuietly(child);
        if (!file.delete() && file.exists()) file.deleteOnExit();
    }
}
