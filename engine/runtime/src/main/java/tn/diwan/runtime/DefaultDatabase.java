package tn.diwan.runtime;

import java.nio.file.Path;
import java.util.Map;

/**
 * Without SPRING_DATASOURCE_URL the runtime uses an H2 file under DIWAN_DATA_DIR (default ./data),
 * resolved to an absolute path so the working directory of a later start does not matter.
 * These are Spring default properties: any spring.datasource.url / SPRING_DATASOURCE_URL wins.
 */
final class DefaultDatabase {

    private DefaultDatabase() {
    }

    static Map<String, Object> properties() {
        String dataDir = RequiredEnvironment.value("DIWAN_DATA_DIR");
        Path file = Path.of(dataDir == null ? "data" : dataDir, "runtime", "operaton").toAbsolutePath().normalize();
        return Map.of("spring.datasource.url", "jdbc:h2:file:" + file + ";DB_CLOSE_ON_EXIT=FALSE");
    }
}
