package tn.diwan.runtime.bridge;

import org.operaton.bpm.engine.delegate.DelegateExecution;
import org.operaton.bpm.engine.delegate.DelegateTask;
import org.operaton.bpm.engine.impl.context.Context;
import org.operaton.bpm.engine.impl.history.event.HistoricIncidentEventEntity;
import org.operaton.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.operaton.bpm.engine.impl.persistence.entity.TaskEntity;
import org.operaton.bpm.engine.impl.util.ClockUtil;
import org.operaton.bpm.engine.task.IdentityLink;
import org.operaton.bpm.engine.task.IdentityLinkType;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;

/** Turns engine objects (task, execution, incident history event) into {@link RuntimeEvent}s. */
final class RuntimeEventFactory {

    private RuntimeEventFactory() {
    }

    static RuntimeEvent userTask(String id, String type, DelegateTask task) {
        DelegateExecution execution = task.getExecution();
        return new RuntimeEvent(id, type, now(),
                task.getProcessInstanceId(),
                task.getProcessDefinitionId(),
                definitionKey(execution),
                execution == null ? null : execution.getProcessBusinessKey(),
                userTaskOf(task),
                null,
                null);
    }

    static RuntimeEvent processInstance(String id, String type, DelegateExecution execution) {
        return new RuntimeEvent(id, type, now(),
                execution.getProcessInstanceId(),
                execution.getProcessDefinitionId(),
                definitionKey(execution),
                execution.getProcessBusinessKey(),
                null,
                null,
                null);
    }

    static RuntimeEvent milestone(String id, String type, DelegateExecution execution, RuntimeEvent.Milestone milestone) {
        return new RuntimeEvent(id, type, now(),
                execution.getProcessInstanceId(),
                execution.getProcessDefinitionId(),
                definitionKey(execution),
                execution.getProcessBusinessKey(),
                null,
                null,
                milestone);
    }

    static RuntimeEvent incident(String id, String type, HistoricIncidentEventEntity incident) {
        return new RuntimeEvent(id, type, now(),
                incident.getProcessInstanceId(),
                incident.getProcessDefinitionId(),
                incident.getProcessDefinitionKey(),
                businessKeyOf(incident.getProcessInstanceId()),
                null,
                new RuntimeEvent.Incident(incident.getId(), incident.getIncidentType(),
                        incident.getActivityId(), incident.getIncidentMessage()),
                null);
    }

    private static RuntimeEvent.UserTask userTaskOf(DelegateTask task) {
        List<String> groups = new ArrayList<>();
        List<String> users = new ArrayList<>();
        for (IdentityLink link : task.getCandidates()) {
            if (!IdentityLinkType.CANDIDATE.equals(link.getType())) {
                continue;
            }
            if (link.getGroupId() != null) {
                groups.add(link.getGroupId());
            }
            if (link.getUserId() != null) {
                users.add(link.getUserId());
            }
        }
        return new RuntimeEvent.UserTask(task.getId(), task.getName(), task.getTaskDefinitionKey(),
                task.getAssignee(), groups, users, iso(task.getDueDate()), iso(task.getFollowUpDate()),
                task.getPriority(), formKeyOf(task), iso(task.getCreateTime()), task.getDeleteReason());
    }

    private static String formKeyOf(DelegateTask task) {
        if (!(task instanceof TaskEntity entity)) {
            return null;
        }
        try {
            entity.initializeFormKey();
            return entity.getFormKey();
        } catch (RuntimeException e) {
            return null; // e.g. an expression form key that cannot be resolved here
        }
    }

    private static String definitionKey(DelegateExecution execution) {
        if (execution instanceof ExecutionEntity entity && entity.getProcessDefinition() != null) {
            return entity.getProcessDefinition().getKey();
        }
        return null;
    }

    private static String businessKeyOf(String processInstanceId) {
        if (processInstanceId == null || Context.getCommandContext() == null) {
            return null;
        }
        ExecutionEntity instance = Context.getCommandContext().getExecutionManager().findExecutionById(processInstanceId);
        return instance == null ? null : instance.getBusinessKey();
    }

    private static String now() {
        return ClockUtil.getCurrentTime().toInstant().toString();
    }

    private static String iso(Date date) {
        return date == null ? null : date.toInstant().toString();
    }
}
