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
 */
final class SerializedWrites {

    private static final Set<String> WRITES = Set.of("findandmodify", "update", "insert", "delete");
    private final ReentrantLock lock = new ReentrantLock(true);

    boolean isWrite(String command) {
        return WRITES.contains(command.toLowerCase());
    }

    Document run(Supplier<Document> write) {
        lock.lock();
        try {
            Document reply = write.get();
            return reply == null ? null : reply.cloneDeeply();
        } finally {
            lock.unlock();
        }
    }
}
