package tn.diwan.mongo;

import de.bwaldvogel.mongo.bson.Document;

import java.util.function.Function;

/**
 * mongo-java-server 1.47 answers only the legacy {@code isMaster}. MongoDB 5+ clients may send
 * {@code hello} (always with serverApi / loadBalanced, and tools like mongosh): answer it with the
 * isMaster reply plus the modern {@code isWritablePrimary} field.
 */
final class HelloCommand {

    private HelloCommand() {
    }

    static boolean matches(String command) {
        return "hello".equalsIgnoreCase(command);
    }

    /** @param isMaster runs the backend's own isMaster command for the given query */
    static Document answer(Document query, Function<Document, Document> isMaster) {
        Document legacy = new Document("isMaster", 1);
        Document reply = isMaster.apply(legacy);
        reply.put("isWritablePrimary", Boolean.TRUE.equals(reply.get("ismaster")));
        return reply;
    }
}
