package tn.diwan.runtime.bridge;

import org.operaton.bpm.engine.delegate.DelegateTask;
import org.operaton.bpm.engine.delegate.TaskListener;

import java.util.Map;

/** Built-in task listener on every user task: create, assignment, complete, delete. */
class UserTaskEventListener implements TaskListener {

    static final Map<String, String> TYPES = Map.of(
            TaskListener.EVENTNAME_CREATE, RuntimeEvent.USER_TASK_CREATED,
            TaskListener.EVENTNAME_ASSIGNMENT, RuntimeEvent.USER_TASK_ASSIGNED,
            TaskListener.EVENTNAME_COMPLETE, RuntimeEvent.USER_TASK_COMPLETED,
            TaskListener.EVENTNAME_DELETE, RuntimeEvent.USER_TASK_DELETED);

    private final EventRecorder recorder;

    UserTaskEventListener(EventRecorder recorder) {
        this.recorder = recorder;
    }

    @Override
    public void notify(DelegateTask task) {
        String type = TYPES.get(task.getEventName());
        if (type != null) {
            recorder.record(type, id -> RuntimeEventFactory.userTask(id, type, task));
        }
    }
}
