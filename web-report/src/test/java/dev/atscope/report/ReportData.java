package dev.atscope.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The data block of a written report read back by its documented layout (docs/report-data.md): the
 * columns by name and texts through the string table, as {@code report-data.js} reads them.
 */
final class ReportData {

    final JsonNode root;

    private ReportData(JsonNode root) {
        this.root = root;
    }

    /** The data block of a page. */
    static ReportData of(String html) throws IOException {
        Matcher m = Pattern.compile("<script type=\"application/json\" id=\"atscope-data\">(.*?)</script>",
                Pattern.DOTALL).matcher(html);
        assertThat(m.find()).as("data block").isTrue();
        ReportData d = new ReportData(new ObjectMapper().readTree(m.group(1)));
        assertThat(d.root.get("version").asInt()).isEqualTo(ReportModel.VERSION);
        return d;
    }

    /** A text field: an index into the string table, the text, or null. */
    String text(JsonNode v) {
        if (v == null || v.isNull()) {
            return null;
        }
        return v.isNumber() ? root.get("strings").get(v.asInt()).asText() : v.asText();
    }

    String text(String group, String column, int i) {
        return text(root.get(group).get(column).get(i));
    }

    int transactions() {
        return root.at("/transactions/start").size();
    }

    int sessions() {
        return root.at("/sessions/index").size();
    }

    /** Every diagnostic's rule and message, one string each. */
    List<String> diagnostics() {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < root.at("/diagnostics/rule").size(); i++) {
            out.add(text("diagnostics", "rule", i) + " " + text("diagnostics", "message", i));
        }
        return out;
    }

    /** Every event outside a transaction as {@code kind text}, kind 0 URC, 1 noise, 2 marker. */
    List<String> events() {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < root.at("/events/kind").size(); i++) {
            out.add(root.at("/events/kind").get(i).asInt() + " " + text("events", "text", i));
        }
        return out;
    }

    /** The last command entry whose line starts with the prefix. */
    JsonNode command(String prefix) {
        JsonNode found = null;
        for (JsonNode c : root.get("commands")) {
            if (c.get("line").asText().startsWith(prefix)) {
                found = c;
            }
        }
        if (found == null) {
            throw new AssertionError("no command " + prefix);
        }
        return found;
    }

    /** A payload as the page reads it. */
    record Payload(String kept, int length, boolean hidden, long crc32, String computed, String reported) {}

    /** The first payload of the first transaction whose command line starts with the prefix (the last such line). */
    Payload payload(String prefix) {
        JsonNode commands = root.get("commands");
        int index = -1;
        for (int i = 0; i < commands.size(); i++) {
            if (commands.get(i).get("line").asText().startsWith(prefix)) {
                index = i;
            }
        }
        JsonNode tx = root.get("transactions");
        JsonNode r = root.get("responses");
        JsonNode p = root.get("payloads");
        int first = 0;
        for (int k = 0; k < transactions(); k++) {
            int n = tx.get("responses").get(k).asInt();
            if (tx.get("command").get(k).asInt() == index) {
                for (int j = first; j < first + n; j++) {
                    if (r.get("kind").get(j).asInt() == 2) {
                        int q = r.get("text").get(j).asInt();
                        String computed = null;
                        String reported = null;
                        for (int s = 0; s < p.get("uploadSumAt").size(); s++) {
                            if (p.get("uploadSumAt").get(s).asInt() == q) {
                                computed = p.get("uploadSumComputed").get(s).asText();
                                reported = p.get("uploadSumReported").get(s).asText();
                            }
                        }
                        return new Payload(text(p.get("kept").get(q)), p.get("length").get(q).asInt(),
                                p.get("hidden").get(q).asInt() == 1, p.get("crc32").get(q).asLong(), computed, reported);
                    }
                }
            }
            first += n;
        }
        throw new AssertionError("no payload for " + prefix);
    }
}
