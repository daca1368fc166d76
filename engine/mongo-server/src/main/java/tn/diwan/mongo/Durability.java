package tn.diwan.mongo;

/**
 * How a backend makes a write durable before it is acknowledged: {@link #commit()} right after the
 * write, under the write lock (so a stored version never holds half a command), then {@link #sync()}
 * to force it to the disk. The sync, the costly part, runs outside the lock and is shared: one sync
 * covers every write committed before it started (group commit).
 */
interface Durability {

    /** In memory: nothing to do. */
    Durability NONE = new Durability() {
        @Override
        public void commit() {
        }

        @Override
        public void sync() {
        }
    };

    /** Stores the changes so far as a new version of the file (written, not yet forced). */
    void commit();

    /** Forces what was committed so far to the disk. */
    void sync();
}
