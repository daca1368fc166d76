package tn.diwan.mongo;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.bson.Document;
import org.h2.mvstore.MVMap;

/** H2 collection whose queries use a unique index when they name its keys among others ({@link IndexedNarrowing}). */
final class DiwanH2Collection extends H2Collection {

    DiwanH2Collection(MongoDatabase database, String collectionName, CollectionOptions options,
                      MVMap<Object, Document> dataMap, MVMap<String, Object> metaMap, CursorRegistry cursorRegistry) {
        super(database, collectionName, options, dataMap, metaMap, cursorRegistry);
    }

    @Override
    protected QueryResult queryDocuments(Document query, Document orderBy, int numberToSkip, int limit, int batchSize,
                                         Document fieldSelector) {
        return IndexedNarrowing.query(getIndexes(), query,
                positions -> matchDocuments(query, positions, orderBy, numberToSkip, limit, batchSize, fieldSelector),
                () -> super.queryDocuments(query, orderBy, numberToSkip, limit, batchSize, fieldSelector));
    }
}
