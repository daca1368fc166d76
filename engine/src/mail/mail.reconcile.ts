import { record } from '../audit/audit.service.js';
import type { RuntimeClient } from '../runtime/runtime.client.js';
import { missingMailAuditEntries } from './mail.audit-completeness.js';
import { enqueueCircuitStart, ensureCircuitStartQueued } from './mail.start-queue.js';
import { MailModel, type Mail } from './mail.model.js';
import { checkedUpTo, markCheckedUpTo, registerCounters } from './mail.number.js';

export interface MailRepairs {
  /** Mails marked started whose instance the runtime doesn't know: handed back to the circuit-start outbox. */
  circuitsRestarted: number;
  /** Audit entries a crash left unwritten, recorded now as recovered. */
  auditRecovered: number;
}

const CHUNK = 200;
/** A periodic pass looks at no more than this many new numbers per register (the rest wait for the next). */
const RECENT_CAP = 5_000;

type Checked = Pick<Mail, '_id' | 'processInstanceId' | 'circuitStart'>;

/**
 * Repairs what a crash can leave between the mail registry and the runtime: a circuit the
 * runtime lost (its start goes back to the outbox, which starts it once), and audit entries
 * whose write didn't happen (recorded now, marked as recovered). A `full` pass reads every mail
 * (at start and when an admin asks); a periodic one only the mails registered since the last,
 * found by their numbers through the register's unique index, and leaves the audit to full passes.
 */
export async function reconcileMails(runtime: RuntimeClient, settleMs = 30_000, full = true): Promise<MailRepairs> {
  const repairs: MailRepairs = { circuitsRestarted: 0, auditRecovered: 0 };
  const settledBefore = new Date(Date.now() - settleMs);
  const { mails: settled, checked } = full
    ? {
        // pending ones of any age: a mail registered just before a crash has no queue entry
        mails: await MailModel.find({ $or: [{ 'circuitStart.state': 'pending' }, { 'circuitStart.state': 'started', registeredAt: { $lte: settledBefore } }] }, { processInstanceId: 1, circuitStart: 1 }).lean(),
        checked: [],
      }
    : await recentlyRegistered(settledBefore);
  // A pending mail gets its entry in the outbox's queue, due when its lease is over: a mail registered
  // on an engine node waits under that node's lease without one (see CircuitStarter), and the node
  // may have died. (The outbox drops the entry of a mail that was started meanwhile.)
  for (const mail of settled.filter((m) => m.circuitStart?.state === 'pending')) {
    const { nextAttemptAt, lockedUntil } = mail.circuitStart!;
    await ensureCircuitStartQueued(String(mail._id), new Date(Math.max(nextAttemptAt?.getTime() ?? 0, lockedUntil?.getTime() ?? 0)));
  }
  const started = settled.filter((m) => m.circuitStart?.state === 'started' && m.processInstanceId);
  for (let i = 0; i < started.length; i += CHUNK) {
    const chunk = started.slice(i, i + CHUNK);
    const known = new Set((await runtime.historicProcessInstances(chunk.map((m) => m.processInstanceId!))).map((p) => p.id));
    for (const mail of chunk.filter((m) => !known.has(m.processInstanceId!))) {
      await enqueueCircuitStart(String(mail._id), new Date());
      const moved = await MailModel.updateOne(
        { _id: mail._id, processInstanceId: mail.processInstanceId, 'circuitStart.state': 'started' },
        { $set: { processInstanceId: null, 'circuitStart.state': 'pending', 'circuitStart.nextAttemptAt': new Date(), 'circuitStart.lockedUntil': null, 'circuitStart.lastError': `the runtime had no instance ${mail.processInstanceId}` } },
      );
      repairs.circuitsRestarted += moved.modifiedCount;
    }
  }
  // how far the periodic passes got, once what they found is repaired
  for (const [counterId, upTo] of checked) await markCheckedUpTo('circuits', counterId, upTo);
  if (!full) return repairs;
  for (const missing of await missingMailAuditEntries(settleMs)) {
    const mail = await MailModel.findById(missing.mailId, { registeredBy: 1, chronoNumber: 1, direction: 1, processInstanceId: 1, circuit: 1 }).lean();
    if (!mail) continue;
    const facts = missing.action === 'circuit.started' ? { processInstanceId: mail.processInstanceId, circuit: mail.circuit?.key ?? null } : { direction: mail.direction, registeredBy: mail.registeredBy };
    await record({ actor: 'system', action: missing.action, mailId: missing.mailId, details: { chronoNumber: mail.chronoNumber, ...facts, recovered: true } });
    repairs.auditRecovered += 1;
  }
  return repairs;
}

/**
 * The mails numbered since the last periodic pass and registered before `settledBefore`, number by
 * number in each register (a first pass starts RECENT_CAP numbers back: older ones are the full
 * passes' business), and how far that goes in each register.
 */
async function recentlyRegistered(settledBefore: Date): Promise<{ mails: Checked[]; checked: [string, number][] }> {
  const found: Checked[] = [];
  const checked: [string, number][] = [];
  for (const counter of await registerCounters()) {
    const last = (await checkedUpTo('circuits', counter.id)) ?? Math.max(0, counter.value - RECENT_CAP);
    let upTo = last;
    for (let sequence = last + 1; sequence <= Math.min(counter.value, last + RECENT_CAP); sequence += 1) {
      const mail = await MailModel.findOne({ register: counter.register, year: counter.year, sequence }, { processInstanceId: 1, circuitStart: 1, registeredAt: 1 }).lean();
      if (mail && mail.registeredAt > settledBefore) break; // too young: the next pass
      if (mail) found.push(mail);
      upTo = sequence;
    }
    if (upTo > last) checked.push([counter.id, upTo]);
  }
  return { mails: found, checked };
}
