package dev.atscope.solr;

import dev.atscope.core.index.IndexFields;
import dev.atscope.core.index.LuceneSyntax;
import dev.atscope.core.index.TraceQueries;
import dev.atscope.core.index.TraceSearch;
import java.io.IOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.apache.solr.client.solrj.SolrQuery;
import org.apache.solr.client.solrj.SolrRequest;
import org.apache.solr.client.solrj.SolrServerException;
import org.apache.solr.client.solrj.response.QueryResponse;
import org.apache.solr.client.solrj.response.RangeFacet;
import org.apache.solr.common.SolrDocument;
import org.apache.solr.common.SolrException;
import org.apache.solr.common.util.NamedList;

/**
 * Answers {@code atscope search} from a Solr collection: the query is read exactly as the local
 * index reads it ({@link TraceQueries}) and sent in Lucene syntax, facets come from Solr's JSON
 * facets (refined, so counts over shards are exact), snippets from Solr's unified highlighter set up
 * as the local one (a sentence, the first 4096 characters, matches of the raw text only).
 */
public final class SolrTraceSearch implements TraceSearch {

    /** Around each match in a highlighted snippet: characters no escaped trace text contains. */
    private static final String PRE = "\u0002";
    private static final String POST = "\u0003";
    private static final String FIELDS = String.join(",", IndexFields.KEY, IndexFields.TYPE, IndexFields.FILE,
            IndexFields.DEVICE, IndexFields.TIME, IndexFields.TIME_US, IndexFields.TX_ID, IndexFields.SESSION,
            IndexFields.COMMAND_TEXT, IndexFields.OUTCOME, IndexFields.RESULT, IndexFields.DURATION,
            IndexFields.DURATION_US, "score");

    /**
     * How long the vocabulary read from the collection serves before it is read again: a server that
     * stays up ({@code atscope serve}) learns the commands, fields and outcomes of traces indexed
     * meanwhile, as the local index does with each new commit.
     */
    static final long VOCABULARY_NANOS = TimeUnit.SECONDS.toNanos(10);

    private final SolrCollection collection;
    private final boolean ownsCollection;
    private volatile TraceQueries queries;
    private volatile long vocabularyRead;

    /**
     * Searches the collection; reads what it holds first (fields, outcomes, rules, commands) to read
     * queries as the local index does.
     *
     * @param owns whether closing the search closes the collection's client
     */
    public SolrTraceSearch(SolrCollection collection, boolean owns) throws IOException {
        this.collection = collection;
        this.ownsCollection = owns;
        this.queries = vocabulary();
        this.vocabularyRead = System.nanoTime();
    }

    /** The query reader, with the collection's vocabulary read again when it is old. */
    private TraceQueries queries() throws IOException {
        if (System.nanoTime() - vocabularyRead > VOCABULARY_NANOS) {
            synchronized (this) {
                if (System.nanoTime() - vocabularyRead > VOCABULARY_NANOS) {
                    queries = vocabulary();
                    vocabularyRead = System.nanoTime();
                }
            }
        }
        return queries;
    }

    private TraceQueries vocabulary() throws IOException {
        SolrQuery q = new SolrQuery("*:*").setRows(0);
        StringBuilder json = new StringBuilder("{");
        String[][] dims = {{"outcome", IndexFields.FACET_OUTCOME}, {"rule", IndexFields.FACET_RULE},
            {"type", IndexFields.TYPE}, {"command", IndexFields.FACET_COMMAND}, {"fields", "_fields"}};
        for (String[] d : dims) {
            json.append(json.length() > 1 ? "," : "").append(d[0]).append(":{type:terms,field:").append(d[1])
                    .append(",limit:-1,refine:true}");
        }
        q.add("json.facet", json.append('}').toString());
        QueryResponse r = query(q);
        Map<String, Map<String, Long>> f = buckets(r, List.of("outcome", "rule", "type", "command", "fields"));
        Set<String> commands = new TreeSet<>();
        for (String c : f.get("command").keySet()) {
            String lower = c.toLowerCase(Locale.ROOT);
            commands.add(lower);
        }
        return TraceQueries.over(f.get("fields").keySet(), lower(f.get("outcome").keySet()), lower(f.get("rule").keySet()),
                new TreeSet<>(f.get("type").keySet()), commands);
    }

    private static Set<String> lower(Set<String> values) {
        Set<String> out = new TreeSet<>();
        values.forEach(v -> out.add(v.toLowerCase(Locale.ROOT)));
        return out;
    }

    @Override
    public Result search(Request request) throws IOException {
        long t0 = System.nanoTime();
        TraceQueries.Parsed parsed = queries().read(request);
        String lucene = lucene(parsed);
        int limit = Math.max(0, request.limit());
        SolrQuery q = new SolrQuery(lucene);
        q.set("defType", "lucene");
        q.set("q.op", "OR"); // every clause carries its operator
        q.setRows(limit);
        q.setFields(FIELDS);
        if (request.order() != Order.TIME) {
            q.addSort("score", SolrQuery.ORDER.desc); // equal scores in time order, as locally
        }
        q.addSort(IndexFields.TIME, SolrQuery.ORDER.asc);
        if (limit > 0) {
            q.setHighlight(true);
            q.set("hl.method", "unified");
            q.set("hl.fl", IndexFields.RAW);
            q.set("hl.snippets", 1);
            q.set("hl.fragsize", 1); // sentences as they are (0 would give the whole text, more a length goal)
            q.set("hl.maxAnalyzedChars", 4096);
            q.set("hl.requireFieldMatch", true);
            q.set("hl.defaultSummary", true);
            q.set("hl.tag.pre", PRE);
            q.set("hl.tag.post", POST);
            q.set("hl.encoder", "");
        }
        if (request.facets()) {
            StringBuilder json = new StringBuilder("{");
            for (String field : IndexFields.FACETS) {
                json.append(json.length() > 1 ? "," : "").append(IndexFields.facetName(field))
                        .append(":{type:terms,field:").append(field)
                        .append(",limit:").append(TraceSearch.FACET_VALUES).append(",refine:true}");
            }
            q.add("json.facet", json.append('}').toString());
        }
        QueryResponse r = query(q);
        List<Hit> hits = new ArrayList<>();
        Map<String, Map<String, List<String>>> highlighting = r.getHighlighting();
        for (SolrDocument d : r.getResults()) {
            String key = (String) d.getFirstValue(IndexFields.KEY);
            long timeMicros = number(d, IndexFields.TIME_US);
            long durationMicros = number(d, IndexFields.DURATION_US);
            Object session = d.getFirstValue(IndexFields.SESSION);
            Object score = d.getFirstValue("score");
            List<String> hl = highlighting == null || highlighting.get(key) == null ? null
                    : highlighting.get(key).get(IndexFields.RAW);
            hits.add(new Hit(
                    (String) d.getFirstValue(IndexFields.TYPE),
                    (String) d.getFirstValue(IndexFields.FILE),
                    (String) d.getFirstValue(IndexFields.DEVICE),
                    Instant.EPOCH.plus(timeMicros >= 0 ? timeMicros : number(d, IndexFields.TIME) * 1000, ChronoUnit.MICROS),
                    number(d, IndexFields.TX_ID),
                    session == null ? -1 : Integer.parseInt(session.toString()),
                    (String) d.getFirstValue(IndexFields.COMMAND_TEXT),
                    (String) d.getFirstValue(IndexFields.OUTCOME),
                    (String) d.getFirstValue(IndexFields.RESULT),
                    durationMicros >= 0 ? durationMicros : number(d, IndexFields.DURATION) * 1000,
                    hl == null || hl.isEmpty() ? null : snippet(hl.get(0)),
                    score instanceof Number n ? n.floatValue() : 0));
        }
        Map<String, Map<String, Long>> facets = request.facets()
                ? buckets(r, IndexFields.FACETS.stream().map(IndexFields::facetName).toList()) : Map.of();
        return new Result(r.getResults().getNumFound(), hits, facets, (System.nanoTime() - t0) / 1000,
                parsed.warnings());
    }

    /** A query read by {@link TraceQueries}, in the Lucene syntax Solr reads back to the same query. */
    private static String lucene(TraceQueries.Parsed parsed) {
        try {
            return LuceneSyntax.of(parsed.query());
        } catch (IllegalArgumentException e) {
            throw new BadQueryException(e.getMessage(), e);
        }
    }

    /**
     * Counts the hits over time with a range facet on {@code time} (epoch milliseconds): one request
     * for the first and last hit's time, one for the buckets between them that hold a hit. Ranges over
     * shards add up exactly, so the counts are the local index's.
     */
    @Override
    public SortedMap<Long, Long> countOverTime(Request request, long bucketMillis) throws IOException {
        if (bucketMillis <= 0) {
            throw new IllegalArgumentException("a bucket is at least a millisecond wide: " + bucketMillis);
        }
        String lucene = lucene(queries().read(request));
        SolrQuery span = counting(lucene);
        span.add("json.facet", "{first:'min(" + IndexFields.TIME + ")',last:'max(" + IndexFields.TIME + ")'}");
        NamedList<?> ends = facets(query(span));
        SortedMap<Long, Long> out = new TreeMap<>();
        if (ends == null || !(ends.get("first") instanceof Number first)
                || !(ends.get("last") instanceof Number last)) {
            return out; // no hit
        }
        long start = Math.floorDiv(first.longValue(), bucketMillis) * bucketMillis;
        long end = Math.floorDiv(last.longValue(), bucketMillis) * bucketMillis + bucketMillis;
        // the classic range facet, by doc values: it reads the time of each hit once, however many buckets
        // there are (the JSON range facet runs a range query a bucket: seconds for a year of hours)
        SolrQuery ranges = counting(lucene);
        ranges.setFacet(true);
        ranges.set("facet.range", IndexFields.TIME);
        ranges.set("facet.range.start", Long.toString(start));
        ranges.set("facet.range.end", Long.toString(end));
        ranges.set("facet.range.gap", Long.toString(bucketMillis));
        ranges.set("facet.range.method", "dv");
        ranges.set("facet.mincount", 1);
        for (RangeFacet<?, ?> facet : query(ranges).getFacetRanges()) {
            for (RangeFacet.Count c : facet.getCounts()) {
                if (c.getCount() > 0) {
                    out.put(Long.parseLong(c.getValue()), (long) c.getCount());
                }
            }
        }
        return out;
    }

    /** A query that only counts: no documents, no scores. */
    private static SolrQuery counting(String lucene) {
        SolrQuery q = new SolrQuery(lucene);
        q.set("defType", "lucene");
        q.set("q.op", "OR");
        q.setRows(0);
        return q;
    }

    private static NamedList<?> facets(QueryResponse r) {
        return r.getResponse().get("facets") instanceof NamedList<?> f ? f : null;
    }

    /** A highlighted passage as text with the places that matched. */
    static Snippet snippet(String marked) {
        StringBuilder text = new StringBuilder(marked.length());
        List<Span> spans = new ArrayList<>();
        int start = -1;
        for (int i = 0; i < marked.length(); i++) {
            char c = marked.charAt(i);
            if (c == PRE.charAt(0)) {
                start = text.length();
            } else if (c == POST.charAt(0)) {
                if (start >= 0 && text.length() > start) {
                    spans.add(new Span(start, text.length()));
                }
                start = -1;
            } else {
                text.append(c);
            }
        }
        return new Snippet(text.toString(), spans);
    }

    private QueryResponse query(SolrQuery q) throws IOException {
        try {
            return collection.client().query(q, SolrRequest.METHOD.POST);
        } catch (SolrException e) {
            if (e.code() == 400 && !collection.exists()) { // deleted since it was opened: said as 400 by the client
                throw new IOException("the Solr cluster at " + collection.spec() + " has no collection '"
                        + collection.spec().collection() + "' any more", e);
            }
            if (e.code() == 400) {
                throw new BadQueryException("Solr refused the query: " + SolrCollection.reason(e), e);
            }
            throw new IOException("Solr at " + collection.spec() + " did not answer: " + SolrCollection.reason(e), e);
        } catch (SolrServerException e) {
            throw new IOException("Solr at " + collection.spec() + " did not answer: " + SolrCollection.reason(e), e);
        }
    }

    /** JSON facet buckets by dimension, in Solr's order (count, largest first; then the value). */
    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Long>> buckets(QueryResponse r, List<String> dims) {
        Map<String, Map<String, Long>> out = new LinkedHashMap<>();
        NamedList<Object> facets = (NamedList<Object>) r.getResponse().get("facets");
        for (String dim : dims) {
            Map<String, Long> m = new LinkedHashMap<>();
            Object o = facets == null ? null : facets.get(dim);
            if (o instanceof NamedList<?> nl && nl.get("buckets") instanceof List<?> buckets) {
                for (Object b : buckets) {
                    NamedList<Object> bucket = (NamedList<Object>) b;
                    m.put(String.valueOf(bucket.get("val")), ((Number) bucket.get("count")).longValue());
                }
            }
            out.put(dim, m);
        }
        return out;
    }

    private static long number(SolrDocument d, String field) {
        Object v = d.getFirstValue(field);
        return v instanceof Number n ? n.longValue() : -1;
    }

    @Override
    public void close() {
        if (ownsCollection) {
            collection.close();
        }
    }
}
