package tn.diwan.mongo;

import java.nio.file.Path;

/** Command-line options: --host, --port, --data DIR | --memory. */
record ServerOptions(String host, int port, Path dataDir, boolean memory) {

    static final String USAGE =
            "usage: java -jar diwan-mongo-server.jar [--host 127.0.0.1] [--port 27017] (--data ./data/mongo | --memory)";

    static ServerOptions parse(String[] args) {
        String host = "127.0.0.1";
        int port = 27017;
        Path dataDir = Path.of("data", "mongo");
        boolean memory = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--host" -> host = value(args, ++i, "--host");
                case "--port" -> port = parsePort(value(args, ++i, "--port"));
                case "--data" -> dataDir = Path.of(value(args, ++i, "--data"));
                case "--memory" -> memory = true;
                case "-h", "--help" -> throw new IllegalArgumentException(USAGE);
                default -> throw new IllegalArgumentException("unknown option " + args[i] + "\n" + USAGE);
            }
        }
        return new ServerOptions(host, port, dataDir.toAbsolutePath().normalize(), memory);
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new IllegalArgumentException(option + " needs a value\n" + USAGE);
        }
        return args[i];
    }

    private static int parsePort(String text) {
        try {
            int port = Integer.parseInt(text);
            if (port < 0 || port > 65535) {
                throw new NumberFormatException();
            }
            return port;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("invalid --port " + text);
        }
    }
}
