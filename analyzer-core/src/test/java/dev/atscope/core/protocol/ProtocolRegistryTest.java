package dev.atscope.core.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atscope.core.decode.AtCommand;
import dev.atscope.core.decode.CommandLineParser;
import dev.atscope.core.decode.ResponseShape;
import java.io.UncheckedIOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Given the two shipped libraries, when merged, commands read by their grammar names and meanings. */
class ProtocolRegistryTest {

    static final ProtocolRegistry REGISTRY = ProtocolRegistry.loadDefault();

    static AtCommand command(String line) {
        return CommandLineParser.parse(line).get(0);
    }

    @Test
    void theLibrariesAreFoundWithTheServiceLoader() {
        assertThat(REGISTRY.libraries()).extracting(ProtocolLibrary::id)
                .containsExactly("quectel-gsm-https", "3gpp-27007", "quectel-lte", "simcom", "v250");
        assertThat(REGISTRY.libraryOf("+QSSLCFG")).isEqualTo("quectel-gsm-https");
        assertThat(REGISTRY.libraryOf("+QIOPEN")).isEqualTo("quectel-lte");
        assertThat(REGISTRY.libraryOf("+CIPSHUT")).isEqualTo("simcom");
        assertThat(REGISTRY.libraryOf("+CGATT")).isEqualTo("3gpp-27007");
        assertThat(REGISTRY.libraryOf("E")).isEqualTo("v250");
    }

    @Test
    void aSubcommandNamesItsParametersAndTheirMeanings() {
        assertThat(REGISTRY.parameters(command("AT+QSSLCFG=\"sslversion\",0,2"))).containsExactly(
                new NamedParam("type", "\"sslversion\"", "sslversion", "Configure the SSL version"),
                new NamedParam("ctxindex", "0", "0", null),
                new NamedParam("sslversion", "2", "2", "TLS 1.1"));
        assertThat(REGISTRY.parameters(command("AT+QSSLCFG=\"https\",1")))
                .extracting(NamedParam::name, NamedParam::meaning)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("type", "Enable or disable HTTPS"),
                        org.assertj.core.groups.Tuple.tuple("https", "HTTPS on"));
    }

    @Test
    void cipherSuitesAreMatchedWithoutRegardToCaseAndListsAreRead() {
        assertThat(REGISTRY.parameters(command("AT+QSSLCFG=\"ciphersuite\",0,\"0XFFFF\"")).get(2).meaning())
                .isEqualTo("all supported suites");
        assertThat(REGISTRY.parameters(command("AT+QSSLCFG=\"ciphersuite\",1,0x0035")).get(2).meaning())
                .isEqualTo("TLS_RSA_WITH_AES_256_CBC_SHA");
        assertThat(REGISTRY.parameters(command("AT+QSSLCFG=\"ciphersuite\",1,\"0X0035:0X0004\"")).get(2).meaning())
                .isEqualTo("TLS_RSA_WITH_AES_256_CBC_SHA, TLS_RSA_WITH_RC4_128_MD5");
    }

    @Test
    void theOtherSpellingOfSecllevelResolvesToIt() {
        var sub = REGISTRY.subcommand(command("AT+QSSLCFG=\"seclevel\",1,0")).orElseThrow();
        assertThat(sub.name()).isEqualTo("secllevel");
        assertThat(sub.alias()).isTrue();
        assertThat(REGISTRY.parameters(command("AT+QSSLCFG=\"seclevel\",1,0")).get(2))
                .isEqualTo(new NamedParam("secllevel", "0", "0", "no authentication"));
    }

    @Test
    void nvramFileNamesCarryTheirRole() {
        assertThat(REGISTRY.parameters(command("AT+QSECWRITE=\"NVRAM:CK0\",1679,100")))
                .extracting(NamedParam::name, NamedParam::value, NamedParam::meaning)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("filename", "NVRAM:CK0", "client private key"),
                        org.assertj.core.groups.Tuple.tuple("filesize", "1679", null),
                        org.assertj.core.groups.Tuple.tuple("timeout", "100", null));
        assertThat(REGISTRY.storage("nvram").orElseThrow().maxSize()).isEqualTo(2025L);
        assertThat(REGISTRY.storage("RAM").orElseThrow().maxSize()).isEqualTo(32768L);
    }

    @Test
    void valuesTheGrammarHasNoPlaceForAreNamedByPosition() {
        assertThat(REGISTRY.parameters(command("AT+QIFGCNT=0,7")))
                .extracting(NamedParam::name).containsExactly("id", "p2");
        assertThat(REGISTRY.parameters(command("AT+QSSLCFG=\"sni\",0,1")))
                .extracting(NamedParam::name).containsExactly("type", "p2", "p3");
        assertThat(REGISTRY.parameters(command("AT+QIACT"))).isEmpty();
    }

    @Test
    void theDecodersShapesStayAsTheyWere() {
        ResponseShape upload = REGISTRY.shape(command("AT+QSECWRITE=\"RAM:a\",10,100"));
        assertThat(upload.dataMode()).isEqualTo(ResponseShape.DataMode.UPLOAD);
        assertThat(upload.lengthParam()).isEqualTo(1);
        assertThat(REGISTRY.shape(command("AT+QSSLCFG=\"sslversion\",0")).infoPrefixes()).containsExactly("+QSSLCFG:");
        assertThat(REGISTRY.shape(command("AT+QIDEACT")).extraFinals()).containsExactly("DEACT OK");
        assertThat(REGISTRY.shape(command("AT+QILOCIP")).bareLineIsFinal()).isTrue();
    }

    @Test
    void limitsAndErrorSourcesComeFromTheGrammar() {
        assertThat(REGISTRY.limit("pdpContexts").orElseThrow().value()).isEqualTo(3);
        assertThat(REGISTRY.limit("restartIntervalMs").orElseThrow().section()).isEqualTo("1.3.1");
        assertThat(REGISTRY.cmeSection(3815)).contains("HTTP");
        assertThat(REGISTRY.cmeSection(30)).contains("27.007");
    }

    @Test
    void anUnknownFieldInAGrammarIsRejectedWithItsName() {
        assertThatThrownBy(() -> GrammarLibrary.load(ProtocolRegistryTest.class, "unknown-field.json"))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("unknown-field.json")
                .hasMessageContaining("\"maxRespMs\"");
    }

    static ProtocolRegistry registryOf(String resource) {
        Grammar g = GrammarLibrary.load(ProtocolRegistryTest.class, resource);
        ProtocolLibrary lib = new ProtocolLibrary() {
            @Override
            public String id() {
                return g.id();
            }

            @Override
            public Grammar grammar() {
                return g;
            }
        };
        return new ProtocolRegistry(List.of(lib));
    }

    @Test
    void anUnknownParameterTypeOrSizeReferenceIsRefused() {
        assertThatThrownBy(() -> registryOf("bad-type.json"))
                .hasMessageContaining("bad: +X write <n>: type 'integr'; expected one of enum, file, hex, integer, string");
        assertThatThrownBy(() -> registryOf("bad-size.json"))
                .hasMessageContaining("<size>: sizeOf names 'name', which is not a file parameter");
    }

    @Test
    void anAliasOfNoSubcommandIsRefused() {
        Grammar g = GrammarLibrary.load(ProtocolRegistryTest.class, "bad-alias.json");
        ProtocolLibrary lib = new ProtocolLibrary() {
            @Override
            public String id() {
                return g.id();
            }

            @Override
            public Grammar grammar() {
                return g;
            }
        };
        assertThatThrownBy(() -> new ProtocolRegistry(List.of(lib)))
                .hasMessageContaining("+X subcommand \"b\" is an alias of \"c\", which is not defined");
    }

    @Test
    void theGrammarMarksWhatIsSecret() {
        ProtocolRegistry r = ProtocolRegistry.loadDefault();
        var upload = CommandLineParser.parse("AT+QSECWRITE=\"RAM:k.pem\",1679,100").get(0);
        var url = CommandLineParser.parse("AT+QHTTPURL=57,60").get(0);
        var apn = CommandLineParser.parse("AT+QICSGP=1,\"CMNET\",\"user\",\"pw\"").get(0);
        assertThat(r.secretPayload(upload)).as("certificate and key bytes").isTrue();
        assertThat(r.secretPayload(url)).as("a URL is no secret").isFalse();
        assertThat(r.secretParameter(apn, "password")).isTrue();
        assertThat(r.secretParameter(apn, "apn")).isFalse();
    }
}
