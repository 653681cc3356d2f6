package dev.atscope.core.check;

import static dev.atscope.core.trace.FuzzProperty.expect;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.atscope.core.decode.AtDecoder;
import dev.atscope.core.decode.Decoded;
import dev.atscope.core.decode.GrammarTraffic;
import dev.atscope.core.decode.TraceDecoding;
import dev.atscope.core.decode.Transaction;
import dev.atscope.core.protocol.Grammar;
import dev.atscope.core.protocol.ProtocolLibrary;
import dev.atscope.core.protocol.ProtocolRegistry;
import dev.atscope.core.trace.FuzzWarmUp;
import dev.atscope.core.trace.FuzzedTraffic;
import dev.atscope.core.trace.Rechunk;
import dev.atscope.core.trace.TraceEntry;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;

/**
 * Coverage-guided fuzzing of the checker on the decoding of any traffic ({@link FuzzedTraffic}):
 * every finding is whole (a rule, a severity, words for a person, a place in the trace that exists)
 * and there are no more of them than the trace has units to be about. {@link #eachLibrary} feeds
 * each protocol library's checks sessions of its own commands ({@link GrammarTraffic}), checked
 * with that library as {@code --library} names it: each finding is of a rule the libraries define,
 * and the findings do not depend on how the traffic was cut into chunks.
 */
@Timeout(value = 20, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class CheckerFuzzTest {

    private static final ProtocolRegistry MODEL = ProtocolRegistry.loadDefault();
    private static final RuleCatalogue RULES = RuleCatalogue.of(MODEL);
    /** Every library {@code atscope libraries} lists, and the commands of each. */
    private static final List<ProtocolLibrary> LIBRARIES = MODEL.libraries();
    private static final List<List<Grammar.CommandSpec>> COMMANDS = LIBRARIES.stream()
            .map(l -> GrammarTraffic.commandsOf(List.of(l))).toList();

    static {
        FuzzWarmUp.run(CheckerFuzzTest.class, input -> {
            new CheckerFuzzTest().anyTraffic(input);
            new CheckerFuzzTest().eachLibrary(input);
        });
    }

    @FuzzTest
    void anyTraffic(byte[] input) {
        List<TraceEntry> entries = FuzzedTraffic.decode(input);
        List<Decoded> decoded = TraceDecoding.decode(entries, MODEL);
        List<Diagnostic> found = TraceChecker.check(decoded, MODEL);
        long transactions = decoded.stream().filter(d -> d instanceof dev.atscope.core.decode.Transaction).count();
        for (Diagnostic d : found) {
            expect(!d.ruleId().isBlank() && !d.message().isBlank(), "a finding without a rule or words: %s", d);
            expect(d.where().transactionId() <= transactions, "%s is about transaction %d of %d", d,
                    d.where().transactionId(), transactions);
            expect(d.message().length() < 10_000, "a finding of %d characters", d.message().length());
        }
        expect(found.size() <= 8 * decoded.size() + 8, "%d findings about %d decoded units", found.size(),
                decoded.size());
    }


    /** The first byte picks the library, the rest is a session of its commands. */
    @FuzzTest
    void eachLibrary(byte[] input) {
        if (input.length == 0) {
            return;
        }
        int which = (input[0] & 0xff) % LIBRARIES.size();
        ProtocolLibrary lib = LIBRARIES.get(which);
        GrammarTraffic.Script script = GrammarTraffic.decode(Arrays.copyOfRange(input, 1, input.length),
                COMMANDS.get(which));
        // a vendor library is named as --library names it; the base ones always apply
        String forced = lib.base() ? null : lib.id();
        LibrarySelection selection = new LibrarySelection(MODEL, forced);
        List<Diagnostic> found = check(script.entries(), selection);
        long transactions = 0;
        for (Decoded d : TraceDecoding.decode(script.entries(), MODEL)) {
            transactions += d instanceof Transaction ? 1 : 0;
        }
        for (Diagnostic d : found) {
            expect(RULES.defines(d), "a finding of a rule no library defines: %s", d);
            expect(!d.message().isBlank() && d.severity() != null, "a finding without words or severity: %s", d);
            expect(d.where().transactionId() <= transactions, "%s is about transaction %d of %d", d,
                    d.where().transactionId(), transactions);
        }
        if (forced != null) {
            expect(selection.vendor().map(ProtocolLibrary::id).orElse("").equals(forced) && selection.firm(),
                    "--library %s, but checked with %s", forced, selection.vendor());
        }
        List<String> again = words(check(Rechunk.everyByte(script.entries()), new LibrarySelection(MODEL, forced)));
        expect(again.equals(words(found)), "one byte a chunk, the findings changed:\n  %s\nbecame\n  %s",
                words(found), again);
    }

    /** Decodes and checks as {@code atscope check} does, streaming, one selection shared by both. */
    private static List<Diagnostic> check(List<TraceEntry> entries, LibrarySelection selection) {
        List<Diagnostic> out = new ArrayList<>();
        TraceChecker checker = new TraceChecker(selection, out::add);
        AtDecoder decoder = new AtDecoder(selection);
        for (TraceEntry e : entries) {
            decoder.feed(e);
            for (Decoded d = decoder.next(); d != null; d = decoder.next()) {
                checker.accept(d);
            }
        }
        decoder.endOfInput();
        for (Decoded d = decoder.next(); d != null; d = decoder.next()) {
            checker.accept(d);
        }
        checker.finish();
        return out;
    }

    /** What a finding says and where, without the times and line numbers a chunking moves. */
    private static List<String> words(List<Diagnostic> found) {
        return found.stream().map(d -> d.ruleId() + " " + d.severity() + " " + d.where().transactionId() + " "
                + d.where().startOffset() + " " + d.message()).toList();
    }
}
