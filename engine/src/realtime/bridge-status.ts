/** What the engine knows of each runtime node's event bridge, from the batches it posts. */
export interface BridgeNodeStatus {
  node: string;
  lastBatchAt: string;
  /** Events still waiting in that node's outbox after its last batch. */
  pending: number | null;
  /** How old the oldest event of the last batch was when it arrived. */
  lagSeconds: number;
}

/** Kept in memory: each engine node reports what it receives (a fresh engine knows nothing yet). */
export class BridgeStatus {
  private readonly nodes = new Map<string, BridgeNodeStatus>();

  record(node: string, pending: number | undefined, occurredAt: string[]): void {
    const oldest = Math.min(...occurredAt.map((at) => Date.parse(at)).filter((t) => Number.isFinite(t)));
    this.nodes.set(node, {
      node,
      lastBatchAt: new Date().toISOString(),
      pending: pending ?? null,
      lagSeconds: Number.isFinite(oldest) ? Math.max(0, Math.round((Date.now() - oldest) / 100) / 10) : 0,
    });
  }

  all(): BridgeNodeStatus[] {
    return [...this.nodes.values()];
  }
}
