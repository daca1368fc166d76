package tn.diwan.runtime.bridge;

import org.operaton.bpm.engine.impl.history.event.HistoricIncidentEventEntity;
import org.operaton.bpm.engine.impl.history.event.HistoryEvent;
import org.operaton.bpm.engine.impl.history.event.HistoryEventTypes;
import org.operaton.bpm.engine.impl.history.handler.HistoryEventHandler;

import java.util.List;

/**
 * Extra history event handler (next to the default DB one) that turns incident history events into
 * incident.created / incident.resolved. Needs history level FULL, where incident events are produced.
 */
class IncidentEventHandler implements HistoryEventHandler {

    private final EventRecorder recorder;

    IncidentEventHandler(EventRecorder recorder) {
        this.recorder = recorder;
    }

    @Override
    public void handleEvent(HistoryEvent event) {
        if (!(event instanceof HistoricIncidentEventEntity incident)) {
            return;
        }
        String type = typeOf(incident.getEventType());
        if (type != null) {
            recorder.record(type, id -> RuntimeEventFactory.incident(id, type, incident));
        }
    }

    @Override
    public void handleEvents(List<HistoryEvent> events) {
        events.forEach(this::handleEvent);
    }

    private static String typeOf(String eventType) {
        if (HistoryEventTypes.INCIDENT_CREATE.getEventName().equals(eventType)) {
            return RuntimeEvent.INCIDENT_CREATED;
        }
        if (HistoryEventTypes.INCIDENT_RESOLVE.getEventName().equals(eventType)
                || HistoryEventTypes.INCIDENT_DELETE.getEventName().equals(eventType)) {
            return RuntimeEvent.INCIDENT_RESOLVED;
        }
        return null;
    }
}
