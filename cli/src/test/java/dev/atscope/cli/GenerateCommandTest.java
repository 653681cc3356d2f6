package dev.atscope.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atscope.core.decode.TraceDecoding;
import dev.atscope.core.decode.Transaction;
import dev.atscope.core.protocol.ProtocolRegistry;
import dev.atscope.core.trace.Trace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GenerateCommandTest {

    @TempDir
    Path dir;

    @Test
    void writesTheRequestedSizeOfTrafficThatDecodesIntoRealisticSessions() throws Exception {
        Path out = dir.resolve("big.csv");
        Path text = dir.resolve("big.log");
        CliRun r = CliRun.of("generate", "--size", "200KB", "--seed", "7", "-o", out.toString(), "--text-log",
                text.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).startsWith("wrote " + out).contains("sessions").contains("transactions");
        // progress is for a terminal: into a pipe nothing, not a line per 5 %
        assertThat(r.err()).isEmpty();
        Trace t = Trace.read(out);
        long wire = t.entries().stream().filter(e -> e instanceof dev.atscope.core.trace.Chunk)
                .mapToLong(e -> ((dev.atscope.core.trace.Chunk) e).data().length).sum();
        assertThat(wire).isGreaterThanOrEqualTo(200_000);
        List<Transaction> tx = TraceDecoding.transactions(t.entries(), ProtocolRegistry.loadDefault());
        assertThat(tx).extracting(x -> x.first().name()).contains("+QIACT", "+QHTTPGET", "+QIDEACT");
        assertThat(Files.readString(text)).contains("] >> AT+QIACT").contains("] << OK");
        assertThat(dir.toFile().list()).containsExactlyInAnyOrder("big.csv", "big.log");
    }

    @Test
    void theDenseProfileIsAFleetPollingWithShortCommandsEveryOneAnswered() throws Exception {
        Path dense = dir.resolve("dense.csv");
        Path sessions = dir.resolve("sessions.csv");
        CliRun r = CliRun.of("generate", "--profile", "dense", "--size", "100KB", "-o", dense.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(CliRun.of("generate", "--size", "100KB", "-o", sessions.toString()).code()).isZero();
        List<Transaction> tx = TraceDecoding.transactions(Trace.read(dense).entries(), ProtocolRegistry.loadDefault());
        List<Transaction> bulk = TraceDecoding.transactions(Trace.read(sessions).entries(), ProtocolRegistry.loadDefault());
        // about 25 bytes of traffic a transaction, against hundreds when bodies and certificates carry the bytes
        assertThat(tx.size()).isBetween(3_000, 5_000).isGreaterThan(10 * bulk.size());
        assertThat(tx).allSatisfy(t -> assertThat(t.outcome()).isEqualTo(dev.atscope.core.decode.Outcome.OK));
        assertThat(tx).extracting(x -> x.first().name()).contains("+CGREG", "+CSQ", "+QSSLCFG", "+QHTTPGET");
        assertThat(Files.readString(dense)).contains("--profile dense");
        assertThat(CliRun.of("generate", "--profile", "sparse", "-o", dir.resolve("x.csv").toString()).err())
                .contains("--profile sparse: expected sessions or dense");
    }

    @Test
    void theSameSeedWritesTheSameBytesAndAnotherSeedOthers() throws Exception {
        Path a = dir.resolve("a.csv");
        Path b = dir.resolve("b.csv");
        Path c = dir.resolve("c.csv");
        assertThat(CliRun.of("generate", "--size", "50KB", "--seed", "3", "-o", a.toString()).code()).isZero();
        assertThat(CliRun.of("generate", "--size", "50KB", "--seed", "3", "-o", b.toString()).code()).isZero();
        assertThat(CliRun.of("generate", "--size", "50KB", "--seed", "4", "-o", c.toString()).code()).isZero();
        assertThat(Files.readAllBytes(a)).isEqualTo(Files.readAllBytes(b));
        assertThat(Files.readAllBytes(a)).isNotEqualTo(Files.readAllBytes(c));
    }

    @Test
    void aTransactionLimitWritesExactlyThatMany() throws Exception {
        for (int n : new int[] {1, 10, 30}) {
            Path out = dir.resolve("few-" + n + ".csv");
            CliRun r = CliRun.of("generate", "--size", "1GB", "--transactions", Integer.toString(n), "-o", out.toString());
            assertThat(r.code()).isZero();
            assertThat(r.out()).contains(n == 1 ? "1 transaction," : n + " transactions,");
            List<Transaction> tx = TraceDecoding.transactions(Trace.read(out).entries(), ProtocolRegistry.loadDefault());
            assertThat(tx).hasSize(n);
        }
    }

    @Test
    void theTextLogDecodesBackToTheSameTransactions() throws Exception {
        // uploads of PEM lines, URLs without a line end, bodies: the log must keep each where it belongs
        Path out = dir.resolve("fleet.csv");
        Path text = dir.resolve("fleet.log");
        assertThat(CliRun.of("generate", "--size", "300KB", "--seed", "3", "-o", out.toString(), "--text-log",
                text.toString()).code()).isZero();
        List<String> fromTrace = summary(CliRun.of("decode", "--json", out.toString()));
        List<String> fromLog = summary(CliRun.of("decode", "--json", text.toString()));
        assertThat(fromTrace).hasSizeGreaterThan(300).anyMatch(t -> t.startsWith("AT+QSECWRITE="))
                .anyMatch(t -> t.startsWith("AT+QHTTPURL=")).anyMatch(t -> t.startsWith("AT+QHTTPREAD="));
        assertThat(fromLog).isEqualTo(fromTrace);
        // and the log is in time order, line by line
        List<String> stamps = Files.readAllLines(text).stream().map(l -> l.substring(0, l.indexOf(']'))).toList();
        assertThat(stamps).isSorted();
    }

    /** Each transaction's command, outcome and result, from decode's JSON. */
    private static List<String> summary(CliRun decoded) throws Exception {
        assertThat(decoded.code()).as(decoded.err()).isZero();
        com.fasterxml.jackson.databind.ObjectMapper m = new com.fasterxml.jackson.databind.ObjectMapper();
        List<String> out = new java.util.ArrayList<>();
        for (String line : decoded.out().split("\n")) {
            var n = m.readTree(line);
            out.add(n.get("command").asText() + " " + n.get("outcome").asText() + " " + n.get("result").asText());
        }
        return out;
    }

    @Test
    void aSizeWithoutAUnitIsAUsageError() {
        Path out = dir.resolve("x.csv");
        CliRun r = CliRun.of("generate", "--size", "5", "-o", out.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("atscope: --size 5: give a unit: 5B for bytes, 5KB, 5MB or 5GB\n");
        assertThat(dir.toFile().list()).isEmpty();
    }

    @Test
    void aSizeWithoutANumberIsAUsageErrorAndNothingIsWritten() {
        Path out = dir.resolve("x.csv");
        CliRun r = CliRun.of("generate", "--size", "lots", "-o", out.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("--size lots").contains("expected a number");
        assertThat(dir.toFile().list()).isEmpty();
    }

    @Test
    void sizesUseDecimalUnits() {
        assertThat(GenerateCommand.parseSize("1GB")).isEqualTo(1_000_000_000L);
        assertThat(GenerateCommand.parseSize("1.5mb")).isEqualTo(1_500_000L);
        assertThat(GenerateCommand.parseSize("512B")).isEqualTo(512L);
        assertThat(GenerateCommand.parseSize("20K")).isEqualTo(20_000L);
    }
}
