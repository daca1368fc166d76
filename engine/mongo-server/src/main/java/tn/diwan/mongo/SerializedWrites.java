package tn.diwan.mongo;

import java.util.Set;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
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
 * Durability (group commit): a write command runs under the write lock; its thread then makes it
 * durable before the reply leaves. One thread at a time seals, under the write lock, everything
 * written so far and makes it durable outside it ({@link Durability}); the writers that this covered
 * return at once, the others take the next turn. An acknowledged write survives a {@code kill -9},
 * and a write that can't be made durable answers an error.
 * <p>
 * Reads: the backends hand out the stored documents themselves, and a write may change one in place
 * while a read's reply is being encoded (measured: {@code ConcurrentModificationException} in the
 * encoder under concurrent finds and updates, so the reply was never sent and the driver had to
 * retry; without the exception, a reply could mix two versions of a document). So a read runs
 * while no write does, and replies with a deep copy taken before any write may start.
 */
final class SerializedWrites {

    private static final Set<String> WRITES = Set.of("findandmodify", "update", "insert", "delete");
    private static final Set<String> SCHEMA_CHANGES = Set.of(
            "create", "createindexes", "drop", "dropindexes", "dropdatabase", "renamecollection");
    private final ReentrantReadWriteLock locks = new ReentrantReadWriteLock(true);
    private final Lock lock = locks.writeLock();
    private final Durability durability;
    /** Write commands done so far (guarded by {@link #lock}): value n means writes 1..n ran. */
    private long written;
    private final Object durableLock = new Object();
    /** Writes made durable so far (guarded by {@link #durableLock}). */
    private long durable;

    SerializedWrites(Durability durability) {
        this.durability = durability;
        this.written = durability.lastCommand();
        this.durable = written;
    }

    boolean isWrite(String command) {
        String name = command.toLowerCase();
        return WRITES.contains(name) || SCHEMA_CHANGES.contains(name);
    }

    /** Runs a read command while no write runs; its reply is a copy no later write can change. */
    Document read(Supplier<Document> read) {
        Lock shared = locks.readLock();
        shared.lock();
        try {
            Document reply = read.get();
            return reply == null ? null : reply.cloneDeeply();
        } finally {
            shared.unlock();
        }
    }

    Document run(String command, Supplier<Document> write) {
        Document reply = null;
        RuntimeException failure = null;
        long mine;
        lock.lock();
        try {
            durability.beforeCommand();
            try {
                Document stored = write.get();
                reply = stored == null ? null : stored.cloneDeeply();
            } catch (RuntimeException e) {
                // also made durable: a multi-document write may have changed some documents
                failure = e;
            }
            mine = ++written;
            durability.afterCommand(mine, SCHEMA_CHANGES.contains(command.toLowerCase()));
        } finally {
            lock.unlock();
        }
        makeDurable(mine);
        if (failure != null) {
            throw failure;
        }
        return reply;
    }

    /** Stores everything written so far in the store itself (see {@link Durability#seal}). */
    void checkpoint() {
        synchronized (durableLock) {
            seal(true);
        }
    }

    /** Returns once write number {@code write} is durable, making it so if no one has yet. */
    private void makeDurable(long write) {
        if (durability == Durability.NONE) {
            return;
        }
        synchronized (durableLock) {
            if (durable < write) {
                seal(false);
            }
        }
    }

    private void seal(boolean checkpoint) {
        long upTo;
        Runnable step;
        lock.lock();
        try {
            upTo = written;
            step = durability.seal(upTo, checkpoint);
        } finally {
            lock.unlock();
        }
        step.run();
        durable = upTo;
    }
}
