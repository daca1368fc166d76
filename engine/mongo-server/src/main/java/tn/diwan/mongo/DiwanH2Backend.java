package tn.diwan.mongo;

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
 * a {@code kill -9} lost acknowledged writes. Here every command that changes data is committed (a
 * new MVStore version written to the file) and the file is synced ({@code FileChannel.force}) before
 * the reply: an acknowledged write is on disk. See {@link SerializedWrites} for the order.
 */
final class DiwanH2Backend extends H2Backend {

    private final CommandRouting routing;

    DiwanH2Backend(String fileName) {
        super(fileName);
        MVStore store = getMvStore();
        this.routing = new CommandRouting(new Durability() {
            @Override
            public void commit() {
                store.commit();
            }

            @Override
            public void sync() {
                store.sync();
            }
        });
    }

    @Override
    protected MongoDatabase openOrCreateDatabase(String databaseName) {
        return new DiwanH2Database(databaseName, getMvStore(), getCursorRegistry());
    }

    @Override
    public Document handleCommand(Channel channel, String databaseName, String command, Document query) {
        return routing.handle(command, query, (name, q) -> super.handleCommand(channel, databaseName, name, q));
    }
}
