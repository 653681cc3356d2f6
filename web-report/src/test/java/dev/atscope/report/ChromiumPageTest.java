package dev.atscope.report;

import java.io.IOException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.TestInfo;

/**
 * A test class of pages opened in Chromium: one browser for the class (started by the subclass once
 * its pages are written), a screenshot after each test, and each test ends with the browser having
 * logged nothing and fetched nothing.
 */
abstract class ChromiumPageTest {

    static BrowserSession browser;

    /** What the screenshots' names start with. */
    abstract String screenshotPrefix();

    @AfterAll
    static void stopTheBrowser() throws IOException {
        if (browser != null) {
            browser.close();
            browser = null;
        }
    }

    @AfterEach
    void theBrowserLoggedNothingAndFetchedNothing(TestInfo test) throws IOException {
        browser.screenshot(screenshotPrefix() + test.getTestMethod().orElseThrow().getName());
        browser.assertQuiet();
    }
}
