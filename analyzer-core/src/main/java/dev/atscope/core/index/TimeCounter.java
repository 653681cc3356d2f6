package dev.atscope.core.index;

import java.io.IOException;
import java.util.SortedMap;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SimpleCollector;

/** Counts the hits of one slice of the index by the bucket their time falls into. */
final class TimeCounter extends SimpleCollector {
    private final long bucketMillis;
    /** Buckets and their counts, open addressing on the bucket number: no boxing per hit. */
    private long[] keys = new long[64];
    private long[] values = new long[64];
    private boolean[] used = new boolean[64];
    private int size;
    /** The slot of the last bucket counted, or -1: hits come in index order, mostly in time order. */
    private int lastSlot = -1;
    private long lastBucket;
    private NumericDocValues times;

    TimeCounter(long bucketMillis) {
        this.bucketMillis = bucketMillis;
    }

    @Override
    protected void doSetNextReader(LeafReaderContext context) throws IOException {
        times = DocValues.getNumeric(context.reader(), IndexFields.TIME);
    }

    @Override
    public void collect(int doc) throws IOException {
        if (times.advanceExact(doc)) {
            count(times.longValue());
        }
    }

    /** Counts a hit at {@code time} (milliseconds), read by a collector that reads it for more. */
    void count(long time) {
        add(Math.floorDiv(time, bucketMillis));
    }

    private void add(long bucket) {
        if (lastSlot >= 0 && bucket == lastBucket) {
            values[lastSlot]++;
            return;
        }
        int mask = keys.length - 1;
        int i = Long.hashCode(bucket * 0x9E3779B97F4A7C15L) & mask;
        while (used[i] && keys[i] != bucket) {
            i = (i + 1) & mask;
        }
        if (!used[i]) {
            if (2 * (size + 1) > keys.length) {
                grow();
                add(bucket);
                return;
            }
            used[i] = true;
            keys[i] = bucket;
            size++;
        }
        values[i]++;
        lastSlot = i;
        lastBucket = bucket;
    }

    private void grow() {
        long[] oldKeys = keys;
        long[] oldValues = values;
        boolean[] oldUsed = used;
        keys = new long[oldKeys.length * 2];
        values = new long[oldKeys.length * 2];
        used = new boolean[oldKeys.length * 2];
        size = 0;
        lastSlot = -1;
        for (int j = 0; j < oldKeys.length; j++) {
            if (oldUsed[j]) {
                int mask = keys.length - 1;
                int i = Long.hashCode(oldKeys[j] * 0x9E3779B97F4A7C15L) & mask;
                while (used[i]) {
                    i = (i + 1) & mask;
                }
                used[i] = true;
                keys[i] = oldKeys[j];
                values[i] = oldValues[j];
                size++;
            }
        }
    }

    /** Adds the counts to {@code out}, keyed by the start of each bucket in milliseconds. */
    void addTo(SortedMap<Long, Long> out) {
        for (int i = 0; i < keys.length; i++) {
            if (used[i]) {
                out.merge(keys[i] * bucketMillis, values[i], Long::sum);
            }
        }
    }

    @Override
    public ScoreMode scoreMode() {
        return ScoreMode.COMPLETE_NO_SCORES;
    }
}
