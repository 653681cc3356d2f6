package dev.atscope.core.index;

import java.util.Arrays;
import java.util.Collection;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TotalHits;

/**
 * The best hits of one slice of the index, in the order the search sorts them: by score (highest
 * first), then time (oldest first), then index order; or by time, then index order. The same order as
 * Lucene's top-hits collector sorting by {@code [score, time]} or {@code [time]} (a missing time is
 * 0), kept here so the page's one pass reads each hit's time once for both the order and the
 * histogram.
 */
final class BestHits {
    private final int n;
    private final boolean byScore;
    /** A heap with the worst kept hit at its root; it grows with the hits, up to n. */
    private float[] heapScores;
    private long[] heapTimes;
    private int[] heapDocs;
    private int size;
    private long total;

    BestHits(int n, boolean byScore) {
        if (n < 1) {
            throw new IllegalArgumentException("at least one hit is kept: " + n);
        }
        this.n = n;
        this.byScore = byScore;
        // most pages are small; a deep page's heap grows as its hits come
        int initial = Math.min(n, 64);
        this.heapScores = new float[initial];
        this.heapTimes = new long[initial];
        this.heapDocs = new int[initial];
    }

    /** Offers a hit; {@code doc} is its index-wide number, which decides between equal scores and times. */
    void offer(int doc, float score, long time) {
        total++;
        if (size < n) {
            if (size == heapDocs.length) {
                int grown = (int) Math.min(n, 2L * heapDocs.length);
                heapScores = Arrays.copyOf(heapScores, grown);
                heapTimes = Arrays.copyOf(heapTimes, grown);
                heapDocs = Arrays.copyOf(heapDocs, grown);
            }
            int i = size++;
            // sift up: the worse of parent and child goes to the top
            while (i > 0) {
                int parent = (i - 1) >>> 1;
                if (!worse(score, time, doc, heapScores[parent], heapTimes[parent], heapDocs[parent])) {
                    break;
                }
                set(i, heapScores[parent], heapTimes[parent], heapDocs[parent]);
                i = parent;
            }
            set(i, score, time, doc);
            return;
        }
        if (!worse(heapScores[0], heapTimes[0], heapDocs[0], score, time, doc)) {
            return; // no better than the worst kept
        }
        // replace the root, sift down
        int i = 0;
        while (true) {
            int child = 2 * i + 1;
            if (child >= size) {
                break;
            }
            if (child + 1 < size && worse(heapScores[child + 1], heapTimes[child + 1], heapDocs[child + 1],
                    heapScores[child], heapTimes[child], heapDocs[child])) {
                child++;
            }
            if (!worse(heapScores[child], heapTimes[child], heapDocs[child], score, time, doc)) {
                break;
            }
            set(i, heapScores[child], heapTimes[child], heapDocs[child]);
            i = child;
        }
        set(i, score, time, doc);
    }

    private void set(int i, float score, long time, int doc) {
        heapScores[i] = score;
        heapTimes[i] = time;
        heapDocs[i] = doc;
    }

    /** Whether hit a comes after hit b in the search's order. */
    private boolean worse(float scoreA, long timeA, int docA, float scoreB, long timeB, int docB) {
        if (byScore && scoreA != scoreB) {
            return Float.compare(scoreA, scoreB) < 0;
        }
        if (timeA != timeB) {
            return timeA > timeB;
        }
        return docA > docB;
    }

    /** The best {@code n} of all slices' hits, best first, with the exact total of hits. */
    static TopDocs merge(Collection<BestHits> slices, int n, boolean byScore) {
        BestHits all = new BestHits(n, byScore);
        long total = 0;
        for (BestHits s : slices) {
            total += s.total;
            for (int i = 0; i < s.size; i++) {
                all.offer(s.heapDocs[i], s.heapScores[i], s.heapTimes[i]);
            }
        }
        Integer[] order = new Integer[all.size];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> all.worse(a, b) ? 1 : all.worse(b, a) ? -1 : 0);
        ScoreDoc[] best = new ScoreDoc[order.length];
        for (int i = 0; i < best.length; i++) {
            int h = order[i];
            best[i] = new ScoreDoc(all.heapDocs[h], byScore ? all.heapScores[h] : Float.NaN);
        }
        return new TopDocs(new TotalHits(total, TotalHits.Relation.EQUAL_TO), best);
    }

    /** Whether the kept hit in slot a comes after the one in slot b. */
    private boolean worse(int a, int b) {
        return worse(heapScores[a], heapTimes[a], heapDocs[a], heapScores[b], heapTimes[b], heapDocs[b]);
    }
}
