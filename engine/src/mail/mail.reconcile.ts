import { record } from '../audit/audit.service.js';
import type { RuntimeClient } from '../runtime/runtime.client.js';
import { missingMailAuditEntries } from './mail.audit-completeness.js';
import { enqueueCircuitStart, ensureCircuitStartQueued } from './mail.start-queue.js';
import { MailModel } from './mail.model.js';

export interface MailRepairs {
  /** Mails marked started whose instance the runtime doesn't know: handed back to the circuit-start outbox. */
  circuitsRestarted: number;
  /** Audit entries a crash left unwritten, recorded now as recovered. */
  auditRecovered: number;
}

const CHUNK = 200;

/**
 * Repairs what a crash can leave between the mail registry and the runtime: a circuit the
 * runtime lost (its start goes back to the outbox, which starts it once), and audit entries
 * whose write didn't happen (recorded now, marked as recovered).
 */
export async function reconcileMails(runtime: RuntimeClient, settleMs = 30_000): Promise<MailRepairs> {
  const repairs: MailRepairs = { circuitsRestarted: 0, auditRecovered: 0 };
  const settled = await MailModel.find({ 'circuitStart.state': { $in: ['started', 'pending'] }, registeredAt: { $lte: new Date(Date.now() - settleMs) } }, { processInstanceId: 1, circuitStart: 1 }).lean();
  // a pending mail always has its entry in the outbox's queue (mails from before the queue get one here)
  for (const mail of settled.filter((m) => m.circuitStart?.state === 'pending')) await ensureCircuitStartQueued(String(mail._id), mail.circuitStart?.nextAttemptAt ?? new Date());
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
  for (const missing of await missingMailAuditEntries(settleMs)) {
    const mail = await MailModel.findById(missing.mailId, { registeredBy: 1, chronoNumber: 1, direction: 1, processInstanceId: 1, circuit: 1 }).lean();
    if (!mail) continue;
    const facts = missing.action === 'circuit.started' ? { processInstanceId: mail.processInstanceId, circuit: mail.circuit?.key ?? null } : { direction: mail.direction, registeredBy: mail.registeredBy };
    await record({ actor: 'system', action: missing.action, mailId: missing.mailId, details: { chronoNumber: mail.chronoNumber, ...facts, recovered: true } });
    repairs.auditRecovered += 1;
  }
  return repairs;
}
