package tn.diwan.mongo;

import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;

/** H2 MVStore file backend that also understands {@code hello} and runs writes one at a time. */
final class DiwanH2Backend extends H2Backend {

    private final CommandRouting routing = new CommandRouting();

    DiwanH2Backend(String fileName) {
        super(fileName);
    }

    @Override
    public Document handleCommand(Channel channel, String databaseName, String command, Document query) {
        return routing.handle(command, query, (name, q) -> super.handleCommand(channel, databaseName, name, q));
    }
}
