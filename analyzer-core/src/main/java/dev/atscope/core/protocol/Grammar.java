package dev.atscope.core.protocol;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The grammar of one protocol library, read from JSON (schema in the README, section "Grammar
 * files"). Every list and map is non-null after loading.
 *
 * @param id the library's id
 * @param title a human title
 * @param source the document the grammar was taken from
 * @param commands the commands
 * @param urcs the unsolicited result codes
 * @param cmeErrors {@code +CME ERROR} codes and their meaning
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Grammar(
        String id,
        String title,
        String source,
        List<CommandSpec> commands,
        List<UrcSpec> urcs,
        Map<String, String> cmeErrors) {

    public Grammar {
        commands = commands == null ? List.of() : List.copyOf(commands);
        urcs = urcs == null ? List.of() : List.copyOf(urcs);
        cmeErrors = cmeErrors == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(cmeErrors));
    }

    /**
     * One command.
     *
     * @param name as sent after AT, upper case: {@code +QSECWRITE}, {@code E}
     * @param title what it does
     * @param section where the source document describes it ({@code 2.2.2})
     * @param maxResponseMs the longest the module may take, or null when unknown
     * @param finals final result texts besides the standard ones ({@code DEACT OK})
     * @param forms the forms it accepts, keyed by {@code test}, {@code read}, {@code write}, {@code execute}
     * @param note anything a maintainer should know (a misprint in the source, with its section)
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record CommandSpec(
            String name,
            String title,
            String section,
            Long maxResponseMs,
            List<String> finals,
            Map<String, FormSpec> forms,
            String note) {

        public CommandSpec {
            finals = finals == null ? List.of() : List.copyOf(finals);
            forms = forms == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(forms));
        }
    }

    /**
     * One form of a command.
     *
     * @param params the parameters of the write form, in order
     * @param responses the information responses it may give
     * @param bareResponse the answer is one bare line with no final result after it
     * @param dataMode how {@code CONNECT} leads into data mode, or null
     * @param note anything a maintainer should know
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record FormSpec(
            List<ParamSpec> params,
            List<ResponseSpec> responses,
            boolean bareResponse,
            DataModeSpec dataMode,
            String note) {

        public FormSpec {
            params = params == null ? List.of() : List.copyOf(params);
            responses = responses == null ? List.of() : List.copyOf(responses);
        }
    }

    /**
     * One parameter.
     *
     * @param name its name in the source document
     * @param type {@code integer}, {@code string} (quoted), {@code hex}, or {@code enum}
     * @param min smallest integer value, or null
     * @param max largest integer value, or null
     * @param optional whether it may be left out
     * @param defaultValue the value when left out, or null
     * @param values for enumerations: each value and its meaning
     * @param note anything a maintainer should know
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ParamSpec(
            String name,
            String type,
            Long min,
            Long max,
            boolean optional,
            String defaultValue,
            Map<String, String> values,
            String note) {

        public ParamSpec {
            values = values == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(values));
        }
    }

    /**
     * An information response line.
     *
     * @param prefix its prefix ({@code +QSECWRITE:}), or null for a bare line
     * @param params its fields, in order
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ResponseSpec(String prefix, List<ParamSpec> params) {
        public ResponseSpec {
            params = params == null ? List.of() : List.copyOf(params);
        }
    }

    /**
     * Data mode after {@code CONNECT}.
     *
     * @param sender {@code host} (a counted upload) or {@code module} (a body until the final result)
     * @param lengthParam for the host: the name of the parameter that gives the byte count
     */
    public record DataModeSpec(String sender, String lengthParam) {}

    /**
     * An unsolicited result code.
     *
     * @param text the whole line, when it is fixed ({@code RDY}), or null
     * @param prefix the start of the line ({@code +CGREG:}), or null
     * @param pattern a regular expression for the whole line, or null
     * @param kind {@code restart}, {@code power-down} or {@code report}
     * @param title what it means
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record UrcSpec(String text, String prefix, String pattern, String kind, String title) {}
}
