package tn.diwan.runtime.bridge;

import java.util.List;

/**
 * One event posted to the Node engine (POST {engineUrl}/api/runtime-events). Field names are the
 * contract shared with engine; the id is the outbox row id, stable across redelivery.
 */
public record RuntimeEvent(
        String id,
        String type,
        String occurredAt,
        String processInstanceId,
        String processDefinitionId,
        String processDefinitionKey,
        String businessKey,
        UserTask userTask,
        Incident incident,
        Milestone milestone) {

    public static final String USER_TASK_CREATED = "userTask.created";
    public static final String USER_TASK_ASSIGNED = "userTask.assigned";
    public static final String USER_TASK_COMPLETED = "userTask.completed";
    public static final String USER_TASK_DELETED = "userTask.deleted";
    public static final String PROCESS_INSTANCE_STARTED = "processInstance.started";
    public static final String PROCESS_INSTANCE_ENDED = "processInstance.ended";
    public static final String INCIDENT_CREATED = "incident.created";
    public static final String INCIDENT_RESOLVED = "incident.resolved";
    public static final String MILESTONE_REACHED = "milestone.reached";

    public record UserTask(
            String id,
            String name,
            String taskDefinitionKey,
            String assignee,
            List<String> candidateGroups,
            List<String> candidateUsers,
            String dueDate,
            String followUpDate,
            int priority,
            String formKey,
            String createdAt,
            String deleteReason) {
    }

    public record Incident(String id, String incidentType, String activityId, String message) {
    }

    /** A flow node declaring {@code diwan.milestone} started: the mail status it stands for. */
    public record Milestone(String status, String activityId, String activityName) {
    }
}
