package dev.atscope.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The training runs of the launcher's class-data sharing archives: everyday commands, run in one JVM
 * on a sample trace, so the archive made from the classes it loaded holds what they need. Two archives,
 * because a larger archive costs every start that maps it: {@code stream} (check, decode, export,
 * native and pcapng, text and JSON) for the commands that stream a trace, and {@code index} (index,
 * search, report: Lucene and the report's renderer) for the others. The launcher runs it after each
 * build with {@code -XX:DumpLoadedClassList} and dumps the list with {@code java -Xshare:dump} (a
 * static archive: it can hold picocli's Java 5 class files, which a dynamic one cannot); the work goes
 * to a temporary folder, deleted after, and its output is thrown away.
 *
 * <pre>java -XX:DumpLoadedClassList=atscope.classes -cp atscope-cli.jar dev.atscope.cli.ArchiveTraining stream|index TRACE
 *java -Xshare:dump -XX:SharedClassListFile=atscope.classes -XX:SharedArchiveFile=atscope.jsa -cp atscope-cli.jar</pre>
 */
public final class ArchiveTraining {

    private ArchiveTraining() {}

    public static void main(String[] args) throws IOException {
        if (args.length != 2 || !List.of("stream", "index").contains(args[0])) {
            System.err.println("usage: ArchiveTraining stream|index TRACE (a native trace, such as "
                    + "samples/traces/https-get.csv)");
            System.exit(2);
        }
        List<String> failed = train(args[0], args[1]);
        failed.forEach(f -> System.err.println("atscope archive training: " + f));
        System.exit(failed.isEmpty() ? 0 : 1);
    }

    /**
     * Runs the group's commands on the trace.
     *
     * @return each command that did not work, with its exit code and what it said; empty when all did
     */
    static List<String> train(String group, String trace) throws IOException {
        Path work = Files.createTempDirectory("atscope-archive-");
        List<String> failed = new ArrayList<>();
        try {
            String pcapng = work.resolve("trace.pcapng").toString();
            String index = work.resolve("index").toString();
            List<String[]> commands = group.equals("stream") ? List.of(
                    new String[] {"check", "--format", "native", trace},
                    new String[] {"decode", trace},
                    new String[] {"decode", "--json", trace},
                    new String[] {"export", trace, "--to", "pcapng", "-o", pcapng},
                    new String[] {"check", pcapng})
                    : List.of(
                    new String[] {"index", trace, "--index", index},
                    new String[] {"search", "--index", index, "cmnet"},
                    new String[] {"search", "--json", "--index", index, "outcome:error"},
                    new String[] {"report", trace, "-o", work.resolve("report.html").toString()});
            for (String[] command : commands) {
                StringWriter err = new StringWriter();
                int code = Main.run(new PrintWriter(Writer.nullWriter()), new PrintWriter(err), command);
                if (code > 1) { // 1 is findings: a command that worked
                    failed.add(String.join(" ", command) + " exited " + code + ": " + err.toString().strip());
                }
            }
        } finally {
            deleteTree(work);
        }
        return failed;
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
