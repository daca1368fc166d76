import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomUUID, verify, createPublicKey } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { ExchangeIdentityDto, MailDto, MailPage, MailTimelineItemDto } from '@diwan/contracts';
import { root } from '../../scripts/build.mjs';
import { startStackOnFreePorts, type Stack } from '../../scripts/stack.mjs';
import { stack, waitFor } from '../harness/stack.js';
import { sentenceOf } from './absences.fixtures.js';
import { FAKE_EXE, TINY_PDF, TINY_PNG, aMail, registerMail } from './mail.fixtures.js';
import { call, handAdministration, loginAt, manifestFor, postPackage, sha256, signText, type HandAdministration, type HandFile } from './exchange.fixtures.js';

/**
 * Exchange between administrations, on two real stacks: A is the tests' stack, B one of our own
 * (its own data and ports). A sends an outgoing mail to B; B registers it as incoming mail
 * (channel administration) with its files, and its signed acknowledgment comes back to A's mail.
 * A third administration C exists only here: it signs packages by hand to attack B (tampered,
 * replayed, stale, unknown sender, reused id), and receives B's acknowledgments on a small server.
 */
const B_ID = 'admin-b';
const B_NAME = { ar: 'ولاية سوسة', fr: 'Gouvernorat de Sousse' }; // not the parapheur test's Bizerte: both directories are on the shared stack

const verifies = (text: string, signature: string, publicKey: string) =>
  verify(null, Buffer.from(text, 'utf8'), createPublicKey({ key: Buffer.from(publicKey, 'base64'), format: 'der', type: 'spki' }), Buffer.from(signature, 'base64'));

describe('exchange between two administrations', () => {
  let b: Stack;
  let aAdmin: string;
  let bAdmin: string;
  let aIdentity: ExchangeIdentityDto;
  let bIdentity: ExchangeIdentityDto;
  let c: HandAdministration;
  let cServer: Server;
  let cUrl: string;
  /** What C's acknowledgment endpoint answers, and what it got; what its package endpoint answers. */
  const cInbox: { status: number; received: { acknowledgment: string; signature: string }[]; attempts: number } = { status: 200, received: [], attempts: 0 };
  const cPackages = { status: 503, body: '{"error":{"code":"unavailable","message":"down"}}' };

  beforeAll(async () => {
    b = await startStackOnFreePorts({
      dataDir: mkdtempSync(path.join(tmpdir(), 'diwan-exchange-b-')),
      memory: true,
      quiet: true,
      logDir: path.join(root, 'test-results', 'logs', 'exchange-b'),
      engineEnv: { DIWAN_EXCHANGE_ID: B_ID, DIWAN_EXCHANGE_NAME_AR: B_NAME.ar, DIWAN_EXCHANGE_NAME_FR: B_NAME.fr },
    });
    aAdmin = await loginAt(stack.engineUrl, 'admin');
    bAdmin = await loginAt(b.engineUrl, 'admin');
    aIdentity = (await call<ExchangeIdentityDto>(stack.engineUrl, 'GET', '/api/exchange/identity')).body;
    bIdentity = (await call<ExchangeIdentityDto>(b.engineUrl, 'GET', '/api/exchange/identity')).body;

    c = handAdministration(`admin-c-${randomUUID().slice(0, 6)}`);
    cServer = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk) => (body += chunk));
      req.on('end', () => {
        if (req.url === '/api/exchange/packages') return void res.writeHead(cPackages.status, { 'content-type': 'application/json' }).end(cPackages.body);
        cInbox.attempts += 1;
        if (cInbox.status === 200 && req.url === '/api/exchange/acknowledgments') cInbox.received.push(JSON.parse(body));
        res.writeHead(cInbox.status, { 'content-type': 'application/json' }).end(cInbox.status === 200 ? '{"recorded":true}' : '{"error":{"code":"unavailable","message":"down"}}');
      });
    });
    await new Promise<void>((resolve) => cServer.listen(0, '127.0.0.1', resolve));
    cUrl = `http://127.0.0.1:${(cServer.address() as AddressInfo).port}`;

    // each lists the other; B also lists C
    expect((await call(stack.engineUrl, 'POST', '/api/exchange/peers', { token: aAdmin, body: { id: B_ID, name: B_NAME, url: b.engineUrl, publicKey: bIdentity.publicKey } })).status).toBe(201);
    expect((await call(b.engineUrl, 'POST', '/api/exchange/peers', { token: bAdmin, body: { id: aIdentity.id, name: aIdentity.name, url: stack.engineUrl, publicKey: aIdentity.publicKey } })).status).toBe(201);
    expect((await call(b.engineUrl, 'POST', '/api/exchange/peers', { token: bAdmin, body: { id: c.id, name: c.name, url: cUrl, publicKey: c.publicKey } })).status).toBe(201);
  }, 300_000);

  afterAll(async () => {
    await call(stack.engineUrl, 'DELETE', `/api/exchange/peers/${B_ID}`, { token: aAdmin }).catch(() => undefined);
    await b?.stop();
    await new Promise<void>((resolve) => (cServer ? cServer.close(() => resolve()) : resolve()));
  }, 90_000);

  const mailsAtB = async (q: string) => (await call<MailPage>(b.engineUrl, 'GET', `/api/mails?q=${encodeURIComponent(q)}`, { token: bAdmin })).body.items;
  const send = (mailId: string, peer = B_ID) =>
    fetch(`${stack.engineUrl}/api/internal/exchange/send`, { method: 'POST', headers: { authorization: `Bearer ${stack.workerToken}`, 'content-type': 'application/json' }, body: JSON.stringify({ mailId, peer }) }).then(async (r) => ({ status: r.status, body: await r.json() }));

  it('gives each instance an identity, and lets only admins change the directory (audited), everyone read it', async () => {
    expect(bIdentity).toMatchObject({ id: B_ID, name: B_NAME, algorithm: 'Ed25519' });
    expect(aIdentity.id).toMatch(/^[a-z0-9][a-z0-9-]+$/);
    expect(aIdentity.id).not.toBe(B_ID);
    const registrar = await loginAt(b.engineUrl, 'registrar');
    const peer = { id: 'admin-x', name: { ar: 'إدارة', fr: 'Administration X' }, url: 'http://127.0.0.1:9', publicKey: c.publicKey };
    expect((await call(b.engineUrl, 'POST', '/api/exchange/peers', { token: registrar, body: peer })).status).toBe(403);
    const listed = await call<{ id: string; fingerprint: string }[]>(b.engineUrl, 'GET', '/api/exchange/peers', { token: registrar });
    expect(listed.status).toBe(200);
    expect(listed.body.map((p) => p.id)).toEqual(expect.arrayContaining([aIdentity.id, c.id]));
    expect((await call(b.engineUrl, 'POST', '/api/exchange/peers', { token: bAdmin, body: { ...peer, publicKey: 'bm90IGEga2V5IGF0IGFsbCwganVzdCBzb21lIGJ5dGVzIQ==' } })).status).toBe(400);
    expect((await call(b.engineUrl, 'POST', '/api/exchange/peers', { token: bAdmin, body: { ...peer, id: B_ID } })).status).toBe(400);
    expect((await call(b.engineUrl, 'POST', '/api/exchange/peers', { token: bAdmin, body: { ...peer, id: c.id } })).status).toBe(409);
    expect((await call(b.engineUrl, 'POST', '/api/exchange/peers', { token: bAdmin, body: peer })).status).toBe(201);
    expect((await call(b.engineUrl, 'PUT', '/api/exchange/peers/admin-x', { token: registrar, body: { url: 'http://127.0.0.1:10' } })).status).toBe(403);
    expect((await call(b.engineUrl, 'PUT', '/api/exchange/peers/admin-x', { token: bAdmin, body: { url: 'http://127.0.0.1:10' } })).body).toMatchObject({ url: 'http://127.0.0.1:10' });
    expect((await call(b.engineUrl, 'DELETE', '/api/exchange/peers/admin-x', { token: registrar })).status).toBe(403);
    expect((await call(b.engineUrl, 'DELETE', '/api/exchange/peers/admin-x', { token: bAdmin })).status).toBe(204);
    expect((await call(b.engineUrl, 'GET', '/api/exchange/peers/admin-x', { token: registrar })).status).toBe(404);
    const audit = await call<{ ok: boolean }>(b.engineUrl, 'GET', '/api/audit/verify', { token: bAdmin });
    expect(audit.body.ok).toBe(true);
  });

  it("sends an outgoing mail from A; B registers it as incoming with its files, once; the acknowledgment shows on A's mail", async () => {
    const registrar = await loginAt(stack.engineUrl, 'registrar');
    const files = [
      { name: 'convention.pdf', data: TINY_PDF },
      { name: 'plan.png', data: TINY_PNG },
    ];
    const created = await registerMail(registrar, aMail({ direction: 'outgoing', channel: 'post', correspondent: { kind: 'administration', name: B_NAME.fr }, departments: { forAction: [], forInformation: [] } }), files);
    expect(created.status).toBe(201);
    const outgoing: MailDto = created.body;

    const first = await send(outgoing.id);
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ peer: B_ID, peerName: B_NAME });
    // (B's acknowledgment may already be back when A answers: none yet, or a date)
    expect(first.body.acknowledgedAt === null || !Number.isNaN(Date.parse(first.body.acknowledgedAt))).toBe(true);
    expect(first.body.sentAt).toEqual(expect.any(String));

    const [incoming, ...others] = await mailsAtB(outgoing.subject);
    expect(others).toEqual([]);
    expect(incoming).toMatchObject({ direction: 'incoming', channel: 'administration', subject: outgoing.subject, letterReference: outgoing.chronoNumber, language: 'fr' });
    expect(incoming!.correspondent).toMatchObject({ kind: 'administration', name: aIdentity.name.fr, registrationNumber: aIdentity.id });
    expect(incoming!.chronoNumber).toMatch(/\/A\//);
    expect(incoming!.attachments.map((f) => f.sha256).sort()).toEqual(files.map((f) => sha256(f.data)).sort());
    // the files are the letter as received, not a registrar's scans
    expect(new Set(incoming!.attachments.map((f) => f.role))).toEqual(new Set(['received']));
    const bytes = Buffer.from(await (await fetch(`${b.engineUrl}/api/attachments/${incoming!.attachments.find((f) => f.filename === 'plan.png')!.id}`, { headers: { authorization: `Bearer ${bAdmin}` } })).arrayBuffer());
    expect(bytes.equals(TINY_PNG)).toBe(true);

    const acknowledged = await waitFor('the acknowledgment on A', async () => {
      const mail = (await call<MailDto>(stack.engineUrl, 'GET', `/api/mails/${outgoing.id}`, { token: aAdmin })).body;
      return mail.exchange?.acknowledgedAt ? mail : null;
    });
    expect(acknowledged.exchange).toMatchObject({ peer: B_ID, packageId: first.body.packageId, receiverChronoNumber: incoming!.chronoNumber });

    // the dispatch worker retries: the same package, and no second mail at B
    const again = await send(outgoing.id);
    expect(again.status).toBe(200);
    expect(again.body.packageId).toBe(first.body.packageId);
    expect(await mailsAtB(outgoing.subject)).toHaveLength(1);

    const actionsAtA = (await call<MailDto>(stack.engineUrl, 'GET', `/api/mails/${outgoing.id}`, { token: aAdmin })).body.timeline!.map((e) => e.action);
    expect(actionsAtA.filter((a) => a === 'exchange.sent')).toHaveLength(1);
    expect(actionsAtA.filter((a) => a === 'exchange.acknowledged')).toHaveLength(1);
    const actionsAtB = (await call<MailDto>(b.engineUrl, 'GET', `/api/mails/${incoming!.id}`, { token: bAdmin })).body.timeline!.map((e) => e.action);
    expect(actionsAtB).toEqual(expect.arrayContaining(['mail.registered', 'exchange.received']));
    // and both histories say it in words (the engine answers in French by default): the peer by name, B's number, Diwan's own acts as automatic
    const words = async (url: string, token: string, id: string) =>
      (await call<MailTimelineItemDto[]>(url, 'GET', `/api/mails/${id}/timeline`, { token })).body.map((e) => sentenceOf(e, 'fr'));
    expect(await words(stack.engineUrl, aAdmin, outgoing.id)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/ a transmis le courrier à .+ par l’échange entre administrations\.$|^Le courrier a été transmis automatiquement à .+ par l’échange/),
        expect.stringMatching(new RegExp(` a accusé réception du courrier et l’a enregistré sous le numéro ${incoming!.chronoNumber}\\.$`)),
      ]),
    );
    expect(await words(b.engineUrl, bAdmin, incoming!.id)).toEqual(
      expect.arrayContaining([`Le courrier est arrivé de ${aIdentity.name.fr} par l’échange et a été enregistré automatiquement sous le numéro ${incoming!.chronoNumber}.`]),
    );
    // only listed peers: A won't send to an administration it does not know, nor send a mail twice elsewhere
    expect((await send(outgoing.id, 'admin-unknown')).status).toBe(404);
  }, 120_000);

  it("sorts the peer's answers the way the dispatch worker retries: still registering is transient, other content under the id is not", async () => {
    const registrar = await loginAt(stack.engineUrl, 'registrar');
    const created = await registerMail(registrar, aMail({ direction: 'outgoing', channel: 'post', correspondent: { kind: 'administration', name: c.name.fr }, departments: { forAction: [], forInformation: [] } }), []);
    expect(created.status).toBe(201);
    expect((await call(stack.engineUrl, 'POST', '/api/exchange/peers', { token: aAdmin, body: { id: c.id, name: c.name, url: cUrl, publicKey: c.publicKey } })).status).toBe(201);
    try {
      // an earlier try, given up on by A, still being registered at C: A says try again (the worker retries with back-off)
      Object.assign(cPackages, { status: 409, body: '{"error":{"code":"in_progress","message":"A request with Idempotency-Key exchange:p is still being processed"}}' });
      const pending = await send(created.body.id, c.id);
      expect(pending.status).toBe(503);
      expect(pending.body.error.message).toContain('still being processed');
      // the package id holding other content at C: a conflict, which no retry mends (the worker raises an incident)
      Object.assign(cPackages, { status: 409, body: '{"error":{"code":"conflict","message":"A different package with the id p was already received: refused"}}' });
      const conflict = await send(created.body.id, c.id);
      expect(conflict.status).toBe(409);
      expect(conflict.body.error.message).toContain('A different package');
      // and nothing is recorded as sent
      expect((await call<MailDto>(stack.engineUrl, 'GET', `/api/mails/${created.body.id}`, { token: aAdmin })).body.exchange?.sentAt ?? null).toBeNull();
    } finally {
      await call(stack.engineUrl, 'DELETE', `/api/exchange/peers/${c.id}`, { token: aAdmin });
    }
  });

  describe('packages signed by hand (C → B)', () => {
    const pdf: HandFile = { filename: 'lettre.pdf', data: TINY_PDF };
    const signed = (manifest: object) => {
      const text = JSON.stringify(manifest);
      return { text, signature: signText(text, c.privateKey) };
    };

    it('registers a valid package once: the same package again gets the same acknowledgment, a reused id with other content 409', async () => {
      const manifest = manifestFor(c, B_ID, [pdf]);
      const { text, signature } = signed(manifest);
      const first = await postPackage(b.engineUrl, text, signature, [pdf]);
      expect(first.status).toBe(201);
      const ack = JSON.parse(first.body.acknowledgment);
      expect(ack).toMatchObject({ packageId: manifest.packageId, sender: { id: B_ID }, recipient: { id: c.id } });
      expect(verifies(first.body.acknowledgment, first.body.signature, bIdentity.publicKey)).toBe(true);

      const replay = await postPackage(b.engineUrl, text, signature, [pdf]);
      expect(replay.status).toBe(200);
      expect(replay.body).toEqual(first.body);
      const found = await mailsAtB(manifest.mail.subject);
      expect(found).toHaveLength(1);
      expect(found[0]!.chronoNumber).toBe(ack.chronoNumber);

      const other = signed({ ...manifest, mail: { ...manifest.mail, subject: `${manifest.mail.subject} (bis)` }, signedAt: new Date().toISOString() });
      const reused = await postPackage(b.engineUrl, other.text, other.signature, [pdf]);
      expect(reused.status).toBe(409);
      expect(await mailsAtB(manifest.mail.subject)).toHaveLength(1);
    });

    it('refuses tampered, replayed, stale, misaddressed packages and unknown senders, with the reason, registering nothing', async () => {
      const manifest = manifestFor(c, B_ID, [pdf]);
      const { text, signature } = signed(manifest);
      const refusals: [string, { status: number; body: any }, number, RegExp][] = [];

      const tamperedText = text.replace(manifest.mail.subject, `${manifest.mail.subject} modifié`);
      refusals.push(['changed subject', await postPackage(b.engineUrl, tamperedText, signature, [pdf]), 401, /signature is not valid/]);
      const flipped = Buffer.from(pdf.data);
      flipped[flipped.length - 3] = flipped[flipped.length - 3]! ^ 0x01;
      refusals.push(['changed file byte', await postPackage(b.engineUrl, text, signature, [{ ...pdf, data: flipped }]), 400, /does not match its hash/]);
      const newId = text.replace(manifest.packageId, randomUUID());
      refusals.push(['old signature, new id', await postPackage(b.engineUrl, newId, signature, [pdf]), 401, /signature is not valid/]);
      const old = signed({ ...manifest, packageId: randomUUID(), signedAt: new Date(Date.now() - 20 * 60_000).toISOString() });
      refusals.push(['signed 20 minutes ago', await postPackage(b.engineUrl, old.text, old.signature, [pdf]), 401, /stale or replayed/]);
      const stranger = handAdministration('admin-stranger');
      const fromStranger = JSON.stringify(manifestFor(stranger, B_ID, [pdf]));
      refusals.push(['unknown sender', await postPackage(b.engineUrl, fromStranger, signText(fromStranger, stranger.privateKey), [pdf]), 401, /not in this administration's exchange directory/]);
      const posing = JSON.stringify(manifestFor({ ...stranger, id: c.id }, B_ID, [pdf]));
      refusals.push(['another key posing as C', await postPackage(b.engineUrl, posing, signText(posing, stranger.privateKey), [pdf]), 401, /signature is not valid/]);
      const elsewhere = signed(manifestFor(c, 'admin-z', [pdf]));
      refusals.push(['addressed to another', await postPackage(b.engineUrl, elsewhere.text, elsewhere.signature, [pdf]), 400, /addressed to admin-z/]);
      const exe: HandFile = { filename: 'lettre.pdf', data: FAKE_EXE };
      const withExe = signed(manifestFor(c, B_ID, [exe]));
      refusals.push(['an executable named .pdf', await postPackage(b.engineUrl, withExe.text, withExe.signature, [exe]), 415, /not a PDF/]);
      const extra = await postPackage(b.engineUrl, text, signature, [pdf, { filename: 'extra.pdf', data: TINY_PDF }]);
      refusals.push(['a file the manifest does not list', extra, 400, /does not list/]);

      for (const [what, res, status, reason] of refusals) {
        expect({ what, status: res.status }).toEqual({ what, status });
        expect({ what, message: res.body.error.message }).toEqual({ what, message: expect.stringMatching(reason) });
      }
      expect(await mailsAtB(manifest.mail.subject)).toHaveLength(0);
    });

    it('refuses an acknowledgment that is not signed by the administration the package went to', async () => {
      const fake = JSON.stringify({ version: 1, packageId: randomUUID(), sender: { id: B_ID }, recipient: { id: aIdentity.id }, chronoNumber: '2026/A/000001', receivedAt: new Date().toISOString() });
      const res = await call(stack.engineUrl, 'POST', '/api/exchange/acknowledgments', { body: { acknowledgment: fake, signature: signText(fake, c.privateKey) } });
      expect(res.status).toBe(401);
    });
  });

  it("keeps the acknowledgment in an outbox until the sender takes it, across a restart of the receiver's engine", async () => {
    cInbox.status = 503;
    cInbox.received.length = 0;
    const pdf: HandFile = { filename: 'note.pdf', data: TINY_PDF };
    const manifest = manifestFor(c, B_ID, [pdf]);
    const text = JSON.stringify(manifest);
    const posted = await postPackage(b.engineUrl, text, signText(text, c.privateKey), [pdf]);
    expect(posted.status).toBe(201);
    const before = cInbox.attempts;
    await waitFor('a first delivery attempt', async () => cInbox.attempts > before);

    await b.stopPart('engine');
    await b.startPart('engine');
    cInbox.status = 200;
    const delivered = await waitFor('the acknowledgment at C', async () => cInbox.received.find((r) => JSON.parse(r.acknowledgment).packageId === manifest.packageId), 60_000);
    expect(verifies(delivered.acknowledgment, delivered.signature, bIdentity.publicKey)).toBe(true);
    expect(delivered.acknowledgment).toBe(posted.body.acknowledgment);
  }, 180_000);
});
