package dev.atscope.core.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atscope.core.protocol.ErrorClass;
import dev.atscope.core.protocol.Grammar;
import dev.atscope.core.protocol.ModuleState;
import dev.atscope.core.protocol.ModuleStates;
import dev.atscope.core.protocol.ProtocolLibrary;
import dev.atscope.core.protocol.ProtocolRegistry;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The emulated module answers the error codes and keeps the limits the grammar gives: given a
 * grammar whose M-series table numbers the DNS error otherwise, the module answers that number.
 */
class GrammarDrivenAnswersTest {

    private static final ProtocolRegistry REGISTRY = ProtocolRegistry.loadDefault();

    @Test
    void everySituationHasACodeOfItsKind() {
        Map<ErrorSituation, ErrorClass> kinds = new LinkedHashMap<>();
        kinds.put(ErrorSituation.NAME_NOT_RESOLVED, ErrorClass.DNS);
        kinds.put(ErrorSituation.CONNECT_FAILED, ErrorClass.TLS_OR_CONNECT);
        kinds.put(ErrorSituation.RESPONSE_TIMEOUT, ErrorClass.TIMEOUT);
        kinds.put(ErrorSituation.INPUT_TIMEOUT, ErrorClass.TIMEOUT);
        kinds.put(ErrorSituation.PDP_INACTIVE, ErrorClass.PDP);
        kinds.put(ErrorSituation.FILE_TOO_LARGE, ErrorClass.FILE);
        kinds.put(ErrorSituation.FILE_NOT_FOUND, ErrorClass.FILE);
        kinds.put(ErrorSituation.FILE_EXISTS, ErrorClass.FILE);
        kinds.put(ErrorSituation.ATTACH_REFUSED, ErrorClass.REGISTRATION);
        for (ErrorSituation s : ErrorSituation.values()) {
            int code = s.code(REGISTRY);
            assertThat(REGISTRY.cmeError(code)).as("%s answers %d", s, code).isPresent();
            assertThat(REGISTRY.cmeError(code).get().answers(s.word())).as("%s in the table of %d", s, code).isTrue();
            if (kinds.containsKey(s)) {
                assertThat(REGISTRY.errorClass(code)).as("the class of %d (%s)", code, s).isEqualTo(kinds.get(s));
            }
        }
    }

    @Test
    void aFailedHandshakeReadsAsOneInBothCodesTheNoteNames() {
        assertThat(REGISTRY.cmeError(3815).orElseThrow().answers("handshake-failed")).isTrue();
        assertThat(REGISTRY.cmeError(3822).orElseThrow().answers("handshake-failed")).isTrue();
        assertThat(REGISTRY.cmeError(3813).orElseThrow().answers("handshake-failed")).isFalse();
    }

    @Test
    void theDnsErrorIsTheNumberTheGrammarGives() throws Exception {
        ProtocolRegistry renumbered = withDnsErrorAs(9813);
        try (ModuleBench b = new ModuleBench(EmulatorConfig.defaults().withTiming(ModulePace.FAST), renumbered)) {
            b.activate();
            b.url("http://nowhere.test/"); // no host entry: the module's resolver fails
            assertThat(b.answer("AT+QHTTPGET=60")).containsExactly("+CME ERROR: 9813");
            b.send("AT+CMEE=2");
            assertThat(b.answer("AT+QHTTPGET=60")).containsExactly("+CME ERROR: renumbered DNS error");
        }
        try (ModuleBench b = new ModuleBench(EmulatorConfig.defaults().withTiming(ModulePace.FAST))) {
            b.activate();
            b.url("http://nowhere.test/");
            assertThat(b.answer("AT+QHTTPGET=60")).containsExactly("+CME ERROR: 3813");
        }
    }

    /** The loaded libraries, the M-series one with its DNS error under another number. */
    private static ProtocolRegistry withDnsErrorAs(int code) {
        List<ProtocolLibrary> libs = new ArrayList<>();
        for (ProtocolLibrary lib : REGISTRY.libraries()) {
            if (!lib.id().equals("quectel-gsm-https")) {
                libs.add(lib);
                continue;
            }
            Grammar g = lib.grammar();
            Map<String, Grammar.ErrorSpec> errors = new LinkedHashMap<>();
            g.cmeErrors().forEach((k, v) -> errors.put(k, v.answers("name-not-resolved")
                    ? new Grammar.ErrorSpec(v.text(), v.errorClass(), v.section(), v.note(), List.of()) : v));
            errors.put(Integer.toString(code), new Grammar.ErrorSpec("renumbered DNS error", ErrorClass.DNS, null, null,
                    List.of("name-not-resolved")));
            Grammar changed = new Grammar(g.id(), g.title(), g.source(), g.commands(), g.urcs(), errors, g.cmeSection(),
                    g.cmsErrors(), g.cmsSection(), g.resultCodes(), g.fileStorages(), g.defaultStorage(), g.limits());
            libs.add(new ProtocolLibrary() {
                @Override
                public String id() {
                    return lib.id();
                }

                @Override
                public Grammar grammar() {
                    return changed;
                }

                @Override
                public int priority() {
                    return lib.priority();
                }

                @Override
                public boolean base() {
                    return lib.base();
                }

                @Override
                public List<String> models() {
                    return lib.models();
                }

                @Override
                public ModuleState newState(ModuleStates states) {
                    return lib.newState(states);
                }
            });
        }
        return new ProtocolRegistry(libs);
    }
}
