package dev.atscope.cli;

import dev.atscope.solr.SolrSpec;
import picocli.CommandLine.Option;

/** {@code --solr SPEC}: a SolrCloud collection as the search back end, instead of a local index. */
final class SolrOptions {

    @Option(names = "--solr", paramLabel = "SPEC", description = "a SolrCloud collection instead of a local index:"
            + " zk:HOST:PORT[,HOST:PORT...][/CHROOT]/COLLECTION or http://HOST:PORT/solr/COLLECTION (docs/solr.md)")
    String spec;

    /** Exactly one back end: the local one ({@code local}, given as {@code option}) or --solr. */
    void exactlyOne(Object local, String option) {
        if ((local == null) == (spec == null)) {
            throw new AbstractCommand.UsageException(local == null ? "give " + option + " or --solr SPEC"
                    : "give " + option + " or --solr SPEC, not both");
        }
    }

    /** The spec, read. */
    SolrSpec parsed() {
        try {
            return SolrSpec.parse(spec);
        } catch (IllegalArgumentException e) {
            throw new AbstractCommand.UsageException(TerminalText.safe(e.getMessage()));
        }
    }
}
