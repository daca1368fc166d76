import { TransientError } from './worker.errors.js';

export interface Receipt {
  number: string;
  businessKey: string;
  issuedAt: string;
}

/** The engine's internal routes that workers call, with the worker token. */
export class EngineApi {
  constructor(
    private readonly baseUrl: string,
    private readonly token: string,
  ) {}

  issueReceipt(businessKey: string, processInstanceId: string): Promise<Receipt> {
    return this.post('/api/internal/receipts', { businessKey, processInstanceId });
  }

  private async post<T>(path: string, body: unknown): Promise<T> {
    let res: Response;
    try {
      res = await fetch(this.baseUrl.replace(/\/+$/, '') + path, {
        method: 'POST',
        headers: { authorization: `Bearer ${this.token}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(10_000),
      });
    } catch (err) {
      throw new TransientError(`engine unreachable: ${(err as Error).message}`, { cause: err });
    }
    if (res.ok) return (await res.json()) as T;
    const text = await res.text();
    // 5xx and 429 may pass; any other 4xx means this worker sent something wrong: a bug.
    if (res.status >= 500 || res.status === 429) throw new TransientError(`engine answered ${res.status}: ${text}`);
    throw new Error(`engine refused ${path} with ${res.status}: ${text}`);
  }
}
