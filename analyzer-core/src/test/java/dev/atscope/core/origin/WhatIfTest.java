package dev.atscope.core.origin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atscope.core.index.FleetCorpus;
import dev.atscope.core.replay.CommandEdit;
import dev.atscope.core.replay.DiffStatus;
import dev.atscope.core.replay.LineDiff;
import dev.atscope.core.replay.ReplayNote;
import dev.atscope.core.replay.ReplayOptions;
import dev.atscope.core.replay.TransactionDiff;
import dev.atscope.core.trace.Trace;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Given firmware whose HTTPS request failed in its handshake against a server of today (recorded
 * over real TLS on 127.0.0.1), when the recording is replayed against the emulator and its recorded
 * origin, then the same failure happens for real; when it is replayed with an edit that removes the
 * cause, the request works; an edit cannot remove a failure that the settings do not explain.
 */
@Timeout(120)
class WhatIfTest {

    static Trace wrongVersion;
    static Trace unknownCa;

    @BeforeAll
    static void recordTheFailures() throws Exception {
        wrongVersion = TlsFailures.wrongSslVersion();
        unknownCa = TlsFailures.unknownCa();
    }

    static ReplayOptions editing(String... edits) {
        return OriginReplays.FAST.withEdits(Arrays.stream(edits).map(CommandEdit::parse).toList());
    }

    static TransactionDiff row(OriginReplays.Run run, String command) {
        return run.result().diffs().stream().filter(d -> d.command().equals(command)).findFirst().orElseThrow();
    }

    @Test
    void tls10FailsAgainstTheStandInAsItFailedAgainstTheServer() throws Exception {
        assertThat(Recordings.result(wrongVersion, "AT+QHTTPGET=60")).isEqualTo("+CME ERROR: 3815");
        OriginReplays.Run run = OriginReplays.replay(wrongVersion, OriginReplays.FAST);
        assertThat(run.result().summary().clean()).as(RecordedOriginTest.describe(run)).isTrue();
        TransactionDiff get = row(run, "AT+QHTTPGET=60");
        assertThat(get.replayed().resultText()).isEqualTo("+CME ERROR: 3815");
        assertThat(run.origin().notes()).filteredOn(n -> n.index() == get.index()).singleElement().satisfies(n -> {
            assertThat(n.kind()).isEqualTo(ReplayNote.Kind.EXPLAINED);
            assertThat(n.text()).contains("offers only TLS 1.0 (sslversion 1)");
        });
        // for real: the module's own TLS stack refused, it was not told to fail
        assertThat(run.log()).anySatisfy(l -> assertThat(l).contains("TLS handshake failed ([TLSv1]"));
    }

    @Test
    void withTls12InItsPlaceTheRequestWorks() throws Exception {
        OriginReplays.Run run = OriginReplays.replay(wrongVersion, editing("\"sslversion\",0,1=>\"sslversion\",0,3"));
        TransactionDiff edited = row(run, "AT+QSSLCFG=\"sslversion\",0,1");
        assertThat(edited.status()).isEqualTo(DiffStatus.EDITED);
        assertThat(edited.sent()).isEqualTo("AT+QSSLCFG=\"sslversion\",0,3");
        assertThat(edited.replayed().echo().text()).isEqualTo("AT+QSSLCFG=\"sslversion\",0,3");
        TransactionDiff get = row(run, "AT+QHTTPGET=60");
        assertThat(get.status()).isEqualTo(DiffStatus.DIFFERS);
        assertThat(get.edited()).isFalse();
        assertThat(get.lines()).containsExactly(new LineDiff(LineDiff.Op.CHANGED, "+CME ERROR: 3815", "OK"));
        assertThat(run.result().summary().edited()).isEqualTo(1);
        assertThat(run.result().summary().differs()).isEqualTo(1);
        assertThat(run.log()).anySatisfy(l -> assertThat(l).contains("-> 200").contains("TLSv1.2"));
    }

    @Test
    void anUnknownCaFailsAgainstTheStandInAndWorksWithoutServerAuthentication() throws Exception {
        assertThat(Recordings.result(unknownCa, "AT+QHTTPGET=60")).isEqualTo("+CME ERROR: 3815");
        OriginReplays.Run same = OriginReplays.replay(unknownCa, OriginReplays.FAST);
        assertThat(same.result().summary().clean()).as(RecordedOriginTest.describe(same)).isTrue();
        assertThat(same.log()).anySatisfy(l -> assertThat(l).contains("does not verify against the uploaded CA"));

        OriginReplays.Run fixed = OriginReplays.replay(unknownCa, editing("/\"secllevel\",0,\\d/=>\"secllevel\",0,0"));
        assertThat(row(fixed, "AT+QSSLCFG=\"secllevel\",0,1").status()).isEqualTo(DiffStatus.EDITED);
        assertThat(row(fixed, "AT+QHTTPGET=60").replayed().resultText()).isEqualTo("OK");
    }

    @Test
    void aCaTheRecordingProvedRightVerifiesTheStandInThroughItsTwin() throws Exception {
        Trace healthy = TlsFailures.record(TlsFailures.CA, FleetCorpus.SERVER_AUTHENTICATION);
        OriginReplays.Run run = OriginReplays.replay(healthy, OriginReplays.FAST);
        assertThat(run.result().summary().clean()).as(RecordedOriginTest.describe(run)).isTrue();
        assertThat(row(run, "AT+QHTTPREAD=30").replayed().payloads().get(0).text()).isEqualTo("<p>config v8</p>");
        // and with server authentication switched off it still works; with TLS 1.0 it fails for real
        OriginReplays.Run old = OriginReplays.replay(healthy, editing("\"sslversion\",0,3=>\"sslversion\",0,1"));
        assertThat(row(old, "AT+QHTTPGET=60").replayed().resultText()).isEqualTo("+CME ERROR: 3815");
    }

    @Test
    void rc4AndAMissingCaAreExplainedToo() throws Exception {
        Trace rc4 = TlsFailures.record(TlsFailures.CA, List.of("AT+QSSLCFG=\"sslversion\",0,3",
                "AT+QSSLCFG=\"ciphersuite\",0,\"0X0005\"", "AT+QSSLCFG=\"https\",1"));
        OriginReplays.Run run = OriginReplays.replay(rc4, OriginReplays.FAST);
        assertThat(run.result().summary().clean()).as(RecordedOriginTest.describe(run)).isTrue();
        assertThat(run.origin().notes()).anySatisfy(n -> assertThat(n.text()).contains("cipher suites 0X0005"));
        OriginReplays.Run fixed = OriginReplays.replay(rc4, editing("0X0005=>0XFFFF"));
        assertThat(row(fixed, "AT+QHTTPGET=60").replayed().resultText()).isEqualTo("OK");

        Trace noCa = TlsFailures.record(TlsFailures.CA, List.of("AT+QSSLCFG=\"sslversion\",0,3",
                "AT+QSSLCFG=\"secllevel\",0,1", "AT+QSSLCFG=\"https\",1"));
        OriginReplays.Run none = OriginReplays.replay(noCa, OriginReplays.FAST);
        assertThat(none.result().summary().clean()).as(RecordedOriginTest.describe(none)).isTrue();
        assertThat(none.origin().notes()).anySatisfy(n -> assertThat(n.text()).contains("no CA certificate"));
    }

    @Test
    void aFailureTheSettingsDoNotExplainStaysWhateverTheEdit() throws Exception {
        Trace dns = FleetCorpus.session("dns-failure", "https://" + FleetCorpus.HOST + "/v1/config",
                TlsFailures.CA, FleetCorpus.SERVER_AUTHENTICATION,
                java.nio.file.Files.createTempFile("atscope-dns", ".csv"));
        OriginReplays.Run run = OriginReplays.replay(dns, editing("\"secllevel\",0,1=>\"secllevel\",0,0"));
        TransactionDiff get = row(run, "AT+QHTTPGET=60");
        assertThat(get.status()).isEqualTo(DiffStatus.SAME);
        assertThat(get.replayed().resultText()).isEqualTo("+CME ERROR: 3813");
        assertThat(run.log()).anySatisfy(l -> assertThat(l).contains("reproduced as recorded"));
    }
}
