/** Helpers for the absence scenarios: people of their own who can log in, and reading the designer's timeline sentences. */
import { readFileSync } from 'node:fs';
import type { MailTimelineItemDto } from '@diwan/contracts';
import { timelineSentence } from '../../designer/src/features/mails/mail-timeline.sentences.js';
import { engineDb } from './mail.fixtures.js';

/**
 * Adds active users who log in with the demo password (the demo agent's hash is copied), so that
 * no demo user's tasks move while other tests run.
 */
export async function loginableUsers(users: { username: string; displayName: string; departments: string[]; roles?: string[] }[]): Promise<void> {
  const { db, close } = await engineDb();
  try {
    const agent = await db.collection<{ passwordHash: string }>('users').findOne({ username: 'agent' });
    if (!agent) throw new Error('the demo agent is missing');
    for (const u of users) {
      await db.collection('users').insertOne({
        username: u.username,
        displayName: u.displayName,
        passwordHash: agent.passwordHash,
        roles: u.roles ?? ['agent'],
        departments: u.departments,
        language: 'fr',
        active: true,
        createdAt: new Date(),
        updatedAt: new Date(),
      });
    }
  } finally {
    await close();
  }
}

const locales: Record<string, unknown> = {};
const localeOf = (language: string) =>
  (locales[language] ??= JSON.parse(readFileSync(new URL(`../../designer/src/shared/i18n/locales/${language}.json`, import.meta.url), 'utf8')));

/** The timeline entry as the designer words it in that language, tags dropped. */
export function sentenceOf(entry: MailTimelineItemDto, language: 'ar' | 'fr' | 'en'): string {
  const { key, values } = timelineSentence(entry, 'Diwan');
  const template = key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], localeOf(language));
  if (typeof template !== 'string') throw new Error(`no sentence ${key} in ${language}`);
  return template.replace(/\{\{(\w+)\}\}/g, (_all, name: string) => values[name] ?? '').replace(/<\/?\w+>/g, '');
}
