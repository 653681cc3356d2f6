package dev.atscope.core.check;

/**
 * The rules every trace is checked with, whatever its libraries: the grammar's (commands,
 * parameters, answers, as {@link CommandValidator} reads them), the results', and the choice of
 * libraries. Their findings cite the section of the command or error code they are about.
 */
public enum CheckRule implements Rule.Listed {
    /** See {@link #summary()} of each constant. */
    COMMAND_UNKNOWN("command.unknown", Severity.INFO, "",
            "a command no library in use knows; not checked"),
    COMMAND_FORM("command.form", Severity.ERROR, "the command's",
            "a form (test, read, write, execute) the command does not have"),
    COMMAND_EXTENSION("command.extension", Severity.WARNING, "the command's",
            "a form the grammar does not list, which the module answered with `OK`: its firmware goes beyond the"
                    + " documented command set, and another module may refuse it"),
    COMMAND_SPACE("command.space", Severity.ERROR, "3.3",
            "a space after `AT+` (the M-series note's typesetting); a module answers ERROR"),
    PARAM_COUNT("param.count", Severity.ERROR, "the command's",
            "more parameters than the form takes, or fewer than it needs"),
    PARAM_MISSING("param.missing", Severity.ERROR, "the command's",
            "an empty place where a value is required"),
    PARAM_TYPE("param.type", Severity.ERROR, "the command's",
            "a number where a quoted string is expected or the reverse, a lost quote, not hexadecimal"),
    PARAM_VALUE("param.value", Severity.ERROR, "the command's",
            "a value outside the parameter's table, an unknown subcommand"),
    PARAM_RANGE("param.range", Severity.ERROR, "the command's",
            "a number outside the parameter's range"),
    PARAM_SPELLING("param.spelling", Severity.INFO, "the command's",
            "another spelling of a subcommand that modules accept (`\"seclevel\"` for `\"secllevel\"`)"),
    FILE_STORAGE("file.storage", Severity.ERROR, "the command's",
            "a file name without a storage the library knows (`RAM:`, `NVRAM:`, `UFS:`)"),
    FILE_NAME("file.name", Severity.ERROR, "the command's",
            "a name the storage does not take (NVRAM: only CA0, CA1, CC0, CK0), or no name after the storage"),
    FILE_SIZE("file.size", Severity.ERROR, "the command's",
            "an upload larger than its storage takes (NVRAM 2025 bytes, RAM 32768)"),
    RESPONSE_COUNT("response.count", Severity.WARNING, "the command's",
            "an answer line with more or fewer fields than the grammar describes"),
    RESPONSE_VALUE("response.value", Severity.WARNING, "the command's",
            "an answer field outside its type, table or range"),
    RESULT_ERROR("result.error", Severity.ERROR, "the error code's",
            "a command failed: the `+CME ERROR` code and its meaning, or how to get one"),
    RESULT_COMPLETION("result.completion", Severity.ERROR, "the command's",
            "the line that completes a command after its `OK` says it failed (`+QIOPEN: 0,565`, `+QHTTPGET: 0,404`,"
                    + " `+QMTCONN: 0,0,5`): the result explained from the grammar's table"),
    RESULT_NO_RESPONSE("result.no-response", Severity.WARNING, "the command's",
            "a command got no answer"),
    RESULT_INTERRUPTED("result.interrupted", Severity.WARNING, "the command's",
            "the module restarted or powered down while a command waited"),
    RESULT_SLOW("result.slow", Severity.WARNING, "the command's",
            "a plain answer (no upload, no body) came later than the command's `maxResponseMs` in the grammar:"
                    + " a host with that timeout gave up first"),
    URC_BURST("urc.burst", Severity.INFO, "",
            "five or more URCs arrived while one command waited for its answer"),
    LIBRARY_MIXED("library.mixed", Severity.WARNING, "",
            "the trace has lines that only another vendor's library accepts (said once); it stays checked with"
                    + " the first");

    private final Rule rule;

    CheckRule(String id, Severity severity, String section, String summary) {
        this.rule = new Rule(id, severity, section, summary);
    }

    @Override
    public Rule rule() {
        return rule;
    }
}
