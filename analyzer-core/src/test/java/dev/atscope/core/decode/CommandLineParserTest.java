package dev.atscope.core.decode;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class CommandLineParserTest {

    static String forms(String line) {
        List<AtCommand> cs = CommandLineParser.parse(line);
        return String.join(" ", cs.stream().map(c -> c.name() + ":" + c.form().word()
                + (c.args().isEmpty() ? "" : "(" + c.args() + ")")).toList());
    }

    @Test
    void extendedCommandFormsFromTheirSuffix() {
        assertThat(forms("AT+QSECWRITE=?")).isEqualTo("+QSECWRITE:test");
        assertThat(forms("AT+QSECWRITE?")).isEqualTo("+QSECWRITE:read");
        assertThat(forms("AT+QSECWRITE=\"RAM:a;b.pem\",1614,100")).isEqualTo("+QSECWRITE:write(\"RAM:a;b.pem\",1614,100)");
        assertThat(forms("AT+QIACT")).isEqualTo("+QIACT:execute");
        assertThat(forms("at+qiact")).isEqualTo("+QIACT:execute");
    }

    @Test
    void basicCommandsMayFollowEachOther() {
        assertThat(forms("ATE0V1&W")).isEqualTo("E:write(0) V:write(1) &W:execute");
        assertThat(forms("ATS0=1")).isEqualTo("S0:write(1)");
        assertThat(forms("ATS7?")).isEqualTo("S7:read");
        assertThat(forms("ATD*99#")).isEqualTo("D:write(*99#)");
        assertThat(forms("AT")).isEqualTo("AT:execute");
        assertThat(forms("ATI")).isEqualTo("I:execute");
    }

    @Test
    void bytesThatAreNoLetterEndTheBasicCommandsAsOneUnparsedRest() {
        // a line garbled on the wire: each byte 0xF0 (ISO-8859-1 'ð', a letter to Unicode) was once a command of its own
        String garbled = "ATEqW" + "\u00f0".repeat(170) + "xyz";
        assertThat(forms(garbled)).isEqualTo("E:execute Q:execute W:execute " + "\u00f0".repeat(170).toUpperCase(java.util.Locale.ROOT) + "XYZ:execute");
        assertThat(forms("AT+Q\u00e9R=1")).isEqualTo("+Q:execute \u00c9R=1:execute");
    }

    @Test
    void joinedExtendedCommands() {
        assertThat(forms("AT+CMEE=2;+CGREG?;+CGATT?")).isEqualTo("+CMEE:write(2) +CGREG:read +CGATT:read");
        assertThat(forms("ATE1;+CGREG=1")).isEqualTo("E:write(1) +CGREG:write(1)");
    }

    @Test
    void spaceAfterThePlusIsToleratedAndKeptInTheRawText() {
        List<AtCommand> cs = CommandLineParser.parse("AT+ QIFGCNT=0");
        assertThat(cs).singleElement().satisfies(c -> {
            assertThat(c.name()).isEqualTo("+QIFGCNT");
            assertThat(c.raw()).isEqualTo("+ QIFGCNT=0");
            assertThat(c.display()).isEqualTo("AT+ QIFGCNT=0");
        });
    }

    @Test
    void parametersSplitOutsideQuotes() {
        assertThat(CommandLineParser.parse("AT+QSSLCFG=\"ciphersuite\",0,\"0X0035,0X002F\"").get(0).params())
                .containsExactly("\"ciphersuite\"", "0", "\"0X0035,0X002F\"");
        assertThat(AtArguments.split("1,,3")).containsExactly("1", "", "3");
        assertThat(AtArguments.unquote("\"CMNET\"")).isEqualTo("CMNET");
    }

    @Test
    void unparseableTextIsKeptAsACommandNamedByIt() {
        assertThat(CommandLineParser.parse("AT?x").get(0).name()).isEqualTo("?X");
    }
}
