import type { CircuitModels } from '../circuits/circuit-model.js';
import type { RuntimeClient } from '../runtime/runtime.client.js';

/** The Camunda property that marks a message catch event (or receive task) as waiting for the citizen. */
export const CITIZEN_REQUEST_PROPERTY = 'diwan.citizenRequest';
/** The property naming the variable that holds the request's text (filled by an earlier form). */
export const CITIZEN_REQUEST_TEXT_PROPERTY = 'diwan.citizenRequestText';

/** A circuit step waiting for the citizen's information. */
export interface WaitingRequest {
  /** The runtime's event subscription: one per wait, so the key of "answered once". */
  subscriptionId: string;
  messageName: string;
  processInstanceId: string;
  /** The request's text as the circuit holds it (empty when it has none). */
  text: string;
  since: string;
}

/**
 * Finds what the mail's circuit waits for from the citizen, if anything: a message subscription of
 * one of its running instances (business key = mail id) whose step declares `diwan.citizenRequest`
 * = true. The engine knows no step: the circuit says which wait is the citizen's, and where the text is.
 */
export async function waitingCitizenRequest(runtime: RuntimeClient, models: CircuitModels, mailId: string): Promise<WaitingRequest | null> {
  for (const instance of await runtime.runningInstancesOf(mailId)) {
    const subscriptions = await runtime.messageSubscriptions(instance.id);
    if (!subscriptions.length) continue;
    const model = await models.of(instance.definitionId);
    for (const subscription of subscriptions) {
      const node = model.node(subscription.activityId);
      if (node?.properties[CITIZEN_REQUEST_PROPERTY] !== 'true' || !subscription.eventName) continue;
      const textVariable = node.properties[CITIZEN_REQUEST_TEXT_PROPERTY];
      const variable = textVariable ? await runtime.processVariable(instance.id, textVariable) : null;
      return {
        subscriptionId: subscription.id,
        messageName: subscription.eventName,
        processInstanceId: instance.id,
        text: typeof variable?.value === 'string' ? variable.value.trim() : '',
        since: new Date(subscription.createdDate).toISOString(),
      };
    }
  }
  return null;
}
