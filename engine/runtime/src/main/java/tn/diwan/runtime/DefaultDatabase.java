package tn.diwan.runtime;

import java.nio.file.Path;
import java.util.Map;

/**
 * Without SPRING_DATASOURCE_URL the runtime uses an H2 file under DIWAN_DATA_DIR (default ./data),
 * resolved to an absolute path so the working directory of a later start does not matter.
 * These are Spring default properties: any spring.datasource.url / SPRING_DATASOURCE_URL wins.
 * <p>
 * Durability: H2 2.x (MVStore) writes committed transactions to the file only every WRITE_DELAY ms
 * (500 by default), so a {@code kill -9} lost transactions the runtime had already answered.
 * WRITE_DELAY=0 makes H2 write the store at every commit, before the commit returns (H2's
 * TransactionStore commits the MVStore when its auto-commit delay is 0). That survives a crash of
 * the process; the operating system's cache is not forced to the disk at each commit (H2 does not
 * offer that), so a power cut can still lose the last commits.
 */
final class DefaultDatabase {

    private DefaultDatabase() {
    }

    static Map<String, Object> properties() {
        String dataDir = RequiredEnvironment.value("DIWAN_DATA_DIR");
        Path file = Path.of(dataDir == null ? "data" : dataDir, "runtime", "operaton").toAbsolutePath().normalize();
        return Map.of("spring.datasource.url", "jdbc:h2:file:" + file + ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0");
    }
}
