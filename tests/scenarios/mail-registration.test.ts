import { createHash, randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from '@jest/globals';
import type { MailDto, MailPage } from '@diwan/contracts';
import { api, login, runtimeApi, stack, waitFor } from '../harness/stack.js';
import { TINY_PDF, TINY_PNG, aMail, engineDb, registerMail } from './mail.fixtures.js';

describe('registering an incoming mail', () => {
  let registrar: string;
  let admin: string;
  beforeAll(async () => {
    registrar = (await login('registrar')).token;
    admin = (await login('admin')).token;
  });

  it('registers with two files, numbers it, serves it back with its timeline and streams the files byte-identical', async () => {
    // given a letter with a scanned PDF and a photo
    const input = aMail({ mailType: 'complaint', priority: 'high' });

    // when the registrar registers it
    const res = await registerMail(registrar, input, [
      { name: 'lettre.pdf', data: TINY_PDF, type: 'application/pdf' },
      { name: 'photo عمود.png', data: TINY_PNG, type: 'image/png' },
    ], randomUUID());

    // then it gets the next number of register A, status registered, and its files
    expect(res.status).toBe(201);
    const mail = res.body as MailDto;
    expect(mail.chronoNumber).toMatch(new RegExp(`^${new Date().getUTCFullYear()}/A/\\d{6}$`));
    expect(mail).toMatchObject({ status: 'registered', register: 'A', direction: 'incoming', priority: 'high', registeredBy: 'registrar' });
    expect(mail.trackingCode).toMatch(/^[0-9A-HJKMNP-TV-Z]{16}$/); // 80 random bits, Crockford base32
    expect(mail.attachments.map((a) => [a.filename, a.contentType, a.size])).toEqual([
      ['lettre.pdf', 'application/pdf', TINY_PDF.length],
      ['photo عمود.png', 'image/png', TINY_PNG.length],
    ]);
    // complaint: 30 days from reception
    const expectedDue = new Date(Date.parse(mail.receivedAt) + 30 * 86400_000).toISOString().slice(0, 10);
    expect(mail.dueDate).toBe(expectedDue);

    // and GET gives it back with its timeline, oldest first
    const got = await api<MailDto>('GET', `/api/mails/${mail.id}`, { token: registrar });
    expect(got.status).toBe(200);
    expect(got.body.timeline!.map((e) => e.action).slice(0, 3)).toEqual(['mail.registered', 'attachment.added', 'attachment.added']);

    // and each file streams back byte for byte, inline, with its name
    for (const [a, bytes] of [[mail.attachments[0]!, TINY_PDF], [mail.attachments[1]!, TINY_PNG]] as const) {
      const file = await fetch(`${stack.engineUrl}/api/attachments/${a.id}`, { headers: { authorization: `Bearer ${registrar}` } });
      expect(file.status).toBe(200);
      expect(file.headers.get('content-type')).toBe(a.contentType);
      expect(file.headers.get('x-content-type-options')).toBe('nosniff');
      expect(file.headers.get('content-disposition')).toBe(`inline; filename*=UTF-8''${encodeURIComponent(a.filename)}`);
      const back = Buffer.from(await file.arrayBuffer());
      expect(back.equals(bytes)).toBe(true);
      expect(createHash('sha256').update(back).digest('hex')).toBe(a.sha256);
    }

    // and the circuit starts once, with the mail's id as business key and its variables
    const started = await waitFor('circuit start', async () => {
      const m = await api<MailDto>('GET', `/api/mails/${mail.id}`, { token: registrar });
      return m.body.processInstanceId ? m.body : null;
    });
    const instances = await runtimeApi<{ id: string }[]>('GET', `/history/process-instance?processInstanceBusinessKey=${mail.id}`);
    expect(instances.map((i) => i.id)).toEqual([started.processInstanceId]);
    const vars = await runtimeApi<{ name: string; value: unknown }[]>('GET', `/history/variable-instance?processInstanceId=${started.processInstanceId}`);
    const byName = Object.fromEntries(vars.map((v) => [v.name, v.value]));
    expect(byName).toMatchObject({ mailId: mail.id, chronoNumber: mail.chronoNumber, priority: 'high', direction: 'incoming', registrar: 'registrar' });
    // and the mail's content never travels as a circuit variable (forms read it from the engine, as the viewer may see it)
    expect(Object.keys(byName)).not.toEqual(expect.arrayContaining(['subject']));
    expect(Object.keys(byName)).not.toContain('confidentiality');
    expect(byName.dueDate).toBe(`${expectedDue}T23:59:59.999Z`);
    expect(Date.parse(byName.reminderDate as string)).toBe(Date.parse(byName.dueDate as string) - 2 * 86400_000);

    // and the worker's receipt is recorded on the mail, and the public tracking shows only the basics
    const withReceipt = await waitFor('receipt on the mail', async () => {
      const m = await api<MailDto>('GET', `/api/mails/${mail.id}`, { token: registrar });
      return m.body.receipt ? m.body : null;
    });
    expect(withReceipt.receipt!.number).toMatch(/^R\/\d{4}\/\d{6}$/);
    const tracked = await api('GET', `/api/public/track/${mail.trackingCode}`);
    expect(tracked.status).toBe(200);
    expect(Object.keys(tracked.body).sort()).toEqual(['answerAvailable', 'chronoNumber', 'department', 'informationRequest', 'lastUpdate', 'receiptNumber', 'receivedAt', 'stage', 'status', 'timeline']);
    expect(tracked.body).toMatchObject({ chronoNumber: mail.chronoNumber, receiptNumber: withReceipt.receipt!.number });
    expect((await api('GET', '/api/public/track/ZZZZZZZZZZ')).status).toBe(404);

    // and the progress shows the receipt task done
    const progress = await waitFor('receipt task completed', async () => {
      const p = await api('GET', `/api/mails/${mail.id}/progress`, { token: registrar });
      return p.body.completedActivityIds.includes('issue_receipt') ? p.body : null;
    });
    // a complaint runs the complaints circuit (its type's binding)
    expect(progress.processDefinitionId).toMatch(/^citizen-complaint:/);
    expect(progress.completedActivityIds).toContain('complaint_received');
  });

  it('finds mails with Arabic and French spelling variants, and exports the registry as CSV that parses back', async () => {
    // given two mails, one in Arabic, one in French
    const tag = randomUUID().slice(0, 6);
    const ar = await registerMail(registrar, aMail({ language: 'ar', subject: `شكاية بخصوص الإنارة العمومية ${tag}`, summary: 'حي النصر' }));
    const fr = await registerMail(registrar, aMail({ subject: `Réclamation "éclairage", rue 5 ${tag}`, correspondent: { kind: 'citizen', name: `سامي الجبالي ${tag}`, nationalId: `N${tag}` } }));
    expect([ar.status, fr.status]).toEqual([201, 201]);

    // when searching with other spellings
    const q = async (text: string) => (await api<MailPage>('GET', `/api/mails?q=${encodeURIComponent(text)}`, { token: registrar })).body.items.map((m) => m.id);

    // then both are found
    expect(await q(`شكايه بخصوص الانارة العمومية ${tag}`)).toEqual([ar.body.id]);
    expect(await q(`RECLAMATION "eclairage", rue 5 ${tag}`)).toEqual([fr.body.id]);
    expect(await q(ar.body.chronoNumber)).toEqual([ar.body.id]);

    // and the CSV export carries both, parseable, with a BOM
    const res = await fetch(`${stack.engineUrl}/api/mails?format=csv&q=${tag}`, { headers: { authorization: `Bearer ${registrar}` } });
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="registre-.*\.csv"$/);
    const bytes = Buffer.from(await res.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parseCsv(bytes.toString('utf8').slice(1));
    expect(rows[0]![0]).toContain('رقم الترتيب');
    const subjects = rows.slice(1).map((r) => r[3]);
    expect(subjects.sort()).toEqual([ar.body.subject, fr.body.subject].sort());

    // and the duplicate hint finds the same correspondent and reference
    const dup = await api<MailDto[]>('GET', `/api/mails/duplicates?correspondentId=${fr.body.correspondent.id}&letterReference=${encodeURIComponent(fr.body.letterReference)}`, { token: registrar });
    expect(dup.body.map((m) => m.id)).toEqual([fr.body.id]);
    // and the correspondent autocomplete finds the citizen by an Arabic variant
    const found = await api('GET', `/api/correspondents?q=${encodeURIComponent(`سامى الجبالى ${tag}`)}`, { token: registrar });
    expect(found.body.map((c: { id: string }) => c.id)).toEqual([fr.body.correspondent.id]);
    // and registering again with the same national id reuses that correspondent
    const again = await registerMail(registrar, aMail({ correspondent: { kind: 'citizen', name: 'S. Jebali', nationalId: `N${tag}` } }));
    expect(again.body.correspondent.id).toBe(fr.body.correspondent.id);
  });

  it('lists departments and users for pickers', async () => {
    const departments = await api('GET', '/api/departments', { token: registrar });
    expect(departments.body.map((d: { code: string }) => d.code)).toEqual(expect.arrayContaining(['cabinet', 'urbanism', 'supervision']));
    const users = await api('GET', '/api/users?department=urbanism', { token: registrar });
    expect(users.body.map((u: { username: string }) => u.username)).toEqual(expect.arrayContaining(['agent', 'head'])); // (other files add people to urbanism)
    expect(users.body[0]).not.toHaveProperty('passwordHash');
  });

  it('keeps a hash-chained audit log whose tampering is detected', async () => {
    // given a healthy chain
    const before = await api('GET', '/api/audit/verify', { token: admin });
    expect(before.body.ok).toBe(true);
    const { db, close } = await engineDb();
    try {
      // when someone edits an entry directly in MongoDB
      const entry = await db.collection('auditLog').findOne({ action: 'mail.registered' }, { sort: { seq: 1 } });
      await db.collection('auditLog').updateOne({ _id: entry!._id }, { $set: { actor: 'intruder' } });
      // then verification points at it
      const after = await api('GET', '/api/audit/verify', { token: admin });
      expect(after.body).toMatchObject({ ok: false, brokenAt: entry!.seq });
      await db.collection('auditLog').updateOne({ _id: entry!._id }, { $set: { actor: entry!.actor } });
      expect((await api('GET', '/api/audit/verify', { token: admin })).body.ok).toBe(true);
    } finally {
      await close();
    }
  });
});


/** A small RFC 4180 parser, to check the export parses back. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i += 1;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(cell);
      cell = '';
    }
    else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i += 1;
    } else cell += ch;
  }
  return rows;
}
