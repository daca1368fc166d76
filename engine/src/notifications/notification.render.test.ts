import { describe, expect, it } from '@jest/globals';
import { NOTIFICATION_TEMPLATES } from '@diwan/contracts';
import { renderNotification } from './notification.render.js';
import { NOTIFICATION_TEXTS } from './notification.templates.js';

const placeholders = (text: string) => [...text.matchAll(/\{([a-zA-Z]+)\}/g)].map((m) => m[1]).sort();

describe('notification templates', () => {
  it('exist in ar, fr and en with the same values', () => {
    for (const template of NOTIFICATION_TEMPLATES) {
      const { ar, fr, en } = NOTIFICATION_TEXTS[template];
      expect([template, placeholders(ar.text)]).toEqual([template, placeholders(fr.text)]);
      expect([template, placeholders(en.text)]).toEqual([template, placeholders(fr.text)]);
      for (const t of [ar, fr, en]) expect(t.subject.length * t.text.length).toBeGreaterThan(0);
    }
  });

  it('write dates in the language and the time zone, and drop empty parentheses', () => {
    const data = { chronoNumber: '2026/A/000001', subject: null, dueDate: '2026-03-01T23:30:00Z' };
    expect(renderNotification('deadline.reminder', 'fr', data, 'Africa/Tunis').text).toBe('Rappel : le courrier 2026/A/000001 doit être traité avant le 2 mars 2026.');
    expect(renderNotification('deadline.reminder', 'en', data, 'UTC').text).toBe('Reminder: mail 2026/A/000001 must be handled by 1 March 2026.');
  });

  it('escapes every value in the HTML part, and isolates values on screens and in e-mail', () => {
    const out = renderNotification('deposit.registered', 'ar', { chronoNumber: '<img src=x onerror=alert(1)>', trackingCode: 'AB"&' }, 'UTC', true);
    expect(out.html).not.toMatch(/<img/);
    expect(out.html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(out.html).toContain('AB&quot;&amp;');
    expect(out.html).toContain('dir="rtl"');
    expect(out.text).toContain('\u2068<img src=x onerror=alert(1)>\u2069');
  });

  it('holds left-to-right values together with marks in an Arabic SMS, and leaves Arabic values alone', () => {
    expect(renderNotification('task.assigned', 'ar', { taskName: 'توقيع', chronoNumber: '2026/A/000321' }, 'UTC').text).toBe('أسندت إليك مهمة «توقيع» للمراسلة \u200e2026/A/000321\u200e.');
    expect(renderNotification('task.assigned', 'fr', { taskName: 'Signer', chronoNumber: '2026/A/000321' }, 'UTC').text).toBe('La tâche « Signer » du courrier 2026/A/000321 vous est confiée.');
  });

  it('takes a value in the language when it comes in each', () => {
    const data = { taskName: 'Viser', taskNameAr: 'التأشير', taskNameEn: 'Endorse', chronoNumber: 'X' };
    expect(renderNotification('task.assigned', 'ar', data, 'UTC').text).toBe('أسندت إليك مهمة «التأشير» للمراسلة \u200eX\u200e.');
    expect(renderNotification('task.assigned', 'en', data, 'UTC').text).toBe('The task "Endorse" for mail X is now yours.');
    expect(renderNotification('task.assigned', 'fr', data, 'UTC').text).toBe('La tâche « Viser » du courrier X vous est confiée.');
  });
});
