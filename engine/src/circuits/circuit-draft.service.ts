import { randomBytes } from 'node:crypto';
import { KNOWN_TOPICS, type DraftSummaryDto as DraftSummary, type SessionUser } from '@diwan/contracts';
import { record } from '../audit/audit.service.js';
import type { RuntimeClient } from '../runtime/runtime.client.js';
import type { DeploymentFile } from '../runtime/runtime.types.js';
import { ConflictError, NotFoundError, UnprocessableError } from '../shared/errors.js';
import { checkDeployment, formIdOf, processKeyOf } from './circuit-files.js';
import { CircuitDraftModel, type CircuitDraft, type CircuitForm } from './circuit-draft.model.js';
import { checkBpmn, type PolicyViolation } from './deployment-policy.js';

/** Circuit drafts: create or import, save automatically, name versions, validate, deploy. */
export class CircuitDraftService {
  constructor(private readonly runtime: RuntimeClient) {}

  async list(): Promise<DraftSummary[]> {
    const drafts = await CircuitDraftModel.find({}, { xml: 0, forms: 0, 'versions.xml': 0, 'versions.forms': 0 }).sort({ updatedAt: -1 }).lean();
    return drafts.map((d) => summary(d));
  }

  async create(input: { name: string; xml?: string | undefined; forms?: CircuitForm[] | undefined }, user: SessionUser) {
    const xml = input.xml ?? blankDiagram(`circuit-${randomBytes(3).toString('hex')}`, input.name);
    const processKey = processKeyOf(xml);
    if (!processKey) throw new UnprocessableError('The BPMN file has no process with an id');
    const forms = (input.forms ?? []).map((f) => ({ formId: formIdOf(`${f.formId}.form`, f.schema), schema: f.schema }));
    try {
      const draft = await CircuitDraftModel.create({ name: input.name, processKey, xml, forms, revision: 1, versions: [], deployed: null, updatedAt: new Date(), updatedBy: user.username });
      await record({ actor: user.username, action: 'circuit.created', mailId: null, details: { draftId: draft.id, processKey } });
      return draft.toObject();
    } catch (err) {
      if ((err as { code?: number }).code === 11000) throw new ConflictError(`A draft for process "${processKey}" exists already`);
      throw err;
    }
  }

  /**
   * Opens a deployed circuit in the modeler: its draft if it has one, else a new draft holding
   * the deployed XML and the forms deployed with it.
   */
  async fromDeployed(processDefinitionId: string, user: SessionUser) {
    const definition = await this.runtime.processDefinition(processDefinitionId);
    const existing = await CircuitDraftModel.findOne({ processKey: definition.key }).lean();
    if (existing) return existing;
    const { bpmn20Xml } = await this.runtime.processDefinitionXml(processDefinitionId);
    const resources = await this.runtime.deploymentResources(definition.deploymentId);
    const forms: CircuitForm[] = [];
    for (const r of resources.filter((r) => r.name.endsWith('.form'))) {
      const schema = await this.runtime.deploymentResourceText(definition.deploymentId, r.id);
      forms.push({ formId: formIdOf(r.name, schema), schema });
    }
    return this.create({ name: definition.name ?? definition.key, xml: bpmn20Xml, forms }, user);
  }

  async get(id: string) {
    const draft = await CircuitDraftModel.findById(id).lean().catch(() => null);
    if (!draft) throw new NotFoundError(`No circuit draft ${id}`);
    return draft;
  }

  /** The automatic save: refused with 409 when someone saved in between (stale revision). */
  async save(id: string, input: { xml: string; forms: CircuitForm[]; revision: number }, user: SessionUser) {
    const current = await this.get(id);
    const processKey = processKeyOf(input.xml);
    if (processKey !== current.processKey) throw new UnprocessableError(`The process id must stay "${current.processKey}"`);
    for (const form of input.forms) formIdOf(`${form.formId}.form`, form.schema);
    const saved = await CircuitDraftModel.findOneAndUpdate(
      { _id: id, revision: input.revision },
      { $set: { xml: input.xml, forms: input.forms, updatedAt: new Date(), updatedBy: user.username }, $inc: { revision: 1 } },
      { returnDocument: 'after', lean: true },
    );
    if (!saved) throw new ConflictError(`The draft was saved by ${current.updatedBy} meanwhile (revision ${current.revision}); reload it`);
    return saved;
  }

  async addVersion(id: string, label: string, user: SessionUser) {
    const draft = await this.get(id);
    const number = (draft.versions.at(-1)?.number ?? 0) + 1;
    const version = { number, label, xml: draft.xml, forms: draft.forms, savedAt: new Date(), savedBy: user.username };
    await CircuitDraftModel.updateOne({ _id: id, 'versions.number': { $ne: number } }, { $push: { versions: version } });
    await record({ actor: user.username, action: 'circuit.versioned', mailId: null, details: { draftId: id, number, label } });
    return version;
  }

  async version(id: string, number: number) {
    const version = (await this.get(id)).versions.find((v) => v.number === number);
    if (!version) throw new NotFoundError(`Draft ${id} has no version ${number}`);
    return version;
  }

  async validate(id: string): Promise<PolicyViolation[]> {
    const draft = await this.get(id);
    return checkBpmn(`${draft.processKey}.bpmn`, draft.xml, { knownTopics: KNOWN_TOPICS });
  }

  /** Deploys a named version (or the working copy) with its forms, through the policy. */
  async deploy(id: string, user: SessionUser, versionNumber: number | null) {
    const draft = await this.get(id);
    const source = versionNumber === null ? draft : await this.version(id, versionNumber);
    const files: DeploymentFile[] = [
      { name: `${draft.processKey}.bpmn`, content: source.xml },
      ...source.forms.map((f) => ({ name: `${f.formId}.form`, content: f.schema })),
    ];
    checkDeployment(files);
    const deployment = await this.runtime.deploy(`circuit:${draft.processKey}`, files);
    const definition = Object.values(deployment.deployedProcessDefinitions ?? {})[0] ?? (await this.runtime.latestProcessDefinition(draft.processKey));
    const deployed = { versionNumber, processDefinitionId: definition.id, deployedAt: new Date(), deployedBy: user.username };
    await CircuitDraftModel.updateOne({ _id: id }, { $set: { deployed } });
    await record({ actor: user.username, action: 'circuit.deployed', mailId: null, details: { draftId: id, processDefinitionId: definition.id, versionNumber } });
    return { deploymentId: deployment.id, processDefinitionId: definition.id, version: definition.version };
  }
}

function summary(d: Omit<CircuitDraft, 'xml' | 'forms'> & { _id: unknown }): DraftSummary {
  const { deployed } = d;
  return {
    id: String(d._id),
    name: d.name,
    processKey: d.processKey,
    revision: d.revision,
    versions: d.versions.length,
    deployed: deployed && { ...deployed, deployedAt: deployed.deployedAt.toISOString() },
    updatedAt: d.updatedAt.toISOString(),
    updatedBy: d.updatedBy,
  };
}

/** A new circuit: one start event, drawn, ready for the modeler. */
export function blankDiagram(processKey: string, name: string): string {
  const escaped = name.replace(/[<>&"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;' })[c]!);
  return `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="Definitions_${processKey}" targetNamespace="https://diwan.example/circuits" exporter="Diwan" exporterVersion="0.1.0">
  <bpmn:process id="${processKey}" name="${escaped}" isExecutable="true" camunda:historyTimeToLive="P3650D">
    <bpmn:startEvent id="start" />
  </bpmn:process>
  <bpmndi:BPMNDiagram id="diagram_${processKey}">
    <bpmndi:BPMNPlane id="plane_${processKey}" bpmnElement="${processKey}">
      <bpmndi:BPMNShape id="start_di" bpmnElement="start"><dc:Bounds x="152" y="102" width="36" height="36" /></bpmndi:BPMNShape>
    </bpmndi:BPMNPlane>
  </bpmndi:BPMNDiagram>
</bpmn:definitions>
`;
}
