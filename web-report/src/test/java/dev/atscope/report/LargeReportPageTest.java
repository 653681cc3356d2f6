package dev.atscope.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atscope.core.generate.TraceGenerator;
import dev.atscope.core.protocol.ProtocolRegistry;
import dev.atscope.core.trace.TraceMetadata;
import dev.atscope.core.trace.TraceWriter;
import dev.atscope.core.trace.imports.Traces;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * Given the report of a generated fleet of 100,000 transactions (seed 1, with modules that restart
 * again and again: findings of no transaction), when opened in Chromium at 1400×900, then the
 * timeline is on the first screen, the findings are grouped by rule in the header, and zoomed out
 * the timeline draws density with the failures on top. The screenshot is the figure of
 * docs/performance.md ({@code target/screenshots/large-*.png}).
 */
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class LargeReportPageTest extends ChromiumPageTest {

    private static final String ERROR = "rgb(224, 49, 49)";
    private static Path html;
    private static long transactions;

    @BeforeAll
    static void writeTheReportAndStartTheBrowser() throws IOException {
        Path dir = Files.createTempDirectory("atscope-large-report");
        Path trace = dir.resolve("fleet-100k.csv");
        TraceMetadata meta = TraceMetadata.EMPTY.withStart(Instant.parse("2026-11-01T00:00:00Z"))
                .withTag("generator", "atscope TraceGenerator seed 1");
        try (TraceWriter w = Traces.create(trace, meta)) {
            new TraceGenerator(1).write(w, Long.MAX_VALUE, 100_000);
        }
        html = dir.resolve("fleet-100k.html");
        transactions = new TimelineReport(ProtocolRegistry.loadDefault(), ReportOptions.DEFAULT)
                .write(trace, html, n -> { }).transactions();
        browser = new BrowserSession(1400, 900);
        browser.open(html);
    }

    @Override
    String screenshotPrefix() {
        return "large-";
    }

    @Test
    @SuppressWarnings("unchecked")
    void theTimelineIsOnTheFirstScreenAndTheFindingsAreGroupedByRule() throws IOException {
        browser.screenshot("large-first-screen");
        assertThat(transactions).isGreaterThanOrEqualTo(100_000);
        Map<String, Number> box = (Map<String, Number>) browser.js(
                "var r = document.getElementById('timeline').getBoundingClientRect();"
                        + "return {top: r.top, bottom: r.bottom, screen: window.innerHeight};");
        assertThat(box.get("top").doubleValue()).as("the timeline's top").isLessThan(box.get("screen").doubleValue() / 2);
        assertThat(box.get("bottom").doubleValue()).as("the timeline's bottom").isLessThan(box.get("screen").doubleValue());
        List<String> rules = (List<String>) browser.js("return Array.prototype.map.call("
                + "document.querySelectorAll('#top-diagnostics li.diag-group'), function (li) { return li.dataset.rule; })");
        assertThat(rules).isNotEmpty().doesNotHaveDuplicates();
        // the module restarting again and again: findings of no transaction, one line with their count
        WebElement restarts = browser.driver.findElement(By.cssSelector("#top-diagnostics li[data-rule='pdp.restart-interval']"));
        assertThat(restarts.getText()).matches("(?s).*\\d+× pdp\\.restart-interval: .*of no transaction\\).*");
        long count = Long.parseLong(restarts.getText().replaceAll("(?s)^\\D*(\\d[\\d,]*)×.*", "$1").replace(",", ""));
        assertThat(count).isGreaterThan(10);
        assertThat(browser.driver.findElement(By.id("notes")).getText()).doesNotContain("restart");
        restarts.click();
        assertThat(browser.driver.findElements(By.cssSelector("#rule-findings li"))).hasSize((int) Math.min(count, 500));
    }

    @Test
    void aPayloadPastTheBudgetSaysItIsCutAndHowLongItWas() {
        browser.js("var f = document.getElementById('filter'); f.value = 'cmd:QSECWRITE';"
                + "f.dispatchEvent(new KeyboardEvent('keydown', {key: 'Enter'}));");
        long shown = (Long) browser.js("return atscope.shown()");
        assertThat(shown).isGreaterThan(100);
        // the last upload of the trace: the first 4 MiB of payload were long spent
        browser.js("document.getElementById('list').scrollTop = 1e9;"
                + "return new Promise(r => requestAnimationFrame(() => r(0)))");
        List<WebElement> rows = browser.driver.findElements(By.cssSelector("#list-rows .row.tx"));
        rows.get(rows.size() - 1).click();
        String detail = browser.driver.findElement(By.id("detail")).getText();
        assertThat(detail).containsPattern("\\d+ bytes, CRC-32 [0-9a-f]{8}, cut: the first 64 of \\d+ bytes shown"
                + " \\(the whole payload is in the trace\\)");
        assertThat(browser.driver.findElement(By.id("notes")).getText()).containsPattern("[\\d,]+ payloads of [\\d,]+ are cut");
        browser.js("var f = document.getElementById('filter'); f.value = '';"
                + "f.dispatchEvent(new KeyboardEvent('keydown', {key: 'Enter'}));");
    }

    @Test
    @SuppressWarnings("unchecked")
    void zoomedOutTheTimelineDrawsDensityWithTheFailuresOnTopAndZoomedInEachTransaction() {
        browser.js("atscope.fit(); return new Promise(r => requestAnimationFrame(() => r(0)))");
        assertThat(browser.js("return atscope.drawMode()")).isEqualTo("density");
        long failed = (Long) browser.js("return atscope.failures(1)[0]");
        List<Object> colours = (List<Object>) browser.js("return atscope.pixelsOf(arguments[0])", failed);
        assertThat(colours).contains(ERROR);
        Map<String, Number> t = (Map<String, Number>) browser.js("return atscope.timeOf(arguments[0])", failed);
        double width = Math.max(1, t.get("end").doubleValue() - t.get("start").doubleValue()) * 20;
        browser.js("atscope.zoomTo(arguments[0], arguments[1])", t.get("start").doubleValue(), width);
        assertThat(browser.js("return atscope.drawMode()")).isEqualTo("transactions");
        assertThat(browser.js("return atscope.pixelOf(arguments[0])", failed)).isEqualTo(ERROR);
        browser.js("atscope.fit(); return new Promise(r => requestAnimationFrame(() => r(0)))");
    }
}
