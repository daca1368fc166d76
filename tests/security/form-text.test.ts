import { describe, expect, it } from '@jest/globals';
import type { UserTaskDto } from '@diwan/contracts';
import { marked } from 'marked';
import { api, login, waitFor } from '../harness/stack.js';
import { aMail, registerMail } from '../scenarios/mail.fixtures.js';

/**
 * Issue 8, item 14: form-js renders a text component as markdown with HTML, after filling its
 * templates with the data. A subject typed at registration must not become an image, a link or
 * markup in a colleague's form.
 */
const HOSTILE = '<img src="https://evil.example/t.png" onerror="alert(1)"> [click here](https://evil.example) ![t](https://evil.example/t.png) https://evil.example **bold** {{mail.chronoNumber}}';

describe('form text', () => {
  it("shows a hostile subject and correspondent name as plain text in the triage form", async () => {
    // given an incoming mail whose subject and correspondent name carry markup
    const registrar = (await login('registrar')).token;
    const cabinet = (await login('cabinet')).token;
    const registered = await registerMail(registrar, aMail({ subject: HOSTILE, correspondent: { kind: 'citizen', name: `<a href="https://evil.example">Sami</a>` } }));
    expect(registered.status).toBe(201);
    const task = await waitFor(
      'the triage task',
      async () => (await api<UserTaskDto[]>('GET', `/api/user-tasks?businessKey=${registered.body.id}`, { token: cabinet })).body.find((t) => t.taskDefinitionKey === 'triage'),
      60_000,
    );

    // when the cabinet opens the form
    const form = await api('GET', `/api/user-tasks/${task.id}/form`, { token: cabinet, headers: { 'accept-language': 'en' } });
    expect(form.status).toBe(200);
    const texts: string[] = [];
    const walk = (list: any[]) => list.forEach((c) => (c.type === 'text' && texts.push(c.text), walk(c.components ?? [])));
    walk(form.body.schema.components);
    const facts = texts.find((t) => t.includes('evil'));

    // then the text holds the subject and the name, filled in, with no template left to fill
    expect(facts).toBeDefined();
    expect(facts).not.toMatch(/\{\{/);
    // and rendered as form-js does (markdown, GFM, breaks), it is text only: no image, no link, no markup from the data
    const html = marked.parse(facts!, { gfm: true, breaks: true, async: false });
    expect(html).not.toMatch(/<img|<a[\s>]|<em>|<[^>]*\s(href|src|onerror)=/i);
    expect(html).toContain('&lt;img src=&quot;https://evil.example/t.png&quot;');
    expect(html).toContain('[click here](https://evil.example)');
    expect(html).toContain('**bold** {{mail.chronoNumber}}');
    expect(html).toContain('&lt;a href=&quot;https://evil.example&quot;&gt;Sami&lt;/a&gt;');
    // while the form author's own markdown still works (the chrono number in bold)
    expect(html).toContain(`<strong>${registered.body.chronoNumber}</strong>`);
  }, 90_000);
});
