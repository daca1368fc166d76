package tn.diwan.mongo;

import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import de.bwaldvogel.mongo.backend.memory.MemoryDatabase;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;

/** In-memory backend (--memory) that also understands {@code hello}, runs writes one at a time, and narrows
 * queries through unique indexes ({@link IndexedNarrowing}). */
final class DiwanMemoryBackend extends MemoryBackend {

    private final CommandRouting routing = new CommandRouting(Durability.NONE);

    @Override
    public MemoryDatabase openOrCreateDatabase(String databaseName) {
        return new DiwanMemoryDatabase(databaseName, getCursorRegistry());
    }

    @Override
    public Document handleCommand(Channel channel, String databaseName, String command, Document query) {
        return routing.handle(command, query, (name, q) -> super.handleCommand(channel, databaseName, name, q));
    }
}
