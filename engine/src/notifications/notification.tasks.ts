import type { UserTaskDto } from '@diwan/contracts';
import type { EventBus } from '../shared/event-bus.js';
import type { Logger } from '../shared/logger.js';
import type { NotificationService } from './notification.service.js';

/**
 * A step that the circuit gives to one person when it starts (an assignee in the model: a visa, a
 * signature) puts a sentence in that person's bell. Claims are left alone: nobody needs telling
 * that they took a task themselves. Once per task and assignee (dedupe key).
 */
export function notifyAssignedTasks(bus: EventBus, notifications: NotificationService, logger: Logger): void {
  bus.on(
    'userTask.created',
    async (task: UserTaskDto) => {
      if (!task.assignee) return;
      await notifications
        .request({
          channel: 'inApp',
          to: { username: task.assignee },
          template: 'task.assigned',
          language: 'fr',
          data: {
            taskName: task.names?.fr ?? task.name ?? '',
            taskNameAr: task.names?.ar ?? null,
            taskNameEn: task.names?.en ?? null,
            chronoNumber: task.mail?.chronoNumber ?? null,
          },
          dedupeKey: `task:${task.id}:assigned:${task.assignee}`,
          ...(task.businessKey && task.mail ? { mailId: task.businessKey } : {}),
        })
        .catch((err: unknown) => logger.warn({ taskId: task.id, err: (err as Error).message }, 'notifications: task assignment not notified'));
    },
    // after the projections, with the realtime gateway
    0,
  );
}
