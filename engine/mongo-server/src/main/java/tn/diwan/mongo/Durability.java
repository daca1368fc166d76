package tn.diwan.mongo;

/**
 * How a backend makes writes durable before they are acknowledged: {@link #commit()} under the write
 * lock (so a stored version never holds half a command), then {@link #sync()} outside it to force
 * the file. Both are shared: one commit and one sync cover every write done before the commit
 * (group commit, see {@link SerializedWrites}).
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
