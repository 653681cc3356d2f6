package dev.atscope.report;

import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** What the replay page shows in a browser, read the way its tests read it. */
final class ReplayPageView {

    private ReplayPageView() {}

    /** The transaction rows on display (the filter hides the others). */
    static List<WebElement> shownRows(BrowserSession browser) {
        return browser.driver.findElements(By.cssSelector("#rows .tx")).stream().filter(WebElement::isDisplayed)
                .toList();
    }

    /** The colour of a row's status badge, as {@code rgb(r, g, b)}. */
    static String colourOf(WebElement row) {
        return row.findElement(By.className("status")).getCssValue("background-color").replace("rgba", "rgb")
                .replace(", 1)", ")");
    }

    /** The answer lines of one side of a row: {@code recorded} or {@code replayed}. */
    static List<String> lines(WebElement row, String side) {
        return row.findElements(By.cssSelector(".answer .ln." + side)).stream().map(WebElement::getText).toList();
    }
}
