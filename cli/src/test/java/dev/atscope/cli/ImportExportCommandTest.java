package dev.atscope.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** atscope import and export, and the other commands reading field logs directly. */
class ImportExportCommandTest {

    static final Path FIXTURES = Path.of("../analyzer-core/src/test/resources/dev/atscope/core/trace/imports");

    @TempDir
    Path dir;

    /** The command column of a decode table. */
    static List<String> commands(String table) {
        List<String> out = new ArrayList<>();
        java.util.regex.Pattern row = java.util.regex.Pattern.compile(" H>M \\S+ +(AT\\S*)");
        for (String line : table.split("\n")) {
            java.util.regex.Matcher m = row.matcher(line);
            if (m.find()) {
                out.add(m.group(1));
            }
        }
        return out;
    }

    @Test
    void importsASocatLogIntoANativeTraceThatDecodesLikeTheSession() throws Exception {
        Path out = dir.resolve("trace.csv");
        CliRun r = CliRun.of("import", FIXTURES.resolve("socat-x.log").toString(), "-o", out.toString());
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("imported 32 chunks (473 bytes)").contains("(socat)");
        assertThat(Files.readString(out)).startsWith("# atscope-trace: 1\n# start: 2026-11-23T10:00:00Z\n");
        CliRun decoded = CliRun.of("decode", out.toString());
        CliRun reference = CliRun.of("decode", FIXTURES.resolve("native.csv").toString());
        assertThat(commands(decoded.out())).hasSize(9).isEqualTo(commands(reference.out()));
        assertThat(decoded.out()).contains("9 transactions, 9 ok");
    }

    @Test
    void decodeAndIndexReadFieldLogsDirectly() throws Exception {
        CliRun r = CliRun.of("decode", FIXTURES.resolve("modemmanager.log").toString());
        assertThat(r.code()).isZero();
        assertThat(commands(r.out())).startsWith("AT+QIFGCNT=0", "AT+QICSGP=1,\"CMNET\"").hasSize(9);
        Path logs = Files.createDirectory(dir.resolve("logs"));
        for (String f : List.of("chat.log", "mbed.log", "umockdev.script", "minicom.cap")) {
            Files.copy(FIXTURES.resolve(f), logs.resolve(f));
        }
        CliRun idx = CliRun.of("index", logs.toString(), "--index", dir.resolve("idx").toString());
        assertThat(idx.code()).as(idx.err()).isZero();
        assertThat(idx.out()).startsWith("indexed 4 files, 36 transactions");
    }

    @Test
    void aForcedFormatThatDoesNotFitFailsWithFileAndLine() {
        Path socat = FIXTURES.resolve("socat-x.log");
        CliRun r = CliRun.of("decode", "--format", "umockdev", socat.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).startsWith("atscope: " + socat + ":1: '< 2026/11/23 10:00:00.000000  length=7 f...';"
                + " expected an operation");
        CliRun unknown = CliRun.of("decode", "--format", "hexdump", socat.toString());
        assertThat(unknown.code()).isEqualTo(2);
        assertThat(unknown.err()).contains("--format: unknown format 'hexdump'; expected one of native, pcapng, jsonl");
    }

    @Test
    void aBrokenLogLeavesNoOutputBehindAndKeepGoingMarksTheGap() throws Exception {
        Path log = dir.resolve("field.script");
        Files.writeString(log, "w 0 AT+CGMI^M\nr 5 AT+CGMI^M^M^JQuectel^M^J^M^JOK^M^J\nr 5 garbled\u0001line\nzz\n"
                + "w 100 AT+CGMR^M\nr 20 AT+CGMR^M^M^JM95^M^J^M^JOK^M^J\n", StandardCharsets.ISO_8859_1);
        Path out = dir.resolve("field.csv");
        CliRun r = CliRun.of("import", log.toString(), "-o", out.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("atscope: " + log + ":4: 'zz'; expected an operation 'r <ms> <data>',"
                + " 'w <ms> <data>', 'f <percent> -' or 'Q'\n");
        try (Stream<Path> left = Files.list(dir)) {
            assertThat(left).containsExactly(log);
        }
        CliRun kept = CliRun.of("import", "--keep-going", log.toString(), "-o", out.toString());
        assertThat(kept.code()).isEqualTo(1);
        assertThat(kept.out()).contains("1 broken part skipped and marked as gaps");
        assertThat(kept.err()).contains(log + ":4: 'zz'").contains("(--keep-going)");
        assertThat(Files.readString(out)).contains(",gap,\"not imported: " + log + ":4:");
        assertThat(commands(CliRun.of("decode", out.toString()).out())).containsExactly("AT+CGMI", "AT+CGMR");
    }

    @Test
    void aDashOutputIsStandardOutputAndTheSummaryGoesToStandardError() throws Exception {
        java.io.PrintStream saved = System.out;
        java.io.ByteArrayOutputStream captured = new java.io.ByteArrayOutputStream();
        CliRun r;
        try {
            System.setOut(new java.io.PrintStream(captured, true));
            r = CliRun.of("import", FIXTURES.resolve("socat-x.log").toString(), "-o", "-");
        } finally {
            System.setOut(saved);
        }
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).contains("imported 32 chunks (473 bytes)").contains("into <stdout>");
        assertThat(captured.toString(StandardCharsets.ISO_8859_1)).startsWith("# atscope-trace: 1\n");
        assertThat(dir.resolve("-")).doesNotExist();
        assertThat(Path.of("-")).doesNotExist();
    }

    @Test
    void keepGoingOnANativeTraceSkipsTheBrokenRowWithAGapAsOnAnyLog() throws Exception {
        Path trace = dir.resolve("field.csv");
        Files.writeString(trace, "# atscope-trace: 1\ntime_us,dir,kind,data\n0,H>M,data,AT+CGMI\\r\n"
                + "5,M>H,data,\\r\\nQuectel\\r\\n\\r\\nOK\\r\\n\n7,M>H,data,\"broken\"row\n"
                + "100,H>M,data,AT+CGMR\\r\n120,M>H,data,\\r\\nM95\\r\\n\\r\\nOK\\r\\n\n");
        CliRun stopped = CliRun.of("decode", trace.toString());
        assertThat(stopped.code()).isEqualTo(2);
        assertThat(stopped.err()).startsWith("atscope: " + trace + ":5: malformed CSV:");

        CliRun kept = CliRun.of("decode", "--keep-going", trace.toString());
        assertThat(commands(kept.out())).containsExactly("AT+CGMI", "AT+CGMR");
        assertThat(kept.err()).contains(trace + ":5: malformed CSV:").contains("skipped (--keep-going)");

        Path out = dir.resolve("again.csv");
        CliRun imported = CliRun.of("import", "--keep-going", trace.toString(), "-o", out.toString());
        assertThat(imported.code()).isEqualTo(1);
        assertThat(imported.out()).contains("1 broken part skipped and marked as gaps");
        assertThat(Files.readString(out)).contains(",gap,\"not imported: " + trace + ":5: malformed CSV:");
    }

    @Test
    void anOutputInAMissingFolderIsAUsageError() {
        Path out = dir.resolve("missing").resolve("t.csv");
        CliRun r = CliRun.of("import", FIXTURES.resolve("mbed.log").toString(), "-o", out.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("atscope: " + out + ": the folder " + out.getParent() + " does not exist\n");
    }

    @Test
    void aFileWithoutAtTrafficSaysSoInOneLine() throws Exception {
        Path notes = dir.resolve("notes.txt");
        Files.writeString(notes, "meeting at ten\nbring the board\n");
        CliRun r = CliRun.of("import", notes.toString(), "-o", dir.resolve("x.csv").toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).startsWith("atscope: " + notes + ": no AT traffic in it").contains("the nearest layout is")
                .hasLineCount(1);
    }

    @Test
    void exportsToUmockdevAndPcapngAndRefusesFormatsThatCannotHoldATrace() throws Exception {
        Path native1 = FIXTURES.resolve("native.csv");
        Path script = dir.resolve("session.script");
        CliRun r = CliRun.of("export", native1.toString(), "--to", "umockdev", "-o", script.toString());
        assertThat(r.code()).isZero();
        assertThat(Files.readAllLines(script, StandardCharsets.ISO_8859_1)).startsWith("r 0 ^M^JRDY^M^J",
                "w 80 AT+QIFGCNT=0^M", "r 1 AT+QIFGCNT=0^M^M^JOK^M^J");
        assertThat(commands(CliRun.of("decode", script.toString()).out()))
                .isEqualTo(commands(CliRun.of("decode", native1.toString()).out()));
        Path pcap = dir.resolve("session.pcapng");
        assertThat(CliRun.of("export", script.toString(), "--to", "pcapng", "-o", pcap.toString()).code()).isZero();
        byte[] head = Files.readAllBytes(pcap);
        assertThat(head[0]).isEqualTo((byte) 0x0a);
        assertThat(head[3]).isEqualTo((byte) 0x0a);
        CliRun no = CliRun.of("export", native1.toString(), "--to", "slsnif", "-o", dir.resolve("x").toString());
        assertThat(no.code()).isEqualTo(2);
        assertThat(no.err()).contains("atscope cannot write slsnif; it writes native, pcapng, jsonl, socat, umockdev");
    }
}
