import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { SessionUser } from '@diwan/contracts';
import mongoose from 'mongoose';
import { stack, uniqueKey } from '../../../tests/harness/stack.js';
import { AuditEntryModel } from '../audit/audit.model.js';
import { resetAuditHead } from '../audit/audit.service.js';
import { RuntimeClient } from '../runtime/runtime.client.js';
import { blankDiagram } from './circuit-draft.blank.js';
import { CircuitDraftModel } from './circuit-draft.model.js';
import { CircuitDraftService } from './circuit-draft.service.js';

const admin: SessionUser = { username: 'admin', displayName: 'Admin', roles: ['admin'], departments: [], language: 'fr' };
const runtime = () => new RuntimeClient({ baseUrl: stack.runtimeUrl, user: process.env.DIWAN_TEST_RUNTIME_USER!, password: process.env.DIWAN_TEST_RUNTIME_PASSWORD! });

describe('circuit drafts keyed by their own id', () => {
  beforeAll(async () => {
    await mongoose.connect(stack.mongoUri, { dbName: uniqueKey('drafts') });
    resetAuditHead();
    await AuditEntryModel.syncIndexes();
  });
  afterAll(async () => {
    await mongoose.connection.dropDatabase();
    await mongoose.disconnect();
    resetAuditHead();
  });

  it('loads drafts stored before decisions, and lets several drafts hold one process once the indexes are synced', async () => {
    // given a collection as an earlier engine left it: a unique index on the process id, a draft without decisions
    await CircuitDraftModel.init(); // (Mongoose built today's indexes on connection: set the old one instead)
    const collection = mongoose.connection.collection('circuitDrafts');
    await collection.dropIndex('processKey_1');
    await collection.createIndex({ processKey: 1 }, { unique: true, name: 'processKey_1' });
    const now = new Date();
    const old = await collection.insertOne({
      name: 'Ancien circuit', processKey: 'permis', xml: blankDiagram('permis', 'Ancien circuit'), forms: [], revision: 3,
      versions: [{ number: 1, label: 'v1', xml: blankDiagram('permis', 'Ancien circuit'), forms: [], savedAt: now, savedBy: 'admin' }],
      deployed: null, updatedAt: now, updatedBy: 'admin',
    });

    await expect(collection.insertOne({ name: 'Doublon', processKey: 'permis' })).rejects.toMatchObject({ code: 11000 });

    // when the engine starts (it syncs the indexes) and a second draft of the same process is made
    await CircuitDraftModel.syncIndexes();
    const drafts = new CircuitDraftService(runtime());
    const second = await drafts.create({ name: 'رخصة البناء', xml: blankDiagram('permis', 'Permis') }, admin);

    // then both exist, the old one with no decisions, in its versions too
    expect(second.processKey).toBe('permis');
    const loaded = await drafts.get(String(old.insertedId));
    expect(loaded).toMatchObject({ name: 'Ancien circuit', revision: 3, decisions: [] });
    expect(loaded.versions[0]!.decisions).toEqual([]);
    const indexes = await collection.indexes();
    expect(indexes.find((i) => i.name === 'processKey_1')?.unique).toBeFalsy();

    // and a stale save of the old one is still refused
    const xml = blankDiagram('permis', 'Ancien circuit');
    expect((await drafts.save(String(old.insertedId), { xml, forms: [], revision: 3 }, admin)).revision).toBe(4);
    await expect(drafts.save(String(old.insertedId), { xml, forms: [], revision: 3 }, admin)).rejects.toMatchObject({ status: 409 });
  });

  it('takes the process key from the executable process, whatever the draft is called', async () => {
    // given a collaboration whose first process is not executable
    const xml = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="d" targetNamespace="t">
  <bpmn:collaboration id="c"><bpmn:participant id="p1" processRef="citizen" /><bpmn:participant id="p2" processRef="office" /></bpmn:collaboration>
  <bpmn:process id="citizen" isExecutable="false"><bpmn:startEvent id="s1" /></bpmn:process>
  <bpmn:process id="office" isExecutable="true"><bpmn:startEvent id="s2" /></bpmn:process>
</bpmn:definitions>`;
    const drafts = new CircuitDraftService(runtime());

    // when it is imported, then its circuit is the executable one
    const draft = await drafts.create({ name: 'Guichet', xml }, admin);
    expect(draft.processKey).toBe('office');

    // and a save that renames the process moves the draft to the new process
    const saved = await drafts.save(String(draft._id), { xml: xml.replace(/"office"/g, '"bureau"'), forms: [], revision: 1 }, admin);
    expect(saved.processKey).toBe('bureau');

    // and a file with no executable process is refused
    await expect(drafts.create({ name: 'Rien', xml: xml.replace('isExecutable="true"', 'isExecutable="false"') }, admin)).rejects.toMatchObject({ status: 422 });
  });

  it('searches by name and process id, Arabic and French normalised, and deletes with an audit entry', async () => {
    // given drafts with Arabic and French names
    const drafts = new CircuitDraftService(runtime());
    const arabic = await drafts.create({ name: 'رخصة إحداث مؤسسة', xml: blankDiagram('etablissement', 'x') }, admin);
    await drafts.create({ name: 'Réclamation écrite', xml: blankDiagram('reclamation', 'x') }, admin);

    // when searching without hamza or accents, or by process id
    const ids = async (q: string) => (await drafts.list(q)).map((d) => d.name);
    expect(await ids('احداث')).toEqual(['رخصة إحداث مؤسسة']);
    expect(await ids('reclamation ECRITE')).toEqual(['Réclamation écrite']);
    expect(await ids('etabliss')).toEqual(['رخصة إحداث مؤسسة']);
    expect((await drafts.list()).length).toBeGreaterThanOrEqual(4);

    // when one is deleted, then it is gone and the deletion is audited
    await drafts.remove(String(arabic._id), admin);
    expect(await ids('احداث')).toEqual([]);
    await expect(drafts.get(String(arabic._id))).rejects.toMatchObject({ status: 404 });
    await expect(drafts.remove(String(arabic._id), admin)).rejects.toMatchObject({ status: 404 });
    const audit = await AuditEntryModel.findOne({ action: 'circuitDraft.deleted' }).lean();
    expect(audit).toMatchObject({ actor: 'admin', details: { draftId: String(arabic._id), name: 'رخصة إحداث مؤسسة', processKey: 'etablissement' } });
  });
});
