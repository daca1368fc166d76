import { createHash } from 'node:crypto';
import type { AuditEntry } from './audit.model.js';

export const GENESIS_HASH = '0'.repeat(64);

/** JSON with object keys sorted at every level, so the same entry always hashes the same. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

/** hash = sha256(prevHash + canonical JSON of the entry without its hash). */
export function hashEntry(entry: Omit<AuditEntry, 'hash'>): string {
  const { seq, at, actor, action, mailId, details, prevHash } = entry;
  const body = canonicalJson({ seq, at: at.toISOString(), actor, action, mailId, details, prevHash });
  return createHash('sha256').update(prevHash + body).digest('hex');
}
