package dev.atscope.solr;

import java.io.IOException;

/**
 * The cluster or the collection cannot be used as it is: unreachable, no such collection, a schema
 * that is not atscope's. The message is one line saying what to do.
 */
public final class SolrSetupException extends IOException {
    private static final long serialVersionUID = 1L;

    public SolrSetupException(String message) {
        super(message);
    }

    public SolrSetupException(String message, Throwable cause) {
        super(message, cause);
    }
}
