package tn.diwan.mongo;

import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;

/** H2 MVStore file backend that also understands {@code hello} and runs writes one at a time. */
final class DiwanH2Backend extends H2Backend {

    private final SerializedWrites writes = new SerializedWrites();

    DiwanH2Backend(String fileName) {
        super(fileName);
    }

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
