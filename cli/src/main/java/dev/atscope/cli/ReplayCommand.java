package dev.atscope.cli;

import dev.atscope.core.link.Link;
import dev.atscope.core.protocol.ProtocolRegistry;
import dev.atscope.core.replay.HostReplay;
import dev.atscope.core.replay.MaskRule;
import dev.atscope.core.replay.Masks;
import dev.atscope.core.replay.Recording;
import dev.atscope.core.replay.ReplayDiffJson;
import dev.atscope.core.replay.ReplayOptions;
import dev.atscope.core.replay.ReplayResult;
import dev.atscope.core.replay.Timing;
import dev.atscope.core.replay.TransactionDiff;
import dev.atscope.core.trace.Trace;
import dev.atscope.core.trace.imports.ImportOptions;
import dev.atscope.core.trace.imports.Traces;
import dev.atscope.core.trace.TraceMetadata;
import dev.atscope.core.trace.TraceRecorder;
import dev.atscope.report.ReplayPage;
import java.io.BufferedWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.PatternSyntaxException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code atscope replay TRACE --target SPEC}: the recorded host against a module, answers compared. */
@Command(name = "replay", description = {"Sends what the recorded host sent (uploads included) to a module, waits"
        + " where the recorded host waited, records the answers as a new trace and compares them with the recording,"
        + " transaction by transaction.", "Exit code 1 when anything differs beyond the masks."})
final class ReplayCommand extends AbstractCommand {

    @Parameters(paramLabel = "TRACE", description = "the recording")
    Path trace;

    @Option(names = "--target", required = true, paramLabel = "SPEC",
            description = "the module: tcp:HOST:PORT (a serial-to-TCP bridge, atscope mock, the emulator's listener)")
    String target;

    @Option(names = "--timing", paramLabel = "MODE", defaultValue = "lockstep",
            description = "original (the recorded gaps), scaled:FACTOR, lockstep (after each result, plus the recorded"
                    + " think time) or fast (no think time); default ${DEFAULT-VALUE}")
    String timing;

    @Option(names = "--out", paramLabel = "FILE", description = "the new trace; default TRACE's name + .replay.csv")
    Path out;

    @Option(names = "--diff", paramLabel = "FILE",
            description = "the comparison as JSON Lines; default TRACE's name + .replay-diff.jsonl")
    Path diff;

    @Option(names = "--html", paramLabel = "FILE",
            description = "the recording and the replay side by side as one HTML page; default TRACE's name"
                    + " + .replay.html")
    Path html;

    @Option(names = "--json", description = "print the comparison as JSON Lines instead of a table")
    boolean json;

    @Option(names = "--mask", paramLabel = "REGEX", description = "also mask what this matches (repeatable)")
    List<String> masks = new ArrayList<>();

    @Option(names = "--masks", paramLabel = "FILE", description = "more mask rules, one a line: NAME: REGEX")
    Path maskFile;

    @Option(names = "--no-builtin-masks", description = "compare addresses, checksums and times too")
    boolean noBuiltinMasks;

    @Option(names = "--response-timeout", paramLabel = "MS", defaultValue = "10000",
            description = "the least time to wait for a final result or CONNECT; default ${DEFAULT-VALUE}")
    long responseTimeout;

    @Option(names = "--urc-timeout", paramLabel = "MS", defaultValue = "5000",
            description = "how long to wait for a URC the recorded host waited for; default ${DEFAULT-VALUE}")
    long urcTimeout;

    @Option(names = "--skip-boot", description = "neither wait for nor compare the URCs before the first command"
            + " (the recording starts with a boot; the module is already up)")
    boolean skipBoot;

    @Override
    int execute() throws Exception {
        Timing t = Timing.parse(timing);
        if (t == null) {
            throw new UsageException("--timing " + timing + ": expected original, lockstep, fast or scaled:FACTOR"
                    + " with a positive factor");
        }
        if (responseTimeout <= 0 || urcTimeout < 0) {
            throw new UsageException("--response-timeout must be positive and --urc-timeout not negative");
        }
        ReplayOptions options = new ReplayOptions(t, masks(), responseTimeout, urcTimeout, skipBoot);
        ProtocolRegistry registry = ProtocolRegistry.loadDefault();
        Trace recorded = Traces.read(trace, ImportOptions.defaults().withModel(registry));
        Recording recording = Recording.of(recorded, registry);
        Path newTrace = out != null ? out : sibling(".replay.csv");
        Path diffFile = diff != null ? diff : sibling(".replay-diff.jsonl");
        Path page = html != null ? html : sibling(".replay.html");
        TraceMetadata meta = new TraceMetadata("atscope replay " + trace + " --target " + target, "atscope replay",
                target, recorded.metadata().baudRate(), null, false, recorded.metadata().tags())
                .withTag("replay-of", trace.toString()).withTag("replay-timing", t.toString());
        ReplayResult r;
        try (Link link = LinkSpecs.targets().open(target, err())) {
            r = new HostReplay(recording, registry, options).run(link,
                    listener -> TraceRecorder.create(newTrace, meta, Duration.ofMillis(200), Duration.ofSeconds(2),
                            listener));
        }
        try (BufferedWriter w = Files.newBufferedWriter(diffFile, StandardCharsets.UTF_8)) {
            for (TransactionDiff d : r.diffs()) {
                w.write(ReplayDiffJson.transaction(d).toString());
                w.newLine();
            }
            w.write(ReplayDiffJson.summary(r.summary(), r.waits()).toString());
            w.newLine();
        }
        new ReplayPage(trace.getFileName().toString(), target, options).write(r, page);
        PrintWriter o = out();
        if (json) {
            Files.readAllLines(diffFile, StandardCharsets.UTF_8).forEach(o::println);
        } else {
            ReplayTable.print(o, r, "replay of " + trace + " against " + target + ", " + t + " timing");
            o.println("new trace " + newTrace + ", diff " + diffFile + ", page " + page);
        }
        for (String w : r.waits()) {
            err().println("atscope: waited in vain: " + w);
        }
        return r.differs() ? FINDINGS : OK;
    }

    private Masks masks() throws Exception {
        List<MaskRule> extra = new ArrayList<>();
        for (String m : masks) {
            try {
                extra.add(MaskRule.of("masked", m));
            } catch (PatternSyntaxException e) {
                throw new UsageException("--mask " + m + ": not a regular expression: " + e.getDescription());
            }
        }
        if (maskFile != null) {
            extra.addAll(0, Masks.read(maskFile));
        }
        return (noBuiltinMasks ? Masks.NONE : Masks.BUILT_IN).plus(extra);
    }

    private Path sibling(String suffix) {
        String name = trace.getFileName().toString();
        String stem = name.endsWith(".csv") ? name.substring(0, name.length() - 4) : name;
        return trace.resolveSibling(stem + suffix);
    }
}
