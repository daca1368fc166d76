package tn.diwan.mongo;

import de.bwaldvogel.mongo.MongoBackend;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Builds the storage backend: an H2 MVStore file (persistent) or memory, reporting {@link ReportedVersion}. */
final class BackendFactory {

    static final String DATA_FILE = "diwan.mv.db";

    private BackendFactory() {
    }

    static MongoBackend create(ServerOptions options) throws IOException {
        MongoBackend backend;
        if (options.memory()) {
            backend = new DiwanMemoryBackend();
        } else {
            Files.createDirectories(options.dataDir());
            Path file = options.dataDir().resolve(DATA_FILE);
            backend = DiwanH2Backend.open(file);
        }
        return backend.version(ReportedVersion.MONGO_6_0);
    }
}
