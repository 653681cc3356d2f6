package dev.atscope.core.index;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
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

    /**
     * Offers a hit; {@code doc} is its index-wide number and grows from one call to the next, so a hit
     * equal in score and time to the worst kept one never displaces it.
     */
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

    boolean byScore() {
        return byScore;
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
    static TopDocs merge(Collection<BestHits> slices, int n) {
        List<long[]> all = new ArrayList<>();
        long total = 0;
        boolean byScore = true;
        for (BestHits s : slices) {
            total += s.total;
            byScore = s.byScore;
            for (int i = 0; i < s.size; i++) {
                all.add(new long[] {Float.floatToRawIntBits(s.heapScores[i]), s.heapTimes[i], s.heapDocs[i]});
            }
        }
        boolean scored = byScore;
        all.sort((a, b) -> {
            if (scored) {
                int c = Float.compare(Float.intBitsToFloat((int) b[0]), Float.intBitsToFloat((int) a[0]));
                if (c != 0) {
                    return c;
                }
            }
            return a[1] != b[1] ? Long.compare(a[1], b[1]) : Long.compare(a[2], b[2]);
        });
        ScoreDoc[] best = new ScoreDoc[Math.min(n, all.size())];
        for (int i = 0; i < best.length; i++) {
            long[] h = all.get(i);
            best[i] = new ScoreDoc((int) h[2], scored ? Float.intBitsToFloat((int) h[0]) : Float.NaN);
        }
        return new TopDocs(new TotalHits(total, TotalHits.Relation.EQUAL_TO), best);
    }
}
