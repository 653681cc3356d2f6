package dev.atscope.core.decode;

import static dev.atscope.core.trace.FuzzProperty.expect;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.atscope.core.protocol.Grammar;
import dev.atscope.core.protocol.ProtocolRegistry;
import dev.atscope.core.trace.FuzzWarmUp;
import dev.atscope.core.trace.Chunk;
import dev.atscope.core.trace.Direction;
import dev.atscope.core.trace.FuzzedTraffic;
import dev.atscope.core.trace.Rechunk;
import dev.atscope.core.trace.TraceEntry;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;

/**
 * Coverage-guided fuzzing of the decoder on any traffic ({@link FuzzedTraffic}: bytes, chunking and
 * timing all chosen by the fuzzer). It must decode the same whatever the chunking (the chunks as
 * given, joined, one byte each), account for every byte in exactly one event, and hand out no more
 * than the input holds. {@link #dataMode} feeds it sessions of the libraries' commands
 * ({@link GrammarTraffic}) with uploads after {@code CONNECT} or {@code >} and bodies of declared
 * length, cut into chunks anywhere: a counted body is data, whatever bytes it holds.
 */
@Timeout(value = 20, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class DecoderFuzzTest {

    private static final ProtocolRegistry MODEL = ProtocolRegistry.loadDefault();
    private static final List<Grammar.CommandSpec> COMMANDS = GrammarTraffic.commandsOf(MODEL);

    static {
        FuzzWarmUp.run(DecoderFuzzTest.class, input -> {
            new DecoderFuzzTest().anyChunking(input);
            new DecoderFuzzTest().dataMode(input);
        });
    }

    @FuzzTest
    void anyChunking(byte[] input) {
        List<TraceEntry> entries = FuzzedTraffic.decode(input);
        List<Decoded> out = TraceDecoding.decode(entries, MODEL);
        DecodedChecks.check(entries, out);
        sameWhateverTheChunks(entries, out);
    }

    @FuzzTest
    void dataMode(byte[] input) {
        GrammarTraffic.Script script = GrammarTraffic.decode(input, COMMANDS);
        List<Decoded> out = TraceDecoding.decode(script.entries(), MODEL);
        DecodedChecks.check(script.entries(), out);
        sameWhateverTheChunks(script.entries(), out);
        if (script.free()) {
            // raw bytes between the steps may leave a command open that takes the body for its own
            return;
        }
        for (long[] body : script.hostBodies()) {
            for (Decoded d : out) {
                if (d instanceof Event e && e.direction() == Direction.HOST_TO_MODULE && e.kind() != EventKind.MARKER
                        && e.startOffset() < body[1] && e.endOffset() > body[0]) {
                    expect(e.kind() == EventKind.PAYLOAD, "the host's counted body at %d-%d was read as %s", body[0],
                            body[1], e);
                }
            }
        }
    }

    private static void sameWhateverTheChunks(List<TraceEntry> entries, List<Decoded> out) {
        same(TraceDecoding.decode(FuzzedTraffic.joined(entries), MODEL), out, "joined");
        same(TraceDecoding.decode(Rechunk.everyByte(entries), MODEL), out, "one byte a chunk");
    }

    private static void same(List<Decoded> other, List<Decoded> out, String how) {
        if (!other.equals(out)) {
            int i = 0;
            while (i < Math.min(other.size(), out.size()) && other.get(i).equals(out.get(i))) {
                i++;
            }
            throw new AssertionError("decoded differently with the chunks " + how + ", from item " + i + ":\n  "
                    + (i < out.size() ? out.get(i) : "(end)") + "\nbecame\n  " + (i < other.size() ? other.get(i) : "(end)"));
        }
    }

    /** What any decoding of any traffic must be. */
    static final class DecodedChecks {

        private DecodedChecks() {}

        static void check(List<TraceEntry> entries, List<Decoded> out) {
            long[] fed = new long[2];
            // the offset where the trailing run of line ends of each direction begins
            long[] framingFrom = new long[2];
            int markers = 0;
            for (TraceEntry e : entries) {
                if (e instanceof Chunk c) {
                    int lane = c.direction().ordinal();
                    for (byte b : c.data()) {
                        fed[lane]++;
                        if (b != '\r' && b != '\n') {
                            framingFrom[lane] = fed[lane];
                        }
                    }
                } else {
                    markers++;
                }
            }
            long[] covered = new long[2];
            int events = 0;
            java.util.Set<Long> ids = new java.util.HashSet<>();
            for (Decoded d : out) {
                if (d instanceof Event e) {
                    events++;
                    checkEvent(e);
                    if (e.kind() != EventKind.MARKER) {
                        int lane = e.direction().ordinal();
                        // the events of a direction follow each other without a hole or an overlap
                        expect(e.startOffset() == covered[lane], "event %s starts at %d where the last ended", e,
                                covered[lane]);
                        covered[lane] = e.endOffset();
                    }
                } else {
                    Transaction t = (Transaction) d;
                    // handed out as they complete: an answer still streaming lets later ones finish first
                    expect(ids.add(t.id()), "transaction %d handed out twice", t.id());
                    expect(t.command().kind() == EventKind.COMMAND, "a transaction of %s", t.command());
                    expect(!t.commands().isEmpty(), "a transaction without commands: %s", t);
                    // a final result, or the bare answer of a command that has no other (AT+QILOCIP)
                    expect(t.result() == null || t.result().kind() == EventKind.FINAL
                            || t.result().kind() == EventKind.RESPONSE, "result %s", t.result());
                    expect(t.durationMicros() >= 0 && t.waitedMicros() >= 0, "negative duration: %s", t);
                }
            }
            for (Direction dir : Direction.values()) {
                // every byte is in an event but the line ends after the last unit, framing of a unit that never came
                int lane = dir.ordinal();
                expect(covered[lane] <= fed[lane] && covered[lane] >= Math.min(fed[lane], framingFrom[lane]),
                        "%s: %d bytes fed, %d in events, line ends from %d", dir, fed[lane], covered[lane],
                        framingFrom[lane]);
            }
            expect(events <= fed[0] + fed[1] + markers + 1, "%d events from %d bytes", events, fed[0] + fed[1]);
            expect(ids.isEmpty() || java.util.Collections.max(ids) == ids.size(), "transaction ids %s, not 1 to %d",
                    ids, ids.size());
        }

        private static void checkEvent(Event e) {
            expect(e.startOffset() <= e.endOffset(), "span of %s", e);
            // a marker's text is no bytes of the wire: it spans none
            expect(e.kind() == EventKind.MARKER ? e.span() == 0 : e.bytes().length <= e.span(),
                    "%s holds more bytes than it spans", e);
            expect(e.startMicros() <= e.endMicros(), "times of %s", e);
            expect(e.kind() == EventKind.MARKER || e.direction() != null, "no direction: %s", e);
        }
    }
}
