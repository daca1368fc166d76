package tn.diwan.runtime;

import java.util.ArrayList;
import java.util.List;

/** Fails fast, before Spring starts, when a required setting is missing. */
final class RequiredEnvironment {

    static final String USER = "DIWAN_RUNTIME_USER";
    static final String PASSWORD = "DIWAN_RUNTIME_PASSWORD";

    private RequiredEnvironment() {
    }

    static void check() {
        List<String> missing = new ArrayList<>();
        for (String name : List.of(USER, PASSWORD)) {
            if (value(name) == null) {
                missing.add(name);
            }
        }
        if (!missing.isEmpty()) {
            System.err.println("diwan-runtime: missing required environment variable(s) " + String.join(", ", missing)
                    + ". They define the admin user for /engine-rest basic auth and the Operaton web apps.");
            System.exit(2);
        }
    }

    /** Environment variable, or a system property of the same name (handy in tests). */
    static String value(String name) {
        String value = System.getProperty(name, System.getenv(name));
        return value == null || value.isBlank() ? null : value;
    }
}
