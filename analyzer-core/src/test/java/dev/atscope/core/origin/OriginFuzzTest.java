package dev.atscope.core.origin;

import static dev.atscope.core.trace.FuzzProperty.expect;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.atscope.core.decode.GrammarTraffic;
import dev.atscope.core.protocol.Grammar;
import dev.atscope.core.protocol.ProtocolRegistry;
import dev.atscope.core.replay.Recording;
import dev.atscope.core.replay.ReplayNote;
import dev.atscope.core.trace.FuzzWarmUp;
import dev.atscope.core.trace.Rechunk;
import dev.atscope.core.trace.Trace;
import dev.atscope.core.trace.TraceEntry;
import dev.atscope.core.trace.TraceMetadata;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Timeout;

/**
 * Coverage-guided fuzzing of how a recording's own origin is judged ({@link RecordedExchanges},
 * {@link CellularConditions}): sessions of the libraries' commands ({@link GrammarTraffic}: PDP
 * contexts, SSL settings, URLs uploaded after {@code CONNECT}, requests answered {@code OK} or
 * {@code +CME ERROR}) are read as {@code replay --origin recorded} reads them, offline. Each request
 * is placed with its origin, in the order recorded, once; a request the module answered {@code OK}
 * is answered by the stand-in, a failed one is explained or reproduced; https and only https has
 * SSL settings; and none of it depends on how the traffic was cut into chunks.
 */
@Timeout(value = 20, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class OriginFuzzTest {

    private static final ProtocolRegistry MODEL = ProtocolRegistry.loadDefault();
    private static final List<Grammar.CommandSpec> COMMANDS = GrammarTraffic.commandsOf(MODEL);
    private static final Pattern ORIGIN = Pattern.compile("https?://[^/:A-Z]*:[0-9]{1,5}");

    static {
        FuzzWarmUp.run(OriginFuzzTest.class, input -> new OriginFuzzTest().judged(input));
    }

    @FuzzTest
    void judged(byte[] input) {
        GrammarTraffic.Script script = GrammarTraffic.decode(input, COMMANDS);
        Recording recording = Recording.of(new Trace(TraceMetadata.EMPTY, script.entries()), MODEL);
        Map<String, RecordedExchanges.Host> hosts = RecordedExchanges.read(recording, MODEL);
        List<String> judged = judged(hosts);
        int transactions = recording.transactions().size();
        List<Integer> order = new ArrayList<>();
        for (Map.Entry<String, RecordedExchanges.Host> h : hosts.entrySet()) {
            expect(ORIGIN.matcher(h.getKey()).matches(), "an origin %s", h.getKey());
            expect(!h.getValue().exchanges.isEmpty(), "%s without a request", h.getKey());
            int last = 0;
            for (RecordedExchange x : h.getValue().exchanges) {
                expect(x.origin().equals(h.getKey()), "%s placed with %s", x, h.getKey());
                expect(x.index() > last && x.index() <= transactions, "request %d after %d of %d", x.index(), last,
                        transactions);
                last = x.index();
                order.add(x.index());
                expect(x.method().equals("GET") || x.method().equals("POST"), "method %s", x.method());
                expect((x.tls() != null) == h.getKey().startsWith("https:"), "%s with SSL settings %s", h.getKey(),
                        x.tls());
                RecordedExchange.Verdict v = x.verdict();
                expect(v != null && !v.why().isBlank(), "%s not judged", x);
                expect(x.ok() == (v.kind() == RecordedExchange.Kind.ANSWERED), "%s (%s) judged %s", x.outcome(),
                        x.uri(), v);
            }
        }
        expect(order.stream().distinct().count() == order.size(), "a request placed twice: %s", order);
        CellularConditions cellular = CellularConditions.of(recording);
        for (ReplayNote n : cellular.notes()) {
            expect(n.index() >= 0 && n.index() <= transactions && !n.text().isBlank(), "note %s", n);
        }
        List<TraceEntry> bytewise = Rechunk.everyByte(script.entries());
        Recording again = Recording.of(new Trace(TraceMetadata.EMPTY, bytewise), MODEL);
        List<String> judgedAgain = judged(RecordedExchanges.read(again, MODEL));
        expect(judgedAgain.equals(judged), "one byte a chunk, judged\n  %s\nnot\n  %s", judgedAgain, judged);
        expect(CellularConditions.of(again).equals(cellular), "one byte a chunk, the network is %s, not %s",
                CellularConditions.of(again), cellular);
    }

    /** Each request and its verdict, in words. */
    private static List<String> judged(Map<String, RecordedExchanges.Host> hosts) {
        List<String> out = new ArrayList<>();
        hosts.forEach((origin, h) -> h.exchanges.forEach(x -> out.add(origin + " " + x.index() + " " + x.method() + " "
                + x.uri() + " " + tls(x.tls()) + " " + x.code() + " " + (x.body() == null ? "-" : Arrays.toString(x.body()))
                + " " + x.verdict())));
        return out;
    }

    /** The SSL settings but the clock they were read at. */
    private static String tls(dev.atscope.core.emulator.TlsSettings t) {
        return t == null ? "-" : t.version() + " " + t.suites() + " " + t.level() + " " + Arrays.hashCode(t.caPem()) + " "
                + Arrays.hashCode(t.clientCertPem()) + " " + Arrays.hashCode(t.clientKeyPem()) + " " + t.ignoreRtc()
                + " " + t.caName();
    }
}
