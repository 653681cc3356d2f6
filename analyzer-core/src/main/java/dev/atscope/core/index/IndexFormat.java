package dev.atscope.core.index;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.store.Directory;

/**
 * Which layout of fields a local index has (docs/search.md, "The index folder"): written into each
 * commit, checked when an index is opened for writing or searching. An index in another format is
 * refused with what to do, instead of giving hits without their values or mixing two layouts.
 */
final class IndexFormat {

    /** The commit's user data key that holds the format. */
    static final String KEY = "atscope.index.format";
    /**
     * The format this code reads and writes. 1: every shown value in a stored field of its own
     * (written without a format in the commit); 2: the shown values in one stored field, no
     * indexed {@code key}.
     */
    static final int CURRENT = 2;

    private IndexFormat() {}

    /** What each commit carries. */
    static Map<String, String> commitData() {
        return Map.of(KEY, Integer.toString(CURRENT));
    }

    /**
     * Refuses an index in another format.
     *
     * @param folder the index's folder, as the user named it
     * @throws IOException naming the folder, both formats and what to do
     */
    static void check(Directory dir, Path folder) throws IOException {
        if (!DirectoryReader.indexExists(dir)) {
            return;
        }
        String written = SegmentInfos.readLatestCommit(dir).getUserData().get(KEY);
        int found;
        try {
            found = written == null ? 1 : Integer.parseInt(written);
        } catch (NumberFormatException e) {
            found = -1;
        }
        if (found != CURRENT) {
            throw new IOException(folder + ": an atscope index in format " + (found < 0 ? written : found) + ", made by "
                    + (found > CURRENT ? "a newer" : found > 0 ? "an older" : "another") + " atscope; this one reads and writes format "
                    + CURRENT + ": index the traces again into a new folder (or delete this one first)");
        }
    }
}
