package dev.atscope.cli;

import dev.atscope.core.link.Link;
import dev.atscope.core.protocol.ProtocolRegistry;
import dev.atscope.core.replay.CommandEdit;
import dev.atscope.core.replay.HostReplay;
import dev.atscope.core.replay.MaskRule;
import dev.atscope.core.replay.Masks;
import dev.atscope.core.replay.Recording;
import dev.atscope.core.replay.ReplayDiffJson;
import dev.atscope.core.replay.ReplayNote;
import dev.atscope.core.replay.ReplayOptions;
import dev.atscope.core.replay.ReplayResult;
import dev.atscope.core.replay.SendTiming;
import dev.atscope.core.replay.TransactionDiff;
import dev.atscope.core.trace.Chunk;
import dev.atscope.core.trace.Direction;
import dev.atscope.core.trace.Trace;
import dev.atscope.core.trace.TraceMetadata;
import dev.atscope.core.trace.TraceRecorder;
import dev.atscope.report.ReplayPage;
import java.io.BufferedOutputStream;
import java.io.BufferedWriter;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.PatternSyntaxException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code atscope replay TRACE --target SPEC}: the recorded host against a module, answers compared. */
@Command(name = "replay", description = {"Sends what the recorded host sent (uploads included) to a module, waits"
        + " where the recorded host waited, records the answers as a new trace and compares them with the recording,"
        + " transaction by transaction.", "Writes the new trace, the comparison and a side-by-side page into the"
        + " current folder or --out-dir, and says where. Exit code 1 when anything differs beyond the masks."})
final class ReplayCommand extends AbstractCommand {

    @Parameters(paramLabel = "TRACE", description = "the recording, in any format atscope reads, or - for standard input")
    String trace;

    @Mixin
    TraceInputOptions input;

    @Mixin
    OutputStyle style;

    @Option(names = "--target", required = true, paramLabel = "SPEC", description = {"the module:",
        "  tcp:HOST:PORT  a serial-to-TCP bridge, atscope mock, atscope emulate (tcp:127.0.0.1:5000)",
        "  serial:PATH[@BAUD[,8N1]]  a module on a serial port (serial:/dev/ttyUSB0@115200)",
        "  emulator[:PROFILE]  the built-in emulator, healthy or with a fault profile (emulator:handshake-failure)"})
    String target;

    @Option(names = "--origin", paramLabel = "ORIGIN", description = {"what the emulator's requests reach in place of"
            + " the recording's servers:",
        "  recorded  (default) a stand-in on 127.0.0.1 for each host the recording contacted, answering what the"
                + " module read back; nothing leaves this machine",
        "  local:URL  a server of yours, e.g. local:https://127.0.0.1:8443",
        "  live  the recording's real hosts; needs --system-dns"})
    String origin;

    @Option(names = "--system-dns", description = "with --origin live: let the emulator look names up with the"
            + " system's resolver and leave this machine")
    boolean systemDns;

    @Option(names = "--edit", paramLabel = "OLD=>NEW", description = "what if: send command lines with OLD replaced by"
            + " NEW (/REGEX/=>NEW for a regular expression), e.g. 'sslversion\",0,1=>sslversion\",0,3'; repeatable,"
            + " made in order")
    List<String> edits = new ArrayList<>();

    @Option(names = "--timing", paramLabel = "MODE", defaultValue = "lockstep",
            description = "original (the recorded gaps), scaled:FACTOR, lockstep (after each result, plus the recorded"
                    + " think time) or fast (no think time); default ${DEFAULT-VALUE}")
    String timing;

    @Option(names = "--out-dir", paramLabel = "DIR", defaultValue = ".",
            description = "where the three outputs go, named after TRACE; default the current folder")
    Path outDir;

    @Option(names = "--out", paramLabel = "FILE", description = "the new trace; default DIR/NAME.replay.csv")
    Path out;

    @Option(names = "--diff", paramLabel = "FILE",
            description = "the comparison as JSON Lines; default DIR/NAME.replay-diff.jsonl")
    Path diff;

    @Option(names = "--html", paramLabel = "FILE",
            description = "the recording and the replay side by side as one HTML page; default DIR/NAME.replay.html")
    Path html;

    @Option(names = "--force", description = "replace outputs that exist")
    boolean force;

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
        SendTiming t = SendTiming.parse(timing);
        if (t == null) {
            throw new UsageException("--timing " + timing + ": expected original, lockstep, fast or scaled:FACTOR"
                    + " with a positive factor");
        }
        if (responseTimeout <= 0 || urcTimeout < 0) {
            throw new UsageException("--response-timeout must be positive and --urc-timeout not negative");
        }
        ReplayOptions options = new ReplayOptions(t, masks(), responseTimeout, urcTimeout, skipBoot, edits());
        TraceSource source = input.one(trace, "replay");
        if (!Files.isDirectory(outDir)) {
            throw new UsageException(TerminalText.safe(outDir.toString()) + ": the folder does not exist");
        }
        List<TraceSource> inputs = List.of(source);
        OutputFile newTrace = OutputFile.check((out != null ? out : sibling(source, ".replay.csv")).toString(), "--out",
                false, force, inputs);
        OutputFile diffFile = OutputFile.check((diff != null ? diff : sibling(source, ".replay-diff.jsonl")).toString(),
                "--diff", false, force, inputs);
        OutputFile page = OutputFile.check((html != null ? html : sibling(source, ".replay.html")).toString(), "--html",
                false, force, inputs);
        ProtocolRegistry registry = ProtocolRegistry.loadDefault();
        Trace recorded = source.read(input.options());
        Recording recording = Recording.of(recorded, registry);
        long hostBytes = recorded.entries().stream().filter(e -> e instanceof Chunk c
                && c.direction() == Direction.HOST_TO_MODULE).mapToLong(e -> ((Chunk) e).data().length).sum();
        HostReplay replay;
        try {
            replay = new HostReplay(recording, registry, options);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--edit " + e.getMessage());
        }
        TraceMetadata meta = new TraceMetadata("atscope replay " + trace + " --target " + target, "atscope replay",
                target, recorded.metadata().baudRate(), null, false, recorded.metadata().tags())
                .withTag("replay-of", trace).withTag("replay-timing", t.toString());
        ReplayResult r;
        List<ReplayNote> notes;
        List<String> moduleLog;
        try (ReplayOrigin around = ReplayOrigin.choose(origin, systemDns, target, recording, registry);
                Link link = LinkSpecs.targets(around.around()).open(target, err());
                ProgressDisplay progress = style.progress("replay " + source.name(), hostBytes,
                        ProgressDisplay.Unit.BYTES)) {
            notes = around.notes();
            moduleLog = around.log();
            r = replay.run(link,
                    listener -> TraceRecorder.create(newTrace.path(), meta, Duration.ofMillis(200), Duration.ofSeconds(2),
                            e -> {
                                if (e instanceof Chunk c && c.direction() == Direction.HOST_TO_MODULE) {
                                    progress.advance(c.data().length);
                                }
                                listener.accept(e);
                            }));
        }
        try (OutputFile d = diffFile) {
            try (BufferedWriter w = Files.newBufferedWriter(d.temporary(), StandardCharsets.UTF_8)) {
                for (TransactionDiff td : r.diffs()) {
                    w.write(ReplayDiffJson.transaction(td).toString());
                    w.newLine();
                }
                for (ReplayNote n : notes) {
                    w.write(ReplayDiffJson.note(n).toString());
                    w.newLine();
                }
                w.write(ReplayDiffJson.summary(r.summary(), r.waits()).toString());
                w.newLine();
            }
            d.commit();
        }
        try (OutputFile p = page) {
            try (OutputStream os = new BufferedOutputStream(p.open(), 1 << 16)) {
                new ReplayPage(source.isStdin() ? "stdin" : source.path().getFileName().toString(), target, options,
                        notes, moduleLog)
                        .write(r, os);
            }
            p.commit();
        }
        PrintWriter o = out();
        if (json) {
            Files.readAllLines(diffFile.path(), StandardCharsets.UTF_8).forEach(o::println);
        } else {
            ReplayTable.print(o, r, notes, "replay of " + source.name() + " against " + target
                    + (LinkSpecs.isEmulator(target) ? " and the " + (origin == null ? "recorded" : origin) + " origin" : "")
                    + ", " + t + " timing", style.width());
        }
        if (!style.quiet) {
            PrintWriter w = json ? err() : o;
            w.println("wrote " + newTrace.name() + " (the new trace)");
            w.println("      " + diffFile.name() + " (the comparison)");
            w.println("      " + page.name() + " (both side by side)");
        }
        for (String l : moduleLog) {
            err().println("atscope: emulator: " + l);
        }
        for (String w : r.waits()) {
            err().println("atscope: waited in vain: " + w);
        }
        return r.differs() ? FINDINGS : OK;
    }

    private List<CommandEdit> edits() {
        List<CommandEdit> out = new ArrayList<>();
        for (String e : edits) {
            try {
                out.add(CommandEdit.parse(e));
            } catch (IllegalArgumentException ex) {
                throw new UsageException("--edit " + e + ": " + ex.getMessage());
            }
        }
        return out;
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

    /** {@code DIR/NAME.replay.csv}: the output folder, the recording's name without its extension, the suffix. */
    private Path sibling(TraceSource source, String suffix) {
        String name = source.isStdin() ? "stdin" : source.path().getFileName().toString();
        int dot = name.lastIndexOf('.');
        String stem = dot > 0 ? name.substring(0, dot) : name;
        return outDir.resolve(stem + suffix);
    }
}
