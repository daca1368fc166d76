package tn.diwan.mongo;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;

import java.net.InetSocketAddress;

/**
 * Local MongoDB wire server for machines without MongoDB (dev default, tests, CI).
 * Prints exactly one line to stdout when ready; closes the store on SIGTERM / SIGINT.
 */
public final class DiwanMongoServer {

    static final int WORKER_THREADS = 32;

    private DiwanMongoServer() {
    }

    public static void main(String[] args) {
        ServerOptions options;
        try {
            options = ServerOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        try {
            start(options);
        } catch (Exception e) {
            System.err.println("diwan-mongo-server failed to start: " + e);
            System.exit(1);
        }
    }

    private static void start(ServerOptions options) throws Exception {
        MongoBackend backend = BackendFactory.create(options);
        MongoServer server = new MongoServer(backend);
        server.bind(new InetSocketAddress(options.host(), options.port()), 1, WORKER_THREADS);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(server), "diwan-mongo-shutdown"));
        InetSocketAddress address = server.getLocalAddress();
        System.out.println("diwan-mongo-server listening on " + options.host() + ":" + address.getPort());
        System.out.flush();
        if (!options.memory()) {
            System.err.println("storage: " + options.dataDir().resolve(BackendFactory.DATA_FILE));
        }
    }

    /** MongoServer.shutdown() closes the backend too, which commits and closes the H2 MVStore. */
    private static void stop(MongoServer server) {
        try {
            server.shutdown();
        } catch (RuntimeException e) {
            System.err.println("diwan-mongo-server shutdown error: " + e);
        }
    }
}
