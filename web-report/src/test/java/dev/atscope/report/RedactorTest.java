package dev.atscope.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atscope.core.protocol.ProtocolRegistry;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Secrets in captured text are masked before anything is written, in time linear in the text. */
class RedactorTest {

    private final Redactor redactor = new Redactor(ReportOptions.DEFAULT.withRedact(true), ProtocolRegistry.loadDefault());

    @Test
    void aPemBodyBecomesTheMaskBetweenItsArmourLines() {
        String text = "CONNECT\r\n-----BEGIN CERTIFICATE-----\r\nMIIB+zCCAWQ=\r\n-----END CERTIFICATE-----\r\nOK"
                + " and -----BEGIN EC PRIVATE KEY-----MHcCAQ==-----END EC PRIVATE KEY-----";
        assertThat(redactor.text(text)).isEqualTo("CONNECT\r\n-----BEGIN CERTIFICATE-----\n***\n-----END CERTIFICATE-----"
                + "\r\nOK and -----BEGIN EC PRIVATE KEY-----\n***\n-----END EC PRIVATE KEY-----");
    }

    @Test
    void aBeginWithoutAnEndIsLeftAsItIs() {
        String text = "-----BEGIN CERTIFICATE-----\r\nMIIB (cut off)";
        assertThat(redactor.text(text)).isEqualTo(text);
    }

    /**
     * A body of a megabyte of BEGIN lines with no END: a lazy pattern from each BEGIN to an END rescans
     * the rest of the text every time (136 kB took two minutes), so this would not end for hours.
     */
    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void aMegabyteOfBeginsWithoutAnEndIsPassedOverOnce() {
        String text = "-----BEGIN A-----".repeat(60_000) + "-----END A-----";
        String masked = redactor.text(text);
        assertThat(masked).startsWith("-----BEGIN A-----\n***\n-----END A-----").hasSize(37);
        String noEnd = "-----BEGIN A-----".repeat(60_000);
        assertThat(redactor.text(noEnd)).isEqualTo(noEnd);
    }
}
