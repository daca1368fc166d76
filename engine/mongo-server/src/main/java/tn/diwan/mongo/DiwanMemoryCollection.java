package tn.diwan.mongo;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.memory.MemoryCollection;
import de.bwaldvogel.mongo.bson.Document;

/** In-memory collection whose queries use a unique index when they name its keys among others ({@link IndexedNarrowing}). */
final class DiwanMemoryCollection extends MemoryCollection {

    DiwanMemoryCollection(MongoDatabase database, String collectionName, CollectionOptions options,
                          CursorRegistry cursorRegistry) {
        super(database, collectionName, options, cursorRegistry);
    }

    @Override
    protected QueryResult queryDocuments(Document query, Document orderBy, int numberToSkip, int limit, int batchSize,
                                         Document fieldSelector) {
        return IndexedNarrowing.query(getIndexes(), query,
                positions -> matchDocuments(query, positions, orderBy, numberToSkip, limit, batchSize, fieldSelector),
                () -> super.queryDocuments(query, orderBy, numberToSkip, limit, batchSize, fieldSelector));
    }
}
