import type { CircuitModel, CircuitModels } from '../circuits/circuit-model.js';
import { chronoNumbersOf } from '../mail/mail.instances.js';
import type { RuntimeClient } from '../runtime/runtime.client.js';
import type { ProcessDefinition } from '../runtime/runtime.types.js';
import { NotFoundError } from '../shared/errors.js';
import { pick, type Language } from '../shared/language.js';

const MAIL_ID = /^[0-9a-f]{24}$/i;

/**
 * What every operation reads about circuits and mails: process definitions (deployed ones never
 * change, so each is read once), step and circuit names in the caller's language from the
 * circuit's own `name.ar|fr|en`, and the mail an instance concerns (business key = mail id).
 */
export class OperationsLookup {
  private readonly definitions = new Map<string, Promise<ProcessDefinition>>();

  constructor(
    readonly runtime: RuntimeClient,
    private readonly models: CircuitModels,
  ) {}

  /** A process definition; NotFoundError when the runtime has none with this id. */
  definition(id: string): Promise<ProcessDefinition> {
    let definition = this.definitions.get(id);
    if (!definition) {
      definition = this.runtime.processDefinition(id);
      definition.catch(() => this.definitions.delete(id));
      if (this.definitions.size > 500) this.definitions.delete(this.definitions.keys().next().value!);
      this.definitions.set(id, definition);
    }
    return definition;
  }

  /** The definition, or null when it is unknown (other failures pass through). */
  async definitionOrNull(id: string): Promise<ProcessDefinition | null> {
    return this.definition(id).catch((err: unknown) => {
      if (err instanceof NotFoundError) return null;
      throw err;
    });
  }

  model(definitionId: string): Promise<CircuitModel> {
    return this.models.of(definitionId);
  }

  /** A step's name in that language: its `name.<lang>`, else its BPMN name, else (nothing to show) its id. */
  stepName(model: CircuitModel | null, activityId: string, language: Language): string {
    const names = model?.node(activityId)?.names;
    return names ? pick(names, language) : activityId.replace(/#multiInstanceBody$/, '');
  }

  /** A circuit's name in that language (its process's `name.<lang>`, else the definition's name). */
  circuitName(model: CircuitModel | null, definition: ProcessDefinition, language: Language): string {
    const names = model?.node(definition.key)?.names;
    return names ? pick(names, language) : (definition.name ?? definition.key);
  }

  /** The mails these business keys name: id and chrono number only. */
  async mails(businessKeys: (string | null | undefined)[]): Promise<Map<string, { id: string; chronoNumber: string }>> {
    const numbers = await chronoNumbersOf(businessKeys);
    return new Map([...numbers].map(([id, chronoNumber]) => [id, { id, chronoNumber }]));
  }

  mailIdOf(businessKey: string | null | undefined): string | null {
    return businessKey && MAIL_ID.test(businessKey) ? businessKey : null;
  }
}
