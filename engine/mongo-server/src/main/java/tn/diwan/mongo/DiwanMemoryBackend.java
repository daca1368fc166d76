package tn.diwan.mongo;

import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;

/** In-memory backend (--memory) that also understands {@code hello} and runs writes one at a time. */
final class DiwanMemoryBackend extends MemoryBackend {

    private final SerializedWrites writes = new SerializedWrites();

    @Override
    public Document handleCommand(Channel channel, String databaseName, String command, Document query) {
        if (HelloCommand.matches(command)) {
            return HelloCommand.answer(query, q -> super.handleCommand(channel, databaseName, "isMaster", q));
        }
        if (writes.isWrite(command)) {
            return writes.run(() -> super.handleCommand(channel, databaseName, command, query));
        }
        return super.handleCommand(channel, databaseName, command, query);
    }
}
