import type { RuntimeClient } from '../runtime/runtime.client.js';

export interface CircuitXml {
  id: string;
  bpmn20Xml: string;
}

/**
 * Deployed circuits never change: each one's BPMN is fetched from the runtime once, then served
 * from memory (the most recently opened `limit` of them). A failed fetch is not kept.
 */
export class CircuitXmlCache {
  private readonly cache = new Map<string, Promise<CircuitXml>>();

  constructor(
    private readonly runtime: RuntimeClient,
    private readonly limit = 100,
  ) {}

  of(processDefinitionId: string): Promise<CircuitXml> {
    let xml = this.cache.get(processDefinitionId);
    if (xml) {
      this.cache.delete(processDefinitionId); // most recent last
    } else {
      xml = this.runtime.processDefinitionXml(processDefinitionId);
      xml.catch(() => this.cache.delete(processDefinitionId));
      if (this.cache.size >= this.limit) this.cache.delete(this.cache.keys().next().value!);
    }
    this.cache.set(processDefinitionId, xml);
    return xml;
  }
}
