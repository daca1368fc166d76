package tn.diwan.mongo;

import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import de.bwaldvogel.mongo.bson.Document;

import java.util.function.Supplier;

/**
 * mongo-java-server 1.47 answers {@code findAndModify} with the stored document itself, and that
 * reply is encoded after the command returns, when a concurrent update may have changed it: 200
 * concurrent {@code $inc} on one counter end at 200 but return duplicates (measured: 187-190
 * distinct values), which would give two mails the same chrono number. A real MongoDB has no such
 * race. So this server runs write commands one at a time and replies with a deep copy taken
 * before the next write may start.
 * <p>
 * Durability: after each command that changes data (the writes, and collection / index / database
 * changes) the backend commits, still under the lock, and then syncs before the reply leaves (see
 * {@link Durability}; the H2 backend commits and forces its MVStore file). So an acknowledged write
 * survives a {@code kill -9}, and a write that can't be made durable answers an error. Concurrent
 * writers share syncs: a writer whose commit an earlier sync already covered returns at once.
 */
final class SerializedWrites {

    private static final Set<String> WRITES = Set.of("findandmodify", "update", "insert", "delete");
    private static final Set<String> SCHEMA_CHANGES = Set.of(
            "create", "createindexes", "drop", "dropindexes", "dropdatabase", "renamecollection");
    private final ReentrantLock lock = new ReentrantLock(true);
    private final Durability durability;
    /** Commits done so far; incremented under {@link #lock}, so value n means commits 1..n are done. */
    private final AtomicLong committed = new AtomicLong();
    private final Object syncLock = new Object();
    /** Commits forced to the disk so far (guarded by {@link #syncLock}). */
    private long synced;

    SerializedWrites(Durability durability) {
        this.durability = durability;
    }

    boolean isWrite(String command) {
        String name = command.toLowerCase();
        return WRITES.contains(name) || SCHEMA_CHANGES.contains(name);
    }

    Document run(Supplier<Document> write) {
        Document reply = null;
        RuntimeException failure = null;
        long mine;
        lock.lock();
        try {
            try {
                Document stored = write.get();
                reply = stored == null ? null : stored.cloneDeeply();
            } catch (RuntimeException e) {
                failure = e;
            }
            // also after a failed command: a multi-document write may have changed some documents
            durability.commit();
            mine = committed.incrementAndGet();
        } finally {
            lock.unlock();
        }
        syncUpTo(mine);
        if (failure != null) {
            throw failure;
        }
        return reply;
    }

    private void syncUpTo(long commit) {
        synchronized (syncLock) {
            if (synced >= commit) {
                return;
            }
            long upTo = committed.get();
            durability.sync();
            synced = upTo;
        }
    }
}
