package tn.diwan.runtime.bridge;

import org.operaton.bpm.engine.delegate.DelegateExecution;
import org.operaton.bpm.engine.delegate.ExecutionListener;

/**
 * Built-in start listener on a flow node that declares {@code diwan.milestone}: records
 * {@code milestone.reached} in the engine's transaction. The node's status, id and name are read at
 * parse time, so the event names the node as drawn (not a multi-instance body).
 */
class MilestoneListener implements ExecutionListener {

    static final String PROPERTY = "diwan.milestone";

    private final EventRecorder recorder;
    private final RuntimeEvent.Milestone milestone;

    MilestoneListener(EventRecorder recorder, RuntimeEvent.Milestone milestone) {
        this.recorder = recorder;
        this.milestone = milestone;
    }

    @Override
    public void notify(DelegateExecution execution) {
        recorder.record(RuntimeEvent.MILESTONE_REACHED,
                id -> RuntimeEventFactory.milestone(id, RuntimeEvent.MILESTONE_REACHED, execution, milestone));
    }
}
