import type { DispatchClaimAnswer, DispatchMeans, MailDispatchDto, MailExchangeDto } from '@diwan/contracts';
import { TransientError } from '../worker.errors.js';

/** The engine's internal routes the `mail.dispatch` worker calls, with the worker token. */
export class DispatchApi {
  constructor(
    private readonly baseUrl: string,
    private readonly token: string,
  ) {}

  /** The letter that leaves (PDF), or null when the mail has none. */
  async letter(mailId: string): Promise<{ filename: string; content: Buffer } | null> {
    const res = await this.call('GET', `/api/internal/mails/${encodeURIComponent(mailId)}/dispatch/letter`, undefined, [404]);
    if (res.status === 404) return null;
    const disposition = res.headers.get('content-disposition') ?? '';
    const name = /filename\*=UTF-8''([^;]+)/.exec(disposition)?.[1];
    return { filename: name ? decodeURIComponent(name) : `${mailId}.pdf`, content: Buffer.from(await res.arrayBuffer()) };
  }

  async claim(mailId: string, means: DispatchMeans, recipient: string | null): Promise<DispatchClaimAnswer> {
    return (await this.call('POST', `/api/internal/mails/${encodeURIComponent(mailId)}/dispatch/claim`, { means, recipient })).json() as Promise<DispatchClaimAnswer>;
  }

  async record(mailId: string, body: { means: DispatchMeans; state: 'sent' | 'awaiting_post'; recipient: string | null; reference: string | null }): Promise<MailDispatchDto> {
    return (await this.call('POST', `/api/internal/mails/${encodeURIComponent(mailId)}/dispatch/record`, body)).json() as Promise<MailDispatchDto>;
  }

  /** The exchange module sends the mail to the peer administration (idempotent: the same package on a retry). */
  async sendToPeer(mailId: string, peer: string): Promise<MailExchangeDto> {
    return (await this.call('POST', '/api/internal/exchange/send', { mailId, peer })).json() as Promise<MailExchangeDto>;
  }

  private async call(method: string, path: string, body?: unknown, accept: number[] = []): Promise<Response> {
    let res: Response;
    try {
      res = await fetch(this.baseUrl.replace(/\/+$/, '') + path, {
        method,
        headers: { authorization: `Bearer ${this.token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
        body: body === undefined ? null : JSON.stringify(body),
        signal: AbortSignal.timeout(60_000),
      });
    } catch (err) {
      throw new TransientError(`engine unreachable: ${(err as Error).message}`, { cause: err });
    }
    if (res.ok || accept.includes(res.status)) return res;
    const text = await res.text();
    // 5xx and 429 may pass (503: the peer administration is away); any other 4xx needs a person: an incident.
    if (res.status >= 500 || res.status === 429) throw new TransientError(`engine answered ${res.status} to ${method} ${path}: ${text}`);
    throw new Error(`engine refused ${method} ${path} with ${res.status}: ${text}`);
  }
}
