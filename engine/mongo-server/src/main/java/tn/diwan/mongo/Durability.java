package tn.diwan.mongo;

/**
 * How a backend makes write commands durable before they are acknowledged (see {@link SerializedWrites}
 * for the order). Commands are numbered 1, 2, … in the order they ran; {@link #beforeCommand()} and
 * {@link #afterCommand} are called under the write lock around each, {@link #seal} under the write
 * lock too, and the step it returns outside it, one thread at a time: that step covers every command
 * sealed, so concurrent writers share it (group commit).
 */
interface Durability {

    /** In memory: nothing to do. */
    Durability NONE = new Durability() {
        @Override
        public long lastCommand() {
            return 0;
        }

        @Override
        public void beforeCommand() {
        }

        @Override
        public void afterCommand(long command, boolean schemaChange) {
        }

        @Override
        public Runnable seal(long upTo, boolean checkpoint) {
            return () -> { };
        }
    };

    /** The number of the last command already durable when the server started. */
    long lastCommand();

    /** A write command is about to run. */
    void beforeCommand();

    /** Write command {@code command} ran (perhaps failing part-way); {@code schemaChange}: it created, dropped or renamed something. */
    void afterCommand(long command, boolean schemaChange);

    /**
     * Commands 1..{@code upTo} have run: returns the step (to run outside the write lock) that makes
     * them durable. {@code checkpoint}: into the store itself, so that nothing older needs replaying.
     */
    Runnable seal(long upTo, boolean checkpoint);
}
