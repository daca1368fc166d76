package tn.diwan.mongo;

import java.lang.reflect.Field;
import java.util.List;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.bson.Document;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

/** H2 database whose collections narrow queries through unique indexes ({@link DiwanH2Collection}) and whose maps are {@link LoggedMap}s. */
final class DiwanH2Database extends H2Database {

    /** The map names H2Database gives a collection's documents and metadata (its own constants are not public). */
    private static final String DATA_PREFIX = "databases.";
    private static final String META_PREFIX = "meta.";
    /** between a collection's namespace and an index name, in an index's map name */
    private static final String INDEX_INFIX = "._index_";

    DiwanH2Database(String databaseName, MVStore mvStore, CursorRegistry cursorRegistry) {
        super(databaseName, mvStore, cursorRegistry);
    }

    @Override
    protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
        MVStore mvStore = store();
        String fullName = getFullCollectionNamespace(collectionName);
        RedoLog log = RedoLog.of(mvStore);
        MVMap<Object, Document> dataMap = mvStore.openMap(DATA_PREFIX + fullName, LoggedMap.builder(log));
        MVMap<String, Object> metaMap = mvStore.openMap(META_PREFIX + fullName, LoggedMap.builder(log));
        return new DiwanH2Collection(this, collectionName, options, dataMap, metaMap, cursorRegistry);
    }

    /** Opens the index's map as a {@link LoggedMap} first: H2Database then finds it open. */
    @Override
    protected Index<Object> openOrCreateUniqueIndex(String collectionName, String indexName, List<IndexKey> keys, boolean sparse) {
        MVStore mvStore = store();
        mvStore.openMap(getFullCollectionNamespace(collectionName) + INDEX_INFIX + indexName, LoggedMap.builder(RedoLog.of(mvStore)));
        return super.openOrCreateUniqueIndex(collectionName, indexName, keys, sparse);
    }

    /**
     * H2Database opens its collections from its constructor, before a subclass's fields are set, and
     * keeps the store in a private field that is set by then: it is read from there.
     */
    private MVStore store() {
        try {
            Field field = H2Database.class.getDeclaredField("mvStore");
            field.setAccessible(true);
            return (MVStore) field.get(this);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("mongo-java-server's H2Database has no mvStore field", e);
        }
    }
}
