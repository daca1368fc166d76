import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import mongoose from 'mongoose';
import { stack, uniqueKey } from '../../../tests/harness/stack.js';
import { AuditAnchors } from './audit.anchor.js';
import { hashEntry } from './audit.chain.js';
import { AuditEntryModel } from './audit.model.js';
import { anchorAuditWith, record, resetAuditHead, verifyAuditLog } from './audit.service.js';

const complete = async () => [];

describe('the audit log, anchored outside the database', () => {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'anchors-')), 'anchors.jsonl');
  const anchors = new AuditAnchors('k'.repeat(32), file, 10);

  beforeAll(async () => {
    await mongoose.connect(stack.mongoUri, { dbName: uniqueKey('audit') });
    await AuditEntryModel.syncIndexes();
    resetAuditHead();
    anchorAuditWith(anchors);
  });
  afterAll(async () => {
    anchorAuditWith(null);
    resetAuditHead();
    await mongoose.connection.dropDatabase();
    await mongoose.disconnect();
  });

  it('catches a chain rewritten and recomputed in the database, which the hashes alone cannot', async () => {
    // given a few entries, anchored
    for (let i = 1; i <= 5; i += 1) await record({ actor: 'registrar', action: 'mail.registered', mailId: null, details: { chronoNumber: `2026/A/00000${i}` } });
    const healthy = await verifyAuditLog(complete);
    expect(healthy).toMatchObject({ ok: true, entries: 5, anchors: { lastSeq: 5, forged: 0 } });

    // when someone with database access rewrites entry 2's chrono number and recomputes every hash after it
    const entries = await AuditEntryModel.find({}).sort({ seq: 1 }).lean();
    let prevHash = entries[0]!.hash;
    for (const entry of entries.slice(1)) {
      const details = entry.seq === 2 ? { chronoNumber: '2026/A/999999' } : entry.details;
      const rewritten = { ...entry, details, prevHash };
      const hash = hashEntry(rewritten);
      await AuditEntryModel.updateOne({ seq: entry.seq }, { $set: { details, prevHash, hash } });
      prevHash = hash;
    }

    // then the chain is consistent, but the anchors show where it was rewritten
    const after = await verifyAuditLog(complete);
    expect(after).toMatchObject({ ok: false, reason: 'anchor' });
    expect(after.brokenAt).toBeLessThanOrEqual(5);

    // and restoring the original entries makes it whole again
    for (const entry of entries) await AuditEntryModel.replaceOne({ seq: entry.seq }, entry);
    expect((await verifyAuditLog(complete)).ok).toBe(true);
  });

  it('catches entries deleted from the end, and an anchor forged without the key', async () => {
    const last = await AuditEntryModel.findOne({}).sort({ seq: -1 }).lean();
    await AuditEntryModel.deleteOne({ seq: last!.seq });
    expect(await verifyAuditLog(complete)).toMatchObject({ ok: false, reason: 'truncated', brokenAt: last!.seq });
    await AuditEntryModel.create(last!);

    const text = readFileSync(file, 'utf8');
    writeFileSync(file, `${text}${JSON.stringify({ seq: 1, hash: 'f'.repeat(64), at: new Date().toISOString(), mac: '0'.repeat(64) })}\n`);
    expect(await verifyAuditLog(complete)).toMatchObject({ ok: false, reason: 'forged-anchor', anchors: { forged: 1 } });
    writeFileSync(file, text);
  });

  it('says what is missing when the log is incomplete', async () => {
    const missing = [{ mailId: 'm1', chronoNumber: '2026/A/000042', action: 'mail.registered' as const }];
    expect(await verifyAuditLog(async () => missing)).toMatchObject({ ok: false, reason: 'incomplete', missing });
  });
});
