package dev.atscope.bench;

import dev.atscope.core.generate.TraceGenerator;
import dev.atscope.core.protocol.ProtocolRegistry;
import dev.atscope.core.trace.TraceMetadata;
import dev.atscope.core.trace.TraceWriter;
import dev.atscope.core.trace.imports.Traces;
import dev.atscope.report.ReportOptions;
import dev.atscope.report.TimelineReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Report figures: {@code java -cp bench/target/benchmarks.jar dev.atscope.bench.ReportFigures
 * [TRANSACTIONS...]} (default 10000 100000 1000000). For each size it generates a trace with
 * {@link TraceGenerator} (seed 1), writes its report with the default options, and opens it in
 * Debian's headless Chromium (a fresh browser each time, through /usr/bin/chromedriver) to measure
 * the time from navigation to the page's first drawing ({@code window.atscopeReady}), the share of
 * it spent reading the data, the JavaScript heap, and the time to draw one frame while panning.
 */
public final class ReportFigures {

    private ReportFigures() {}

    public static void main(String[] args) throws Exception {
        List<Long> sizes = new ArrayList<>();
        for (String a : args) {
            sizes.add(Long.parseLong(a));
        }
        if (sizes.isEmpty()) {
            sizes = List.of(10_000L, 100_000L, 1_000_000L);
        }
        Path dir = Path.of(System.getProperty("atscope.bench.data", "target/bench-data"));
        Files.createDirectories(dir);
        System.setProperty("webdriver.chrome.driver", System.getProperty("webdriver.chrome.driver",
                "/usr/bin/chromedriver"));
        System.out.printf("%-12s %9s %10s %9s %9s %10s %9s %10s %10s %10s%n", "transactions", "write s", "file MB",
                "B/tx", "open s", "data s", "heap MB", "frame fit", "frame 1%", "frame max");
        for (long n : sizes) {
            Path trace = trace(dir, n);
            Path html = dir.resolve("report-" + n + ".html");
            long t0 = System.nanoTime();
            TimelineReport.Summary s = new TimelineReport(ProtocolRegistry.loadDefault(), ReportOptions.DEFAULT)
                    .write(trace, html, x -> { });
            double write = (System.nanoTime() - t0) / 1e9;
            long bytes = Files.size(html);
            Map<String, Object> m = open(html);
            System.out.printf("%-12d %9.1f %10.1f %9.0f %9.2f %10.2f %9.0f %8.1f ms %7.1f ms %7.1f ms%n",
                    s.transactions(), write, bytes / 1e6, (double) bytes / s.transactions(),
                    num(m, "ready") / 1000, num(m, "parse") / 1000, num(m, "heap") / 1e6, num(m, "fit"),
                    num(m, "zoomed"), num(m, "max"));
        }
    }

    private static double num(Map<String, Object> m, String k) {
        return ((Number) m.get(k)).doubleValue();
    }

    /** A generated trace of about {@code n} transactions, made once. */
    private static Path trace(Path dir, long n) throws IOException {
        Path file = dir.resolve("report-trace-" + n + ".csv");
        if (!Files.exists(file)) {
            Path tmp = dir.resolve(file.getFileName() + ".part");
            TraceMetadata meta = TraceMetadata.EMPTY.withStart(Instant.parse("2026-11-01T00:00:00Z"))
                    .withTag("generator", "atscope TraceGenerator seed 1");
            try (TraceWriter w = Traces.create(tmp, meta)) {
                new TraceGenerator(1).write(w, Long.MAX_VALUE, n);
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
        }
        return file;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> open(Path html) throws IOException {
        Path profile = Files.createTempDirectory("atscope-chromium");
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--no-first-run",
                "--user-data-dir=" + profile, "--window-size=1400,900", "--enable-precise-memory-info");
        ChromeDriver driver = new ChromeDriver(options);
        try {
            driver.manage().timeouts().pageLoadTimeout(Duration.ofMinutes(10));
            driver.manage().timeouts().scriptTimeout(Duration.ofMinutes(10));
            driver.get(html.toUri().toString());
            new WebDriverWait(driver, Duration.ofMinutes(10)).until(d -> driver.executeScript(
                    "return window.atscopeReady !== undefined"));
            // ten frames at the whole trace, ten zoomed to 1% of it, panning 40 pixels each time
            return (Map<String, Object>) driver.executeScript("""
                    var fit = 0, zoomed = 0, max = 0, f;
                    atscope.fit();
                    for (var i = 0; i < 10; i++) { f = atscope.frameMs(40); fit += f; max = Math.max(max, f); }
                    for (i = 0; i < 10; i++) { f = atscope.frameMs(40, i === 0 ? 0.01 : 0); zoomed += f; max = Math.max(max, f); }
                    return {ready: window.atscopeReady, parse: window.atscopeTimings.parseMs,
                            heap: performance.memory ? performance.memory.usedJSHeapSize : 0,
                            fit: fit / 10, zoomed: zoomed / 10, max: max};
                    """);
        } finally {
            driver.quit();
            try (Stream<Path> walk = Files.walk(profile)) {
                walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
