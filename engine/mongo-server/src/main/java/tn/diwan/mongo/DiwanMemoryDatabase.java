package tn.diwan.mongo;

import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.memory.MemoryCollection;
import de.bwaldvogel.mongo.backend.memory.MemoryDatabase;

/** In-memory database whose collections narrow queries through unique indexes ({@link DiwanMemoryCollection}). */
final class DiwanMemoryDatabase extends MemoryDatabase {

    DiwanMemoryDatabase(String databaseName, CursorRegistry cursorRegistry) {
        super(databaseName, cursorRegistry);
    }

    @Override
    protected MemoryCollection openOrCreateCollection(String collectionName, CollectionOptions options) {
        return new DiwanMemoryCollection(this, collectionName, options, cursorRegistry);
    }
}
