package tn.diwan.runtime.bridge;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.util.UUID;
import java.util.function.Function;

/**
 * Called from engine listeners, inside the engine transaction: writes the event to the outbox and
 * wakes the dispatcher after commit. Building the event never throws into the engine (a broken event
 * is logged and dropped); only a failing outbox INSERT does, which rolls the engine's work back too.
 */
@Component
public class EventRecorder {

    private static final Logger log = LoggerFactory.getLogger(EventRecorder.class);

    private final EventOutbox outbox;
    private final EventDispatcher dispatcher;
    private final ObjectMapper json;

    public EventRecorder(EventOutbox outbox, EventDispatcher dispatcher, ObjectMapper json) {
        this.outbox = outbox;
        this.dispatcher = dispatcher;
        this.json = json;
    }

    public void record(String type, Function<String, RuntimeEvent> build) {
        String id = UUID.randomUUID().toString();
        String payload;
        try {
            payload = json.writeValueAsString(build.apply(id));
        } catch (Exception e) {
            log.warn("Dropped {} event: could not build it ({})", type, e.toString());
            return;
        }
        outbox.append(id, payload);
        wakeDispatcherAfterCommit();
    }

    private void wakeDispatcherAfterCommit() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            dispatcher.wake(); // no Spring transaction: the row is already visible
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                dispatcher.wake();
            }
        });
    }
}
