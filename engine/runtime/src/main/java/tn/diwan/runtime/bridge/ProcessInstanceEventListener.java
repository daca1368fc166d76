package tn.diwan.runtime.bridge;

import org.operaton.bpm.engine.delegate.DelegateExecution;
import org.operaton.bpm.engine.delegate.ExecutionListener;

/** Built-in execution listener on the process definition itself, so it fires once per process instance start / end. */
class ProcessInstanceEventListener implements ExecutionListener {

    private final EventRecorder recorder;

    ProcessInstanceEventListener(EventRecorder recorder) {
        this.recorder = recorder;
    }

    @Override
    public void notify(DelegateExecution execution) {
        String type = switch (execution.getEventName()) {
            case ExecutionListener.EVENTNAME_START -> RuntimeEvent.PROCESS_INSTANCE_STARTED;
            case ExecutionListener.EVENTNAME_END -> RuntimeEvent.PROCESS_INSTANCE_ENDED;
            default -> null;
        };
        if (type != null && execution.getId().equals(execution.getProcessInstanceId())) {
            recorder.record(type, id -> RuntimeEventFactory.processInstance(id, type, execution));
        }
    }
}
