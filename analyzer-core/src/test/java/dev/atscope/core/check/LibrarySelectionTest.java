package dev.atscope.core.check;

import static dev.atscope.core.check.TraceCheckerTest.step;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atscope.core.decode.Decoded;
import dev.atscope.core.decode.TraceDecoding;
import dev.atscope.core.decode.Transaction;
import dev.atscope.core.protocol.ProtocolLibrary;
import dev.atscope.core.protocol.ProtocolRegistry;
import dev.atscope.core.protocol.quectel.NoteExamples;
import dev.atscope.core.trace.ScriptedTraffic;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Given a trace, when its traffic is read, then the vendor library it is checked with, and why. */
class LibrarySelectionTest {

    static final ProtocolRegistry REGISTRY = ProtocolRegistry.loadDefault();

    /** The selection after the trace was checked, and the findings. */
    record Checked(LibrarySelection selection, List<Diagnostic> findings) {
        String vendor() {
            return selection.vendor().map(ProtocolLibrary::id).orElse(null);
        }

        List<String> rules() {
            return findings.stream().filter(d -> d.severity() != Severity.INFO).map(Diagnostic::ruleId).toList();
        }
    }

    static Checked check(ScriptedTraffic t, LibrarySelection selection) {
        List<Diagnostic> out = new ArrayList<>();
        TraceChecker checker = new TraceChecker(selection, out::add);
        TraceDecoding.decode(t.entries(), selection).forEach(checker::accept);
        checker.finish();
        return new Checked(selection, out);
    }

    static Checked check(ScriptedTraffic t) {
        return check(t, new LibrarySelection(REGISTRY));
    }

    @Test
    void theContextFormOfQicsgpChoosesTheLteLibraryAndTheShortFormTheMSeries() {
        ScriptedTraffic lte = step(new ScriptedTraffic(), "AT+QICSGP=1,1,\"internet\",\"\",\"\",1", "OK");
        Checked l = check(lte);
        assertThat(l.vendor()).isEqualTo("quectel-lte");
        assertThat(l.selection().firm()).isTrue();
        assertThat(l.selection().chosenBy()).contains("fits the grammar of quectel-lte, not that of quectel-gsm-https");
        assertThat(l.rules()).isEmpty();

        Checked m = check(step(new ScriptedTraffic(), "AT+QICSGP=1,\"CMNET\"", "OK"));
        assertThat(m.vendor()).isEqualTo("quectel-gsm-https");
        assertThat(m.selection().firm()).isTrue();
        assertThat(m.rules()).isEmpty();
    }

    @Test
    void atiNamingAModelChoosesItsLibrary() {
        ScriptedTraffic bg96 = step(new ScriptedTraffic(), "ATI", "Quectel", "BG96", "Revision: BG96MAR02A07M1G", "OK");
        assertThat(check(bg96).vendor()).isEqualTo("quectel-lte");
        assertThat(check(bg96).selection().chosenBy()).contains("BG96").contains("quectel-lte");
        ScriptedTraffic m95 = step(new ScriptedTraffic(), "ATI", "Quectel_Ltd", "Quectel_M95", "Revision: M95FAR02A08",
                "OK");
        assertThat(check(m95).vendor()).isEqualTo("quectel-gsm-https");
        ScriptedTraffic sim800 = step(new ScriptedTraffic(), "ATI", "SIMCOM_Ltd", "SIMCOM_SIM800L", "Revision:1308B05",
                "OK");
        assertThat(check(sim800).vendor()).isEqualTo("simcom");
        ScriptedTraffic other = step(new ScriptedTraffic(), "ATI", "u-blox", "SARA-R410M-02B", "OK");
        assertThat(check(other).vendor()).as("a model no library lists").isNull();
    }

    @Test
    void aUrcOnlyTheLteLibraryKnowsChoosesIt() {
        ScriptedTraffic t = new ScriptedTraffic();
        t.urc("+QIURC: \"pdpdeact\",1");
        assertThat(check(t).vendor()).isEqualTo("quectel-lte");
        ScriptedTraffic shared = new ScriptedTraffic();
        shared.urc("+CREG: 1");
        assertThat(check(shared).vendor()).as("a 27.007 URC chooses no vendor").isNull();
    }

    @Test
    void aTraceOfStandardCommandsOnlyUsesNoVendorLibrary() {
        ScriptedTraffic t = new ScriptedTraffic();
        step(t, "AT+CEREG?", "+CEREG: 0,1", "OK");
        step(t, "AT+CGDCONT=1,\"IP\",\"internet\"", "OK");
        step(t, "AT+COPS=1,2,\"99999\"", "OK");
        Checked c = check(t);
        assertThat(c.vendor()).isNull();
        assertThat(c.findings()).extracting(Diagnostic::ruleId).doesNotContain("command.unknown");
        assertThat(c.rules()).isEmpty();
    }

    @Test
    void aCommandBothVendorsAcceptChoosesTheFirstUntilALineDecides() {
        ScriptedTraffic t = step(new ScriptedTraffic(), "AT+QSSLCFG=\"sslversion\",1,4", "OK");
        Checked first = check(t);
        assertThat(first.vendor()).isEqualTo("quectel-gsm-https");
        assertThat(first.selection().firm()).isFalse();
        step(t, "AT+QIACT=1", "OK");
        Checked decided = check(t);
        assertThat(decided.vendor()).isEqualTo("quectel-lte");
        assertThat(decided.selection().firm()).isTrue();
        assertThat(decided.rules()).as("a tentative choice that changes is not a mix").isEmpty();
    }

    @Test
    void aTraceThatMixesTheVendorsSaysSoOnceAndFlagsNoLineOfTheOther() {
        ScriptedTraffic t = NoteExamples.httpsGet();
        step(t, "AT+QICSGP=1,1,\"internet\",\"\",\"\",1", "OK");
        step(t, "AT+QIACT=1", "OK");
        step(t, "AT+QICSGP=1,1,\"other\",\"\",\"\",1", "OK");
        Checked c = check(t);
        assertThat(c.vendor()).isEqualTo("quectel-gsm-https");
        assertThat(c.rules()).containsExactly("security.no-auth", "library.mixed");
        Diagnostic mixed = c.findings().stream().filter(d -> d.ruleId().equals("library.mixed")).findFirst().get();
        assertThat(mixed.where().transactionId()).as("at the line that mixes").isEqualTo(14);
        assertThat(mixed.message()).contains("quectel-lte").contains("AT+QICSGP=1,1,\"internet\"")
                .contains("checked with quectel-gsm-https");
        assertThat(check(NoteExamples.httpsGet()).rules()).containsExactly("security.no-auth");
    }

    @Test
    void libraryForcesTheChoiceAndAnUnknownOneIsRefusedWithTheKnownOnes() {
        ScriptedTraffic t = step(new ScriptedTraffic(), "AT+QICSGP=1,\"CMNET\"", "OK");
        Checked forced = check(t, new LibrarySelection(REGISTRY, "quectel-lte"));
        assertThat(forced.vendor()).isEqualTo("quectel-lte");
        assertThat(forced.rules()).as("the M-series form read as the LTE one").contains("param.type");
        assertThat(forced.findings()).extracting(Diagnostic::ruleId).doesNotContain("library.mixed");
        assertThatThrownBy(() -> new LibrarySelection(REGISTRY, "sim800"))
                .hasMessageContaining("'sim800'").hasMessageContaining("quectel-gsm-https, quectel-lte");
        assertThatThrownBy(() -> new LibrarySelection(REGISTRY, "3gpp-27007")).as("a base library is not chosen")
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theDecoderReadsTheTraceWithTheChosenLibrary() {
        // AT+QHTTPGET's outcome comes after its OK on the LTE modules: a completion, paired with the command
        ScriptedTraffic t = new ScriptedTraffic();
        step(t, "AT+QIACT=1", "OK");
        t.pause(50_000).command("AT+QHTTPURL=22,80").answer(10_000, "CONNECT");
        t.hostBytes(10_000, "https://example.net/a/b".substring(0, 22).getBytes(StandardCharsets.US_ASCII))
                .answer(5_000, "OK");
        step(t, "AT+QHTTPGET=80", "OK");
        t.pause(900_000).urc("+QHTTPGET: 0,404,0");
        Checked c = check(t);
        assertThat(c.vendor()).isEqualTo("quectel-lte");
        Diagnostic d = c.findings().stream().filter(x -> x.ruleId().equals("result.completion")).findFirst()
                .orElseThrow();
        assertThat(d.message()).contains("AT+QHTTPGET=80 failed: +QHTTPGET: 0,404,0").contains("Not Found");
        List<Decoded> items = TraceDecoding.decode(t.entries(), new LibrarySelection(REGISTRY, "quectel-lte"));
        assertThat(items).filteredOn(x -> x instanceof Transaction).hasSize(3);
    }
}
