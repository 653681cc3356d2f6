package dev.atscope.report;

import static dev.atscope.report.ReplayPageView.colourOf;
import static dev.atscope.report.ReplayPageView.lines;
import static org.assertj.core.api.Assertions.assertThat;

import dev.atscope.core.origin.OriginReplays;
import dev.atscope.core.origin.TlsFailures;
import dev.atscope.core.replay.CommandEdit;
import dev.atscope.core.replay.ReplayOptions;
import dev.atscope.core.trace.Trace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * Given firmware whose request failed with TLS 1.0 against a server of today, replayed against the
 * emulator and its recorded origin as recorded and with TLS 1.2 in its place, when the pages are
 * opened in Chromium, then the what-if page shows the edit, the edited command beside the recorded
 * one, and the request that failed now answered OK; the plain replay shows the same failure, made
 * for real, and says why.
 */
@Timeout(240)
class WhatIfPageBrowserTest extends ChromiumPageTest {

    static final String EDIT = "\"sslversion\",0,1=>\"sslversion\",0,3";
    private static final String EDITED = "rgb(28, 126, 214)";
    private static final String DIFFERS = "rgb(224, 49, 49)";

    private static Path whatIf;
    private static Path asRecorded;

    @BeforeAll
    static void replayAndStartTheBrowser() throws Exception {
        Path dir = Files.createTempDirectory("atscope-what-if-page-test");
        Trace tls10 = TlsFailures.wrongSslVersion();
        ReplayOptions edited = OriginReplays.FAST.withEdits(List.of(CommandEdit.parse(EDIT)));
        OriginReplays.Run run = OriginReplays.replay(tls10, edited);
        whatIf = dir.resolve("what-if.replay.html");
        new ReplayPage("tls10.csv", "emulator", edited, run.origin().notes(), run.log()).write(run.result(), whatIf);
        OriginReplays.Run same = OriginReplays.replay(tls10, OriginReplays.FAST);
        asRecorded = dir.resolve("as-recorded.replay.html");
        new ReplayPage("tls10.csv", "emulator", OriginReplays.FAST, same.origin().notes(), same.log())
                .write(same.result(), asRecorded);
        browser = new BrowserSession(1400, 900);
    }

    @Override
    String screenshotPrefix() {
        return "what-if-";
    }

    private List<WebElement> shownRows() {
        return ReplayPageView.shownRows(browser);
    }


    @Test
    void theEditAndWhatItChangedAreTheRowsShownAtFirst() {
        browser.open(whatIf);
        assertThat(browser.driver.findElement(By.id("edits")).getText()).isEqualTo("what if " + EDIT);
        assertThat(browser.driver.findElement(By.id("stats")).getText()).contains("1 edited").contains("1 differs");
        List<WebElement> rows = shownRows();
        assertThat(rows).hasSize(2);
        WebElement edit = rows.get(0);
        assertThat(edit.findElement(By.className("status")).getText()).isEqualTo("edited");
        assertThat(colourOf(edit)).isEqualTo(EDITED);
        assertThat(edit.findElement(By.cssSelector(".c-cmd del")).getText()).isEqualTo("AT+QSSLCFG=\"sslversion\",0,1");
        assertThat(edit.findElement(By.cssSelector(".c-cmd ins")).getText()).isEqualTo("AT+QSSLCFG=\"sslversion\",0,3");
        assertThat(edit.findElement(By.cssSelector(".ln.replayed.op-edited")).getText())
                .isEqualTo("AT+QSSLCFG=\"sslversion\",0,3");

        WebElement get = rows.get(1);
        assertThat(get.findElement(By.className("c-cmd")).getText()).isEqualTo("AT+QHTTPGET=60");
        assertThat(colourOf(get)).isEqualTo(DIFFERS);
        assertThat(lines(get, "recorded")).containsExactly("AT+QHTTPGET=60", "+CME ERROR: 3815");
        assertThat(lines(get, "replayed")).containsExactly("AT+QHTTPGET=60", "OK");
        assertThat(get.findElement(By.cssSelector(".ln.replayed.op-changed")).getText()).isEqualTo("OK");
        // why it failed when it was recorded, beside the row that no longer fails
        assertThat(get.findElement(By.cssSelector(".row-notes")).getText()).contains("explained")
                .contains("offers only TLS 1.0 (sslversion 1)");
    }

    @Test
    void theModulesLogSaysTheRequestWentOverTls12ToTheStandIn() {
        browser.open(whatIf);
        WebElement box = browser.driver.findElement(By.id("log-box"));
        box.findElement(By.tagName("summary")).click();
        assertThat(box.getText()).contains("the stand-in for https://api.fleet.test").contains("-> 200")
                .contains("TLSv1.2");
    }

    @Test
    void asRecordedTheSameFailureHappensForRealAndThePageSaysWhy() {
        browser.open(asRecorded);
        assertThat(browser.driver.findElement(By.id("verdict")).getText()).isEqualTo("clean");
        assertThat(browser.driver.findElement(By.id("edits")).isDisplayed()).isFalse();
        assertThat(browser.driver.findElement(By.id("stats")).getText()).doesNotContain("edited");
        assertThat(browser.driver.findElement(By.id("differences-only")).isSelected()).isFalse();
        WebElement get = browser.driver.findElements(By.cssSelector("#rows .tx")).stream()
                .filter(r -> r.findElement(By.className("c-cmd")).getText().equals("AT+QHTTPGET=60")).findFirst()
                .orElseThrow();
        assertThat(lines(get, "replayed")).containsExactly("AT+QHTTPGET=60", "+CME ERROR: 3815");
        assertThat(get.findElement(By.cssSelector(".row-notes .kind-explained")).getText())
                .contains("it happens for real against the stand-in");
        assertThat(browser.driver.findElement(By.id("notes")).getText()).contains("assumed")
                .contains("the module reports no HTTP status");
    }
}
