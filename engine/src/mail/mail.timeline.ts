import type { I18nText, MailStatus, MailTimelineItemDto, SessionUser, TimelinePersonDto } from '@diwan/contracts';
import { entriesOfMail } from '../audit/audit.service.js';
import type { AuditEntry } from '../audit/audit.model.js';
import type { RequestHandler } from 'express';
import { currentUser } from '../auth/auth.middleware.js';
import { CircuitModels } from '../circuits/circuit-model.js';
import type { RuntimeClient } from '../runtime/runtime.client.js';
import { STATUS_LABELS } from '../shared/labels.js';
import { languageOf, pick, type Language } from '../shared/language.js';
import { displayNames } from '../users/user.service.js';
import { findVisibleMail } from './mail.query.js';

/** Names circuits by key in a language (from their deployed definitions); a key left out has no known name. */
export type CircuitNamer = (keys: string[], language: Language) => Promise<Map<string, string>>;

type Details = Record<string, unknown>;
const text = (value: unknown): string | undefined => (typeof value === 'string' && value.trim() !== '' ? value : undefined);
const isI18n = (value: unknown): value is I18nText => typeof value === 'object' && value !== null && ('ar' in value || 'fr' in value || 'en' in value);

/**
 * A mail's history as people read it: one entry per audit entry of the mail, oldest first, with
 * people by display name and texts in the caller's language. Only whitelisted facts of each
 * entry go out (never ids, hashes, raw variables or the subject); the caller must be allowed to
 * see the mail (else 404, as for the mail itself).
 */
export async function mailTimeline(user: SessionUser, mailId: string, language: Language, circuitNames: CircuitNamer): Promise<MailTimelineItemDto[]> {
  await findVisibleMail(user, mailId);
  const entries = await entriesOfMail(mailId);
  const delegates = entries.filter((e) => e.action === 'userTask.delegated' || e.action === 'userTask.reassigned').flatMap((e) => [text(e.details?.to) ?? [], text(e.details?.from) ?? []].flat());
  const people = await displayNames([...entries.map((e) => e.actor), ...delegates]);
  const person = (username: string): TimelinePersonDto => ({ username, displayName: people.get(username) ?? username });
  const stepNames = stepNamesByTask(entries);
  const circuits = await circuitNames([...new Set(entries.filter((e) => NAMES_CIRCUIT.has(e.action)).flatMap((e) => circuitKeyOf(e.details) ?? []))], language).catch(
    () => new Map<string, string>(),
  );

  return entries.map((entry) => {
    const details: Details = entry.details ?? {};
    const item: MailTimelineItemDto = {
      at: entry.at.toISOString(),
      action: entry.action,
      // An actor who is nobody's username is Diwan itself ('system', 'workers', timers).
      actor: people.has(entry.actor) ? person(entry.actor) : null,
    };
    const stepName = stepNameOf(details, language, stepNames);
    switch (entry.action) {
      case 'mail.registered':
      case 'mail.voided':
        return { ...item, ...(text(details.chronoNumber) ? { chronoNumber: text(details.chronoNumber) } : {}) };
      case 'attachment.added':
        return { ...item, ...(text(details.filename) ? { filename: text(details.filename) } : {}) };
      case 'receipt.issued':
        return { ...item, ...(text(details.number) ? { receiptNumber: text(details.number) } : {}) };
      case 'circuit.started': {
        const key = circuitKeyOf(details);
        const name = text(details.circuitName) ?? (key ? circuits.get(key) : undefined);
        return { ...item, ...(name ? { circuitName: name } : {}) };
      }
      case 'mail.statusChanged':
        return { ...item, ...statusLabels(details, language) };
      case 'userTask.delegated': {
        const to = text(details.to);
        return { ...item, ...(stepName ? { stepName } : {}), ...(to ? { assignee: person(to) } : {}) };
      }
      case 'userTask.claimed':
      case 'userTask.unclaimed':
        return { ...item, ...(stepName ? { stepName } : {}) };
      case 'userTask.completed':
        return { ...item, ...(stepName ? { stepName } : {}), fields: completedFields(details, language), ...onBehalfOf(details) };
      case 'mail.drafted':
        return { ...item, ...(text(details.replyTo) ? { variant: 'reply' } : {}) };
      case 'letter.saved':
        return { ...item, ...(typeof details.version === 'number' ? { version: details.version } : {}) };
      case 'document.signed':
        if (text(details.registration)) return { ...item, variant: 'registration', chronoNumber: text(details.registration) };
        return { ...item, ...(details.method === 'seal' ? { variant: 'seal' } : {}), ...onBehalfOf(details) };
      case 'mail.dispatched':
        return { ...item, ...dispatchVariant(details) };
      case 'exchange.sent':
      case 'exchange.received':
      case 'exchange.acknowledged': {
        const peerName = isI18n(details.peerName) ? pick(details.peerName, language) || undefined : undefined;
        const chrono = text(entry.action === 'exchange.acknowledged' ? details.receiverChronoNumber : entry.action === 'exchange.received' ? details.chronoNumber : undefined);
        return { ...item, ...(peerName ? { peerName } : {}), ...(chrono ? { chronoNumber: chrono } : {}) };
      }
      case 'userTask.reassigned': {
        const to = text(details.to);
        const from = text(details.from);
        // absence.started: from the absent person to their substitute; absence.ended: back to them
        const variant = details.reason === 'absence.started' ? 'absence' : details.reason === 'absence.ended' ? 'return' : 'operations';
        return {
          ...item,
          variant,
          ...(stepName ? { stepName } : {}),
          ...(to ? { assignee: person(to) } : {}),
          ...(variant === 'absence' && from ? { onBehalfOf: person(from) } : {}),
        };
      }
      case 'processInstance.cancelled':
      case 'processInstance.migrated': {
        const key = circuitKeyOf(details);
        const name = key ? circuits.get(key) : undefined;
        return { ...item, ...(name ? { circuitName: name } : {}) };
      }
      case 'processInstance.moved': {
        const target = details.to as { names?: unknown } | undefined;
        const name = isI18n(target?.names) ? pick(target.names, language) || undefined : undefined;
        return { ...item, ...(name ? { stepName: name } : {}) };
      }
      case 'incident.retried': {
        const name = isI18n(details.step) ? pick(details.step, language) || undefined : undefined;
        return { ...item, ...(name ? { stepName: name } : {}) };
      }
      default:
        return item;
    }
  });
}

/** Actions whose circuit the timeline names. */
const NAMES_CIRCUIT = new Set(['circuit.started', 'processInstance.cancelled', 'processInstance.migrated']);

/** How an outgoing mail left: `email`, `exchange`, `post` (handed to be posted), `posted`; none while it is being sent. */
function dispatchVariant(details: Details): { variant?: string } {
  if (details.state === 'posted') return { variant: 'posted' };
  if (details.state === 'awaiting_post') return { variant: 'post' };
  if (details.state === 'sent' && typeof details.means === 'string' && ['email', 'post', 'exchange'].includes(details.means)) return { variant: details.means };
  return {};
}

/** Step names in three languages by user task and by step, from the entries that carry them (completions). */
function stepNamesByTask(entries: AuditEntry[]): Map<string, I18nText> {
  const names = new Map<string, I18nText>();
  for (const { details } of entries) {
    if (!details || !isI18n(details.names)) continue;
    for (const key of [text(details.userTaskId), text(details.taskDefinitionKey)]) if (key && !names.has(key)) names.set(key, details.names);
  }
  return names;
}

function stepNameOf(details: Details, language: Language, known: Map<string, I18nText>): string | undefined {
  if (isI18n(details.names)) return pick(details.names, language) || undefined;
  const found = known.get(text(details.userTaskId) ?? '') ?? known.get(text(details.taskDefinitionKey) ?? '');
  if (found) return pick(found, language) || undefined;
  return text(details.stepName);
}

function circuitKeyOf(details: Details | undefined): string | undefined {
  if (!details) return undefined;
  const circuit = details.circuit;
  if (typeof circuit === 'object' && circuit !== null) return text((circuit as { key?: unknown }).key);
  return text(details.circuitKey) ?? text(circuit);
}

function statusLabels(details: Details, language: Language): { from?: string; to?: string } {
  const label = (status: unknown) => (typeof status === 'string' && status in STATUS_LABELS ? pick(STATUS_LABELS[status as MailStatus], language) : undefined);
  const from = label(details.from);
  const to = label(details.to);
  return { ...(from ? { from } : {}), ...(to ? { to } : {}) };
}

/** The absent person a substitute completed the step for ("by delegation of"), as the audit keeps them. */
function onBehalfOf(details: Details): { onBehalfOf?: TimelinePersonDto } {
  const absent = details.onBehalfOf as { username?: unknown; displayName?: unknown } | undefined;
  const username = text(absent?.username);
  return username ? { onBehalfOf: { username, displayName: text(absent?.displayName) ?? username } } : {};
}

/** The fields of a completed form as the audit keeps them (labels and texts in three languages). */
function completedFields(details: Details, language: Language): { label: string; value: string }[] {
  if (!Array.isArray(details.fields)) return [];
  return (details.fields as { label?: unknown; text?: unknown }[]).flatMap((field) => {
    const label = isI18n(field.label) ? pick(field.label, language) : '';
    const value = isI18n(field.text) ? pick(field.text, language) : '';
    return label && value ? [{ label, value }] : [];
  });
}

/**
 * `GET /api/mails/:id/timeline`, in the caller's language. Circuits are named by their latest
 * deployed definition: the process's `name.<lang>` properties, else its BPMN name.
 */
export function mailTimelineHandler(runtime: RuntimeClient): RequestHandler {
  const models = new CircuitModels(runtime);
  const circuitNames: CircuitNamer = async (keys, language) => {
    if (keys.length === 0) return new Map();
    const definitions = (await runtime.latestProcessDefinitions()).filter((d) => keys.includes(d.key));
    const named = await Promise.all(
      definitions.map(async (d) => {
        const names = (await models.of(d.id).catch(() => null))?.node(d.key)?.names;
        return [d.key, (names && pick(names, language)) || d.name || ''] as const;
      }),
    );
    return new Map(named.filter(([, name]) => name !== ''));
  };
  return async (req, res) => {
    res.json(await mailTimeline(currentUser(req), String(req.params.id), languageOf(req), circuitNames));
  };
}
