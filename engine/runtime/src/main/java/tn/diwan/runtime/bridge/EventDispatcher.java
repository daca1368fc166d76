package tn.diwan.runtime.bridge;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * One thread per node that drains the outbox oldest-first in batches: woken after each commit and on
 * a fixed poll interval; rows are deleted only after a 2xx, otherwise kept and retried with exponential
 * back-off. Delivery is at least once.
 */
@Component
public class EventDispatcher implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(EventDispatcher.class);
    private static final long FIRST_BACKOFF_MS = 500;
    private static final long STOP_WAIT_MS = 1_000;

    private final EventOutbox outbox;
    private final EventBatchSender sender;
    private final BridgeProperties properties;
    private final Object signal = new Object();
    private boolean woken;
    /** Guards `posting`: stop() interrupts the thread only during an HTTP post, never during a database call. */
    private final Object postLock = new Object();
    private boolean posting;
    private volatile Thread thread;
    private long backoffMs;
    private long nextAttemptAt;
    private boolean failing;

    public EventDispatcher(EventOutbox outbox, EventBatchSender sender, BridgeProperties properties) {
        this.outbox = outbox;
        this.sender = sender;
        this.properties = properties;
    }

    /** Never blocks: just signals the dispatcher thread. */
    public void wake() {
        synchronized (signal) {
            woken = true;
            signal.notifyAll();
        }
    }

    @Override
    public void start() {
        if (!properties.enabled()) {
            log.warn("DIWAN_ENGINE_URL is not set: runtime events stay in DIWAN_EVENT_OUTBOX until it is");
            return;
        }
        log.info("Event bridge posting to {} as node '{}'", properties.eventsUrl(), properties.node());
        thread = new Thread(this::loop, "diwan-event-dispatcher");
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * Ends the thread within about a second: a wait ends at once, a post in flight (up to the 5 s HTTP
     * timeout) is interrupted, a database call finishes. Interrupting a JDBC call could break the H2 file
     * channel, so the thread is interrupted only while it posts. Undelivered rows stay in the outbox.
     */
    @Override
    public void stop() {
        Thread running = thread;
        thread = null;
        if (running == null) {
            return;
        }
        wake();
        synchronized (postLock) {
            if (posting) {
                running.interrupt();
            }
        }
        try {
            running.join(STOP_WAIT_MS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return thread != null;
    }

    private void loop() {
        while (thread != null) {
            try {
                if (System.currentTimeMillis() >= nextAttemptAt) {
                    attempt();
                }
                waitForSignal();
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                log.warn("Event dispatcher error: {}", e.toString());
                backOff();
            }
        }
    }

    private void attempt() throws InterruptedException {
        if (drain()) {
            if (failing) {
                log.info("Event bridge delivering again");
            }
            failing = false;
            backoffMs = 0;
        } else {
            backOff();
        }
    }

    /** @return true when the outbox is empty (or holds less than one batch) after successful posts */
    private boolean drain() throws InterruptedException {
        while (thread != null) {
            List<EventOutbox.Row> batch = outbox.oldest(properties.batchSize());
            if (batch.isEmpty()) {
                return true;
            }
            List<String> ids = batch.stream().map(EventOutbox.Row::id).toList();
            if (!post(batch)) {
                outbox.countAttempt(ids);
                return false;
            }
            outbox.delete(ids);
            log.debug("Delivered {} runtime event(s)", ids.size());
            if (batch.size() < properties.batchSize()) {
                return true;
            }
        }
        return true;
    }

    private boolean post(List<EventOutbox.Row> batch) throws InterruptedException {
        try {
            // The engine reports the bridge's backlog in its health: tell it how many events wait here.
            long pending = outbox.size();
            int status;
            synchronized (postLock) {
                posting = true;
            }
            try {
                status = sender.send(batch, pending);
            } finally {
                synchronized (postLock) {
                    posting = false;
                    if (thread == null && Thread.interrupted()) {
                        // stop() interrupted the post: end here, before any database call
                        throw new InterruptedException("stopping");
                    }
                }
            }
            if (status >= 200 && status < 300) {
                return true;
            }
            warnOnce("engine answered HTTP " + status);
        } catch (java.io.IOException e) {
            warnOnce(e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        }
        return false;
    }

    private void warnOnce(String reason) {
        if (!failing) {
            log.warn("Event bridge cannot deliver to {} ({}); keeping events in the outbox and retrying",
                    properties.eventsUrl(), reason);
        }
        failing = true;
    }

    private void backOff() {
        backoffMs = backoffMs == 0 ? FIRST_BACKOFF_MS : Math.min(backoffMs * 2, properties.maxBackoff().toMillis());
        nextAttemptAt = System.currentTimeMillis() + backoffMs;
    }

    private void waitForSignal() throws InterruptedException {
        long untilRetry = nextAttemptAt - System.currentTimeMillis();
        long waitMs = untilRetry > 0 ? untilRetry : properties.pollInterval().toMillis();
        synchronized (signal) {
            if (!woken) {
                signal.wait(Math.max(1, waitMs));
            }
            woken = false;
        }
    }
}
