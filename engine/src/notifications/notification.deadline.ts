import type { DeadlineNotification, MailDto, NotificationDto, SessionUser } from '@diwan/contracts';
import type { UserTaskService } from '../tasks/user-task.service.js';
import { activeUsersOf, activeUsersWithRole } from '../users/user.service.js';
import type { NotificationService } from './notification.service.js';

/** Sees every open task of an instance, to find who holds the late step. */
const SYSTEM: SessionUser = { username: 'workers', displayName: 'workers', roles: ['supervisor'], departments: [], language: 'fr' };

/**
 * Deadline reminders and escalations (topics deadline.remind / deadline.escalate): in-app to the
 * holders of the instance's open steps (the assignee, else the candidates), the supervisors too on
 * an escalation (or when nobody holds a step), and an e-mail to the deadline desk's addresses
 * (DIWAN_DEADLINE_EMAIL). Each recipient's dedupe key derives from the worker's, so a retried
 * worker adds nothing. The subject of a confidential mail is left out.
 */
export class DeadlineNotifier {
  constructor(
    private readonly notifications: NotificationService,
    private readonly userTasks: UserTaskService,
    private readonly mailOf: (id: string) => Promise<MailDto>,
    private readonly deskEmails: string[],
  ) {}

  async notify(event: DeadlineNotification): Promise<NotificationDto[]> {
    const mail = await this.mailOf(event.mailId);
    const tasks = await this.userTasks.listVisible(SYSTEM, { processInstanceId: event.processInstanceId });
    const holders = new Set<string>();
    for (const task of tasks) {
      if (task.assignee) holders.add(task.assignee);
      else {
        task.candidateUsers.forEach((u) => holders.add(u));
        if (task.candidateGroups.length) (await activeUsersOf(task.candidateGroups)).forEach((u) => holders.add(u.username));
      }
    }
    if (event.kind === 'escalation' || holders.size === 0) (await activeUsersWithRole('supervisor')).forEach((u) => holders.add(u));
    const template = event.kind === 'reminder' ? 'deadline.reminder' : 'deadline.escalation';
    const data = {
      chronoNumber: mail.chronoNumber ?? '',
      subject: mail.confidentiality === 'normal' ? mail.subject.slice(0, 200) : null,
      dueDate: event.dueDate || mail.dueDate || null,
    };
    const sent: NotificationDto[] = [];
    for (const username of [...holders].sort()) {
      sent.push(await this.notifications.request({ channel: 'inApp', to: { username }, template, language: 'fr', data, mailId: mail.id, dedupeKey: `${event.dedupeKey}:inApp:${username}` }));
    }
    for (const email of this.deskEmails) {
      sent.push(await this.notifications.request({ channel: 'email', to: { email }, template, language: mail.language, data, mailId: mail.id, dedupeKey: `${event.dedupeKey}:email:${email}` }));
    }
    return sent;
  }
}
