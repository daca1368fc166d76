import { execFile } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { LetterSignaturesDto, MailDto, MailTimelineItemDto, UserTaskDto } from '@diwan/contracts';
import { makeTestPki, pdfsig, type TestPki } from '../../documents/src/signature/signature.testkit.js';
import { api, login, stack, waitFor } from '../harness/stack.js';
import { loginableUsers, sentenceOf } from './absences.fixtures.js';
import { aMail, engineDb, registerMail } from './mail.fixtures.js';

/**
 * The electronic parapheur on the real stack: an outgoing letter drafted as a reply, its visa chain
 * (a refusal, a resubmission), the signature with the signer's PKCS#12 (and by delegation with the
 * seal), its registration in register D (a gapless number stamped on the PDF by the seal), its
 * dispatch and archive, and the incoming mail it answers answered then closed.
 */
const run = promisify(execFile);
const OUT = path.resolve(import.meta.dirname, '../../test-results/parapheur');
const suffix = Date.now().toString(36);
const PRESIDENT = `pres-${suffix}`;
const DEPUTY = `deputy-${suffix}`;

let pki: TestPki;
const tokens: Record<string, string> = {};

const tasksOf = async (user: string, mailId: string) => (await api<UserTaskDto[]>('GET', `/api/user-tasks?businessKey=${mailId}`, { token: tokens[user] })).body;
const openTask = (user: string, mailId: string, key: string, timeoutMs = 30_000) =>
  waitFor(`${key} for ${user}`, async () => (await tasksOf(user, mailId)).find((t) => t.taskDefinitionKey === key && t.status === 'open' && (t.assignee === null || t.assignee === user)), timeoutMs);
const complete = (user: string, taskId: string, variables: Record<string, unknown>, language = 'en') =>
  api('POST', `/api/user-tasks/${taskId}/complete`, { token: tokens[user], body: { variables }, headers: { 'accept-language': language } });
const mail = async (id: string) => (await api<MailDto>('GET', `/api/mails/${id}`, { token: tokens.admin })).body;
/** The mail's timeline as the designer words it in that language (tags dropped). */
const story = async (id: string, language: 'ar' | 'fr' | 'en') =>
  (await api<MailTimelineItemDto[]>('GET', `/api/mails/${id}/timeline`, { token: tokens.agent, headers: { 'accept-language': language } })).body.map((e) => sentenceOf(e, language));
const GENERIC = /acted on the mail|action was taken|قام بإجراء|أُجري إجراء|a agi sur|action a été effectuée/;

async function writeLetter(user: string, mailId: string, html: string): Promise<void> {
  const current = await api<{ revision: number }>('GET', `/api/mails/${mailId}/letter`, { token: tokens[user] });
  expect(current.status).toBe(200);
  const saved = await api('PUT', `/api/mails/${mailId}/letter`, { token: tokens[user], body: { html, revision: current.body.revision } });
  expect(saved.status).toBe(200);
}

async function signWithP12(user: string, mailId: string, password: string, language = 'fr') {
  const form = new FormData();
  form.set('p12', new Blob([new Uint8Array(pki.personP12)]), 'me.p12');
  form.set('password', password);
  const res = await fetch(`${stack.engineUrl}/api/mails/${mailId}/document/sign`, { method: 'POST', headers: { authorization: `Bearer ${tokens[user]}`, 'accept-language': language }, body: form });
  return { status: res.status, body: (await res.json()) as { error?: { message: string } } };
}

async function documentFile(mailId: string, name: string): Promise<string> {
  const res = await fetch(`${stack.engineUrl}/api/mails/${mailId}/document`, { headers: { authorization: `Bearer ${tokens.admin}` } });
  expect(res.status).toBe(200);
  const file = path.join(OUT, name);
  writeFileSync(file, Buffer.from(await res.arrayBuffer()));
  return file;
}

/** Drafts a letter as the agent and submits it with its visa chain and signatory. */
async function draftAndSubmit(body: Record<string, unknown>, visaChain: string[], signatory: string): Promise<MailDto> {
  const draft = await api<MailDto>('POST', '/api/mails/drafts', { token: tokens.agent, body });
  expect(draft.status).toBe(201);
  const drafting = await openTask('agent', draft.body.id, 'draft_letter');
  await writeLetter('agent', draft.body.id, '<p>Monsieur,</p><p>Suite à votre demande, nous avons l’honneur de vous informer que votre dossier est complet.</p>');
  expect((await complete('agent', drafting.id, { visaChain, signatory, dispatchMeans: 'post' })).status).toBe(204);
  return draft.body;
}

beforeAll(async () => {
  mkdirSync(OUT, { recursive: true });
  pki = await makeTestPki();
  await loginableUsers([
    { username: PRESIDENT, displayName: `Hédi Test ${suffix} · الهادي التجربة`, departments: ['presidency'], roles: ['head'] },
    { username: DEPUTY, displayName: `Sonia Test ${suffix} · سنية التجربة`, departments: ['presidency'], roles: ['agent'] },
  ]);
  for (const user of ['admin', 'registrar', 'agent', 'head', 'cabinet', 'supervisor', PRESIDENT, DEPUTY]) tokens[user] = (await login(user)).token;
}, 60_000);
afterAll(() => pki?.dispose());

describe('the parapheur', () => {
  it('drafts a reply, runs a visa chain with a refusal and a resubmission, signs it, registers it in D, dispatches it, and answers the incoming mail', async () => {
    // given an incoming mail for urbanism, from a citizen with a postal address
    const incoming = (await registerMail(tokens.registrar!, aMail({ correspondent: { kind: 'citizen', name: 'Sami Jebali · سامي الجبالي', address: '12 rue de la Liberté', city: 'Tunis' } }))).body as MailDto;

    // when staff who are not of a department, or a bad reply target, are used, then nothing is drafted
    const body = { subject: `Réponse à ${incoming.chronoNumber}`, language: 'fr', correspondent: { id: incoming.correspondent!.id }, replyTo: incoming.id };
    expect((await api('POST', '/api/mails/drafts', { token: tokens.supervisor, body })).status).toBe(403);
    expect((await api('POST', '/api/mails/drafts', { token: tokens.admin, body })).status).toBe(403);
    expect((await api('POST', '/api/mails/drafts', { token: tokens.agent, body: { ...body, replyTo: '0123456789abcdef01234567' } })).status).toBe(422);

    // when the urbanism agent drafts the reply, then it is a draft without a number, linked to the incoming mail
    const draft = await api<MailDto>('POST', '/api/mails/drafts', { token: tokens.agent, body });
    expect(draft.status).toBe(201);
    expect(draft.body).toMatchObject({ status: 'draft', chronoNumber: null, sequence: null, direction: 'outgoing', links: [{ kind: 'replyTo', mailId: incoming.id }], departments: { forAction: ['urbanism'] } });
    const replyId = draft.body.id;

    // when the agent writes the letter and submits it with a visa chain of two (head, then cabinet)
    const drafting = await openTask('agent', replyId, 'draft_letter');
    expect(drafting.assignee).toBe('agent');
    await writeLetter('agent', replyId, '<p>Monsieur,</p><p>Votre demande de permis est en cours.</p>');
    // (by exchange, the receiving administration is required: the form shows it only then, and requires it while shown)
    const noPeer = await complete('agent', drafting.id, { visaChain: ['head', 'cabinet'], signatory: PRESIDENT, dispatchMeans: 'exchange' });
    expect([noPeer.status, noPeer.body.error.details.fields]).toEqual([400, [{ field: 'dispatchPeer', message: 'is required' }]]);
    // and by post it takes none (hidden, form-js does not send it): a peer sent anyway is refused, naming it
    const peerByPost = await complete('agent', drafting.id, { visaChain: ['head', 'cabinet'], signatory: PRESIDENT, dispatchMeans: 'post', dispatchPeer: 'anything' });
    expect([peerByPost.status, peerByPost.body.error.details.fields]).toEqual([400, [{ field: 'dispatchPeer', message: 'is hidden by the form for these answers and takes no value' }]]);
    expect((await complete('agent', drafting.id, { visaChain: ['head', 'cabinet'], signatory: PRESIDENT, dispatchMeans: 'post' })).status).toBe(204);

    // then the head approves first, and the cabinet refuses with a comment
    expect((await complete('head', (await openTask('head', replyId, 'visa_letter')).id, { visaDecision: 'approve' })).status).toBe(204);
    const cabinetVisa = await openTask('cabinet', replyId, 'visa_letter');
    expect(cabinetVisa.assignee).toBe('cabinet');
    expect((await complete('cabinet', cabinetVisa.id, { visaDecision: 'refuse', comment: 'Reprendre le deuxième paragraphe' })).status).toBe(204);

    // then the draft comes back to the agent with the comment, who revises (a new version) and resubmits
    const again = await openTask('agent', replyId, 'draft_letter');
    const form = await api<{ data: Record<string, unknown> }>('GET', `/api/user-tasks/${again.id}/form`, { token: tokens.agent });
    expect(form.body.data.comment).toBe('Reprendre le deuxième paragraphe');
    await writeLetter('agent', replyId, '<p>Monsieur,</p><p>Votre permis de bâtir est accordé ; il vous sera remis au guichet.</p>');
    expect((await complete('agent', again.id, { visaChain: ['head', 'cabinet'], signatory: PRESIDENT, dispatchMeans: 'post' })).status).toBe(204);

    // and the chain starts again from its first person
    expect((await complete('head', (await openTask('head', replyId, 'visa_letter')).id, { visaDecision: 'approve' })).status).toBe(204);
    expect((await complete('cabinet', (await openTask('cabinet', replyId, 'visa_letter')).id, { visaDecision: 'approve' })).status).toBe(204);

    // when the signatory completes the signature step without signing, then it is refused
    const signing = await openTask(PRESIDENT, replyId, 'sign_letter');
    expect(signing.assignee).toBe(PRESIDENT);
    expect((await complete(PRESIDENT, signing.id, { returnToDrafter: false })).status).toBe(422);
    // and nobody else may sign it; a wrong password is a 400 in the caller's language
    expect((await signWithP12('agent', replyId, 'secret')).status).toBe(403);
    const wrong = await signWithP12(PRESIDENT, replyId, 'not-the-password', 'ar');
    expect(wrong.status).toBe(400);
    expect(wrong.body.error?.message).toContain('كلمة السر');
    expect(JSON.stringify(wrong.body)).not.toContain('not-the-password');

    // when the signatory signs with their PKCS#12 and completes the step, while the registry registers an outgoing letter
    expect((await signWithP12(PRESIDENT, replyId, 'secret')).status).toBe(201);
    const [completed, other] = await Promise.all([
      complete(PRESIDENT, signing.id, { returnToDrafter: false }),
      registerMail(tokens.registrar!, aMail({ direction: 'outgoing', subject: 'Lettre préparée hors Diwan' })),
    ]);
    expect(completed.status).toBe(204);
    expect(other.status).toBe(201);

    // then the reply gets the next D number, distinct from the other one, and the register has no gap
    const registered = await waitFor('the reply registered', async () => {
      const m = await mail(replyId);
      return m.chronoNumber ? m : null;
    }, 60_000);
    expect(registered.chronoNumber).toMatch(new RegExp(`^${new Date().getUTCFullYear()}/D/\\d{6}$`));
    expect(registered.sequence).not.toBe((other.body as MailDto).sequence);
    const { db, close } = await engineDb();
    try {
      const year = new Date().getUTCFullYear();
      const sequences = (await db.collection<{ sequence: number }>('mails').find({ register: 'D', year }).toArray()).map((m) => m.sequence).sort((a, b) => a - b);
      const counter = await db.collection<{ _id: string; value: number }>('counters').findOne({ _id: `mail:D:${year}` });
      expect(sequences).toEqual(Array.from({ length: counter!.value }, (_, i) => i + 1));
    } finally {
      await close();
    }

    // then it is dispatched and archived, and the incoming mail it answers is answered, then closed
    await waitFor('the reply archived', async () => (await mail(replyId)).status === 'archived', 60_000);
    await waitFor('the incoming mail closed', async () => ['closed', 'archived'].includes((await mail(incoming.id)).status), 30_000);
    const incomingTimeline = (await mail(incoming.id)).timeline ?? [];
    const moves = incomingTimeline.filter((e) => e.action === 'mail.statusChanged').map((e) => e.details.to);
    expect(moves).toEqual(expect.arrayContaining(['answered', 'closed']));
    expect(moves.indexOf('answered')).toBeLessThan(moves.indexOf('closed'));

    // and pdfsig validates both signatures of the letter: the signer's, then the registration seal's
    const file = await documentFile(replyId, 'reply-signed.pdf');
    const report = await pdfsig(file);
    expect(report.match(/Signature is Valid/g)).toHaveLength(2);
    expect(report).toContain('Signer Certificate Common Name: Amina Ben Salah');
    expect(report).toMatch(/Signer Certificate Common Name: .*cachet/);
    const text = (await run('pdftotext', [file, '-'])).stdout;
    expect(text).toContain(registered.chronoNumber!);

    // and Diwan's verification says the same
    const checked = await api<LetterSignaturesDto>('GET', `/api/mails/${replyId}/document/signatures`, { token: tokens.agent });
    expect(checked.status).toBe(200);
    expect(checked.body.signatures).toEqual([
      expect.objectContaining({ signer: 'Amina Ben Salah', intact: true, modifiedAfter: true, kind: 'signature', by: expect.objectContaining({ username: PRESIDENT }) }),
      expect.objectContaining({ intact: true, modifiedAfter: false, kind: 'registration' }),
    ]);

    // and the reply's history tells each step in a plain sentence, Diwan's own acts as automatic, never its subject
    const en = await story(replyId, 'en');
    expect(en).toEqual(
      expect.arrayContaining([
        'Youssef Gharbi · يوسف الغربي drafted the mail as a reply to a received mail.',
        'Youssef Gharbi · يوسف الغربي saved version 2 of the letter.',
        `Hédi Test ${suffix} · الهادي التجربة signed the letter.`,
        `The letter was stamped automatically with its registration number ${registered.chronoNumber}.`,
        expect.stringMatching(/^The mail was prepared automatically for the post\.$|confirmed that the mail was posted/),
      ]),
    );
    expect(en.filter((line) => GENERIC.test(line))).toEqual([]);
    const ar = await story(replyId, 'ar');
    expect(ar).toEqual(expect.arrayContaining([`خُتمت الرسالة تلقائيًا بعدد تسجيلها ${registered.chronoNumber}.`, 'Youssef Gharbi · يوسف الغربي حرّر المراسلة ردًّا على مراسلة واردة.']));
    for (const line of [...en, ...ar]) expect(line).not.toContain(registered.subject);
  }, 240_000);

  it('lets the substitute of an absent signatory sign by delegation, with "P.O." on the PDF and in the audit', async () => {
    // given a letter waiting for the signatory's signature
    const draft = await draftAndSubmit({ subject: `Lettre par délégation ${suffix}`, language: 'fr', correspondent: { kind: 'company', name: 'Société Test', address: '3 avenue Habib Bourguiba', city: 'Sfax' } }, ['head'], PRESIDENT);
    expect((await complete('head', (await openTask('head', draft.id, 'visa_letter')).id, { visaDecision: 'approve' })).status).toBe(204);
    const signing = await openTask(PRESIDENT, draft.id, 'sign_letter');

    // when the signatory declares an absence with a deputy of the presidency as substitute
    const absence = await api<{ id: string }>('POST', '/api/absences', { token: tokens[PRESIDENT], body: { substitute: DEPUTY, from: new Date().toISOString(), to: new Date(Date.now() + 3_600_000).toISOString() } });
    expect(absence.status).toBe(201);
    try {
      // then the signature step moves to the substitute, who signs it with the administration's seal
      await waitFor('the step with the substitute', async () => (await tasksOf(DEPUTY, draft.id)).find((t) => t.id === signing.id && t.assignee === DEPUTY), 60_000);
      const sealed = await api('POST', `/api/mails/${draft.id}/document/sign`, { token: tokens[DEPUTY], body: { seal: true } });
      expect(sealed.status).toBe(201);
      expect((await complete(DEPUTY, signing.id, { returnToDrafter: false })).status).toBe(204);

      // and the PDF says "P.O." with the absent person's name, and the audit carries onBehalfOf
      const file = await documentFile(draft.id, 'delegated-signed.pdf');
      const text = (await run('pdftotext', [file, '-'])).stdout.normalize('NFKC');
      expect(text).toContain('P.O.');
      expect(text).toContain('بالنيابة عن');
      expect(text).toContain(`Hédi Test ${suffix}`);
      const signed = ((await mail(draft.id)).timeline ?? []).find((e) => e.action === 'document.signed' && e.actor === DEPUTY);
      expect(signed?.details.onBehalfOf).toMatchObject({ username: PRESIDENT });
      // and the history says it in words: the step moved during the absence, the seal by delegation
      const fr = await story(draft.id, 'fr');
      expect(fr).toEqual(
        expect.arrayContaining([
          expect.stringMatching(new RegExp(`^La tâche .+ a été confiée automatiquement à Sonia Test ${suffix} · سنية التجربة pendant l’absence de Hédi Test ${suffix} · الهادي التجربة\\.$`)),
          `Sonia Test ${suffix} · سنية التجربة a apposé le cachet de l’administration sur la lettre P.O. Hédi Test ${suffix} · الهادي التجربة.`,
        ]),
      );
      const en = await story(draft.id, 'en');
      expect(en).toContain(`Sonia Test ${suffix} · سنية التجربة sealed the letter with the administration’s seal by delegation of Hédi Test ${suffix} · الهادي التجربة.`);
      expect([...fr, ...en].filter((line) => GENERIC.test(line))).toEqual([]);
      expect((await pdfsig(file)).match(/Signature is Valid/g)?.length).toBeGreaterThanOrEqual(1);
    } finally {
      await api('POST', `/api/absences/${absence.body.id}/end`, { token: tokens[PRESIDENT] });
    }
  }, 180_000);
});
