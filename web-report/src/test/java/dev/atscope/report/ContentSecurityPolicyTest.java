package dev.atscope.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atscope.core.protocol.ProtocolRegistry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * The pages' policy allows their own script and styles by hash and nothing else inline: in Chromium
 * both pages still draw, and markup slipped into them (an {@code onerror} handler, a script element)
 * does not run, where the policy it replaced ({@code 'unsafe-inline'}) let it run.
 */
class ContentSecurityPolicyTest {

    /** What a captured byte that escaped its escaping would try: a handler and a script. */
    private static final String INJECTED = "<img src=\"data:,\" onerror=\"window.injected='handler'\">"
            + "<script>window.injected2='script'</script>";
    private static final String UNSAFE_INLINE =
            "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:";

    private static BrowserSession browser;
    private static Path dir;
    private static String timeline;
    private static String replay;

    @BeforeAll
    static void writePagesAndStartTheBrowser() throws Exception {
        dir = Files.createTempDirectory("atscope-csp-test");
        Path html = dir.resolve("https-get.html");
        new TimelineReport(ProtocolRegistry.loadDefault(), ReportOptions.DEFAULT)
                .write(Path.of("../samples/traces/https-get.csv"), html, n -> { });
        timeline = Files.readString(html, StandardCharsets.UTF_8);
        Path page = dir.resolve("replay.html");
        new ReplayPage("https-get.csv", "tcp:127.0.0.1:5000", ReplayRuns.OPTIONS)
                .write(ReplayRuns.againstTheFieldFailure(), page);
        replay = Files.readString(page, StandardCharsets.UTF_8);
        browser = new BrowserSession(1200, 800);
    }

    @AfterAll
    static void stop() throws IOException {
        browser.close();
    }

    @Test
    void eachPageIsAllowedItsOwnScriptAndStylesByHashAndNothingInline() {
        for (String html : new String[] {timeline, replay}) {
            String policy = policy(html);
            assertThat(policy).doesNotContain("unsafe-inline").startsWith("default-src 'none'; script-src 'sha256-");
            Matcher script = Pattern.compile("<script>(.*?)</script>", Pattern.DOTALL).matcher(html);
            assertThat(script.find()).isTrue();
            assertThat(policy).contains("script-src '" + HtmlPage.sha256(script.group(1)) + "'");
            Matcher style = Pattern.compile("<style>(.*?)</style>", Pattern.DOTALL).matcher(html);
            assertThat(style.find()).isTrue();
            assertThat(policy).contains("style-src '" + HtmlPage.sha256(style.group(1)) + "'");
        }
    }

    @Test
    void theTimelineDrawsAndAnInjectedHandlerDoesNotRun() throws IOException {
        open(inject(timeline), "timeline-injected");
        assertThat(browser.driver.findElements(By.cssSelector("#list-rows .row.tx"))).hasSize(13);
        assertThat(injected()).isEqualTo("none");
        // the rows are styled: the page's own style element was applied
        assertThat(browser.driver.findElement(By.cssSelector("#list-rows .row.tx")).getCssValue("cursor"))
                .isEqualTo("pointer");
    }

    @Test
    void theReplayPageDrawsAndAnInjectedHandlerDoesNotRun() throws IOException {
        open(inject(replay), "replay-injected");
        assertThat(browser.driver.findElements(By.cssSelector("#rows .tx"))).isNotEmpty();
        assertThat(injected()).isEqualTo("none");
    }

    @Test
    void underThePolicyItReplacedTheSameInjectionRuns() throws IOException {
        open(inject(timeline).replace(policy(timeline), UNSAFE_INLINE), "timeline-unsafe-inline");
        assertThat(injected()).isEqualTo("handler script");
    }

    private static String policy(String html) {
        Matcher m = Pattern.compile("http-equiv=\"Content-Security-Policy\" content=\"([^\"]*)\"").matcher(html);
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    private static String inject(String html) {
        return html.replaceFirst("<body>\n", "<body>\n" + Matcher.quoteReplacement(INJECTED));
    }

    private static void open(String html, String name) throws IOException {
        Path file = dir.resolve(name + ".html");
        Files.writeString(file, html, StandardCharsets.UTF_8);
        browser.open(file);
    }

    /** What the injected markup managed to set, once the page has drawn and the image has failed. */
    private static String injected() {
        browser.driver.executeAsyncScript("var done = arguments[0]; setTimeout(done, 300);");
        Object r = browser.js("return [window.injected, window.injected2].filter(function (x) { return x; }).join(' ')"
                + " || 'none'");
        return String.valueOf(r);
    }
}
