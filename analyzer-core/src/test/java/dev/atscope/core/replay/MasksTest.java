package dev.atscope.core.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Given answers with values that change from run to run, the built-in masks make them compare equal. */
class MasksTest {

    @Test
    void addressesAreMasked() {
        assertThat(Masks.BUILT_IN.apply("10.1.83.188")).isEqualTo("<ip>");
        assertThat(Masks.BUILT_IN.apply("+QIOPEN: \"220.180.239.201\",8417")).isEqualTo("+QIOPEN: \"<ip>\",8417");
    }

    @Test
    void uploadAndReadChecksumsAreMaskedButNotTheSize() {
        assertThat(Masks.BUILT_IN.apply("+QSECWRITE: 1614,4039")).isEqualTo("+QSECWRITE: 1614,<checksum>");
        assertThat(Masks.BUILT_IN.apply("+QSECREAD: 1,1614,4c30")).isEqualTo("+QSECREAD: 1,1614,<checksum>");
        assertThat(Masks.BUILT_IN.apply("+QSECWRITE: 1419,618")).isNotEqualTo(Masks.BUILT_IN.apply("+QSECWRITE: 1614,618"));
        // other commands' hex values are left alone
        assertThat(Masks.BUILT_IN.apply("+QSSLCFG: \"ciphersuite\",0,0X0035")).isEqualTo("+QSSLCFG: \"ciphersuite\",0,0X0035");
    }

    @Test
    void networkTimesIsoDatesAndHttpDatesAreMasked() {
        assertThat(Masks.BUILT_IN.apply("+CCLK: \"26/11/24,09:00:00+04\"")).isEqualTo("+CCLK: \"<time>\"");
        assertThat(Masks.BUILT_IN.apply("at 2026-11-24T09:00:00Z")).isEqualTo("at <time>");
        assertThat(Masks.BUILT_IN.apply("Date: Tue, 24 Nov 2026 09:00:00 GMT\r\n")).isEqualTo("Date: <time>\r\n");
    }

    @Test
    void userRulesComeFromAFileOneALine(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("masks.txt");
        Files.writeString(file, "# session cookies change every run\nsession: sid=[0-9a-f]+\n\nimei \\d{15}\n");
        List<MaskRule> rules = Masks.read(file);
        assertThat(rules).extracting(MaskRule::name).containsExactly("session", "masked");
        Masks masks = Masks.NONE.plus(rules);
        assertThat(masks.apply("Set-Cookie: sid=9f3a; imei 861234567890123")).isEqualTo("Set-Cookie: <session>; <masked>");
    }

    @Test
    void aRuleThatIsNotARegularExpressionIsReportedWithItsLine(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("masks.txt");
        Files.writeString(file, "ok: fine\nbad: (unclosed\n");
        assertThatThrownBy(() -> Masks.read(file)).isInstanceOf(Masks.MaskFileException.class)
                .hasMessageStartingWith(file + ":2: expected NAME: REGEX");
    }
}
