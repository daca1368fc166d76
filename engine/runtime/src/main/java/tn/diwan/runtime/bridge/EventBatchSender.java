package tn.diwan.runtime.bridge;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

/** POSTs one batch {"node", "pending", "events": [...]} to the engine. True on 2xx. */
@Component
public class EventBatchSender {

    private final BridgeProperties properties;
    private final ObjectMapper json;
    private final HttpClient http;

    public EventBatchSender(BridgeProperties properties, ObjectMapper json) {
        this.properties = properties;
        this.json = json;
        // HTTP/1.1: the default h2c upgrade would be cut off by the engine, whose upgrade handler is Socket.io.
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(properties.timeout()).build();
    }

    /** @return the HTTP status */
    public int send(List<EventOutbox.Row> rows, long pending) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(properties.eventsUrl()))
                .timeout(properties.timeout())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body(rows, pending)));
        if (properties.token() != null && !properties.token().isBlank()) {
            request.header("Authorization", "Bearer " + properties.token());
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private String body(List<EventOutbox.Row> rows, long pending) throws IOException {
        ObjectNode body = json.createObjectNode();
        body.put("node", properties.node());
        body.put("pending", pending);
        ArrayNode events = body.putArray("events");
        for (EventOutbox.Row row : rows) {
            events.add(json.readTree(row.payload()));
        }
        return json.writeValueAsString(body);
    }
}
