package dev.atscope.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atscope.core.generate.TraceGenerator;
import dev.atscope.core.protocol.ProtocolRegistry;
import dev.atscope.core.trace.ScriptedTraffic;
import dev.atscope.core.trace.TraceMetadata;
import dev.atscope.core.trace.TraceWriter;
import dev.atscope.core.trace.imports.Traces;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

/** Given reports of the samples and of a failing field trace, when opened in Chromium, then a person sees the right things. */
class TimelinePageTest {

    private static final String OK = "rgb(47, 158, 68)";
    private static final String ERROR = "rgb(224, 49, 49)";

    private static BrowserSession browser;
    private static Path dir;
    private static Path httpsGet;
    private static Path certificates;
    private static Path field;
    private static Path generated;
    private static Path unanswered;
    private static Path urcsOnly;

    @BeforeAll
    static void writeReportsAndStartTheBrowser() throws IOException {
        dir = Files.createTempDirectory("atscope-report-test");
        TimelineReport report = new TimelineReport(ProtocolRegistry.loadDefault(), ReportOptions.DEFAULT);
        httpsGet = dir.resolve("https-get.html");
        report.write(Path.of("../samples/traces/https-get.csv"), httpsGet, n -> { });
        certificates = dir.resolve("ssl-certificates-ram.html");
        report.write(Path.of("../samples/traces/ssl-certificates-ram.csv"), certificates, n -> { });
        field = dir.resolve("field.html");
        report.write(ReportTraces.write(ReportTraces.handshakeThenHostileBody(), dir.resolve("field.csv")), field,
                n -> { });
        generated = dir.resolve("generated.html");
        Path trace = dir.resolve("generated.csv");
        try (TraceWriter w = Traces.create(trace, TraceMetadata.EMPTY)) {
            new TraceGenerator(3).write(w, Long.MAX_VALUE, 5_000);
        }
        report.write(trace, generated, n -> { });
        ScriptedTraffic silent = new ScriptedTraffic();
        silent.urc("RDY").pause(2_000_000).command("AT+QIACT").pause(5_000_000).command("AT+QHTTPGET=60")
                .pause(3_000_000).urc("RDY").pause(1_000_000).urc("+CPIN: READY");
        unanswered = dir.resolve("unanswered.html");
        report.write(ReportTraces.write(silent, dir.resolve("unanswered.csv")), unanswered, n -> { });
        ScriptedTraffic quiet = new ScriptedTraffic().urc("RDY").pause(1_000_000).urc("Call Ready");
        urcsOnly = dir.resolve("urcs-only.html");
        report.write(ReportTraces.write(quiet, dir.resolve("urcs-only.csv")), urcsOnly, n -> { });
        browser = new BrowserSession(1400, 900);
    }

    @AfterAll
    static void stop() throws IOException {
        browser.close();
    }

    @AfterEach
    void theBrowserLoggedNothingAndFetchedNothing(TestInfo test) throws IOException {
        browser.screenshot(test.getTestMethod().orElseThrow().getName());
        browser.assertQuiet();
    }

    private List<WebElement> rows() {
        return browser.driver.findElements(By.cssSelector("#list-rows .row.tx"));
    }

    private WebElement row(String command, String outcome) {
        return rows().stream()
                .filter(r -> r.findElement(By.className("c-cmd")).getText().equals(command)
                        && r.getAttribute("class").contains("oc-" + outcome))
                .findFirst().orElseThrow(() -> new AssertionError("no row " + command + " " + outcome));
    }

    private static String colourOf(WebElement row) {
        return row.findElement(By.className("sw")).getCssValue("background-color").replace("rgba", "rgb")
                .replace(", 1)", ")");
    }

    private void filter(String query) {
        WebElement box = browser.driver.findElement(By.id("filter"));
        box.clear();
        box.sendKeys(query, Keys.ENTER);
    }

    private String count() {
        return browser.driver.findElement(By.id("count")).getText();
    }

    @Test
    void theHttpsSampleListsItsThirteenTransactionsAllGreen() throws IOException {
        browser.open(httpsGet);
        assertThat(count()).isEqualTo("13 of 13 transactions");
        assertThat(rows()).hasSize(13).allSatisfy(r -> assertThat(colourOf(r)).isEqualTo(OK));
        // the longest bar (AT+QIACT, 2.35 s) is drawn in the outcome's colour on the canvas
        assertThat(browser.js("return atscope.pixelOf(3)")).isEqualTo(OK);
        assertThat(browser.driver.findElement(By.id("trace-name")).getText()).isEqualTo("https-get.csv");
        assertThat(browser.driver.findElement(By.id("session-chips")).getText()).contains("S1 ok");
        browser.screenshot("https-get");
    }

    @Test
    void theCertificateUploadShowsItsChecksumChecked() throws IOException {
        browser.open(certificates);
        assertThat(count()).isEqualTo("3 of 3 transactions");
        rows().get(0).click();
        String detail = browser.driver.findElement(By.id("detail")).getText();
        assertThat(detail).contains("AT+QSECWRITE").contains("filename").contains("1614 bytes")
                .contains("\u2713 match").contains("-----BEGIN CERTIFICATE-----");
        browser.screenshot("ssl-certificates-ram-detail");
    }

    @Test
    void failuresAreRedAndTheFilterNarrowsTheList() throws IOException {
        browser.open(field);
        assertThat(count()).isEqualTo("17 of 17 transactions");
        assertThat(colourOf(row("AT+QHTTPGET=60", "error"))).isEqualTo(ERROR);
        int failed = (int) (long) (Long) browser.js(
                "return TX_INDEX_OF = Array.from(document.querySelectorAll('#list-rows .row.oc-error'))"
                        + ".map(r => +r.dataset.index)[1]");
        assertThat(browser.js("return atscope.pixelOf(arguments[0])", failed)).isEqualTo(ERROR);

        filter("outcome:error");
        assertThat(count()).isEqualTo("2 of 17 transactions");
        assertThat(rows()).hasSize(2).allSatisfy(r -> assertThat(colourOf(r)).isEqualTo(ERROR));
        filter("cmd:QHTTP");
        assertThat(count()).isEqualTo("5 of 17 transactions");
        filter("window.pwned");
        assertThat(count()).as("plain text searches the bytes").isEqualTo("1 of 17 transactions");
        filter("");
        assertThat(count()).isEqualTo("17 of 17 transactions");
    }

    @Test
    void clickingTheFailingRequestShowsItsDiagnostic() throws IOException {
        browser.open(field);
        row("AT+QHTTPGET=60", "error").click();
        String diagnostics = browser.driver.findElement(By.id("detail-diagnostics")).getText();
        assertThat(diagnostics).contains("result.error").contains("HTTP socket connect error");
        assertThat(browser.driver.findElement(By.id("detail")).getText())
                .contains("session 1 (tls-handshake-failed)").contains("error 3815");
        browser.screenshot("field-failing-request");
    }

    @Test
    @SuppressWarnings("unchecked")
    void clickingABarInTheTimelineSelectsItsRowAndShowsItsDetail() {
        browser.open(field);
        long failed = (Long) browser.js("return atscope.failures(2)[1]");
        Map<String, Number> p = (Map<String, Number>) browser.js("return atscope.barPoint(arguments[0])", failed);
        WebElement canvas = browser.driver.findElement(By.id("timeline"));
        // Selenium's offsets are from the element's centre
        new Actions(browser.driver).moveToElement(canvas,
                (int) Math.round(p.get("x").doubleValue() - p.get("width").doubleValue() / 2),
                (int) Math.round(p.get("y").doubleValue() - p.get("height").doubleValue() / 2)).click().perform();
        assertThat(browser.js("return atscope.selected()")).isEqualTo(failed);
        assertThat(selectedCommand()).isEqualTo("AT+QHTTPGET=60");
        assertThat(browser.driver.findElement(By.id("detail-diagnostics")).getText()).contains("3815");
    }

    @Test
    void aLinkSelectsATransactionASessionOrTheFlowAndClickingUpdatesTheLink() throws IOException {
        // a finding's "transaction 11" pasted into a ticket as timeline.html#tx=11
        browser.open(httpsGet, "#tx=11");
        assertThat(browser.js("return atscope.selected()")).isEqualTo(10L);
        assertThat(selectedText()).isEqualTo("AT+QHTTPGET=60");
        assertThat(browser.driver.findElement(By.id("detail")).getText()).contains("AT+QHTTPGET=60");

        browser.open(httpsGet, "#flow");
        assertThat(browser.driver.findElement(By.id("flow-pane")).isDisplayed()).isTrue();
        assertThat(browser.driver.findElement(By.id("list-pane")).isDisplayed()).isFalse();
        assertThat(browser.driver.findElement(By.id("flow")).getText()).contains("AT+QIACT").contains("DEACT OK");

        browser.open(field, "#session=1&flow");
        assertThat(browser.driver.findElement(By.id("flow-pane")).isDisplayed()).isTrue();
        assertThat(browser.js("return atscope.selected()")).as("the transaction that decided the session")
                .isNotEqualTo(-1L);
        assertThat(browser.driver.findElement(By.id("detail")).getText()).contains("AT+QHTTPGET=60")
                .contains("session 1 (tls-handshake-failed)");
        assertThat(hash()).isEqualTo("#session=1&flow");

        // clicking updates the link: a row, then the flow tab, then the list again
        browser.open(httpsGet);
        assertThat(hash()).isEmpty();
        row("AT+QIACT", "ok").click();
        assertThat(hash()).isEqualTo("#tx=4");
        browser.driver.findElement(By.id("tab-flow")).click();
        assertThat(hash()).isEqualTo("#tx=4&flow");
        browser.driver.findElement(By.id("tab-list")).click();
        assertThat(hash()).isEqualTo("#tx=4");
        browser.driver.findElement(By.cssSelector("#session-chips .session-chip")).click();
        assertThat(hash()).isEqualTo("#session=1");
        // and a link followed in the open page (the address bar edited, a link clicked) selects again
        browser.js("location.hash = '#tx=2'");
        new org.openqa.selenium.support.ui.WebDriverWait(browser.driver, java.time.Duration.ofSeconds(10))
                .until(d -> Long.valueOf(1).equals(browser.js("return atscope.selected()")));
        assertThat(selectedText()).isEqualTo("AT+QICSGP=1,\"CMNET\"");
        // nothing outside the page is reached, and no link into nowhere breaks it
        browser.open(httpsGet, "#tx=999&session=x");
        assertThat(browser.js("return atscope.selected()")).isEqualTo(-1L);
        browser.screenshot("link-into-the-report");
    }

    /** The selected row's command, read even while the list is hidden behind the flow view. */
    private String selectedText() {
        return (String) browser.js("var r = document.querySelector('#list-rows .row.selected .c-cmd');"
                + " return r ? r.textContent : null");
    }

    private String hash() {
        return (String) browser.js("return location.hash");
    }

    @Test
    void unansweredAndInterruptedCommandsHaveTheirOwnColours() throws IOException {
        browser.open(unanswered);
        assertThat(count()).isEqualTo("2 of 2 transactions");
        assertThat(colourOf(row("AT+QIACT", "no-response"))).isEqualTo("rgb(240, 140, 0)");
        assertThat(colourOf(row("AT+QHTTPGET=60", "interrupted"))).isEqualTo("rgb(112, 72, 232)");
        assertThat(browser.driver.findElement(By.id("session-chips")).getText()).contains("reset-during-request");
        browser.screenshot("unanswered");
    }

    @Test
    void aTraceWithoutCommandsOpensQuietly() {
        browser.open(urcsOnly);
        assertThat(count()).isEqualTo("0 of 0 transactions");
        browser.driver.findElement(By.tagName("body")).sendKeys("n");
        browser.driver.findElement(By.id("fit")).click();
        browser.driver.findElement(By.id("tab-flow")).click();
        assertThat(browser.driver.findElement(By.id("flow")).getText()).contains("RDY").contains("Call Ready");
    }

    @Test
    void theParameterMeaningsComeFromTheGrammar() {
        browser.open(field);
        row("AT+QICSGP=1,\"CMNET\",\"user\",\"" + ReportTraces.PASSWORD + "\"", "ok").click();
        String table = browser.driver.findElement(By.cssSelector("#detail table.params")).getText();
        assertThat(table).contains("mode 1 GPRS").contains("apn \"CMNET\"");
    }

    @Test
    void theHostileBodyIsShownAsTextAndRunsNothing() throws IOException {
        browser.open(field);
        row("AT+QHTTPREAD=30", "ok").click();
        String detail = browser.driver.findElement(By.id("detail")).getText();
        assertThat(detail).contains("<html><script>window.pwned=1;alert('pwned')</script>")
                .contains("<img src=x onerror=\"window.pwned=2\">")
                .contains("<iframe src=\"http://198.51.100.7/steal\"></iframe>");
        assertThat(browser.js("return typeof window.pwned")).isEqualTo("undefined");
        assertThat(browser.js("return document.querySelectorAll('img, iframe, script:not([id]) ~ script').length"))
                .isEqualTo(0L);
        assertThat(browser.js("return document.querySelectorAll('script').length")).isEqualTo(2L);
        assertThatThrownBy(() -> browser.driver.switchTo().alert()).isInstanceOf(NoAlertPresentException.class);
        browser.js("document.querySelector('#detail .ev pre.text[data-kind=payload]').scrollIntoView()");
        browser.screenshot("field-hostile-body");

        browser.driver.findElement(By.id("tab-flow")).click();
        String flow = browser.driver.findElement(By.id("flow")).getText();
        assertThat(flow).contains("<html><script>window.pwned=1");
        assertThat(browser.js("return typeof window.pwned")).isEqualTo("undefined");
    }

    @Test
    void keysJumpToTheNextAndPreviousError() {
        browser.open(field);
        WebElement body = browser.driver.findElement(By.tagName("body"));
        body.sendKeys("n");
        assertThat(selectedCommand()).isEqualTo("AT+QIFGCNT=5");
        body.sendKeys("n");
        assertThat(selectedCommand()).isEqualTo("AT+QHTTPGET=60");
        assertThat(selectedRow().getAttribute("class")).contains("oc-error");
        body.sendKeys("n");
        assertThat(selectedCommand()).as("no error after the last").isEqualTo("AT+QHTTPGET=60");
        body.sendKeys("p");
        assertThat(selectedCommand()).isEqualTo("AT+QIFGCNT=5");
    }

    private WebElement selectedRow() {
        return browser.driver.findElement(By.cssSelector("#list-rows .row.selected"));
    }

    private String selectedCommand() {
        return browser.driver.findElement(By.cssSelector("#list-rows .row.selected .c-cmd")).getText();
    }

    @Test
    void theFlowViewDrawsEachSessionBetweenHostAndModule() throws IOException {
        browser.open(field);
        row("AT+QHTTPGET=60", "error").click();
        browser.driver.findElement(By.id("tab-flow")).click();
        assertThat(browser.driver.findElement(By.id("flow-session")).getAttribute("value")).isEqualTo("0");
        List<WebElement> toModule = browser.driver.findElements(By.cssSelector("#flow .flow-arrow.h2m"));
        List<WebElement> toHost = browser.driver.findElements(By.cssSelector("#flow .flow-arrow.m2h"));
        assertThat(toModule).extracting(WebElement::getText).contains("AT+QHTTPGET=60", "AT+QIDEACT");
        assertThat(toHost).extracting(WebElement::getText).contains("+CME ERROR: 3815", "DEACT OK", "RDY");
        assertThat(browser.driver.findElements(By.cssSelector("#flow .flow-row.selected"))).isNotEmpty();
        browser.screenshot("field-flow");
    }

    @Test
    @SuppressWarnings("unchecked")
    void aLargeListKeepsOnlyTheVisibleRows() throws IOException {
        browser.open(generated);
        long total = (Long) browser.js("return atscope.transactions");
        assertThat(total).isGreaterThanOrEqualTo(5_000);
        assertThat(count()).isEqualTo(String.format("%,d of %,d transactions", total, total));
        assertThat(rows()).hasSizeBetween(10, 60);
        // at this distance each pixel column summarises many transactions; a failure still shows red
        long failed = (Long) browser.js("return atscope.failures(1)[0]");
        assertThat((List<Object>) browser.js("return atscope.pixelsOf(arguments[0])", failed)).contains(ERROR);
        browser.js("document.getElementById('list').scrollTop = 1e9");
        browser.js("return new Promise(r => requestAnimationFrame(() => r(0)))");
        assertThat(rows()).hasSizeBetween(10, 60);
        List<WebElement> visible = rows();
        assertThat(visible.get(visible.size() - 1).getAttribute("data-index")).isEqualTo(Long.toString(total - 1));
        browser.driver.findElement(By.tagName("body")).sendKeys("n");
        assertThat(selectedRow().getAttribute("class")).as("the first failure of the generated fleet")
                .containsAnyOf("oc-error", "has-diag");
        browser.screenshot("generated-5000");
    }

    @Test
    void theTimelineZoomsPansAndFits() {
        browser.open(httpsGet);
        @SuppressWarnings("unchecked")
        Map<String, Number> fitted = (Map<String, Number>) browser.js("return atscope.view()");
        double width = fitted.get("end").doubleValue() - fitted.get("start").doubleValue();
        browser.driver.findElement(By.id("zoom-in")).click();
        assertThat(viewWidth()).isCloseTo(width / 2, org.assertj.core.data.Percentage.withPercentage(1));
        WebElement canvas = browser.driver.findElement(By.id("timeline"));
        double before = viewStart();
        new Actions(browser.driver).moveToElement(canvas).clickAndHold().moveByOffset(-200, 0).release().perform();
        assertThat(viewStart()).as("dragging left shows later times").isGreaterThan(before);
        new Actions(browser.driver).scrollFromOrigin(
                org.openqa.selenium.interactions.WheelInput.ScrollOrigin.fromElement(canvas), 0, 300).perform();
        assertThat(viewWidth()).as("the wheel zooms out").isGreaterThan(width / 2);
        browser.driver.findElement(By.id("fit")).click();
        assertThat(viewWidth()).isCloseTo(width, org.assertj.core.data.Percentage.withPercentage(0.1));
    }

    private double viewWidth() {
        return ((Number) browser.js("var v = atscope.view(); return v.end - v.start")).doubleValue();
    }

    private double viewStart() {
        return ((Number) browser.js("return atscope.view().start")).doubleValue();
    }
}
