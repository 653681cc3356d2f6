package dev.atscope.core.index;

/**
 * Every field name of the trace index, in one place, shared by the writer and the searcher. The
 * page docs/search.md lists them for users.
 */
public final class IndexFields {

    private IndexFields() {}

    /** {@code transaction} or {@code session}: keyword. */
    public static final String TYPE = "type";
    /** Unique key of a document (file#tx or file#session): a Solr collection's update key; not in the local index. */
    public static final String KEY = "key";
    /** The trace file's path as given (normalised, absolute): keyword, stored; re-indexing a file replaces all documents with this value. */
    public static final String FILE = "file";
    /** Device name (the trace's {@code device} tag, else its host port, else the file name): lower-case keyword, stored. */
    public static final String DEVICE = "device";
    /** Session number within the file, from 1: keyword, stored. */
    public static final String SESSION = "session";
    /** Wall-clock start in epoch milliseconds: long point for ranges, doc values for sorting, stored. */
    public static final String TIME = "time";
    /** Duration in milliseconds: long point for ranges, stored. */
    public static final String DURATION = "duration";
    /** Wall-clock start in epoch microseconds, as every JSON output gives times: stored only. */
    public static final String TIME_US = "time_us";
    /** Duration in microseconds, as every JSON output gives durations: stored only. */
    public static final String DURATION_US = "duration_us";
    /** Command names with and without the {@code +} ({@code qsslcfg}, {@code +qsslcfg}): lower-case keyword. */
    public static final String COMMAND = "command";
    /** The command line as sent: stored only, for display. */
    public static final String COMMAND_TEXT = "command_text";
    /** The first parameter of a command with subcommands ({@code sslversion} of AT+QSSLCFG): lower-case keyword. */
    public static final String SUBCOMMAND = "subcommand";
    /** The final result text: lower-case keyword ({@code +cme error: 3815}), stored as sent ({@code +CME ERROR: 3815}). */
    public static final String RESULT = "result";
    /** Transaction outcome ({@code ok}, {@code error}, {@code no-response}, {@code interrupted}) or session outcome: lower-case keyword. */
    public static final String OUTCOME = "outcome";
    /** +CME ERROR code: long point (exact and ranges), stored. */
    public static final String ERROR = "error";
    /** The meaning of the error code: analysed text, stored. */
    public static final String ERROR_MEANING = "error_meaning";
    /** Rule ids of the diagnostics on the document: lower-case keyword. */
    public static final String RULE = "rule";
    /** Command, responses, result and (unless secret) payload text: analysed with {@link AtAnalyzer}, stored for snippets. */
    public static final String RAW = "raw";
    /** The trace's {@code firmware} tag, when it has one: lower-case keyword. */
    public static final String FIRMWARE = "firmware";
    /** Transaction id within the file: stored. */
    public static final String TX_ID = "tx";
    /** Offset of the command in the host stream, for jumping to it: stored. */
    public static final String OFFSET = "offset";

    /** The local index's stored values but {@link #RAW} and {@link #ERROR_MEANING}, in one binary field ({@link ShownValues}). */
    public static final String SHOWN = "_shown";

    /** Facet dimensions (sorted-set doc values). */
    public static final String FACET_OUTCOME = "f_outcome";
    public static final String FACET_COMMAND = "f_command";
    public static final String FACET_ERROR = "f_error";
    public static final String FACET_RULE = "f_rule";
    /** The device as named (its {@code device} tag, else its port or file). */
    public static final String FACET_DEVICE = "f_device";
    /** The trace's {@code firmware} tag. */
    public static final String FACET_FIRMWARE = "f_firmware";

    /** The facet dimensions in the order results list them, whichever back end counts them. */
    public static final java.util.List<String> FACETS = java.util.List.of(FACET_OUTCOME, FACET_COMMAND, FACET_ERROR,
            FACET_RULE, FACET_DEVICE, FACET_FIRMWARE);

    /** A facet dimension's name in a result ({@code outcome} for {@link #FACET_OUTCOME}). */
    public static String facetName(String facetField) {
        return facetField.substring(2);
    }

    /** Fields holding one lower-case keyword per value; queries on them are lower-cased too. */
    static final String[] KEYWORDS = {TYPE, KEY, DEVICE, SESSION, COMMAND, SUBCOMMAND, RESULT, OUTCOME, RULE, FIRMWARE};
}
