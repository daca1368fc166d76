package tn.diwan.runtime.bridge;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;

/**
 * diwan.bridge.* (see application.yml for the environment variables they come from).
 *
 * @param engineUrl    base URL of the Node engine; blank = keep events in the outbox
 * @param token        bearer token sent to the engine
 * @param node         this runtime node's name, sent with every batch (default: host name)
 * @param batchSize    rows per POST
 * @param pollInterval how often the dispatcher looks at the outbox without being woken
 * @param maxBackoff   longest pause after failed deliveries
 * @param timeout      connect and request timeout of one POST
 */
@ConfigurationProperties(prefix = "diwan.bridge")
public record BridgeProperties(
        String engineUrl,
        String token,
        String node,
        int batchSize,
        Duration pollInterval,
        Duration maxBackoff,
        Duration timeout) {

    public BridgeProperties {
        if (node == null || node.isBlank()) {
            node = hostName();
        }
    }

    public boolean enabled() {
        return engineUrl != null && !engineUrl.isBlank();
    }

    public String eventsUrl() {
        String base = engineUrl.endsWith("/") ? engineUrl.substring(0, engineUrl.length() - 1) : engineUrl;
        return base + "/api/runtime-events";
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "diwan-runtime";
        }
    }
}
