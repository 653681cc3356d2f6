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
    void transactionLimitStopsEarly() throws Exception {
        Path out = dir.resolve("few.csv");
        assertThat(CliRun.of("generate", "--size", "1GB", "--transactions", "30", "-o", out.toString()).code()).isZero();
        List<Transaction> tx = TraceDecoding.transactions(Trace.read(out).entries(), ProtocolRegistry.loadDefault());
        assertThat(tx.size()).isBetween(30, 80); // whole sessions: the limit is checked between sessions
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
        assertThat(GenerateCommand.parseSize("512")).isEqualTo(512L);
        assertThat(GenerateCommand.parseSize("20K")).isEqualTo(20_000L);
    }
}
