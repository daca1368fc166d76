package tn.diwan.mongo;

import java.util.HashMap;

import org.h2.mvstore.SingleFileStore;

/**
 * The store's file, whose housekeeping runs when the {@link RedoLog} checkpoints. MVStore does it in
 * its background writer, which runs only with its auto-commit, and that is off here: without it, a
 * chunk that still held one live page (a new mail's, say) was kept whole, and the file grew by
 * about a chunk a second under steady work (183 MB in four minutes for 2 MB of data).
 */
final class MaintainedFileStore extends SingleFileStore {

    /** A chunk with less live data than this (percent), old enough to be rewritten, is. */
    private static final int REWRITE_BELOW_FILL_RATE = 50;
    /** At most this much live data is moved at one checkpoint. */
    private static final int REWRITE_LIMIT_BYTES = 4 << 20;

    MaintainedFileStore() {
        super(new HashMap<>());
    }

    /**
     * What the background writer does after a commit: rewrites the live pages of sparse chunks and
     * moves chunks into holes, a bounded amount each time, only when the file needs it. Pages are
     * moved, not changed, so the redo log's records stay true; the commit that follows stores them.
     */
    void housekeeping() {
        try {
            doHousekeeping(getMvStore());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        // MVStore's own choice, on a busy machine, rewrites only the chunks at or below the average
        // fill of those it may rewrite: under load, chunks just above it (3% live, say) were never
        // freed, and the file went on growing. So every such chunk under half live is rewritten too.
        if (rewriteChunks(REWRITE_LIMIT_BYTES, REWRITE_BELOW_FILL_RATE)) {
            dropUnusedChunks();
        }
    }
}
