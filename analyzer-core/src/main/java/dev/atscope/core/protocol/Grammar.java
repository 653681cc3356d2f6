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
 * @param cmeSection where the error codes are documented, for diagnostics that explain them
 * @param fileStorages where certificates and keys may be stored ({@code RAM}, {@code NVRAM}), by
 *     the prefix of a file name
 * @param limits named limits of the module that session rules use ({@code pdpContexts})
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Grammar(
        String id,
        String title,
        String source,
        List<CommandSpec> commands,
        List<UrcSpec> urcs,
        Map<String, String> cmeErrors,
        String cmeSection,
        Map<String, StorageSpec> fileStorages,
        Map<String, LimitSpec> limits) {

    public Grammar {
        commands = commands == null ? List.of() : List.copyOf(commands);
        urcs = urcs == null ? List.of() : List.copyOf(urcs);
        cmeErrors = cmeErrors == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(cmeErrors));
        fileStorages = fileStorages == null ? Map.of()
                : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(fileStorages));
        limits = limits == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(limits));
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
     * @param params the parameters of the write form, in order; with {@code subcommands}, only the
     *     first one, whose quoted value selects the subcommand
     * @param responses the information responses it may give
     * @param bareResponse the answer is one bare line with no final result after it
     * @param dataMode how {@code CONNECT} leads into data mode, or null
     * @param subcommands for a command whose first parameter selects a sub-form
     *     ({@code AT+QSSLCFG="sslversion",...}): each sub-form by its lower-case first value
     * @param note anything a maintainer should know
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record FormSpec(
            List<ParamSpec> params,
            List<ResponseSpec> responses,
            boolean bareResponse,
            DataModeSpec dataMode,
            Map<String, SubcommandSpec> subcommands,
            String note) {

        public FormSpec {
            params = params == null ? List.of() : List.copyOf(params);
            responses = responses == null ? List.of() : List.copyOf(responses);
            subcommands = subcommands == null ? Map.of()
                    : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(subcommands));
        }
    }

    /**
     * A sub-form of a write form, selected by the quoted first parameter.
     *
     * @param title what it does
     * @param params the parameters after the selecting one, in order
     * @param responses the information responses of its query (the form without its last,
     *     optional parameter)
     * @param aliasOf another spelling of this subcommand that the module also accepts, or null
     * @param note anything a maintainer should know (a misprint, with its section)
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record SubcommandSpec(
            String title,
            List<ParamSpec> params,
            List<ResponseSpec> responses,
            String aliasOf,
            String note) {

        public SubcommandSpec {
            params = params == null ? List.of() : List.copyOf(params);
            responses = responses == null ? List.of() : List.copyOf(responses);
        }
    }

    /**
     * A storage for certificates and keys: a file name {@code "NVRAM:CA0"} names its storage before the colon.
     *
     * @param title what it is
     * @param maxSize the largest file it takes, in bytes
     * @param names the only file names it accepts, each with its role; empty when any name goes
     * @param keptAtRestart whether its files survive a restart of the module
     * @param note anything a maintainer should know
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record StorageSpec(String title, Long maxSize, Map<String, String> names, boolean keptAtRestart,
            String note) {
        public StorageSpec {
            names = names == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(names));
        }
    }

    /**
     * A named limit of the module.
     *
     * @param value the limit
     * @param section where the source says so
     * @param note what it means
     */
    public record LimitSpec(long value, String section, String note) {}

    /**
     * One parameter.
     *
     * @param name its name in the source document
     * @param type {@code integer}, {@code string} (quoted), {@code hex}, {@code enum}, or {@code
     *     file} (a quoted {@code STORAGE:name}, see {@link Grammar#fileStorages()})
     * @param min smallest integer value, or null
     * @param max largest integer value, or null
     * @param optional whether it may be left out
     * @param defaultValue the value when left out, or null
     * @param values for enumerations: each value and its meaning
     * @param list the separator when the value may be a list of values, or null
     * @param sizeOf for a size: the name of the {@code file} parameter whose storage caps it, or null
     * @param secret the value is a secret (an APN password): reports and exports can mask it
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
            String list,
            String sizeOf,
            boolean secret,
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
     * @param secret the bytes are secrets (certificates and private keys): kept out of the index and
     *     masked by reports unless asked for
     */
    public record DataModeSpec(String sender, String lengthParam, boolean secret) {}

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
