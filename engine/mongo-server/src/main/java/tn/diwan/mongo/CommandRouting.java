package tn.diwan.mongo;

import de.bwaldvogel.mongo.bson.Document;

import java.util.function.BiFunction;

/** What both backends add in front of mongo-java-server's own command handling. */
final class CommandRouting {

    private final SerializedWrites writes;

    /** @param durability makes a write durable before it is acknowledged ({@link Durability#NONE} in memory) */
    CommandRouting(Durability durability) {
        this.writes = new SerializedWrites(durability);
    }

    /** Stores every write so far in the backend's own file (see {@link Durability#seal}). */
    void checkpoint() {
        writes.checkpoint();
    }

    /** @param backend runs the backend's own handling of a command name and query */
    Document handle(String command, Document query, BiFunction<String, Document, Document> backend) {
        if (HelloCommand.matches(command)) {
            return HelloCommand.answer(query, q -> backend.apply("isMaster", q));
        }
        if (writes.isWrite(command)) {
            return writes.run(command, () -> backend.apply(command, query));
        }
        return writes.read(() -> backend.apply(command, query));
    }
}
