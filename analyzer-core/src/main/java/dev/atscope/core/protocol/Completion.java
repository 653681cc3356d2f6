package dev.atscope.core.protocol;

import dev.atscope.core.decode.AtArguments;
import java.util.List;
import java.util.Optional;

/**
 * How a command went, as the line that completes it after its {@code OK} says: {@code +QIOPEN:
 * 0,0} is a success, {@code +QHTTPGET: 0,404} an HTTP error with the status, {@code +QMTCONN:
 * 0,0,5} a refusal by the broker (not authorized).
 *
 * @param spec the grammar's description of the line
 * @param line the line as the module sent it
 * @param ok whether every result field holds a success value
 * @param field the first result field that does not, or null
 * @param value its value, or null
 * @param error what the value means, with its class and where it is documented; null on success
 */
public record Completion(Grammar.CompletionSpec spec, String line, boolean ok, String field, String value,
        KnownError error) {

    /**
     * Reads a line against a completion: empty when the line does not start with its prefix, or a
     * result field holds no number (a further line of the same answer, as the address lines that
     * follow {@code +QIURC: "dnsgip",0,1,600}).
     */
    static Optional<Completion> read(Grammar.CompletionSpec spec, String line, ProtocolRegistry registry) {
        if (!line.startsWith(spec.prefix())) {
            return Optional.empty();
        }
        List<String> fields = AtArguments.split(line.substring(spec.prefix().length()).strip());
        Completion result = null;
        for (Grammar.ResultFieldSpec r : spec.results()) {
            int index = indexOf(spec, r.param());
            if (index < 0 || index >= fields.size() || fields.get(index).isEmpty()) {
                continue; // an optional field left out: absent results do not fail
            }
            String value = fields.get(index).strip();
            long n;
            try {
                n = Long.parseLong(value);
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
            if (result == null && !succeeds(r, value, n)) {
                result = new Completion(spec, line, false, r.param(), value, failure(spec, r, value, n, registry));
            }
        }
        return Optional.of(result != null ? result : new Completion(spec, line, true, null, null, null));
    }

    private static boolean succeeds(Grammar.ResultFieldSpec r, String value, long n) {
        if (r.success().contains(value)) {
            return true;
        }
        return r.successMin() != null && r.successMax() != null && n >= r.successMin() && n <= r.successMax();
    }

    private static KnownError failure(Grammar.CompletionSpec spec, Grammar.ResultFieldSpec r, String value, long n,
            ProtocolRegistry registry) {
        String table = spec.prefix().strip();
        Grammar.ErrorSpec e = r.errors().get(value);
        if (e != null) {
            return new KnownError(table, (int) n, e.text(), classOf(e, r), e.section() != null ? e.section()
                    : spec.section());
        }
        if (r.cme()) {
            Optional<Grammar.ErrorSpec> cme = registry.cmeError((int) n);
            if (cme.isPresent()) {
                return new KnownError("+CME ERROR", (int) n, cme.get().text(), classOf(cme.get(), r),
                        registry.cmeSection((int) n));
            }
        }
        return new KnownError(table, (int) n, null, r.errorClass() != null ? r.errorClass() : ErrorClass.UNKNOWN,
                spec.section());
    }

    private static ErrorClass classOf(Grammar.ErrorSpec e, Grammar.ResultFieldSpec r) {
        if (e.errorClass() != null) {
            return e.errorClass();
        }
        return r.errorClass() != null ? r.errorClass() : ErrorClass.UNKNOWN;
    }

    private static int indexOf(Grammar.CompletionSpec spec, String name) {
        for (int i = 0; i < spec.params().size(); i++) {
            if (spec.params().get(i).name().equals(name)) {
                return i;
            }
        }
        return -1;
    }
}
