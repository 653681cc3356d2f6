package dev.atscope.report;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * The page around the data: one HTML file with its styles, script and data inline, and a
 * Content-Security-Policy that forbids every request, so it opens offline and can reach nothing.
 * The policy allows the page's own script and styles by their SHA-256 hashes, not every inline
 * script: markup that a captured byte slipped into the page (an {@code onerror} handler, a script
 * element) would not run.
 */
final class HtmlPage {

    /** The id of the script element that holds the data. */
    static final String DATA_ID = "atscope-data";

    /**
     * The timeline of a trace: {@code report.css}, {@code report-body.html} and the script's parts,
     * {@code dom.js}, then {@code report-page.js} to {@code report-main.js}, joined in this order into one script that
     * runs them in one function scope (each part's header says what it defines).
     */
    static final Assets TIMELINE = Assets.of("report", "page", "data", "filter", "list", "detail", "timeline", "flow",
            "main");
    /** A replay beside its recording: {@code replay.css}, {@code replay-body.html}, {@code dom.js} and {@code replay-main.js}. */
    static final Assets REPLAY = Assets.of("replay", "main");

    private HtmlPage() {}

    /**
     * What makes one kind of page: its styles, the body's markup and the script that fills it.
     *
     * @param css inline styles
     * @param body the markup before the data block
     * @param js the script that reads the data block
     */
    record Assets(String css, String body, String js) {

        /**
         * The resources {@code NAME.css}, {@code NAME-body.html} and the script of the parts
         * {@code NAME-PART.js} after the helpers every page shares ({@code dom.js}), joined in the given
         * order inside one function in strict mode.
         */
        static Assets of(String name, String... parts) {
            StringBuilder js = new StringBuilder("(function () {\n'use strict';\n// ==== dom.js\n");
            js.append(resource("dom.js"));
            for (String part : parts) {
                js.append("// ==== ").append(name).append('-').append(part).append(".js\n");
                js.append(resource(name + "-" + part + ".js"));
            }
            js.append("})();\n");
            return new Assets(resource(name + ".css"), resource(name + "-body.html"), js.toString());
        }

        /** The text of the style element, hashed as the browser hashes it. */
        String styleText() {
            return "\n" + css;
        }

        /** The text of the script element, hashed as the browser hashes it. */
        String scriptText() {
            return "\n" + js;
        }

        /**
         * No fetch, no image but inline ones, no font, no frame; of inline scripts and styles only
         * these, named by hash.
         */
        String csp() {
            return "default-src 'none'; script-src '" + sha256(scriptText()) + "'; style-src '" + sha256(styleText())
                    + "'; img-src data:";
        }
    }

    /** A CSP hash source: {@code sha256-} and the base64 of the UTF-8 text's digest. */
    static String sha256(String text) {
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return "sha256-" + java.util.Base64.getEncoder().encodeToString(digest);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    /** What the data writer puts between the page's head and its script. */
    interface DataWriter {
        /** Writes the JSON, already safe for a script element. */
        void write(OutputStream out) throws IOException;
    }

    /** Writes the whole page: head, styles, body, the data block, then the script that reads it. */
    static void write(OutputStream out, Assets page, String title, DataWriter data) throws IOException {
        text(out, "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                + "<meta http-equiv=\"Content-Security-Policy\" content=\"" + page.csp() + "\">\n"
                + "<meta name=\"referrer\" content=\"no-referrer\">\n"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                + "<title>" + escape(title) + " \u2014 atscope</title>\n<style>" + page.styleText()
                + "</style>\n</head>\n<body>\n" + page.body()
                + "<script type=\"application/json\" id=\"" + DATA_ID + "\">");
        data.write(out);
        text(out, "</script>\n<script>" + page.scriptText() + "</script>\n</body>\n</html>\n");
        out.flush();
    }

    /** Writes a page to an output stream and says what it wrote. */
    interface PageWriter<T> {
        /** Writes the whole page. */
        T write(OutputStream out) throws IOException;
    }

    /**
     * Writes a page to {@code html} through a temporary file beside it, so that the file is replaced
     * only once the page is complete: a failure halfway leaves the previous page, not half a page.
     */
    static <T> T toFile(Path html, PageWriter<T> page) throws IOException {
        Path dir = html.toAbsolutePath().getParent();
        // not createTempFile: its owner-only mode would stay on the page; a new file follows the umask
        Path tmp = dir.resolve("." + html.getFileName() + "."
                + Long.toHexString(java.util.concurrent.ThreadLocalRandom.current().nextLong() >>> 16) + ".part");
        try {
            T written;
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(tmp, StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE), 1 << 16)) {
                written = page.write(out);
            }
            Files.move(tmp, html, StandardCopyOption.REPLACE_EXISTING);
            return written;
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** Text for HTML element content and attribute values. */
    static String escape(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append("&amp;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> sb.append(c < 0x20 && c != '\t' ? '\uFFFD' : c);
            }
        }
        return sb.toString();
    }

    private static void text(OutputStream out, String s) throws IOException {
        out.write(s.getBytes(StandardCharsets.UTF_8));
    }

    private static String resource(String name) {
        try (InputStream in = HtmlPage.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("resource " + name + " missing from the web-report jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
