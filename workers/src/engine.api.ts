import type { DeadlineNotification, MailDto, MailStatus, NotificationDto, NotificationRequestInput } from '@diwan/contracts';
import { TransientError } from './worker.errors.js';

export interface Receipt {
  number: string;
  businessKey: string;
  issuedAt: string;
  /** The mail it was recorded on; null for a business key that is no mail. */
  mail: MailDto | null;
}

/** A circuit event the engine records on the mail's audit trail (deadline reminders and escalations). */
export interface CircuitEvent {
  mailId: string;
  processInstanceId: string;
  action: 'deadline.reminded' | 'deadline.escalated';
  details?: Record<string, unknown>;
}

/** The engine's internal routes that workers call, with the worker token. */
export class EngineApi {
  constructor(
    private readonly baseUrl: string,
    private readonly token: string,
  ) {}

  issueReceipt(businessKey: string, processInstanceId: string): Promise<Receipt> {
    return this.send('POST', '/api/internal/receipts', { businessKey, processInstanceId });
  }

  mail(id: string): Promise<MailDto> {
    return this.send('GET', `/api/internal/mails/${encodeURIComponent(id)}`);
  }

  moveMailStatus(id: string, status: MailStatus): Promise<MailDto> {
    return this.send('POST', `/api/internal/mails/${encodeURIComponent(id)}/status`, { status, actor: 'workers' });
  }

  /** The engine dedupes by role and content hash: the same file twice is stored once. */
  attachToMail(id: string, file: { filename: string; contentType: string; content: Buffer }, role: 'receipt' | 'reply'): Promise<MailDto> {
    const form = new FormData();
    form.set('role', role);
    form.set('actor', 'workers');
    form.set('file', new Blob([new Uint8Array(file.content)], { type: file.contentType }), file.filename);
    return this.send('POST', `/api/internal/mails/${encodeURIComponent(id)}/attachments`, form);
  }

  /** The outgoing register's step: the next D number (the same one on a retry), then the stamp on the letter. */
  registerOutgoing(id: string): Promise<MailDto> {
    return this.send('POST', `/api/internal/mails/${encodeURIComponent(id)}/register`, { actor: 'workers' });
  }

  recordCircuitEvent(event: CircuitEvent): Promise<void> {
    return this.send('POST', '/api/internal/circuit-events', event);
  }

  /** Hands a notification to the engine's outbox; the same dedupe key twice is one notification. */
  requestNotification(request: NotificationRequestInput): Promise<NotificationDto> {
    return this.send('POST', '/api/internal/notifications', request);
  }

  /** Deadline reminders and escalations: the engine notifies the step's holders (and supervisors). */
  notifyDeadline(event: DeadlineNotification): Promise<NotificationDto[]> {
    return this.send('POST', '/api/internal/notifications/deadline', event);
  }

  private async send<T>(method: string, path: string, body?: unknown): Promise<T> {
    const headers: Record<string, string> = { authorization: `Bearer ${this.token}` };
    let payload: string | FormData | null = null;
    if (body instanceof FormData) payload = body;
    else if (body !== undefined) {
      headers['content-type'] = 'application/json';
      payload = JSON.stringify(body);
    }
    let res: Response;
    try {
      res = await fetch(this.baseUrl.replace(/\/+$/, '') + path, { method, headers, body: payload, signal: AbortSignal.timeout(20_000) });
    } catch (err) {
      throw new TransientError(`engine unreachable: ${(err as Error).message}`, { cause: err });
    }
    if (res.ok) return (res.status === 204 ? undefined : await res.json()) as T;
    const text = await res.text();
    // 5xx and 429 may pass; any other 4xx means this worker sent something wrong: a bug.
    if (res.status >= 500 || res.status === 429) throw new TransientError(`engine answered ${res.status}: ${text}`);
    throw new Error(`engine refused ${method} ${path} with ${res.status}: ${text}`);
  }
}
