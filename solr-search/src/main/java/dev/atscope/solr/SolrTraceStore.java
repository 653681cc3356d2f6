package dev.atscope.solr;

import dev.atscope.core.index.IndexFields;
import dev.atscope.core.index.TraceDocument;
import dev.atscope.core.index.TraceStore;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.solr.client.solrj.SolrQuery;
import org.apache.solr.client.solrj.SolrRequest;
import org.apache.solr.client.solrj.SolrServerException;
import org.apache.solr.client.solrj.request.AbstractUpdateRequest;
import org.apache.solr.client.solrj.request.UpdateRequest;
import org.apache.solr.client.solrj.util.ClientUtils;
import org.apache.solr.common.SolrException;
import org.apache.solr.common.SolrInputDocument;

/**
 * Writes trace documents into a Solr collection: in batches, each file's documents after its old
 * ones are deleted (the keys are stable: re-indexing replaces), soft commits now and then so that
 * searches see the progress, a hard commit at the end. A request that fails because a node is gone
 * or a shard has no leader for a moment is sent again until {@link #RETRY_MILLIS} have passed;
 * adding a document twice replaces it, so a retry never doubles one.
 */
public final class SolrTraceStore implements TraceStore {

    /** Documents sent in one update request. */
    static final int BATCH = 1000;
    /** Documents between two soft commits. */
    static final long SOFT_COMMIT_EVERY = 50_000;
    /** How long a request is retried while the cluster recovers from a lost node. */
    static final long RETRY_MILLIS = 60_000;

    /** Keyword fields every transaction may have; the others (parameters, firmware) are listed in {@code _fields}. */
    private static final Set<String> NAMED = Set.of(IndexFields.COMMAND, IndexFields.SUBCOMMAND, IndexFields.RULE);

    private final SolrCollection collection;
    private final boolean ownsCollection;
    private final Map<String, List<SolrInputDocument>> pending = new ConcurrentHashMap<>();
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong sinceSoftCommit = new AtomicLong();
    private final AtomicLong retries = new AtomicLong();
    /** Set once a request failed after every retry: the rest of the run fails at once instead of waiting again. */
    private volatile String gone;

    /**
     * A store writing into the collection.
     *
     * @param owns whether closing the store closes the collection's client
     */
    public SolrTraceStore(SolrCollection collection, boolean owns) {
        this.collection = collection;
        this.ownsCollection = owns;
    }

    /** The Solr document of a trace document: each field under its name, the optional keywords' names in {@code _fields}. */
    static SolrInputDocument solr(TraceDocument doc) {
        SolrInputDocument d = new SolrInputDocument();
        Set<String> parameters = new LinkedHashSet<>();
        for (TraceDocument.Field f : doc.fields()) {
            d.addField(f.name(), f.value());
            if (f.kind() == TraceDocument.Kind.KEYWORD && !NAMED.contains(f.name())) {
                parameters.add(f.name());
            }
        }
        for (String p : parameters) {
            d.addField("_fields", p);
        }
        return d;
    }

    @Override
    public void replace(String file) throws IOException {
        pending.put(file, new ArrayList<>());
        String q = IndexFields.FILE + ":" + ClientUtils.escapeQueryChars(file);
        // most files are new: a delete by query costs every replica a pause, so only when there is something to delete
        SolrQuery count = new SolrQuery(q).setRows(0);
        long found = retrying("count the documents of " + file,
                () -> collection.client().query(count, SolrRequest.METHOD.POST).getResults().getNumFound());
        if (found > 0) {
            deleteByQuery(file, q);
        }
    }

    private void deleteByQuery(String file, String q) throws IOException {
        retrying("remove the documents of " + file, () -> new UpdateRequest().deleteByQuery(q).process(collection.client()));
    }

    @Override
    public void add(TraceDocument document) throws IOException {
        String file = (String) document.first(IndexFields.FILE);
        List<SolrInputDocument> batch = pending.computeIfAbsent(file, f -> new ArrayList<>());
        batch.add(solr(document));
        if (batch.size() >= BATCH) {
            send(file, batch);
        }
    }

    private void send(String file, List<SolrInputDocument> batch) throws IOException {
        if (batch.isEmpty()) {
            return;
        }
        List<SolrInputDocument> docs = new ArrayList<>(batch);
        batch.clear();
        retrying("send " + docs.size() + " documents of " + file, () -> {
            UpdateRequest r = new UpdateRequest();
            r.add(docs);
            return r.process(collection.client());
        });
        sent.addAndGet(docs.size());
        if (sinceSoftCommit.addAndGet(docs.size()) >= SOFT_COMMIT_EVERY) {
            sinceSoftCommit.set(0);
            retrying("make the documents visible", () -> new UpdateRequest()
                    .setAction(AbstractUpdateRequest.ACTION.COMMIT, false, false, true).process(collection.client()));
        }
    }

    @Override
    public void fileDone(String file) throws IOException {
        List<SolrInputDocument> batch = pending.remove(file);
        if (batch != null) {
            send(file, batch);
        }
    }

    @Override
    public void fileFailed(String file) throws IOException {
        pending.remove(file);
        deleteByQuery(file, IndexFields.FILE + ":" + ClientUtils.escapeQueryChars(file));
    }

    @Override
    public void commit() throws IOException {
        // durable and visible: a hard commit that opens a new searcher
        retrying("commit", () -> new UpdateRequest().setAction(AbstractUpdateRequest.ACTION.COMMIT, true, true)
                .process(collection.client()));
        sinceSoftCommit.set(0);
    }

    @Override
    public long documents() throws IOException {
        return retrying("count the documents", () -> collection.client().query(new SolrQuery("*:*").setRows(0))
                .getResults().getNumFound());
    }

    /** Documents sent so far. */
    public long sent() {
        return sent.get();
    }

    /** Requests sent again because a node was gone or a shard had no leader. */
    public long retries() {
        return retries.get();
    }

    @FunctionalInterface
    interface Call<T> {
        T run() throws SolrServerException, IOException;
    }

    /** Runs a request, again after a pause while the failure is one a cluster recovers from. */
    <T> T retrying(String what, Call<T> call) throws IOException {
        if (gone != null) {
            throw new IOException("Solr at " + collection.spec() + " could not " + what + ": " + gone);
        }
        long deadline = System.nanoTime() + RETRY_MILLIS * 1_000_000;
        long pause = 250;
        while (true) {
            try {
                return call.run();
            } catch (SolrServerException | IOException | SolrException e) {
                if (!transientFailure(e) || System.nanoTime() + pause * 1_000_000 > deadline) {
                    if (transientFailure(e)) {
                        gone = SolrCollection.reason(e) + " (for a minute)";
                    }
                    throw new IOException("Solr at " + collection.spec() + " could not " + what + ": "
                            + SolrCollection.reason(e), e);
                }
                retries.incrementAndGet();
                try {
                    Thread.sleep(pause);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted while waiting to " + what, ie);
                }
                pause = Math.min(pause * 2, 4000);
            }
        }
    }

    /** A failure a cluster recovers from: a node gone, a shard without a leader, a timeout, an overloaded node. */
    static boolean transientFailure(Exception e) {
        if (e instanceof SolrException s) {
            int code = s.code();
            return code == 503 || code == 500 || code == 502 || code == 504 || code == 510 || code == -1;
        }
        return true; // no answer at all: the node is gone or the network broke
    }

    @Override
    public void close() throws IOException {
        if (ownsCollection) {
            collection.close();
        }
    }
}
