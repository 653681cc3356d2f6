package dev.atscope.core.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atscope.core.decode.AtCommand;
import dev.atscope.core.decode.CommandLineParser;
import dev.atscope.core.decode.ResponseShape;
import dev.atscope.core.decode.UrcKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

/**
 * The facts the libraries give besides commands: each error code's class, the V.250 result codes,
 * the lines that complete a command after its OK, and the sources every fact names.
 */
class LibraryFactsTest {

    static final ProtocolRegistry REGISTRY = ProtocolRegistry.loadDefault();
    /** The LTE set with the standards it builds on: where it shares a command name with the M-series, its own. */
    static final ProtocolRegistry LTE = new ProtocolRegistry(List.of(new dev.atscope.core.protocol.quectel.QuectelLteLibrary(),
            new dev.atscope.core.protocol.basic.Ts27007Library(), new dev.atscope.core.protocol.basic.V250Library()));

    static AtCommand command(String line) {
        return CommandLineParser.parse(line).get(0);
    }

    static List<ProtocolLibrary> shipped() {
        List<ProtocolLibrary> libs = new ArrayList<>();
        ServiceLoader.load(ProtocolLibrary.class).forEach(libs::add);
        return libs;
    }

    @Test
    void everyErrorCodeOfEveryLibraryHasAClassAndAMeaning() {
        int codes = 0;
        for (ProtocolLibrary lib : shipped()) {
            Grammar g = lib.grammar();
            for (Map<String, Grammar.ErrorSpec> table : List.of(g.cmeErrors(), g.cmsErrors())) {
                for (Map.Entry<String, Grammar.ErrorSpec> e : table.entrySet()) {
                    assertThat(e.getValue().errorClass()).as(lib.id() + " " + e.getKey()).isNotNull();
                    assertThat(e.getValue().text()).as(lib.id() + " " + e.getKey()).isNotBlank();
                    codes++;
                }
            }
            if (!g.cmsErrors().isEmpty()) {
                assertThat(g.cmsSection()).as(lib.id()).isNotBlank();
            }
            if (!g.cmeErrors().isEmpty()) {
                assertThat(g.cmeSection()).as(lib.id()).isNotBlank();
            }
        }
        assertThat(codes).isGreaterThan(290);
    }

    @Test
    void everyCommandNamesWhereItIsDocumentedOrSaysWhyNot() {
        for (ProtocolLibrary lib : shipped()) {
            if (lib.id().equals("quectel-gsm-https")) {
                continue; // the M-series grammar names its one source document at the top
            }
            assertThat(lib.grammar().source()).as(lib.id()).isNotBlank();
            for (Grammar.CommandSpec c : lib.grammar().commands()) {
                assertThat(c.section() != null || c.note() != null).as(lib.id() + " " + c.name()).isTrue();
            }
        }
    }

    @Test
    void theMSeriesCodesAreClassedAsPROTOCOLNOTESReadsThem() {
        assertThat(REGISTRY.errorClass(3813)).isEqualTo(ErrorClass.DNS);
        for (int code : new int[] {3815, 3816, 3817, 3818, 3822}) {
            assertThat(REGISTRY.errorClass(code)).as("" + code).isEqualTo(ErrorClass.TLS_OR_CONNECT);
        }
        for (int code : new int[] {3801, 3821, 3826, 3827}) {
            assertThat(REGISTRY.errorClass(code)).as("" + code).isEqualTo(ErrorClass.TIMEOUT);
        }
        assertThat(REGISTRY.cmeMeaning(3815)).isEqualTo("HTTP socket connect error");
        assertThat(REGISTRY.errorClass(99999)).isEqualTo(ErrorClass.UNKNOWN);
    }

    @Test
    void aFinalResultNamesItsErrorNumericOrVerbose() {
        assertThat(REGISTRY.error("+CME ERROR: 565")).hasValueSatisfying(e -> {
            assertThat(e.text()).isEqualTo("DNS parse failed");
            assertThat(e.errorClass()).isEqualTo(ErrorClass.DNS);
            assertThat(e.section()).contains("TCP/IP").contains(" 4");
        });
        assertThat(REGISTRY.error("+CME ERROR: SIM not inserted")).hasValueSatisfying(e -> {
            assertThat(e.code()).isEqualTo(10);
            assertThat(e.errorClass()).isEqualTo(ErrorClass.SIM);
            assertThat(e.section()).isEqualTo("3GPP TS 27.007 9.2.1");
        });
        assertThat(REGISTRY.error("+CME ERROR: 127")).hasValueSatisfying(e -> {
            assertThat(e.text()).isEqualTo("Missing or unknown APN");
            assertThat(e.errorClass()).isEqualTo(ErrorClass.PDP);
        });
        // a text the LTE set repeats (572) reads as the standard code: 27.007 comes first
        assertThat(REGISTRY.error("+CME ERROR: operation not allowed")).map(KnownError::code).hasValue(3);
        assertThat(REGISTRY.error("+CMS ERROR: 304")).hasValueSatisfying(e -> {
            assertThat(e.table()).isEqualTo("+CMS ERROR");
            assertThat(e.errorClass()).isEqualTo(ErrorClass.PARAMETER);
            assertThat(e.section()).isEqualTo("3GPP TS 27.005 3.2.5");
        });
        assertThat(REGISTRY.error("+CMS ERROR: (U)SIM busy")).map(KnownError::code).hasValue(314);
        assertThat(REGISTRY.error("+CMS ERROR: 42")).map(KnownError::section).hasValueSatisfying(s -> assertThat(s)
                .contains("24.011"));
        assertThat(REGISTRY.error("ERROR")).isEmpty();
        assertThat(REGISTRY.error("+CME ERROR: 99999")).isEmpty();
    }

    @Test
    void theResultCodesAreATableNotLiterals() {
        assertThat(REGISTRY.resultCodes().keySet())
                .containsExactly("OK", "CONNECT", "RING", "NO CARRIER", "ERROR", "NO DIALTONE", "BUSY", "NO ANSWER");
        assertThat(REGISTRY.resultCode("NO CARRIER", false)).hasValueSatisfying(r -> {
            assertThat(r.digit()).isEqualTo(3);
            assertThat(r.outcome()).isEqualTo("error");
            assertThat(r.kind()).isEqualTo("final");
            assertThat(r.section()).isEqualTo("5.7.1");
        });
        assertThat(REGISTRY.resultCode("CONNECT 115200", false)).map(Grammar.ResultCodeSpec::kind).hasValue("intermediate");
        assertThat(REGISTRY.resultCode("OK 1", false)).isEmpty();
        assertThat(REGISTRY.resultCode("4", true)).map(Grammar.ResultCodeSpec::text).hasValue("ERROR");
        assertThat(REGISTRY.resultCode("0", true)).map(Grammar.ResultCodeSpec::outcome).hasValue("ok");
        assertThat(REGISTRY.resultCode("2", true)).map(Grammar.ResultCodeSpec::outcome).isEmpty();
        assertThat(REGISTRY.resultCode("5", true)).isEmpty();
    }

    @Test
    void aConnectionsOutcomeComesAfterItsOk() {
        AtCommand open = command("AT+QIOPEN=1,0,\"TCP\",\"example.com\",80,0,1");
        assertThat(REGISTRY.completion(open, "+QIOPEN: 0,0")).hasValueSatisfying(c -> {
            assertThat(c.ok()).isTrue();
            assertThat(c.error()).isNull();
        });
        assertThat(REGISTRY.completion(open, "+QIOPEN: 0,565")).hasValueSatisfying(c -> {
            assertThat(c.ok()).isFalse();
            assertThat(c.field()).isEqualTo("err");
            assertThat(c.error().code()).isEqualTo(565);
            assertThat(c.error().errorClass()).isEqualTo(ErrorClass.DNS);
            assertThat(c.error().table()).isEqualTo("+CME ERROR");
        });
        assertThat(REGISTRY.completion(open, "+QIURC: \"closed\",0")).isEmpty();
        assertThat(REGISTRY.completion(command("AT+QICLOSE=0"), "+QIOPEN: 0,0")).isEmpty();
        // the decoder sees the line as a URC, also while the next AT+QIOPEN waits for its OK
        assertThat(REGISTRY.urcKind("+QIOPEN: 0,0")).isEqualTo(UrcKind.REPORT);
        assertThat(REGISTRY.shape(open).infoPrefixes()).doesNotContain("+QIOPEN:");
        assertThat(REGISTRY.shape(command("AT+QIOPEN=?")).infoPrefixes()).contains("+QIOPEN:");
    }

    @Test
    void anHttpRequestFailsWithTheModulesCodeOrTheServersStatus() {
        AtCommand get = command("AT+QHTTPGET=80");
        assertThat(LTE.completion(get, "+QHTTPGET: 0,200,1024")).map(Completion::ok).hasValue(true);
        assertThat(LTE.completion(get, "+QHTTPGET: 0,404,0")).hasValueSatisfying(c -> {
            assertThat(c.field()).isEqualTo("httprspcode");
            assertThat(c.value()).isEqualTo("404");
            assertThat(c.error().text()).isEqualTo("Not Found");
            assertThat(c.error().errorClass()).isEqualTo(ErrorClass.HTTP);
        });
        assertThat(LTE.completion(get, "+QHTTPGET: 0,418")).hasValueSatisfying(c -> {
            assertThat(c.error().text()).isNull();
            assertThat(c.error().errorClass()).isEqualTo(ErrorClass.HTTP);
        });
        assertThat(LTE.completion(get, "+QHTTPGET: 714")).hasValueSatisfying(c ->
                assertThat(c.error().errorClass()).isEqualTo(ErrorClass.DNS));
        assertThat(LTE.completion(get, "+QHTTPGET: 716")).hasValueSatisfying(c ->
                assertThat(c.error().errorClass()).isEqualTo(ErrorClass.TLS_OR_CONNECT));
        assertThat(LTE.completion(command("AT+QHTTPGET"), "+QHTTPGET: 0,200,5")).map(Completion::ok).hasValue(true);
        assertThat(LTE.completion(command("AT+QHTTPREAD=80"), "+QHTTPREAD: 0")).map(Completion::ok).hasValue(true);
    }

    @Test
    void mqttResultsAndTheBrokersReturnCodeAreExplained() {
        assertThat(REGISTRY.completion(command("AT+QMTOPEN=0,\"broker.example\",1883"), "+QMTOPEN: 0,4"))
                .hasValueSatisfying(c -> {
                    assertThat(c.error().text()).isEqualTo("failed to resolve the host name");
                    assertThat(c.error().errorClass()).isEqualTo(ErrorClass.DNS);
                    assertThat(c.error().table()).isEqualTo("+QMTOPEN:");
                });
        assertThat(REGISTRY.completion(command("AT+QMTOPEN=0,\"b\",1883"), "+QMTOPEN: 0,-1"))
                .map(c -> c.error().errorClass()).hasValue(ErrorClass.SOCKET);
        AtCommand conn = command("AT+QMTCONN=0,\"dev1\",\"user\",\"secret\"");
        assertThat(REGISTRY.completion(conn, "+QMTCONN: 0,0,0")).map(Completion::ok).hasValue(true);
        assertThat(REGISTRY.completion(conn, "+QMTCONN: 0,0,5")).hasValueSatisfying(c -> {
            assertThat(c.field()).isEqualTo("ret_code");
            assertThat(c.error().text()).contains("not authorized");
            assertThat(c.error().errorClass()).isEqualTo(ErrorClass.MQTT);
        });
        assertThat(REGISTRY.completion(conn, "+QMTCONN: 0,2")).map(c -> c.error().errorClass()).hasValue(ErrorClass.MQTT);
    }

    @Test
    void aFurtherLineOfTheSameAnswerIsNotTheOutcome() {
        AtCommand dns = command("AT+QIDNSGIP=1,\"example.com\"");
        assertThat(REGISTRY.completion(dns, "+QIURC: \"dnsgip\",0,1,600")).map(Completion::ok).hasValue(true);
        assertThat(REGISTRY.completion(dns, "+QIURC: \"dnsgip\",565")).map(c -> c.error().errorClass())
                .hasValue(ErrorClass.DNS);
        assertThat(REGISTRY.completion(dns, "+QIURC: \"dnsgip\",\"93.184.216.34\"")).isEmpty();
        assertThat(REGISTRY.urc("+QIURC: \"dnsgip\",0,1,600")).map(Grammar.UrcSpec::title).hasValueSatisfying(t ->
                assertThat(t).contains("AT+QIDNSGIP"));
    }

    @Test
    void thePromptDataModeAndItsCountComeFromTheGrammar() {
        ResponseShape counted = REGISTRY.shape(command("AT+QISEND=0,5"));
        assertThat(counted.dataMode()).isEqualTo(ResponseShape.DataMode.PROMPT);
        assertThat(counted.lengthParam()).isEqualTo(1);
        assertThat(counted.extraFinals()).containsExactlyInAnyOrder("SEND OK", "SEND FAIL");
        assertThat(REGISTRY.shape(command("AT+CMGS=\"+123\"")).dataMode()).isEqualTo(ResponseShape.DataMode.PROMPT);
        assertThat(REGISTRY.shape(command("AT+QFUPL=\"a.pem\",10")).dataMode()).isEqualTo(ResponseShape.DataMode.UPLOAD);
    }

    @Test
    void anErrorClassTheFormatDoesNotKnowIsRefusedWithItsName() {
        assertThatThrownBy(() -> GrammarLibrary.load(LibraryFactsTest.class, "bad-class.json"))
                .hasMessageContaining("bad-class.json").hasMessageContaining("error class 'tls-failed'");
    }

    @Test
    void anErrorGivenByItsTextAloneStillLoads() {
        Grammar g = GrammarLibrary.load(LibraryFactsTest.class, "text-errors.json");
        assertThat(g.cmeErrors().get("7")).isEqualTo(new Grammar.ErrorSpec("seven", null, null, null, null));
        assertThat(g.cmeErrors().get("8").errorClass()).isEqualTo(ErrorClass.BUSY);
    }

    @Test
    void aCompletionResultMustBeOneOfItsFields() {
        assertThatThrownBy(() -> ProtocolRegistryTest.registryOf("bad-completion.json"))
                .hasMessageContaining("+X write completion +X:: result <code> is not one of its fields");
    }
}
