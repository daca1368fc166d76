import type { DomainEventName, DomainEvents } from '@diwan/contracts';

type Handler<K extends DomainEventName> = (payload: DomainEvents[K]) => void | Promise<void>;
interface Listener {
  priority: number;
  handler: Handler<never>;
}

/**
 * The engine's one in-process event bus, after diagram-js's EventBus: a service emits a domain
 * event once; audit, the realtime gateway, outboxes and projections subscribe. Listeners run in
 * priority order (higher first) and are awaited, so that an event is fully applied (audited, in
 * the inbox) when `emit` resolves; a listener's failure fails the emit, and the emitter decides.
 * A read model that may lag (the dashboard) queues its work and returns at once.
 */
export class EventBus {
  private readonly listeners = new Map<DomainEventName, Listener[]>();

  on<K extends DomainEventName>(name: K, handler: Handler<K>, priority = 1000): () => void {
    const list = this.listeners.get(name) ?? [];
    const listener: Listener = { priority, handler: handler as Handler<never> };
    list.push(listener);
    list.sort((a, b) => b.priority - a.priority);
    this.listeners.set(name, list);
    return () => this.listeners.set(name, (this.listeners.get(name) ?? []).filter((l) => l !== listener));
  }

  async emit<K extends DomainEventName>(name: K, payload: DomainEvents[K]): Promise<void> {
    for (const { handler } of [...(this.listeners.get(name) ?? [])]) await (handler as Handler<K>)(payload);
  }
}
