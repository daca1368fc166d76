package tn.diwan.runtime.bridge;

import org.operaton.bpm.engine.delegate.ExecutionListener;
import org.operaton.bpm.engine.delegate.TaskListener;
import org.operaton.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.operaton.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.operaton.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.operaton.bpm.engine.impl.pvm.process.ActivityImpl;
import org.operaton.bpm.engine.impl.pvm.process.ScopeImpl;
import org.operaton.bpm.engine.impl.task.TaskDefinition;
import org.operaton.bpm.engine.impl.util.xml.Element;

/**
 * Adds the bridge's listeners as built-in listeners (they also run with skipCustomListeners and
 * never change the flow): start/end on each process, create/assignment/complete/delete on each user task.
 */
class BridgeParseListener implements BpmnParseListener {

    private final ProcessInstanceEventListener processInstanceListener;
    private final UserTaskEventListener userTaskListener;

    BridgeParseListener(EventRecorder recorder) {
        this.processInstanceListener = new ProcessInstanceEventListener(recorder);
        this.userTaskListener = new UserTaskEventListener(recorder);
    }

    @Override
    public void parseProcess(Element processElement, ProcessDefinitionEntity processDefinition) {
        processDefinition.addBuiltInListener(ExecutionListener.EVENTNAME_START, processInstanceListener);
        processDefinition.addBuiltInListener(ExecutionListener.EVENTNAME_END, processInstanceListener);
    }

    @Override
    public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
        if (!(activity.getActivityBehavior() instanceof UserTaskActivityBehavior behavior)) {
            return;
        }
        TaskDefinition definition = behavior.getTaskDefinition();
        for (String eventName : UserTaskEventListener.TYPES.keySet()) {
            definition.addBuiltInTaskListener(eventName, userTaskListener);
        }
    }
}
