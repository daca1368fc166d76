import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from '@jest/globals';
import type { LetterCompareDto, LetterDto, LetterTemplateDto, MailDto } from '@diwan/contracts';
import { api, login, stack } from '../harness/stack.js';
import { aMail, FAKE_EXE, registerMail, TINY_PDF } from './mail.fixtures.js';

const OUT = path.resolve('test-results/letters');

async function pdfOf(token: string, mailId: string): Promise<{ status: number; type: string | null; bytes: Buffer }> {
  const res = await fetch(`${stack.engineUrl}/api/mails/${mailId}/document`, { headers: { authorization: `Bearer ${token}` } });
  return { status: res.status, type: res.headers.get('content-type'), bytes: Buffer.from(await res.arrayBuffer()) };
}

describe('letters: a reply drafted from a template, versions, comparison, PDF/A', () => {
  let registrar: string;
  let agent: string;
  let incoming: MailDto;
  let draft: MailDto;
  beforeAll(async () => {
    mkdirSync(OUT, { recursive: true });
    registrar = (await login('registrar')).token;
    agent = (await login('agent')).token;
    // given an incoming mail from a citizen, for the urban planning department
    const registered = await registerMail(registrar, aMail({ language: 'ar', letterDate: '2026-03-02', correspondent: { kind: 'citizen', name: 'سامي الجبالي · Sami Jebali', address: 'نهج الحرية 12', city: 'صفاقس' } as never }));
    expect(registered.status).toBe(201);
    incoming = registered.body;
    // and its reply drafted by the department's agent (POST /api/mails/drafts)
    const drafted = await api<MailDto>('POST', '/api/mails/drafts', { token: agent, body: { subject: 'جواب على طلب رخصة بناء', language: 'ar', correspondent: { id: incoming.correspondent!.id }, replyTo: incoming.id } });
    expect(drafted.status).toBe(201);
    draft = drafted.body;
  });

  it('lists the standard templates in ar and fr to any member of staff', async () => {
    const { status, body } = await api<LetterTemplateDto[]>('GET', '/api/letter-templates', { token: agent });
    expect(status).toBe(200);
    const codes = body.map((t) => t.code);
    expect(codes).toEqual(expect.arrayContaining(['reply-citizen-ar', 'reply-citizen-fr', 'new-letter-ar', 'new-letter-fr']));
    expect(body.find((t) => t.code === 'reply-citizen-ar')).toMatchObject({ language: 'ar', standard: true, labels: { fr: 'Réponse à un citoyen (en arabe)' } });
    // only admins change them
    expect((await api('PUT', '/api/letter-templates/reply-citizen-ar', { token: agent, body: { labels: { ar: 'x', fr: 'x', en: 'x' }, language: 'ar', body: '<p>x</p>' } })).status).toBe(403);
  });

  it('drafts the reply from a template, keeps versions, refuses a lost update, compares and renders PDF/A with Arabic in order', async () => {
    // when the agent applies the Arabic reply template
    const applied = await api<LetterDto>('POST', `/api/mails/${draft.id}/letter/from-template`, { token: agent, body: { templateCode: 'reply-citizen-ar' } });
    expect(applied.status).toBe(200);
    expect(applied.body).toMatchObject({ revision: 1, language: 'ar', templateCode: 'reply-citizen-ar', editable: true, signed: false });
    // then the merge fields hold the incoming mail's number, its date and the correspondent (in Arabic)
    expect(applied.body.fields['reference.chronoNumber']).toContain(incoming.chronoNumber);
    expect(applied.body.fields['correspondent.name']).toBe('سامي الجبالي');
    expect(applied.body.fields['reference.letterDate']).toMatch(/2026/);
    expect(applied.body.html).toContain('data-field="reference.chronoNumber"');

    // when the agent writes the answer (with a script and a handler slipped in) and saves
    const typed = applied.body.html.replace('<p></p>', '<p onclick="alert(1)">نعلمكم بأن ملفكم قيد الدرس.</p><script>alert("x")</script><img src=x onerror=alert(1)>');
    const second = await api<LetterDto>('PUT', `/api/mails/${draft.id}/letter`, { token: agent, body: { html: typed, revision: 1, signatory: { name: 'الهادي العياري', title: 'رئيس البلدية' } } });
    expect(second.status).toBe(200);
    expect(second.body.revision).toBe(2);
    // then the script, the handler and the image are gone, the text stays
    expect(second.body.html).toContain('نعلمكم بأن ملفكم قيد الدرس.');
    expect(second.body.html).not.toMatch(/script|onclick|onerror|<img|alert/i);

    // a save from an older revision is refused
    const stale = await api('PUT', `/api/mails/${draft.id}/letter`, { token: agent, body: { html: '<p>ancien</p>', revision: 1 } });
    expect(stale.status).toBe(409);

    const third = await api<LetterDto>('PUT', `/api/mails/${draft.id}/letter`, { token: agent, body: { html: second.body.html.replace('قيد الدرس.', 'قيد الدرس وسنوافيكم بالرد قريبا.'), revision: 2 } });
    expect(third.status).toBe(200);
    expect(third.body.versions.map((v) => v.number)).toEqual([1, 2, 3]);
    expect((await api('GET', `/api/mails/${draft.id}/letter/versions/2`, { token: agent })).body.html).toContain('قيد الدرس.');

    // the comparison names the words inserted and removed
    const compared = await api<LetterCompareDto>('GET', `/api/mails/${draft.id}/letter/compare?from=2&to=3`, { token: agent });
    expect(compared.status).toBe(200);
    const inserted = compared.body.segments.filter((s) => s.kind === 'inserted').map((s) => s.text).join('');
    expect(inserted).toContain('وسنوافيكم');
    expect(compared.body.segments.filter((s) => s.kind === 'same').map((s) => s.text).join('')).toContain(incoming.chronoNumber);

    // the PDF: fonts embedded, XMP metadata (PDF/A id), Arabic extracted in logical order, the incoming number printed
    const pdf = await pdfOf(agent, draft.id);
    expect(pdf.status).toBe(200);
    expect(pdf.type).toBe('application/pdf');
    const file = path.join(OUT, 'letter-reply-ar.pdf');
    writeFileSync(file, pdf.bytes);
    const fonts = execFileSync('pdffonts', [file]).toString();
    const fontRows = fonts.split('\n').slice(2).filter(Boolean);
    expect(fontRows.length).toBeGreaterThan(0);
    for (const row of fontRows) expect(row).toMatch(/Amiri\S*\s+CID TrueType\s+Identity-H\s+yes\s+yes\s+yes/);
    expect(execFileSync('pdfinfo', [file]).toString()).toMatch(/Metadata Stream:\s+yes/);
    const xmp = execFileSync('pdfinfo', ['-meta', file]).toString();
    expect(xmp).toContain('<pdfaid:part>2</pdfaid:part>');
    expect(xmp).toContain('<pdfaid:conformance>B</pdfaid:conformance>');
    const text = execFileSync('pdftotext', [file, '-']).toString();
    expect(text).toContain('تحية طيبة وبعد');
    expect(text).toContain('وسنوافيكم بالرد قريبا');
    expect(text).toContain(incoming.chronoNumber);
    expect(text).toContain('الهادي العياري');
    execFileSync('pdftoppm', ['-r', '80', '-png', file, path.join(OUT, 'letter-reply-ar')]);
    // the same bytes come back for the same version (rendered once, kept in GridFS)
    expect((await pdfOf(agent, draft.id)).bytes.equals(pdf.bytes)).toBe(true);
  }, 60_000);

  it('renders a French letter left to right', async () => {
    const drafted = await api<MailDto>('POST', '/api/mails/drafts', { token: agent, body: { subject: 'Réponse à votre demande', language: 'fr', correspondent: { id: incoming.correspondent!.id }, replyTo: incoming.id } });
    const applied = await api<LetterDto>('POST', `/api/mails/${drafted.body.id}/letter/from-template`, { token: agent, body: { templateCode: 'reply-citizen-fr' } });
    expect(applied.body.fields['correspondent.name']).toBe('Sami Jebali');
    const html = applied.body.html.replace('<p></p>', '<ul><li><p><strong>Premier point</strong> : le dossier est complet.</p></li></ul><p style="text-align: center"><em>Centré</em> et <u>souligné</u></p>');
    expect((await api('PUT', `/api/mails/${drafted.body.id}/letter`, { token: agent, body: { html, revision: 1 } })).status).toBe(200);
    const pdf = await pdfOf(agent, drafted.body.id);
    const file = path.join(OUT, 'letter-reply-fr.pdf');
    writeFileSync(file, pdf.bytes);
    const text = execFileSync('pdftotext', [file, '-']).toString();
    expect(text).toContain('En réponse à votre courrier');
    expect(text).toContain(incoming.chronoNumber);
    expect(text).toContain('Premier point');
    execFileSync('pdftoppm', ['-r', '80', '-png', file, path.join(OUT, 'letter-reply-fr')]);
  }, 60_000);

  it("keeps the letter to those who may see the mail, and its writing to the drafter and the task holders", async () => {
    const [president, cabinet, admin] = await Promise.all(['president', 'cabinet', 'admin'].map(async (u) => (await login(u)).token));
    // another department's head does not see the draft at all
    expect((await api('GET', `/api/mails/${draft.id}/letter`, { token: president })).status).toBe(404);
    expect((await pdfOf(president!, draft.id)).status).toBe(404);
    expect((await api('PUT', `/api/mails/${draft.id}/letter`, { token: president, body: { html: '<p>x</p>', revision: 3 } })).status).toBe(404);
    // the cabinet sees it, but may not write it
    const seen = await api<LetterDto>('GET', `/api/mails/${draft.id}/letter`, { token: cabinet });
    expect(seen.status).toBe(200);
    expect(seen.body.editable).toBe(false);
    expect((await api('PUT', `/api/mails/${draft.id}/letter`, { token: cabinet, body: { html: '<p>x</p>', revision: seen.body.revision } })).status).toBe(403);
    expect((await api('POST', `/api/mails/${draft.id}/letter/from-template`, { token: admin, body: { templateCode: 'new-letter-fr' } })).status).toBe(403);
    // an incoming mail has no letter to write
    expect((await api('PUT', `/api/mails/${incoming.id}/letter`, { token: registrar, body: { html: '<p>x</p>', revision: 0 } })).status).toBe(403);
    // bad input is named
    const bad = await api('PUT', `/api/mails/${draft.id}/letter`, { token: agent, body: { html: 5, revision: 'x' }, headers: { 'accept-language': 'ar' } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toContain('طلب غير صالح');
    expect((await api('GET', `/api/mails/${draft.id}/letter/compare?from=1&to=99`, { token: agent })).status).toBe(404);
    expect((await api('POST', `/api/mails/${draft.id}/letter/from-template`, { token: agent, body: { templateCode: 'nope-nope' } })).status).toBe(404);
  }, 60_000);

  it('attaches documents to the letter (annexes) for its writers only, sniffed like any upload', async () => {
    const annex = (token: string, bytes: Buffer, filename: string, type: string) => {
      const form = new FormData();
      form.append('files', new Blob([new Uint8Array(bytes)], { type }), filename);
      return fetch(`${stack.engineUrl}/api/mails/${draft.id}/letter/annexes`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: form });
    };
    // when the drafter attaches a PDF, then the mail carries it as an enclosure of the letter
    const added = await annex(agent, TINY_PDF, 'plan-de-situation.pdf', 'application/pdf');
    expect(added.status).toBe(201);
    const mail = (await added.json()) as MailDto;
    expect(mail.attachments.filter((a) => a.role === 'annex').map((a) => a.filename)).toEqual(['plan-de-situation.pdf']);
    // and an executable named .pdf is refused, and nobody else may attach
    expect((await annex(agent, FAKE_EXE, 'plan.pdf', 'application/pdf')).status).toBe(415);
    const [president, cabinet] = await Promise.all(['president', 'cabinet'].map(async (u) => (await login(u)).token));
    expect((await annex(president!, TINY_PDF, 'x.pdf', 'application/pdf')).status).toBe(404);
    expect((await annex(cabinet!, TINY_PDF, 'x.pdf', 'application/pdf')).status).toBe(403);
  }, 60_000);

  it('lets an admin manage templates; script in a body or a label is inert', async () => {
    const admin = (await login('admin')).token;
    const code = `tpl-${Date.now().toString(36)}`;
    const created = await api<LetterTemplateDto>('POST', '/api/letter-templates', {
      token: admin,
      body: { code, labels: { ar: 'نموذج', fr: '<b>Modèle</b>', en: 'Template' }, language: 'fr', body: '<p>Bonjour <span data-field="correspondent.name">x</span><script>alert(1)</script><a href="javascript:alert(1)">lien</a></p>', signatoryTitle: 'Le Maire' },
    });
    expect(created.status).toBe(201);
    expect(created.body.body).not.toMatch(/script|javascript|<a/i);
    expect(created.body.body).toContain('data-field="correspondent.name"');
    expect((await api('POST', '/api/letter-templates', { token: admin, body: { code, labels: { ar: 'a', fr: 'b', en: 'c' }, language: 'fr', body: '' } })).status).toBe(409);
    const changed = await api<LetterTemplateDto>('PUT', `/api/letter-templates/${code}`, { token: admin, body: { labels: { ar: 'نموذج', fr: 'Modèle', en: 'Template' }, language: 'ar', body: '<p>مرحبا</p>', signatoryTitle: '' } });
    expect(changed.body).toMatchObject({ language: 'ar', body: '<p>مرحبا</p>' });
    expect((await api('DELETE', `/api/letter-templates/${code}`, { token: admin })).status).toBe(204);
    expect((await api('GET', `/api/letter-templates/${code}`, { token: admin })).status).toBe(404);
  });
});
