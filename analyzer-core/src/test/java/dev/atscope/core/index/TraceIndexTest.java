package dev.atscope.core.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atscope.core.protocol.ProtocolRegistry;
import dev.atscope.core.protocol.quectel.NoteExamples;
import dev.atscope.core.trace.ScriptedTraffic;
import dev.atscope.core.trace.Trace;
import dev.atscope.core.trace.TraceMetadata;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Given a small fleet of traces, when indexed, the example queries of docs/search.md find exactly the right ones. */
class TraceIndexTest {

    @TempDir
    static Path tmp;

    static Path corpus;
    static Path index;

    static void write(Path file, String device, Instant start, ScriptedTraffic t) throws Exception {
        new Trace(TraceMetadata.EMPTY.withStart(start).withTag("device", device), t.entries()).write(file);
    }

    static ScriptedTraffic https(int sslVersion, String getAnswer, long actLatency) {
        ScriptedTraffic t = new ScriptedTraffic();
        t.urc("RDY").pause(3_000_000);
        t.command("AT+QICSGP=1,\"CMNET\"").answer(10_000, "OK");
        t.pause(50_000).command("AT+QIACT").answer(actLatency, "OK");
        t.pause(50_000).command("AT+QSSLCFG=\"sslversion\",0," + sslVersion).answer(10_000, "OK");
        t.pause(50_000).command("AT+QHTTPURL=23,60").answer(10_000, "CONNECT");
        t.hostBytes(10_000, "https://example.net/a/b".getBytes()).answer(5_000, "OK");
        t.pause(50_000).command("AT+QHTTPGET=60").answer(2_000_000, getAnswer);
        return t;
    }

    @BeforeAll
    static void buildCorpus() throws Exception {
        corpus = Files.createDirectories(tmp.resolve("fleet"));
        index = tmp.resolve("index");
        write(corpus.resolve("pump-1.csv"), "pump-1", Instant.parse("2026-11-20T10:00:00Z"), https(3, "OK", 2_000_000));
        write(corpus.resolve("pump-2.csv"), "pump-2", Instant.parse("2026-11-21T10:00:00Z"),
                https(0, "+CME ERROR: 3815", 2_000_000));
        write(corpus.resolve("pump-3.csv"), "pump-3", Instant.parse("2026-11-10T10:00:00Z"),
                https(3, "+CME ERROR: http socket connect error", 12_500_000));
        Files.createDirectories(corpus.resolve("sub"));
        Files.writeString(corpus.resolve("sub/corrupt.csv"), "# atscope-trace: 1\ntime_us,dir,kind,data\n5,H>M,data,A\n1,H>M,data,B\n2,H>M,data,C\n");
        Files.createDirectories(corpus.resolve(".hidden"));
        Files.writeString(corpus.resolve(".hidden/ignored.csv"), "junk");
        NoteExamples.httpsGet(); // the procedure itself is covered by the samples
        try (TraceIndexWriter w = new TraceIndexWriter(index, ProtocolRegistry.loadDefault(), false)) {
            List<Path> failed = new ArrayList<>();
            FolderIndexer.Report r = new FolderIndexer(w, 2).run(List.of(corpus), (d, t, n, f, e) -> {
                if (e != null) {
                    failed.add(f);
                }
            });
            assertThat(r.indexed()).hasSize(3);
            assertThat(r.failures()).singleElement().satisfies(f -> {
                assertThat(f.file().toString()).endsWith("corrupt.csv");
                assertThat(f.message()).contains("corrupt.csv:4: time goes backwards");
            });
            assertThat(failed).hasSize(1);
        }
    }

    static List<String> devices(String query) throws Exception {
        try (TraceSearcher s = new TraceSearcher(index)) {
            return s.search(query, 100, TraceSearch.Order.TIME, false).hits().stream()
                    .map(TraceSearch.Hit::device).distinct().sorted().toList();
        }
    }

    @Test
    void everyError3815ByCodeOrVerboseText() throws Exception {
        assertThat(devices("error:3815")).containsExactly("pump-2", "pump-3");
    }

    @Test
    void whichDevicesHadATlsHandshakeFailureLastWeek() throws Exception {
        assertThat(devices("type:session AND outcome:tls-handshake-failed")).containsExactly("pump-2", "pump-3");
        assertThat(devices("type:session AND outcome:tls-handshake-failed AND time:[2026-11-16 TO 2026-11-23]"))
                .containsExactly("pump-2");
        assertThat(devices("type:session AND outcome:ok")).containsExactly("pump-1");
    }

    @Test
    void whoStillUsesSsl30() throws Exception {
        assertThat(devices("command:QSSLCFG AND sslversion:0")).containsExactly("pump-2");
        assertThat(devices("subcommand:sslversion")).containsExactly("pump-1", "pump-2", "pump-3");
    }

    @Test
    void transactionsCarryTheRuleIdsOfTheCheckersFindings() throws Exception {
        assertThat(devices("rule:security.ssl3 AND command:QSSLCFG")).containsExactly("pump-2");
        assertThat(devices("rule:result.error AND command:QHTTPGET")).containsExactly("pump-2", "pump-3");
        // none of the three enables HTTPS before its https:// request
        assertThat(devices("rule:https.not-enabled AND command:QHTTPGET")).containsExactly("pump-1", "pump-2", "pump-3");
        assertThat(devices("rule:https.not-enabled AND command:QIACT")).isEmpty();
        try (TraceSearcher s = new TraceSearcher(index)) {
            assertThat(s.search("type:transaction", 100, TraceSearch.Order.TIME, true).facets().get("rule"))
                    .containsEntry("security.ssl3", 1L).containsEntry("result.error", 2L);
        }
    }

    @Test
    void slowActivations() throws Exception {
        assertThat(devices("command:QIACT AND duration:[10000 TO *]")).containsExactly("pump-3");
    }

    @Test
    void timeRanges() throws Exception {
        assertThat(devices("error:3815 AND time:[2026-11-16 TO 2026-11-23]")).containsExactly("pump-2");
    }

    @Test
    void rawTextKeepsAtTokensWhole() throws Exception {
        assertThat(devices("\"at+qhttpget=60\" AND outcome:error")).containsExactly("pump-2", "pump-3");
        assertThat(devices("cmnet")).containsExactly("pump-1", "pump-2", "pump-3");
    }

    @Test
    void hitsCarrySnippetsAndFacetsCount() throws Exception {
        try (TraceSearcher s = new TraceSearcher(index)) {
            TraceSearch.Result r = s.search("type:transaction AND command:QHTTPGET", 10, TraceSearch.Order.SCORE, true);
            assertThat(r.total()).isEqualTo(3);
            assertThat(r.hits()).allSatisfy(h -> {
                assertThat(h.snippet().text()).startsWith("AT+QHTTPGET=60");
                assertThat(h.file()).endsWith(".csv");
            });
            assertThat(s.search("type:transaction AND 3815", 10, TraceSearch.Order.SCORE, false).hits())
                    .singleElement().satisfies(h -> assertThat(h.snippet().matches()).singleElement()
                            .satisfies(m -> assertThat(h.snippet().text().substring(m.start(), m.end())).isEqualTo("3815")));
            assertThat(r.facets().get("outcome")).containsEntry("ok", 1L).containsEntry("error", 2L);
            assertThat(r.facets().get("error")).containsEntry("3815", 2L);
        }
    }

    @Test
    void reindexingIsIdempotent() throws Exception {
        long before;
        try (TraceSearcher s = new TraceSearcher(index)) {
            before = s.documents();
        }
        try (TraceIndexWriter w = new TraceIndexWriter(index, ProtocolRegistry.loadDefault(), false)) {
            w.index(corpus.resolve("pump-1.csv"));
            w.index(corpus.resolve("pump-1.csv"));
            w.commit();
        }
        try (TraceSearcher s = new TraceSearcher(index)) {
            assertThat(s.documents()).isEqualTo(before);
        }
    }

    /** The hits of a query as a user types it: transactions only, as atscope search asks. */
    static TraceSearch.Result transactions(String query) throws Exception {
        try (TraceSearcher s = new TraceSearcher(index)) {
            return s.search(new TraceSearch.Request(query, 100, TraceSearch.Order.TIME, false, TraceSearch.Scope.TRANSACTIONS));
        }
    }

    static List<String> found(String query) throws Exception {
        return transactions(query).hits().stream().map(h -> h.device() + " " + h.command()).toList();
    }

    @Test
    void aBareCommandNameInAnyCaseOrWithItsPlusMeansCommand() throws Exception {
        List<String> expected = found("command:QHTTPGET");
        assertThat(expected).hasSize(3).allSatisfy(h -> assertThat(h).endsWith("AT+QHTTPGET=60"));
        assertThat(found("QHTTPGET")).isEqualTo(expected);
        assertThat(found("qhttpget")).isEqualTo(expected);
        assertThat(found("command:+QHTTPGET")).isEqualTo(expected);
        assertThat(found("QHTTPGET outcome:error")).hasSize(2);
        assertThat(transactions("QHTTPGET").warnings()).isEmpty();
    }

    @Test
    void wildcardsIgnoreCaseLikeEverythingElse() throws Exception {
        assertThat(found("command:QIACT*")).isEqualTo(found("command:qiact")).hasSize(3);
        assertThat(found("command:QI*")).isEqualTo(found("command:qi*")).hasSize(6);
    }

    @Test
    void aDateAloneIsThatDayAndARangeIncludesItsLastDay() throws Exception {
        assertThat(found("time:2026-11-21")).hasSize(5).allSatisfy(h -> assertThat(h).startsWith("pump-2 "));
        assertThat(found("time:2026-11-22")).isEmpty();
        // pump-2 on the 21st: a range ending on the 21st takes it, one ending on the 20th does not
        assertThat(devices("error:3815 AND time:[2026-11-16 TO 2026-11-21]")).containsExactly("pump-2");
        assertThat(devices("error:3815 AND time:[2026-11-16 TO 2026-11-20]")).isEmpty();
    }

    @Test
    void anErrorsMeaningIsSearchedAsText() throws Exception {
        assertThat(found("error:\"http socket connect error\"")).hasSize(2);
        assertThat(found("error:\"http socket connect error\"")).isEqualTo(found("error:3815"));
    }

    @Test
    void unknownFieldsAndValuesThatMatchNothingAreWarningsWithTheNearestValidOnes() throws Exception {
        assertThat(transactions("comand:QHTTPGET").warnings()).singleElement().asString()
                .contains("'comand'").contains("did you mean command");
        assertThat(transactions("outcome:eror").warnings()).singleElement().asString()
                .contains("outcome:eror matches nothing").contains("did you mean error");
        assertThat(transactions("foo:bar").warnings()).singleElement().asString().contains("'foo'");
        assertThat(transactions("rule:security.ssl4").warnings()).singleElement().asString()
                .contains("did you mean security.ssl3");
        assertThat(transactions("command:QHTTPGT").warnings()).singleElement().asString()
                .contains("did you mean qhttpget");
    }

    @Test
    void transactionsAndSessionsAreSearchedApart() throws Exception {
        try (TraceSearcher s = new TraceSearcher(index)) {
            TraceSearch.Result tx = s.search(new TraceSearch.Request("*", 100, TraceSearch.Order.TIME, false,
                    TraceSearch.Scope.TRANSACTIONS));
            TraceSearch.Result sessions = s.search(new TraceSearch.Request("*", 100, TraceSearch.Order.TIME, false,
                    TraceSearch.Scope.SESSIONS));
            assertThat(tx.hits()).hasSize(15).allSatisfy(h -> assertThat(h.type()).isEqualTo("transaction"));
            assertThat(sessions.hits()).hasSize(3).allSatisfy(h -> {
                assertThat(h.type()).isEqualTo("session");
                assertThat(h.session()).isEqualTo(1);
            });
            // the result is stored as the module sent it, not lower-cased
            assertThat(found("error:3815")).hasSize(2);
            assertThat(tx.hits()).extracting(TraceSearch.Hit::result).contains("+CME ERROR: 3815", "OK");
        }
    }

    @Test
    void missingIndexIsAClearError() {
        assertThatThrownBy(() -> new TraceSearcher(tmp.resolve("nothing"))).hasMessageContaining("no atscope index");
    }
}
