package dev.atscope.report;

import dev.atscope.core.decode.AtArguments;
import dev.atscope.core.decode.AtCommand;
import dev.atscope.core.protocol.Grammar;
import dev.atscope.core.protocol.ProtocolRegistry;
import java.util.ArrayList;
import java.util.List;

/** Names the parameters of a command and says what their values mean, from the grammar. */
final class ParameterMeanings {

    private ParameterMeanings() {}

    /**
     * The parameters of one command, named. The one place the report asks the grammar for them:
     * when the registry resolves sub-commands itself (AT+QSSLCFG's {@code "sslversion"}), this
     * method delegates to it.
     */
    static List<NamedParameter> of(ProtocolRegistry registry, AtCommand c) {
        List<String> values = c.params();
        if (values.isEmpty()) {
            return List.of();
        }
        List<Grammar.ParamSpec> specs = registry.command(c.name())
                .map(s -> s.forms().get(c.form().word()))
                .map(Grammar.FormSpec::params)
                .orElse(List.of());
        List<NamedParameter> out = new ArrayList<>(values.size());
        if (!specs.isEmpty() && specs.get(0).name().equals("type") && AtArguments.isQuoted(values.get(0))) {
            // AT+QSSLCFG="<type>"[,<ctxindex>],<value> (§2.2.1): the value is named after its type
            String type = AtArguments.unquote(values.get(0));
            List<String> names = values.size() >= 3 ? List.of("type", "ctxindex", type) : List.of("type", type);
            for (int i = 0; i < values.size(); i++) {
                out.add(new NamedParameter(i < names.size() ? names.get(i) : "#" + (i + 1), values.get(i), null));
            }
            return out;
        }
        for (int i = 0; i < values.size(); i++) {
            String v = values.get(i);
            if (i < specs.size()) {
                Grammar.ParamSpec p = specs.get(i);
                out.add(new NamedParameter(p.name(), v, p.values().get(AtArguments.unquote(v))));
            } else {
                out.add(new NamedParameter("#" + (i + 1), v, null));
            }
        }
        return out;
    }
}
