package dev.atscope.core.protocol;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The grammar of one protocol library, read from JSON (the format is in
 * docs/grammar-and-libraries.md, "The grammar format"). Every list and map is non-null after loading.
 *
 * @param id the library's id
 * @param title a human title
 * @param source the document the grammar was taken from
 * @param commands the commands
 * @param urcs the unsolicited result codes
 * @param cmeErrors {@code +CME ERROR} codes: each one's meaning (its verbose text) and class
 * @param cmeSection where the error codes are documented, for diagnostics that explain them
 * @param cmsErrors {@code +CMS ERROR} codes (SMS), as {@code cmeErrors}
 * @param cmsSection where the {@code +CMS ERROR} codes are documented
 * @param resultCodes the V.250 result codes: text, digit under ATV0, outcome
 * @param fileStorages where certificates and keys may be stored ({@code RAM}, {@code NVRAM}), by
 *     the prefix of a file name
 * @param defaultStorage the storage of a file name without a prefix ({@code UFS} on the LTE
 *     modules), or null when every name must have one
 * @param limits named limits of the module that session rules use ({@code pdpContexts})
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Grammar(
        String id,
        String title,
        String source,
        List<CommandSpec> commands,
        List<UrcSpec> urcs,
        Map<String, ErrorSpec> cmeErrors,
        String cmeSection,
        Map<String, ErrorSpec> cmsErrors,
        String cmsSection,
        List<ResultCodeSpec> resultCodes,
        Map<String, StorageSpec> fileStorages,
        String defaultStorage,
        Map<String, LimitSpec> limits) {

    public Grammar {
        commands = commands == null ? List.of() : List.copyOf(commands);
        urcs = urcs == null ? List.of() : List.copyOf(urcs);
        cmeErrors = cmeErrors == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(cmeErrors));
        cmsErrors = cmsErrors == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(cmsErrors));
        resultCodes = resultCodes == null ? List.of() : List.copyOf(resultCodes);
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
     * @param typicalResponseMs how long the module usually takes to answer (an emulated module waits
     *     this long), or null for the grammar's {@code typicalResponseMs} limit
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
            Long typicalResponseMs,
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
            CompletionSpec completion,
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
     * @param max largest integer value, or null; an {@code integer} with a range and {@code values}
     *     takes any value in the range, the table only gives meanings (reject causes, dBm levels)
     * @param optional whether it may be left out
     * @param defaultValue the value when left out, or null
     * @param initialValue for a parameter that sets something the module keeps: the value it holds
     *     after a restart until a write sets it ({@code AT+QSSLCFG="sslversion"} 4), or null
     * @param values for enumerations: each value and its meaning
     * @param list the separator when the value may be a list of values, or null
     * @param sizeOf for a size: the name of the {@code file} parameter whose storage caps it, or null
     * @param secret the value is a secret (an APN password): reports and exports can mask it
     * @param or another form the value may take instead ({@code AT+CMGL="ALL"} in text mode,
     *     {@code AT+CMGL=4} in PDU mode), or null
     * @param repeats the last parameter may be given again and again ({@code AT+CGACT=1,1,2,3})
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
            String initialValue,
            Map<String, String> values,
            String list,
            String sizeOf,
            boolean secret,
            ParamSpec or,
            boolean repeats,
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
     * Data mode: after {@code CONNECT}, or after the module's {@code >} prompt.
     *
     * @param sender {@code host} (an upload) or {@code module} (a body until the final result)
     * @param lengthParam for the host: the name of the parameter that gives the byte count; after a
     *     prompt, when the command was sent without it, the data ends at Ctrl-Z (sent) or ESC
     *     (cancelled)
     * @param secret the bytes are secrets (certificates and private keys): kept out of the index and
     *     masked by reports unless asked for
     * @param start {@code connect} (the default: data mode follows {@code CONNECT}), {@code
     *     prompt} (the host sends after the module's {@code > }: AT+CMGS, AT+QISEND), or the
     *     module's own line that stands for CONNECT ({@code DOWNLOAD}: SIMCom's AT+HTTPDATA)
     */
    public record DataModeSpec(String sender, String lengthParam, boolean secret, String start) {

        /** Whether the host sends after the {@code >} prompt rather than after {@code CONNECT}. */
        public boolean prompt() {
            return "prompt".equals(start);
        }

        /** The module's line that starts data mode in place of {@code CONNECT}, upper case, or null (CONNECT, or the prompt). */
        public String startLine() {
            return start == null || "connect".equals(start) || prompt() ? null : start.toUpperCase(java.util.Locale.ROOT);
        }
    }

    /**
     * What an error code means.
     *
     * @param text its meaning, which is also its verbose text after AT+CMEE=2
     * @param errorClass what kind of failure it is
     * @param section where it is documented, when not where the table's section says
     * @param note anything a maintainer should know
     * @param when the situations the module answers this code in ({@code name-not-resolved},
     *     {@code handshake-failed}): what an emulated module answers and a recording is read by
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ErrorSpec(String text, @JsonProperty("class") ErrorClass errorClass, String section, String note,
            @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> when) {

        /** An error given by its text alone, as older grammar files write it: its class is unknown. */
        @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
        public static ErrorSpec of(String text) {
            return new ErrorSpec(text, null, null, null, List.of());
        }

        @JsonCreator(mode = JsonCreator.Mode.PROPERTIES)
        public ErrorSpec {
            when = when == null ? List.of() : List.copyOf(when);
        }

        /** Whether the module answers this code in that situation. */
        public boolean answers(String situation) {
            return when.contains(situation);
        }
    }

    /**
     * A V.250 result code.
     *
     * @param text its verbose text ({@code NO CARRIER})
     * @param digit its number under ATV0
     * @param kind {@code final} (ends the command), {@code intermediate} ({@code CONNECT}: data mode
     *     follows, or, for a dial, the command ends) or {@code unsolicited} ({@code RING})
     * @param outcome {@code ok} or {@code error} for the command it ends; null for unsolicited codes
     * @param textMayFollow the code may carry text after a space ({@code CONNECT 9600})
     * @param section where the source defines it
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ResultCodeSpec(String text, int digit, String kind, String outcome, boolean textMayFollow,
            String section) {}

    /**
     * The line that brings a command's real outcome after its {@code OK}: {@code AT+QIOPEN} answers
     * {@code OK} at once and {@code +QIOPEN: <connectID>,<err>} when the connection is up or has
     * failed. The decoder sees the line as an unsolicited result code; {@link
     * ProtocolRegistry#completion} reads it for the command it completes.
     *
     * @param prefix the start of the line ({@code +QIOPEN:}, {@code +QIURC: "dnsgip",})
     * @param params its fields after the prefix, in order
     * @param results the fields that say how the command went, checked in order
     * @param maxResponseMs the longest the module may take to send it, or null when unknown
     * @param section where the source describes it
     * @param note anything a maintainer should know
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record CompletionSpec(String prefix, List<ParamSpec> params, List<ResultFieldSpec> results,
            Long maxResponseMs, String section, String note) {
        public CompletionSpec {
            params = params == null ? List.of() : List.copyOf(params);
            results = results == null ? List.of() : List.copyOf(results);
        }
    }

    /**
     * A field of a completion line that says how the command went.
     *
     * @param param the name of the field among the completion's params
     * @param success the values that mean success ({@code 0}); empty when a range says it
     * @param successMin with {@code successMax}: the range of values that mean success (HTTP
     *     status 200-399), or null
     * @param successMax the end of that range, or null
     * @param errors what each failing value means, with its class; looked up first
     * @param cme a failing value is one of the library's {@code +CME ERROR} codes (the TCP/IP and
     *     HTTP codes of the LTE modules): its meaning and class come from {@code cmeErrors}
     * @param errorClass the class of a failing value that no table names
     * @param note anything a maintainer should know
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ResultFieldSpec(String param, List<String> success, Long successMin, Long successMax,
            Map<String, ErrorSpec> errors, boolean cme, ErrorClass errorClass, String note) {
        public ResultFieldSpec {
            success = success == null ? List.of() : List.copyOf(success);
            errors = errors == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(errors));
        }
    }

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
