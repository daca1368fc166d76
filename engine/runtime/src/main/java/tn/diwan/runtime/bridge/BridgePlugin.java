package tn.diwan.runtime.bridge;

import org.operaton.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.operaton.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.operaton.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.operaton.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;

/** Registers the event bridge with the engine: the parse listener and the incident history handler. */
@Component
public class BridgePlugin extends AbstractProcessEnginePlugin {

    private final EventRecorder recorder;

    public BridgePlugin(EventRecorder recorder) {
        this.recorder = recorder;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<BpmnParseListener> parseListeners = new ArrayList<>(orEmpty(configuration.getCustomPreBPMNParseListeners()));
        parseListeners.add(new BridgeParseListener(recorder));
        configuration.setCustomPreBPMNParseListeners(parseListeners);

        List<HistoryEventHandler> historyHandlers = new ArrayList<>(orEmpty(configuration.getCustomHistoryEventHandlers()));
        historyHandlers.add(new IncidentEventHandler(recorder));
        configuration.setCustomHistoryEventHandlers(historyHandlers);
        configuration.setEnableDefaultDbHistoryEventHandler(true);
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }
}
