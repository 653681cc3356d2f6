package dev.atscope.cli.serve;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atscope.report.BrowserSession;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Given the fleet served on 127.0.0.1, when a person uses the search page in Debian's Chromium (types a
 * query, clicks a facet, a histogram bar, a hit, the back button), then each step shows what the index
 * holds for it, the URL keeps the state, and markup in the data stays text.
 */
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class SearchPageBrowserTest {

    @TempDir
    static Path tmp;

    static ServedFleet served;
    static BrowserSession browser;

    @BeforeAll
    static void serveAndStartTheBrowser() throws Exception {
        served = new ServedFleet(tmp);
        browser = new BrowserSession(1280, 900);
    }

    @AfterAll
    static void stop() throws Exception {
        if (browser != null) {
            browser.close();
        }
        if (served != null) {
            served.close();
        }
    }

    @AfterEach
    void screenshotAndQuiet(TestInfo test) throws Exception {
        browser.screenshot("serve-" + test.getTestMethod().orElseThrow().getName());
        browser.assertQuiet(origin(), List.of("status of 400"));
    }

    static String origin() {
        String u = served.url();
        return u.substring(0, u.length() - 1);
    }

    /** Opens a URL of the server and waits for its first search to be drawn. */
    static void open(BrowserSession b, String pathAndQuery) {
        b.driver.get(served.url() + pathAndQuery.replaceFirst("^/", ""));
        awaitSearch(b, 0);
    }

    static long searches(BrowserSession b) {
        Object n = b.js("return Number(document.body.dataset.searches || 0)");
        return ((Number) n).longValue();
    }

    /** Waits until the page has drawn a search after the {@code before}th. */
    static void awaitSearch(BrowserSession b, long before) {
        new WebDriverWait(b.driver, Duration.ofSeconds(60)).until(d -> (Boolean) ((JavascriptExecutor) d).executeScript(
                "var s = document.body.dataset; return Number(s.searches || 0) > arguments[0]"
                        + " && (s.state === 'ready' || s.state === 'failed')", before));
    }

    /** Clicks and waits for the search it starts. */
    static void clickAndAwait(BrowserSession b, WebElement e) {
        long before = searches(b);
        e.click();
        awaitSearch(b, before);
    }

    static String param(BrowserSession b, String name) {
        String query = URI.create(b.driver.getCurrentUrl()).getRawQuery();
        if (query == null) {
            return null;
        }
        for (String pair : query.split("&")) {
            if (pair.startsWith(name + "=")) {
                return URLDecoder.decode(pair.substring(name.length() + 1), StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    static List<String> column(BrowserSession b, String cls) {
        List<String> out = new ArrayList<>();
        for (WebElement e : b.driver.findElements(By.cssSelector("#hits tbody td." + cls))) {
            out.add(e.getText());
        }
        return out;
    }

    static long total(BrowserSession b) {
        return Long.parseLong(b.driver.findElement(By.id("status")).getText().split(" ")[0]);
    }

    @Test
    void typeAQueryClickAFacetAndABarOpenAHitAndGoBack() throws Exception {
        open(browser, "/");
        long everything = total(browser);
        assertThat(everything).isPositive();

        // type a query
        WebElement q = browser.driver.findElement(By.id("q"));
        q.sendKeys("error:3815");
        long before = searches(browser);
        q.sendKeys(Keys.ENTER);
        awaitSearch(browser, before);
        assertThat(param(browser, "q")).isEqualTo("error:3815");
        long failed = total(browser);
        assertThat(failed).isPositive().isLessThan(everything);
        assertThat(browser.driver.findElements(By.cssSelector("#hits tbody tr"))).hasSize((int) Math.min(20, failed));
        assertThat(browser.driver.findElements(By.cssSelector("#hits td.error .meaning")))
                .isNotEmpty().allSatisfy(m -> assertThat(m.getText()).isEqualTo(ServedFleet.REGISTRY.cmeMeaning(3815)));
        assertThat(column(browser, "device")).contains("meter-03", "meter-04", "meter-05");

        // click a facet: its count is what the search then finds
        WebElement meter4 = browser.driver.findElement(By.cssSelector("ul[data-facet=device] a[data-value=meter-04]"));
        long count = Long.parseLong(meter4.findElement(By.xpath("following-sibling::span")).getText());
        clickAndAwait(browser, meter4);
        assertThat(param(browser, "q")).isEqualTo("error:3815 AND device:meter-04");
        assertThat(total(browser)).isEqualTo(count);
        assertThat(column(browser, "device")).isNotEmpty().allSatisfy(d -> assertThat(d).isEqualTo("meter-04"));

        // click a histogram bar: the range narrows to its day
        open(browser, "/?q=" + java.net.URLEncoder.encode("type:transaction", StandardCharsets.UTF_8));
        WebElement bar = tallest();
        long inBar = Long.parseLong(bar.getAttribute("data-count"));
        Instant start = Instant.parse(bar.getAttribute("data-start"));
        clickAndAwait(browser, bar);
        assertThat(param(browser, "from")).isEqualTo(start.toString());
        assertThat(total(browser)).isEqualTo(inBar);
        assertThat(browser.driver.findElement(By.id("range")).isDisplayed()).isTrue();
        Instant to = Instant.parse(param(browser, "to"));
        assertThat(column(browser, "time")).isNotEmpty().allSatisfy(t -> {
            Instant when = Instant.parse(t.replace(' ', 'T') + "Z");
            assertThat(when).isBetween(start, to.minusNanos(1));
        });
        String narrowed = browser.driver.getCurrentUrl();

        // the next page, then a hit's timeline with its transaction selected
        if (inBar > 20) {
            clickAndAwait(browser, browser.driver.findElement(By.id("next")));
            assertThat(param(browser, "page")).isEqualTo("2");
        }
        String page = browser.driver.getCurrentUrl();
        WebElement hit = browser.driver.findElement(By.cssSelector("#hits tbody tr a.open"));
        String command = hit.getText();
        String tx = hit.getAttribute("href").replaceFirst(".*#tx=", "");
        hit.click();
        new WebDriverWait(browser.driver, Duration.ofSeconds(120)).until(d ->
                ((JavascriptExecutor) d).executeScript("return window.atscopeReady !== undefined"));
        assertThat(browser.driver.getCurrentUrl()).contains("/session?file=").endsWith("#tx=" + tx);
        assertThat(browser.js("return window.atscope.selected() >= 0")).isEqualTo(true);
        assertThat(browser.driver.findElement(By.cssSelector(".row.tx.selected")).getText()).contains(
                command.substring(0, Math.min(command.length(), 12)));

        // back: the same page of the same search
        browser.driver.navigate().back();
        awaitSearch(browser, 0);
        assertThat(browser.driver.getCurrentUrl()).isEqualTo(page);
        if (!page.equals(narrowed)) {
            browser.driver.navigate().back();
            awaitSearch(browser, 0);
            assertThat(browser.driver.getCurrentUrl()).isEqualTo(narrowed);
            assertThat(param(browser, "page")).isNull();
        }
        assertThat(total(browser)).isEqualTo(inBar);
    }

    private static WebElement tallest() {
        WebElement best = null;
        long most = -1;
        for (WebElement b : browser.driver.findElements(By.cssSelector("#histogram a.bar"))) {
            long n = Long.parseLong(b.getAttribute("data-count"));
            if (n > most) {
                most = n;
                best = b;
            }
        }
        return best;
    }

    @Test
    void markupInTheIndexStaysText() throws Exception {
        open(browser, "/?q=" + java.net.URLEncoder.encode("QHTTPURL", StandardCharsets.UTF_8));
        assertThat(column(browser, "device")).contains(ServedFleet.HOSTILE_DEVICE);
        assertThat(browser.driver.findElements(By.cssSelector("ul[data-facet=firmware] a")).stream()
                .map(WebElement::getText).toList()).contains(ServedFleet.HOSTILE_FIRMWARE);
        assertThat(browser.driver.findElements(By.cssSelector("pre.snippet")).stream().map(WebElement::getText)
                .toList()).anySatisfy(s -> assertThat(s).contains(ServedFleet.HOSTILE_URL));
        assertThat(browser.driver.findElements(By.cssSelector("main img, main script"))).isEmpty();
        // the facet of a hostile value is a query of it, quoted, and finds its device's hits
        WebElement fw = browser.driver.findElements(By.cssSelector("ul[data-facet=firmware] a")).stream()
                .filter(a -> a.getText().equals(ServedFleet.HOSTILE_FIRMWARE)).findFirst().orElseThrow();
        clickAndAwait(browser, fw);
        assertThat(column(browser, "device")).isNotEmpty().allSatisfy(d -> assertThat(d).isEqualTo(
                ServedFleet.HOSTILE_DEVICE));
        // and its timeline keeps it text too
        browser.driver.findElement(By.cssSelector("#hits tbody tr a.open")).click();
        new WebDriverWait(browser.driver, Duration.ofSeconds(120)).until(d ->
                ((JavascriptExecutor) d).executeScript("return window.atscopeReady !== undefined"));
        assertThat(browser.driver.getPageSource()).doesNotContain(ServedFleet.HOSTILE_URL);
        assertThat(browser.js("return window.pwned === undefined")).isEqualTo(true);
        browser.driver.navigate().back();
        awaitSearch(browser, 0);
        assertThat(browser.js("return window.pwned === undefined")).isEqualTo(true);
    }

    @Test
    void aBadQueryIsSaidOnThePage() throws Exception {
        open(browser, "/?q=" + java.net.URLEncoder.encode("outcome:(ok", StandardCharsets.UTF_8));
        WebElement error = browser.driver.findElement(By.id("error"));
        assertThat(error.isDisplayed()).isTrue();
        assertThat(error.getText()).startsWith("bad query: ");
        assertThat(browser.driver.findElements(By.cssSelector("#hits tbody tr"))).isEmpty();
        // an example to click puts it right
        clickAndAwait(browser, browser.driver.findElement(By.linkText("error:3815")));
        assertThat(error.isDisplayed()).isFalse();
        assertThat(total(browser)).isPositive();
    }

    @Test
    void twoBrowsersSearchAtOnce() throws Exception {
        List<String> queries = List.of("error:3815", "QIACT", "outcome:error", "command:QSSLCFG", "device:meter-01");
        java.util.Map<String, Long> expected = new java.util.HashMap<>();
        for (String q : queries) {
            open(browser, "/?q=" + java.net.URLEncoder.encode(q, StandardCharsets.UTF_8));
            expected.put(q, total(browser));
        }
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try (BrowserSession second = new BrowserSession(1024, 768)) {
            List<Future<List<Long>>> runs = new ArrayList<>();
            for (BrowserSession b : List.of(browser, second)) {
                runs.add(pool.submit(() -> {
                    List<Long> totals = new ArrayList<>();
                    for (int round = 0; round < 2; round++) {
                        for (String q : queries) {
                            open(b, "/?q=" + java.net.URLEncoder.encode(q, StandardCharsets.UTF_8));
                            totals.add(total(b));
                        }
                    }
                    return totals;
                }));
            }
            List<Long> want = new ArrayList<>();
            for (int round = 0; round < 2; round++) {
                queries.forEach(q -> want.add(expected.get(q)));
            }
            for (Future<List<Long>> run : runs) {
                assertThat(run.get(240, TimeUnit.SECONDS)).isEqualTo(want);
            }
            second.assertQuiet(origin(), List.of());
        } finally {
            pool.shutdownNow();
        }
    }
}
