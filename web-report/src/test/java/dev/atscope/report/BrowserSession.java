package dev.atscope.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;
import java.util.stream.Collectors;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven through /usr/bin/chromedriver (set by Surefire, so Selenium
 * never downloads a browser or driver), with the browser console kept for checking. Shared with the
 * other modules' page tests through this module's test-jar.
 */
public final class BrowserSession implements AutoCloseable {

    /** Where screenshots go, for a person to look at. */
    public static final Path SCREENSHOTS = Path.of("target/screenshots");

    public final ChromeDriver driver;
    private final Path profile;

    public BrowserSession(int width, int height) throws IOException {
        profile = Files.createTempDirectory("atscope-chromium");
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--no-first-run",
                "--user-data-dir=" + profile, "--window-size=" + width + "," + height, "--hide-scrollbars");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability(ChromeOptions.LOGGING_PREFS, logs);
        driver = new ChromeDriver(options);
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(120));
    }

    /** Opens a report and waits until the page says it has drawn. */
    void open(Path html) {
        open(html, "");
    }

    /** Opens a report at a fragment ({@code #tx=11}) and waits until the page says it has drawn. */
    void open(Path html, String fragment) {
        driver.get("about:blank"); // a new document even when only the fragment differs
        driver.get(html.toUri() + fragment);
        new WebDriverWait(driver, Duration.ofSeconds(120))
                .until(d -> ((JavascriptExecutor) d).executeScript("return window.atscopeReady !== undefined"));
    }

    public Object js(String script, Object... args) {
        return driver.executeScript(script, args);
    }

    /** Saves what the browser shows under {@link #SCREENSHOTS}. */
    public Path screenshot(String name) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        Path target = SCREENSHOTS.resolve(name + ".png");
        Files.copy(driver.getScreenshotAs(OutputType.FILE).toPath(), target, StandardCopyOption.REPLACE_EXISTING);
        return target;
    }

    /** The console said nothing at warning level or worse, and the page fetched nothing. */
    public void assertQuiet() {
        assertConsoleQuiet(List.of());
        assertThat(js("return performance.getEntriesByType('resource').length")).as("requests").isEqualTo(0L);
    }

    /**
     * The console said nothing at warning level or worse but the expected (a message containing one of
     * {@code expected}), and whatever the page fetched came from {@code origin}.
     */
    public void assertQuiet(String origin, List<String> expected) {
        assertConsoleQuiet(expected);
        @SuppressWarnings("unchecked")
        List<String> fetched = (List<String>) js("return performance.getEntriesByType('resource').map(e => e.name)");
        assertThat(fetched).as("requests").allSatisfy(u -> assertThat(u).startsWith(origin));
    }

    private void assertConsoleQuiet(List<String> expected) {
        List<LogEntry> entries = driver.manage().logs().get(LogType.BROWSER).getAll();
        String bad = entries.stream().filter(e -> e.getLevel().intValue() >= Level.WARNING.intValue())
                .filter(e -> expected.stream().noneMatch(x -> e.getMessage().contains(x)))
                .map(LogEntry::toString).collect(Collectors.joining("\n"));
        assertThat(bad).as("browser console").isEmpty();
    }

    @Override
    public void close() throws IOException {
        driver.quit();
        try (var walk = Files.walk(profile)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
