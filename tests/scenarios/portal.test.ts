/**
 * The public portal against the real stack: a deposit, its code in the local SMTP server, the
 * confirmation that registers it once as incoming mail (channel portal, its type's circuit), the
 * sealed receipt, its verification, and script rendered inert.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { api, login, waitFor } from '../harness/stack.js';
import { codeSentTo, deposit, freshAddress, mailsTo, request, smsTo, someDeposit } from './portal.fixtures.js';

const out = path.join(process.cwd(), 'test-results', 'portal');
const SCRIPT = '<script>alert("x")</script><img src=x onerror=alert(1)>';

async function confirmed(from: string, input = someDeposit()) {
  const made = await deposit(from, input, [{ name: 'plan.pdf', type: 'application/pdf', data: Buffer.from('%PDF-1.4\n% plan\n%%EOF\n') }]);
  expect(made.status).toBe(201);
  const code = await codeSentTo(input.identity.email!);
  const answer = await request(from, 'POST', `/api/public/deposits/${made.body.id}/confirm`, { json: { code } });
  return { made, code, answer, input };
}

describe('portal deposits', () => {
  it('given a deposit, when the e-mailed code is confirmed twice, then one incoming portal mail runs its circuit and both answers are the same', async () => {
    const from = freshAddress();
    const input = someDeposit();
    const made = await deposit(from, input, [{ name: 'plan.pdf', type: 'application/pdf', data: Buffer.from('%PDF-1.4\n% plan\n%%EOF\n') }]);
    expect(made.status).toBe(201);
    expect(Object.keys(made.body).sort()).toEqual(['channel', 'expiresAt', 'id']);
    expect(JSON.stringify(made.body)).not.toMatch(/\b\d{6}\b/);

    const code = await codeSentTo(input.identity.email!);
    const [first, second] = [
      await request(from, 'POST', `/api/public/deposits/${made.body.id}/confirm`, { json: { code } }),
      await request(from, 'POST', `/api/public/deposits/${made.body.id}/confirm`, { json: { code } }),
    ];
    expect(first.status).toBe(200);
    expect(second.body).toEqual(first.body);
    expect(first.body.chronoNumber).toMatch(/^\d{4}\/A\/\d{6}$/);
    expect(first.body.trackingCode).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}$/);

    const { token } = await login('registrar');
    const found = await api(`GET`, `/api/mails?q=${encodeURIComponent(first.body.chronoNumber)}`, { token });
    const rows = (found.body.items ?? found.body) as { id: string; chronoNumber: string }[];
    expect(rows.filter((m) => m.chronoNumber === first.body.chronoNumber)).toHaveLength(1);
    const mail = await waitFor('circuit started', async () => {
      const m = (await api('GET', `/api/mails/${rows[0]!.id}`, { token })).body;
      return m.processInstanceId ? m : null;
    }, 180_000);
    expect(mail).toMatchObject({ channel: 'portal', direction: 'incoming', mailType: 'administrative-request', correspondent: { kind: 'citizen', email: input.identity.email } });
    expect(mail.attachments.map((a: { role: string }) => a.role).sort()).toEqual(['receipt', 'scan']);

    // the tracking code by e-mail too, in Arabic
    const registered = await waitFor('tracking code e-mail', async () => (await mailsTo(input.identity.email!)).find((m) => (m.parsed.text ?? '').includes(first.body.trackingCode)));
    expect(registered.parsed.text).toContain('رمز المتابعة');
  });

  it('given a deposit asking for an SMS, when the code from the SMS centre is confirmed, then the tracking code comes by SMS in French', async () => {
    const from = freshAddress();
    const input = someDeposit({ channel: 'sms', language: 'fr', subject: 'Demande de permis', text: 'Merci de traiter ma demande.' });
    const made = await deposit(from, input);
    expect(made.body.channel).toBe('sms');
    const code = await waitFor('code by SMS', async () => /\b(\d{6})\b/.exec(smsTo(input.identity.phone!)[0]?.text ?? '')?.[1], 30_000);
    expect(await mailsTo(input.identity.email!)).toHaveLength(0);
    const answer = await request(from, 'POST', `/api/public/deposits/${made.body.id}/confirm`, { json: { code } });
    expect(answer.status).toBe(200);
    const sms = await waitFor('tracking code by SMS', async () => smsTo(input.identity.phone!).find((m) => m.text.includes(answer.body.trackingCode)), 30_000);
    expect(sms.text).toContain('Code de suivi');
  });

  it('given a deposit, when a wrong code is sent five times, then it is locked, even for the right code', async () => {
    const from = freshAddress();
    const input = someDeposit();
    const made = await deposit(from, input);
    const code = await codeSentTo(input.identity.email!);
    const wrong = code === '000000' ? '111111' : '000000';
    for (let i = 0; i < 5; i += 1) expect((await request(from, 'POST', `/api/public/deposits/${made.body.id}/confirm`, { json: { code: wrong } })).status).toBe(400);
    const locked = await request(from, 'POST', `/api/public/deposits/${made.body.id}/confirm`, { json: { code } });
    expect(locked.status).toBe(409);
  });

  it('given a confirmed deposit, then its sealed receipt is authentic, and a changed byte or edited text fails', async () => {
    const from = freshAddress();
    const { answer } = await confirmed(from);
    const pdf = await request(from, 'GET', answer.body.receiptUrl);
    expect(pdf.status).toBe(200);
    expect(pdf.raw.subarray(0, 5).toString()).toBe('%PDF-');

    const verify = async (bytes: Buffer) => {
      const form = new FormData();
      form.append('receipt', new Blob([new Uint8Array(bytes)], { type: 'application/pdf' }), 'receipt.pdf');
      return (await request(from, 'POST', '/api/public/receipts/verify', { form })).body;
    };
    const original = await verify(pdf.raw);
    expect(original).toMatchObject({ authentic: true, facts: { chronoNumber: answer.body.chronoNumber, trackingCode: answer.body.trackingCode } });

    const flipped = Buffer.from(pdf.raw);
    const at = Math.floor(flipped.length / 3);
    flipped[at] = flipped[at]! ^ 0x01;
    expect((await verify(flipped)).authentic).toBe(false);
    const edited = Buffer.from(pdf.raw.toString('latin1').replace(answer.body.chronoNumber.slice(-6), '999999'), 'latin1');
    const title = Buffer.from(pdf.raw.toString('latin1').replace('/Title', '/Titlf'), 'latin1');
    expect((await verify(title)).authentic).toBe(false);
    if (!edited.equals(pdf.raw)) expect((await verify(edited)).authentic).toBe(false);
    expect((await verify(Buffer.concat([pdf.raw, Buffer.from('\n% appended\n')]))).authentic).toBe(false);

    // the QR code's page: the receipt exists, with its facts; an unknown code does not
    const facts = await request(from, 'GET', `/api/public/receipts/${answer.body.trackingCode}`);
    expect(facts.body).toMatchObject({ chronoNumber: answer.body.chronoNumber, signedWith: expect.stringMatching(/seal|ed25519/) });
    expect((await request(from, 'GET', '/api/public/receipts/AAAA-AAAA-AAAA-AAAA')).status).toBe(404);

    mkdirSync(out, { recursive: true });
    writeFileSync(path.join(out, 'receipt.pdf'), pdf.raw);
    execFileSync('pdftoppm', ['-png', '-r', '80', '-f', '1', '-l', '1', path.join(out, 'receipt.pdf'), path.join(out, 'receipt')]);
  });

  it('given script in every text field, then the receipt, the e-mail and the API carry it as inert text', async () => {
    const from = freshAddress();
    const input = someDeposit({ subject: `Objet ${SCRIPT}`, text: `Texte ${SCRIPT}` }, { name: `Nom ${SCRIPT}` });
    const { answer } = await confirmed(from, input);
    expect(answer.status).toBe(200);
    const pdf = await request(from, 'GET', answer.body.receiptUrl);
    mkdirSync(out, { recursive: true });
    writeFileSync(path.join(out, 'receipt-script.pdf'), pdf.raw);
    const text = execFileSync('pdftotext', [path.join(out, 'receipt-script.pdf'), '-']).toString();
    expect(text).toContain('<script>');
    expect(pdf.raw.toString('latin1')).not.toMatch(/\/JavaScript|\/JS\b|\/OpenAction/);
    const emails = await waitFor('tracking e-mail', async () => {
      const all = await mailsTo(input.identity.email!);
      return all.length >= 2 ? all : null;
    });
    for (const m of emails) if (m.parsed.html) expect(m.parsed.html).not.toMatch(/<script|<img/i);
  });
});
