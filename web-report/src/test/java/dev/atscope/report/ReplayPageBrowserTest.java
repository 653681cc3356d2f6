package dev.atscope.report;

import static dev.atscope.report.ReplayPageView.colourOf;
import static dev.atscope.report.ReplayPageView.lines;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** Given the page of a replay that differs from its recording, when opened in Chromium, then a person sees where. */
class ReplayPageBrowserTest extends ChromiumPageTest {

    private static final String SAME = "rgb(47, 158, 68)";
    private static final String DIFFERS = "rgb(224, 49, 49)";

    private static Path fieldFailure;
    private static Path hostile;

    @BeforeAll
    static void writePagesAndStartTheBrowser() throws Exception {
        Path dir = Files.createTempDirectory("atscope-replay-page-test");
        ReplayPage page = new ReplayPage("https-get.csv", "tcp:127.0.0.1:5000", ReplayRuns.OPTIONS);
        fieldFailure = dir.resolve("field-failure.replay.html");
        page.write(ReplayRuns.againstTheFieldFailure(), fieldFailure);
        hostile = dir.resolve("hostile.replay.html");
        // a file name can try too: it reaches the page's title and heading
        new ReplayPage("gmr<script>window.pwned=3</script>.csv", "tcp:127.0.0.1:5000", ReplayRuns.OPTIONS)
                .write(ReplayRuns.againstAHostileModule(), hostile);
        browser = new BrowserSession(1400, 900);
    }

    @Override
    String screenshotPrefix() {
        return "replay-";
    }

    private List<WebElement> shownRows() {
        return ReplayPageView.shownRows(browser);
    }

    private WebElement row(int index) {
        return browser.driver.findElement(By.cssSelector("#rows .tx[data-index='" + index + "']"));
    }


    @Test
    void onlyTheTwoDifferingTransactionsAreShownAtFirstInRed() {
        browser.open(fieldFailure);
        assertThat(browser.driver.findElement(By.id("verdict")).getText()).isEqualTo("differs");
        assertThat(browser.driver.findElement(By.id("stats")).getText())
                .contains("11 same").contains("2 differs").contains("0 missing");
        assertThat(browser.driver.findElement(By.id("differences-only")).isSelected()).isTrue();
        assertThat(shownRows()).extracting(r -> r.findElement(By.className("c-cmd")).getText())
                .containsExactly("AT+QHTTPGET=60", "AT+QHTTPREAD=30");
        assertThat(shownRows()).allSatisfy(r -> assertThat(colourOf(r)).isEqualTo(DIFFERS));
    }

    @Test
    void theTwoColumnsShowOkBesidePlusCmeError3815WithTheChangedLineHighlighted() throws IOException {
        browser.open(fieldFailure);
        WebElement get = row(11);
        assertThat(lines(get, "recorded")).containsExactly("AT+QHTTPGET=60", "OK");
        assertThat(lines(get, "replayed")).containsExactly("AT+QHTTPGET=60", "+CME ERROR: 3815");
        WebElement changed = get.findElement(By.cssSelector(".answer .ln.replayed.op-changed"));
        assertThat(changed.getText()).isEqualTo("+CME ERROR: 3815");
        assertThat(changed.getCssValue("background-color")).isNotEqualTo(
                get.findElement(By.cssSelector(".answer .ln.replayed.op-same")).getCssValue("background-color"));
        browser.screenshot("replay-field-failure");
    }

    @Test
    void withoutTheFilterTheSameRowsComeBackGreenWithMasksShownAsMasks() {
        browser.open(fieldFailure);
        browser.driver.findElement(By.id("differences-only")).click();
        assertThat(shownRows()).hasSize(14); // the boot's URCs and 13 transactions
        assertThat(colourOf(row(1))).isEqualTo(SAME);
        WebElement ip = row(5);
        assertThat(ip.findElement(By.className("c-cmd")).getText()).isEqualTo("AT+QILOCIP");
        assertThat(ip.findElements(By.cssSelector(".answer .mask"))).extracting(WebElement::getText)
                .containsExactly("<ip>", "<ip>");
        browser.driver.findElement(By.id("differences-only")).click();
        assertThat(shownRows()).hasSize(2);
    }

    @Test
    void nAndPJumpFromDifferenceToDifference() {
        browser.open(fieldFailure);
        browser.driver.findElement(By.id("differences-only")).click();
        WebElement body = browser.driver.findElement(By.tagName("body"));
        body.sendKeys("n");
        assertThat(selected()).isEqualTo("11");
        body.sendKeys("n");
        assertThat(selected()).isEqualTo("12");
        body.sendKeys("p");
        assertThat(selected()).isEqualTo("11");
        assertThat(browser.js("var r = document.querySelector('#rows .tx.selected').getBoundingClientRect();"
                + " return r.top >= 0 && r.bottom <= window.innerHeight")).isEqualTo(true);
    }

    private String selected() {
        return browser.driver.findElement(By.cssSelector("#rows .tx.selected")).getAttribute("data-index");
    }

    @Test
    void aHostileAnswerShowsAsTextAndRunsNothing() throws IOException {
        browser.open(hostile);
        assertThat(lines(row(2), "replayed")).contains(ReplayRuns.HOSTILE_ANSWER);
        assertThat(lines(row(2), "recorded")).contains("M95FAR02A08");
        assertThat(browser.driver.findElement(By.id("title")).getText())
                .isEqualTo("replay of gmr<script>window.pwned=3</script>.csv");
        assertThat(browser.js("return typeof window.pwned")).isEqualTo("undefined");
        assertThat(browser.driver.findElements(By.cssSelector("#rows img, #rows script"))).isEmpty();
        browser.screenshot("replay-hostile-answer");
    }
}
