package tn.diwan.runtime.bridge;

import org.operaton.bpm.engine.delegate.ExecutionListener;
import org.operaton.bpm.engine.delegate.TaskListener;
import org.operaton.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.operaton.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.operaton.bpm.engine.impl.bpmn.parser.BpmnParseUtil;
import org.operaton.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.operaton.bpm.engine.impl.pvm.process.ActivityImpl;
import org.operaton.bpm.engine.impl.pvm.process.ScopeImpl;
import org.operaton.bpm.engine.impl.task.TaskDefinition;
import org.operaton.bpm.engine.impl.util.xml.Element;

import java.util.Map;
import java.util.Set;

/**
 * Adds the bridge's listeners as built-in listeners (they also run with skipCustomListeners and
 * never change the flow): start/end on each process, create/assignment/complete/delete on each user task,
 * and start on each flow node that declares a milestone ({@code camunda:property name="diwan.milestone"}).
 */
class BridgeParseListener implements BpmnParseListener {

    private final ProcessInstanceEventListener processInstanceListener;
    private final UserTaskEventListener userTaskListener;
    private final EventRecorder recorder;
    private static final Set<String> SCOPES = Set.of("subProcess", "transaction", "adHocSubProcess");

    BridgeParseListener(EventRecorder recorder) {
        this.recorder = recorder;
        this.processInstanceListener = new ProcessInstanceEventListener(recorder);
        this.userTaskListener = new UserTaskEventListener(recorder);
    }

    @Override
    public void parseProcess(Element processElement, ProcessDefinitionEntity processDefinition) {
        processDefinition.addBuiltInListener(ExecutionListener.EVENTNAME_START, processInstanceListener);
        processDefinition.addBuiltInListener(ExecutionListener.EVENTNAME_END, processInstanceListener);
        addMilestoneListeners(processElement, processDefinition);
    }

    /**
     * Called once the whole process is parsed: walks its elements (sub-processes included) and puts a
     * milestone listener on every activity (task, event, gateway, sub-process) that declares one.
     */
    private void addMilestoneListeners(Element scopeElement, ProcessDefinitionEntity processDefinition) {
        for (Element element : scopeElement.elements()) {
            String id = element.attribute("id");
            if (id != null) {
                Map<String, String> properties = BpmnParseUtil.parseOperatonExtensionProperties(element);
                String status = properties == null ? null : properties.get(MilestoneListener.PROPERTY);
                ActivityImpl activity = processDefinition.findActivity(id);
                if (status != null && !status.isBlank() && activity != null) {
                    RuntimeEvent.Milestone milestone = new RuntimeEvent.Milestone(status.trim(), id, element.attribute("name"));
                    activity.addBuiltInListener(ExecutionListener.EVENTNAME_START, new MilestoneListener(recorder, milestone));
                }
            }
            if (SCOPES.contains(element.getTagName())) {
                addMilestoneListeners(element, processDefinition);
            }
        }
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
