package tn.diwan.mongo;

import java.util.Set;
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
 * changes) the backend's {@code durable} step runs, still under the lock and before the reply is
 * built: the H2 backend commits and syncs its store there, so an acknowledged write survives a
 * {@code kill -9}. If that step fails, the command answers an error, never an acknowledgement.
 */
final class SerializedWrites {

    private static final Set<String> WRITES = Set.of("findandmodify", "update", "insert", "delete");
    private static final Set<String> SCHEMA_CHANGES = Set.of(
            "create", "createindexes", "drop", "dropindexes", "dropdatabase", "renamecollection");
    private final ReentrantLock lock = new ReentrantLock(true);
    private final Runnable durable;

    /** @param durable makes every change so far durable (runs under the write lock) */
    SerializedWrites(Runnable durable) {
        this.durable = durable;
    }

    boolean isWrite(String command) {
        String name = command.toLowerCase();
        return WRITES.contains(name) || SCHEMA_CHANGES.contains(name);
    }

    Document run(Supplier<Document> write) {
        lock.lock();
        try {
            Document reply;
            try {
                reply = write.get();
            } finally {
                // also after a failed command: a multi-document write may have changed some documents
                durable.run();
            }
            return reply == null ? null : reply.cloneDeeply();
        } finally {
            lock.unlock();
        }
    }
}
