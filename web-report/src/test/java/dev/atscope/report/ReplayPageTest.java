package dev.atscope.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.atscope.core.replay.ReplayResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Given a replay, when its page is written, then one safe HTML file holds both answers of every transaction. */
class ReplayPageTest {

    @TempDir
    Path dir;

    private String page(ReplayResult r) throws IOException {
        Path html = dir.resolve("replay.html");
        new ReplayPage("https-get.csv", "tcp:127.0.0.1:5000", ReplayRuns.OPTIONS).write(r, html);
        return Files.readString(html, StandardCharsets.UTF_8);
    }

    private static JsonNode data(String html) throws IOException {
        Matcher m = Pattern.compile("<script type=\"application/json\" id=\"atscope-data\">(.*?)</script>",
                Pattern.DOTALL).matcher(html);
        assertThat(m.find()).as("data block").isTrue();
        return new ObjectMapper().readTree(m.group(1));
    }

    private static JsonNode row(JsonNode data, int index) {
        for (JsonNode r : data.get("rows")) {
            if (r.get("index").asInt() == index) {
                return r;
            }
        }
        throw new AssertionError("no row " + index);
    }

    @Test
    void theFieldFailureShowsOkBesidePlusCmeError3815() throws Exception {
        String html = page(ReplayRuns.againstTheFieldFailure());
        JsonNode d = data(html);
        assertThat(d.at("/meta/recording").asText()).isEqualTo("https-get.csv");
        assertThat(d.at("/meta/target").asText()).isEqualTo("tcp:127.0.0.1:5000");
        assertThat(d.at("/meta/timing").asText()).isEqualTo("fast");
        assertThat(d.at("/meta/summary").toString()).isEqualTo(
                "{\"transactions\":13,\"same\":11,\"differs\":2,\"missing\":0,\"urcsDiffer\":0,\"edited\":0,\"clean\":false}");
        JsonNode get = row(d, 11);
        assertThat(get.get("command").asText()).isEqualTo("AT+QHTTPGET=60");
        assertThat(get.get("status").asText()).isEqualTo("differs");
        assertThat(get.get("lines").toString()).isEqualTo(
                "[[\"same\",\"AT+QHTTPGET=60\",\"AT+QHTTPGET=60\"],[\"changed\",\"OK\",\"+CME ERROR: 3815\"]]");
        assertThat(get.at("/replayed/outcome").asText()).isEqualTo("error");
        // the field module's other local address is the same once masked, and shown as the mask
        assertThat(row(d, 5).get("status").asText()).isEqualTo("same");
        assertThat(row(d, 5).get("lines").toString()).contains("[\"same\",\"<ip>\",\"<ip>\"]");
        assertThat(d.at("/meta/masks").toString()).isEqualTo("[\"ip\",\"checksum\",\"time\"]");
        // the same rules as the timeline: nothing is fetched, and the policy forbids requests
        assertThat(html).contains("<meta http-equiv=\"Content-Security-Policy\" content=\"" + HtmlPage.REPLAY.csp() + "\">");
        assertThat(html).doesNotContainPattern("(?i)(src|href)=\"(https?:)?//");
    }

    @Test
    void aHostileAnswerCannotLeaveTheDataBlock() throws Exception {
        String html = page(ReplayRuns.againstAHostileModule());
        // the page's own two script elements are the only ones, however the answer tries
        assertThat(countOf(html, "<script")).isEqualTo(2);
        assertThat(countOf(html, "</script")).isEqualTo(2);
        assertThat(html).doesNotContain("<img").doesNotContain("<!--");
        // and the answer is all there, character for character, once the JSON is read
        JsonNode gmr = row(data(html), 2);
        assertThat(gmr.get("status").asText()).isEqualTo("differs");
        List<String> replayed = new ArrayList<>();
        gmr.get("lines").forEach(l -> replayed.add(l.get(2).asText()));
        assertThat(replayed).contains(ReplayRuns.HOSTILE_ANSWER);
    }

    private static int countOf(String s, String what) {
        int n = 0;
        for (int i = s.indexOf(what); i >= 0; i = s.indexOf(what, i + 1)) {
            n++;
        }
        return n;
    }
}
