package tn.diwan.mongo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;
import org.h2.mvstore.MVStore;

/**
 * H2 MVStore file backend that also understands {@code hello}, runs writes one at a time, and
 * narrows queries through unique indexes ({@link IndexedNarrowing}).
 * <p>
 * MVStore keeps changes in memory and writes them about once a second (its auto-commit delay), so
 * a {@code kill -9} lost acknowledged writes. Here every command that changes data is in the redo
 * log, on disk, before the reply ({@link RedoLog}); the store is committed once a second
 * ({@link #CHECKPOINT_MS}, its own auto-commit is off) and on close. See {@link SerializedWrites} for the order.
 */
final class DiwanH2Backend extends H2Backend {

    static final long CHECKPOINT_MS = 1000;

    private final RedoLog redoLog;
    private final CommandRouting routing;
    private final ScheduledExecutorService checkpoints = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "diwan-mongo-checkpoint");
        thread.setDaemon(true);
        return thread;
    });

    private DiwanH2Backend(MVStore store, RedoLog redoLog) {
        super(store);
        this.redoLog = redoLog;
        this.routing = new CommandRouting(redoLog);
        checkpoints.scheduleWithFixedDelay(this::checkpoint, CHECKPOINT_MS, CHECKPOINT_MS, TimeUnit.MILLISECONDS);
    }

    /** Opens (or creates) the store {@code file} and its redo log beside it, applying what the log holds. */
    static DiwanH2Backend open(Path file) throws IOException {
        MaintainedFileStore fileStore = new MaintainedFileStore();
        fileStore.open(file.toString(), false, null);
        MVStore store = new MVStore.Builder().adoptFileStore(fileStore).autoCommitDisabled().open();
        return new DiwanH2Backend(store, RedoLog.open(store, Path.of(file + RedoLog.SUFFIX)));
    }

    @Override
    protected MongoDatabase openOrCreateDatabase(String databaseName) {
        return new DiwanH2Database(databaseName, getMvStore(), getCursorRegistry());
    }

    @Override
    public Document handleCommand(Channel channel, String databaseName, String command, Document query) {
        return routing.handle(command, query, (name, q) -> super.handleCommand(channel, databaseName, name, q));
    }

    @Override
    public void close() {
        checkpoints.shutdown();
        try {
            routing.checkpoint();
        } finally {
            super.close(); // commits the store too: the log is then applied again at start, harmlessly
            try {
                redoLog.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private void checkpoint() {
        try {
            routing.checkpoint();
        } catch (RuntimeException e) {
            System.err.println("diwan-mongo-server checkpoint failed (the redo log still holds the writes): " + e);
        }
    }
}
