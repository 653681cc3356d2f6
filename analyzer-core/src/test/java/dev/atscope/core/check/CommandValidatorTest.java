package dev.atscope.core.check;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atscope.core.decode.AtCommand;
import dev.atscope.core.decode.CommandLineParser;
import dev.atscope.core.protocol.ProtocolRegistry;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Given commands and answers as a module sees them, the validator refuses what a module would, under the bad part. */
class CommandValidatorTest {

    static final CommandValidator VALIDATOR = new CommandValidator(ProtocolRegistry.loadDefault());

    static AtCommand command(String line) {
        return CommandLineParser.parse(line).get(0);
    }

    static List<Diagnostic> validate(String line) {
        return VALIDATOR.validate(command(line));
    }

    /** The text under a diagnostic's caret. */
    static String underCaret(String line, Diagnostic d) {
        return line.substring(d.where().column(), d.where().column() + d.where().length());
    }

    @Test
    void theNotesCommandsAreValid() {
        for (String line : List.of("AT+QSECWRITE=\"RAM:ca_cert.pem\",1614,100", "AT+QSECWRITE=\"NVRAM:CK0\",1679,100",
                "AT+QSSLCFG=\"sslversion\",0,2", "AT+QSSLCFG=\"secllevel\",0,0", "AT+QSSLCFG=\"ciphersuite\",0,\"0XFFFF\"",
                "AT+QSSLCFG=\"https\",1", "AT+QSSLCFG=\"ctxindex\",0", "AT+QSSLCFG=\"cacert\",2,\"NVRAM:CA1\"",
                "AT+QHTTPURL=57,60", "AT+QHTTPGET=60", "AT+QHTTPREAD=30", "AT+QICSGP=1,\"CMNET\"", "AT+QIFGCNT=0",
                "AT+QSECREAD=\"NVRAM:CA0\"", "AT+QSECDEL=\"RAM:client_key.pem\"", "AT+CGATT?", "AT+CGREG?", "ATE0")) {
            assertThat(validate(line)).as(line).isEmpty();
        }
    }

    @Test
    void aSubcommandsValueIsCheckedAgainstItsOwnRange() {
        String line = "AT+QSSLCFG=\"sslversion\",0,5";
        assertThat(validate(line)).singleElement().satisfies(d -> {
            assertThat(d.ruleId()).isEqualTo("param.value");
            assertThat(d.message()).contains("<sslversion> of AT+QSSLCFG=\"sslversion\"").contains("4 (all of them)");
            assertThat(d.section()).isEqualTo("2.2.1");
            assertThat(underCaret(line, d)).isEqualTo("5");
        });
        String ctx = "AT+QSSLCFG=\"secllevel\",6,1";
        assertThat(validate(ctx)).singleElement().satisfies(d -> {
            assertThat(d.ruleId()).isEqualTo("param.range");
            assertThat(underCaret(ctx, d)).isEqualTo("6");
        });
    }

    @Test
    void settingsWithoutAContextIndexTakeOneValue() {
        assertThat(validate("AT+QSSLCFG=\"https\",0,1")).extracting(Diagnostic::ruleId).containsExactly("param.count");
        assertThat(validate("AT+QSSLCFG=\"httpsctxi\",5")).isEmpty();
        assertThat(validate("AT+QSSLCFG=\"httpsctxi\",-1")).extracting(Diagnostic::ruleId).containsExactly("param.range");
    }

    @Test
    void nvramTakesOnlyItsFourNamesAndSmallerFiles() {
        String name = "AT+QSECWRITE=\"NVRAM:CA2\",1614,100";
        assertThat(validate(name)).singleElement().satisfies(d -> {
            assertThat(d.ruleId()).isEqualTo("file.name");
            assertThat(d.message()).contains("CA0, CA1, CC0, CK0");
            assertThat(underCaret(name, d)).isEqualTo("\"NVRAM:CA2\"");
        });
        String size = "AT+QSECWRITE=\"NVRAM:CA0\",2026,100";
        assertThat(validate(size)).singleElement().satisfies(d -> {
            assertThat(d.ruleId()).isEqualTo("file.size");
            assertThat(underCaret(size, d)).isEqualTo("2026");
        });
        assertThat(validate("AT+QSECWRITE=\"RAM:big.pem\",2026,100")).isEmpty();
        assertThat(validate("AT+QSECWRITE=\"RAM:big.pem\",32769,100")).extracting(Diagnostic::ruleId)
                .containsExactly("param.range");
        assertThat(validate("AT+QSSLCFG=\"cacert\",0,\"NVRAM:ca.pem\"")).extracting(Diagnostic::ruleId)
                .containsExactly("file.name");
    }

    @Test
    void theOtherSpellingOfSecllevelIsOnlyNoted() {
        assertThat(validate("AT+QSSLCFG=\"seclevel\",1,2")).singleElement().satisfies(d -> {
            assertThat(d.ruleId()).isEqualTo("param.spelling");
            assertThat(d.severity()).isEqualTo(Severity.INFO);
        });
        assertThat(validate("AT+QSSLCFG=\"seclevel\",1,3")).extracting(Diagnostic::ruleId)
                .containsExactly("param.spelling", "param.value");
    }

    @Test
    void aSpaceAfterThePlusIsRefusedAsTheModuleWould() {
        String line = "AT+ QIFGCNT=0";
        assertThat(validate(line)).singleElement().satisfies(d -> {
            assertThat(d.ruleId()).isEqualTo("command.space");
            assertThat(d.section()).isEqualTo("3.3");
            assertThat(d.where().column()).isEqualTo(3);
        });
    }

    @Test
    void aCommandNoLibraryKnowsIsNotedNotRefused() {
        assertThat(validate("AT+QFOO=1")).singleElement().satisfies(d -> {
            assertThat(d.ruleId()).isEqualTo("command.unknown");
            assertThat(d.severity()).isEqualTo(Severity.INFO);
        });
        assertThat(validate("AT+CSQ")).isEmpty();
    }

    @Test
    void anUnknownSubcommandIsNamedWithTheKnownOnes() {
        assertThat(validate("AT+QSSLCFG=\"sni\",0,1")).singleElement().satisfies(d -> {
            assertThat(d.ruleId()).isEqualTo("param.value");
            assertThat(d.message()).contains("\"sslversion\"").contains("\"smtpsctxi\"");
        });
    }

    @Test
    void answersAreCheckedAgainstTheSubcommandsResponseLine() {
        AtCommand query = command("AT+QSSLCFG=\"sslversion\",1");
        assertThat(VALIDATOR.validateResponse(query, "+QSSLCFG: \"sslversion\",3")).isEmpty();
        String bad = "+QSSLCFG: \"sslversion\",7";
        assertThat(VALIDATOR.validateResponse(query, bad)).singleElement().satisfies(d -> {
            assertThat(d.ruleId()).isEqualTo("response.value");
            assertThat(d.severity()).isEqualTo(Severity.WARNING);
            assertThat(underCaret(bad, d)).isEqualTo("7");
        });
        AtCommand unset = command("AT+QSSLCFG=\"httpsctxi\"");
        assertThat(VALIDATOR.validateResponse(unset, "+QSSLCFG: \"httpsctxi\",-1")).isEmpty();
        AtCommand read = command("AT+QSECREAD=\"RAM:a.pem\"");
        assertThat(VALIDATOR.validateResponse(read, "+QSECREAD: 1,4c30")).isEmpty();
        assertThat(VALIDATOR.validateResponse(read, "+QSECREAD: 1,4c30,9")).extracting(Diagnostic::ruleId)
                .containsExactly("response.count");
        assertThat(VALIDATOR.validateResponse(read, "+QSECREAD: 2,zz")).extracting(Diagnostic::ruleId)
                .containsExactly("response.value", "response.value");
        AtCommand all = command("AT+QSSLCFG=\"ctxindex\",0");
        assertThat(VALIDATOR.validateResponse(all,
                "+QSSLCFG: 0,3,1,\"0X0035\",\"RAM:ca.pem\",\"\",\"\"")).isEmpty();
    }
}
