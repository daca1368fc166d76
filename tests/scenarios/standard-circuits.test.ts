import { describe, expect, it } from '@jest/globals';
import { api, login, runtimeApi, uniqueKey, waitFor } from '../harness/stack.js';

/**
 * The standard circuits as the engine deploys them at start: one per direction, their forms, and the
 * decision that suggests the triage department of an incoming mail.
 */
interface Definition {
  key: string;
  version: number;
}
type Variables = Record<string, { value: unknown; type: string }>;
const string = (value: string | null) => ({ value, type: value === null ? 'Null' : 'String' });

/** Waits for the one open task of an instance, and returns it with its candidate groups. */
async function nextTask(instanceId: string, key: string): Promise<{ id: string; assignee: string | null; groups: string[] }> {
  const task = await waitFor(`the ${key} task`, async () => (await runtimeApi<{ id: string; taskDefinitionKey: string; assignee: string | null }[]>('GET', `/task?processInstanceId=${instanceId}`)).find((t) => t.taskDefinitionKey === key));
  const links = await runtimeApi<{ groupId: string | null; type: string }[]>('GET', `/task/${task.id}/identity-links?type=candidate`);
  return { id: task.id, assignee: task.assignee, groups: links.map((l) => l.groupId).filter((g): g is string => g !== null) };
}
const complete = (taskId: string, variables: Variables) => runtimeApi('POST', `/task/${taskId}/complete`, { variables });
const ended = (instanceId: string) =>
  waitFor('the end of the instance', async () => (await runtimeApi<{ state: string }>('GET', `/history/process-instance/${instanceId}`)).state === 'COMPLETED');

async function suggestion(variables: Variables): Promise<unknown> {
  const result = await runtimeApi<{ department?: { value: unknown } }[]>('POST', '/decision-definition/key/triage-suggestion/evaluate', { variables });
  return result[0]?.department?.value;
}

/** Ends an instance of this file's; the workers may be locking one of its steps at that moment (the runtime's optimistic lock): tried again. */
async function deleteInstance(id: string): Promise<void> {
  await waitFor(`instance ${id} deleted`, () =>
    runtimeApi('DELETE', `/process-instance/${id}?skipCustomListeners=true`).then(
      () => true,
      (err: Error) => {
        if (!/OptimisticLocking/.test(err.message)) throw err;
        return false;
      },
    ),
  );
}

describe('the standard circuits', () => {
  it('are deployed, one per direction, with the triage decision', async () => {
    // given the engine started (it deploys processes/ as soon as the runtime answers)
    // when the runtime is asked for its latest definitions, then each direction has its circuit
    const processes = await runtimeApi<Definition[]>('GET', '/process-definition?latestVersion=true');
    expect(processes.map((p) => p.key)).toEqual(expect.arrayContaining(['incoming-mail', 'outgoing-mail', 'internal-mail']));
    const decisions = await runtimeApi<Definition[]>('GET', '/decision-definition?key=triage-suggestion');
    expect(decisions.length).toBeGreaterThan(0);
  });

  it('are named in the reader\'s language', async () => {
    const { token } = await login('admin');
    const names = async (language: string) =>
      Object.fromEntries((await api<{ key: string; name: string }[]>('GET', '/api/circuits', { token, headers: { 'accept-language': language } })).body.map((c) => [c.key, c.name]));
    expect(await names('ar')).toMatchObject({ 'incoming-mail': 'مراسلة واردة', 'outgoing-mail': 'مراسلة صادرة', 'internal-mail': 'مراسلة داخلية' });
    expect(await names('fr')).toMatchObject({ 'incoming-mail': 'Courrier arrivée', 'outgoing-mail': 'Courrier départ', 'internal-mail': 'Courrier interne' });
    expect(await names('en')).toMatchObject({ 'incoming-mail': 'Incoming mail' });
  });

  it('suggest a triage department from the mail type and the correspondent, the cabinet by default', async () => {
    // given the decision as deployed, when it is evaluated for various mails, then the first matching rule wins
    expect(await suggestion({ mailType: string('complaint'), correspondentKind: string('citizen') })).toBe('presidency');
    expect(await suggestion({ mailType: string('administrative-request'), correspondentKind: string('company') })).toBe('urbanism');
    expect(await suggestion({ mailType: string('default'), correspondentKind: string('company') })).toBe('finance');
    expect(await suggestion({ mailType: string('information-request'), correspondentKind: string(null) })).toBe('cabinet');

    // and a mail whose type and correspondent are unknown goes to the cabinet
    expect(await suggestion({ mailType: string(null), correspondentKind: string(null) })).toBe('cabinet');
  });

  it('runs the suggestion inside the incoming circuit even when the start variables lack the type', async () => {
    // given an incoming circuit started right before the suggestion, with none of the mail's variables
    const instance = await runtimeApi<{ id: string }>('POST', '/process-definition/key/incoming-mail/start', {
      businessKey: uniqueKey('suggestion'),
      skipCustomListeners: true,
      startInstructions: [{ type: 'startBeforeActivity', activityId: 'suggest_department' }],
    });

    // when the decision has run, then the triage task waits with the cabinet as the suggestion and no incident
    await waitFor('the triage task', async () => (await runtimeApi<unknown[]>('GET', `/task?processInstanceId=${instance.id}&taskDefinitionKey=triage`)).length > 0);
    const [variable] = await runtimeApi<{ value: unknown }[]>('GET', `/variable-instance?processInstanceIdIn=${instance.id}&variableName=suggestedDepartment`);
    expect(variable?.value).toBe('cabinet');
    expect(await runtimeApi<unknown[]>('GET', `/incident?processInstanceId=${instance.id}`)).toEqual([]);

    // and with a complaint, the presidency is suggested
    const complaint = await runtimeApi<{ id: string }>('POST', '/process-definition/key/incoming-mail/start', {
      businessKey: uniqueKey('suggestion'),
      variables: { mailType: string('complaint') },
      skipCustomListeners: true,
      startInstructions: [{ type: 'startBeforeActivity', activityId: 'suggest_department' }],
    });
    await waitFor('the triage task', async () => (await runtimeApi<unknown[]>('GET', `/task?processInstanceId=${complaint.id}&taskDefinitionKey=triage`)).length > 0);
    const [suggested] = await runtimeApi<{ value: unknown }[]>('GET', `/variable-instance?processInstanceIdIn=${complaint.id}&variableName=suggestedDepartment`);
    expect(suggested?.value).toBe('presidency');

    for (const id of [instance.id, complaint.id]) await deleteInstance(id);
  });

  it('run an outgoing letter: drafting in its department, a sequential visa chain (back to drafting when refused), signature, then the registration step', async () => {
    // given an outgoing mail written by urbanism (started bare: no mail, so it stops at the registration step)
    const { id } = await runtimeApi<{ id: string }>('POST', '/process-definition/key/outgoing-mail/start', {
      businessKey: uniqueKey('outgoing'),
      variables: { originDepartment: string('urbanism') },
    });
    const chain = { visaChain: { value: JSON.stringify(['head', 'cabinet']), type: 'Json' } };

    // when urbanism submits it with a visa chain of two, then the first visa is the head's
    const draft = await nextTask(id, 'draft_letter');
    expect(draft.groups).toEqual(['urbanism']);
    await complete(draft.id, chain);
    const first = await nextTask(id, 'visa_letter');
    expect(first.assignee).toBe('head');
    await complete(first.id, { visaDecision: string('approve') });

    // when the second refuses, then the draft comes back to urbanism, and the chain starts again
    const second = await nextTask(id, 'visa_letter');
    expect(second.assignee).toBe('cabinet');
    await complete(second.id, { visaDecision: string('refuse'), comment: string('À reprendre') });
    await complete((await nextTask(id, 'draft_letter')).id, chain);
    await complete((await nextTask(id, 'visa_letter')).id, { visaDecision: string('approve') });
    await complete((await nextTask(id, 'visa_letter')).id, { visaDecision: string('approve') });

    // when the presidency signs, then the letter goes to the outgoing register (topic mail.register)
    const signature = await nextTask(id, 'sign_letter');
    expect(signature.groups).toEqual(['presidency']);
    await complete(signature.id, { returnToDrafter: { value: false, type: 'Boolean' } });
    await waitFor('the registration step', async () => (await runtimeApi<{ activityId: string }[]>('GET', `/external-task?processInstanceId=${id}`)).some((t) => t.activityId === 'register_letter'));
    await deleteInstance(id);
  });

  it('run an internal note: the recipient department hands it to an agent, who processes it, then it is archived', async () => {
    // given an internal mail for finance
    const { id } = await runtimeApi<{ id: string }>('POST', '/process-definition/key/internal-mail/start', {
      businessKey: uniqueKey('internal'),
      variables: { recipientDepartment: string('finance') },
    });

    // when finance hands it to an agent, then the agent has it, and after processing it is archived
    const forward = await nextTask(id, 'forward_note');
    expect(forward.groups).toEqual(['finance']);
    await complete(forward.id, { agent: string('agent'), instruction: string('Pour suite') });
    const processing = await nextTask(id, 'process_note');
    expect(processing.assignee).toBe('agent');
    await complete(processing.id, { outcome: string('done') });
    await ended(id);
  });
});
