package dev.atscope.core.emulator;

import dev.atscope.core.decode.AtArguments;
import dev.atscope.core.decode.AtCommand;
import dev.atscope.core.protocol.Grammar;
import dev.atscope.core.protocol.ProtocolRegistry;
import dev.atscope.core.protocol.quectel.GsmSslContexts;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The SSL settings of AT+QSSLCFG (§2.2.1) as the model holds them ({@link GsmSslContexts}): the
 * answers to its queries, and what an HTTPS request takes from the context HTTPS uses. It holds no
 * setting of its own. A write needs nothing here: the grammar (through the validator) has refused
 * a bad one already, and the model learns a good one from the module's {@code OK}.
 */
final class SslSettings {

    private final ProtocolRegistry registry;
    private final GsmSslContexts model;
    private final CertificateStore files;
    private final CipherSuites suites;

    SslSettings(ProtocolRegistry registry, GsmSslContexts model, CertificateStore files, CipherSuites suites) {
        this.registry = registry;
        this.model = model;
        this.files = files;
        this.suites = suites;
    }

    /**
     * The information line that answers a query (the write form without its value), or empty for a
     * write, which the module accepts.
     */
    Optional<String> answer(AtCommand c) {
        ProtocolRegistry.Sub sub = registry.subcommand(c).orElseThrow(); // the validator refused others
        List<String> p = c.params();
        List<Grammar.ParamSpec> params = sub.params(); // <type> first, as in the command
        if (params.get(params.size() - 1).optional() && p.size() >= params.size()) {
            return Optional.empty(); // a write: the value left out of a query is there
        }
        List<Grammar.ParamSpec> fields = sub.spec().responses().get(0).params();
        String index = perContext(sub) ? p.get(1).strip() : null;
        if (sub.name().equals("ctxindex")) {
            // every setting of the context, in the order of the grammar's answer line
            List<String> out = new ArrayList<>(List.of(index));
            for (Grammar.ParamSpec f : fields.subList(1, fields.size())) {
                out.add(format(f, model.value(index, f.name())));
            }
            return Optional.of("+QSSLCFG: " + String.join(",", out));
        }
        String value = index == null ? model.sharedValue(sub.name()) : model.value(index, sub.name());
        // the type as the host spelt it ("seclevel"), then the value
        return Optional.of("+QSSLCFG: \"" + AtArguments.unquote(p.get(0)) + "\"," + format(fields.get(1), value));
    }

    /**
     * What an HTTPS request made now takes from the context HTTPS uses, with the files it names as
     * stored.
     *
     * @param rtc the module's clock
     */
    TlsSettings tls(Instant rtc) {
        String x = model.httpsContext();
        String ca = model.value(x, "cacert");
        List<Integer> codes = suites.parse(model.value(x, "ciphersuite"));
        return new TlsSettings(SslVersion.of(code(x, "sslversion")), codes, suites.jdkNames(codes),
                SecurityLevel.of(code(x, "secllevel")), files.data(ca).orElse(null),
                files.data(model.value(x, "clientcert")).orElse(null), files.data(model.value(x, "clientkey")).orElse(null),
                model.sharedValue("ignorertctime").equals("1"), rtc, ca);
    }

    private int code(String index, String name) {
        return Integer.parseInt(model.value(index, name).strip());
    }

    private static boolean perContext(ProtocolRegistry.Sub sub) {
        return sub.params().size() > 1 && sub.params().get(1).name().equals("ctxindex");
    }

    /** A value as the module prints it: numbers bare, text and suite lists quoted, suites in capitals. */
    private String format(Grammar.ParamSpec field, String value) {
        return switch (field.type() == null ? "string" : field.type()) {
            case "integer", "enum" -> value;
            case "hex" -> "\"" + CipherSuites.format(suites.parse(value)) + "\"";
            default -> "\"" + value + "\"";
        };
    }
}
