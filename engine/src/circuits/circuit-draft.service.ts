import { randomBytes } from 'node:crypto';
import type { DraftSummaryDto as DraftSummary, SessionUser } from '@diwan/contracts';
import { record } from '../audit/audit.service.js';
import type { RuntimeClient } from '../runtime/runtime.client.js';
import { normalizeText } from '../search/normalize.js';
import { ConflictError, NotFoundError, UnprocessableError } from '../shared/errors.js';
import { blankDiagram } from './circuit-draft.blank.js';
import { checkDecisionFiles, decisionFileOf, draftFiles, executableProcessKeyOf, withDecisions, type DraftSource } from './circuit-draft.files.js';
import { CircuitDraftModel, type CircuitDecision, type CircuitDraft, type CircuitForm } from './circuit-draft.model.js';
import { checkDeployment, formIdOf } from './circuit-files.js';
import type { PolicyViolation } from './deployment-policy.js';

/** Circuit drafts: create or import, save automatically, name versions, validate, deploy, delete. */
export class CircuitDraftService {
  constructor(private readonly runtime: RuntimeClient) {}

  /** The drafts, last changed first; `query` matches the name or the process id (Arabic and French normalised). */
  async list(query?: string): Promise<DraftSummary[]> {
    const drafts = await CircuitDraftModel.find({}, { xml: 0, forms: 0, 'decisions.xml': 0, 'versions.xml': 0, 'versions.forms': 0, 'versions.decisions': 0 })
      .sort({ updatedAt: -1 })
      .lean();
    const wanted = normalizeText(query);
    // Drafts are a few hundred at most, each listed without its files: filtered here, old ones included.
    const found = wanted ? drafts.filter((d) => normalizeText(`${d.name} ${d.processKey}`).includes(wanted)) : drafts;
    return found.map((d) => summary(d));
  }

  async create(input: { name: string; xml?: string | undefined; forms?: CircuitForm[] | undefined; decisions?: CircuitDecision[] | undefined }, user: SessionUser) {
    const xml = input.xml ?? blankDiagram(`circuit-${randomBytes(3).toString('hex')}`, input.name);
    const processKey = executableProcessKeyOf(xml);
    const forms = (input.forms ?? []).map((f) => ({ formId: formIdOf(`${f.formId}.form`, f.schema), schema: f.schema }));
    const decisions = input.decisions ?? [];
    checkDecisionFiles(decisions);
    const draft = await CircuitDraftModel.create({ name: input.name, processKey, xml, forms, decisions, revision: 1, versions: [], deployed: null, updatedAt: new Date(), updatedBy: user.username });
    await record({ actor: user.username, action: 'circuit.created', mailId: null, details: { draftId: draft.id, processKey } });
    return draft.toObject();
  }

  /**
   * Opens a deployed circuit in the modeler: the draft that deployed it, else the last changed
   * draft of its process, else a new draft holding the deployed XML, forms and decisions.
   */
  async fromDeployed(processDefinitionId: string, user: SessionUser) {
    const definition = await this.runtime.processDefinition(processDefinitionId);
    const existing =
      (await CircuitDraftModel.findOne({ 'deployed.processDefinitionId': definition.id }).sort({ updatedAt: -1 }).lean()) ??
      (await CircuitDraftModel.findOne({ processKey: definition.key }).sort({ updatedAt: -1 }).lean());
    if (existing) return withDecisions(existing);
    const { bpmn20Xml } = await this.runtime.processDefinitionXml(processDefinitionId);
    const resources = await this.runtime.deploymentResources(definition.deploymentId);
    const forms: CircuitForm[] = [];
    const decisions: CircuitDecision[] = [];
    for (const r of resources) {
      if (r.name.endsWith('.form')) {
        const schema = await this.runtime.deploymentResourceText(definition.deploymentId, r.id);
        forms.push({ formId: formIdOf(r.name, schema), schema });
      } else if (/\.dmn(11\.xml)?$/i.test(r.name)) {
        let file = decisionFileOf(r.name);
        while (decisions.some((d) => d.file === file)) file = `${file}-${decisions.length + 1}`;
        decisions.push({ file, xml: await this.runtime.deploymentResourceText(definition.deploymentId, r.id) });
      }
    }
    return this.create({ name: definition.name ?? definition.key, xml: bpmn20Xml, forms, decisions }, user);
  }

  async get(id: string) {
    const draft = await CircuitDraftModel.findById(id).lean().catch(() => null);
    if (!draft) throw new NotFoundError(`No circuit draft ${id}`);
    return withDecisions(draft);
  }

  /**
   * The automatic save: refused with 409 when someone saved in between (stale revision). The
   * draft's process follows the BPMN's executable process; decisions stay as they are when the
   * save carries none (an older client).
   */
  async save(id: string, input: { xml: string; forms: CircuitForm[]; decisions?: CircuitDecision[] | undefined; revision: number }, user: SessionUser) {
    const current = await this.get(id);
    const processKey = executableProcessKeyOf(input.xml);
    for (const form of input.forms) formIdOf(`${form.formId}.form`, form.schema);
    if (input.decisions) checkDecisionFiles(input.decisions);
    const changes = { xml: input.xml, processKey, forms: input.forms, ...(input.decisions ? { decisions: input.decisions } : {}), updatedAt: new Date(), updatedBy: user.username };
    const saved = await CircuitDraftModel.findOneAndUpdate({ _id: id, revision: input.revision }, { $set: changes, $inc: { revision: 1 } }, { returnDocument: 'after', lean: true });
    if (!saved) throw new ConflictError(`The draft was saved by ${current.updatedBy} meanwhile (revision ${current.revision}); reload it`);
    return withDecisions(saved);
  }

  /** Deletes a draft (what it deployed stays deployed). */
  async remove(id: string, user: SessionUser): Promise<void> {
    const draft = await CircuitDraftModel.findByIdAndDelete(id, { projection: { name: 1, processKey: 1, deployed: 1 } }).lean().catch(() => null);
    if (!draft) throw new NotFoundError(`No circuit draft ${id}`);
    await record({
      actor: user.username,
      action: 'circuitDraft.deleted',
      mailId: null,
      details: { draftId: id, name: draft.name, processKey: draft.processKey, deployedDefinitionId: draft.deployed?.processDefinitionId ?? null },
    });
  }

  async addVersion(id: string, label: string, user: SessionUser) {
    const draft = await this.get(id);
    const number = (draft.versions.at(-1)?.number ?? 0) + 1;
    const version = { number, label, xml: draft.xml, forms: draft.forms, decisions: draft.decisions, savedAt: new Date(), savedBy: user.username };
    await CircuitDraftModel.updateOne({ _id: id, 'versions.number': { $ne: number } }, { $push: { versions: version } });
    await record({ actor: user.username, action: 'circuit.versioned', mailId: null, details: { draftId: id, number, label } });
    return version;
  }

  async version(id: string, number: number) {
    const version = (await this.get(id)).versions.find((v) => v.number === number);
    if (!version) throw new NotFoundError(`Draft ${id} has no version ${number}`);
    return version;
  }

  /** The working copy through the deployment policy: every violation, none when it may deploy. */
  async validate(id: string): Promise<PolicyViolation[]> {
    const draft = await this.get(id);
    try {
      checkDeployment(draftFiles(draft.processKey, draft));
      return [];
    } catch (err) {
      const violations = err instanceof UnprocessableError ? (err.details as { violations?: PolicyViolation[] } | undefined)?.violations : undefined;
      if (violations) return violations;
      throw err;
    }
  }

  /** Deploys a named version (or the working copy) with its forms and decisions, through the policy. */
  async deploy(id: string, user: SessionUser, versionNumber: number | null) {
    const draft = await this.get(id);
    const source: DraftSource = versionNumber === null ? draft : await this.version(id, versionNumber);
    const processKey = executableProcessKeyOf(source.xml);
    const files = draftFiles(processKey, source);
    checkDeployment(files);
    const deployment = await this.runtime.deploy(`circuit:${processKey}`, files);
    const definition =
      Object.values(deployment.deployedProcessDefinitions ?? {}).find((d) => d.key === processKey) ?? (await this.runtime.latestProcessDefinition(processKey));
    const deployed = { versionNumber, processDefinitionId: definition.id, deployedAt: new Date(), deployedBy: user.username };
    await CircuitDraftModel.updateOne({ _id: id }, { $set: { deployed } });
    await record({
      actor: user.username,
      action: 'circuit.deployed',
      mailId: null,
      details: { draftId: id, processDefinitionId: definition.id, versionNumber, files: files.map((f) => f.name) },
    });
    return { deploymentId: deployment.id, processDefinitionId: definition.id, version: definition.version };
  }
}

type StoredSummary = Omit<CircuitDraft, 'xml' | 'forms' | 'decisions'> & { _id: unknown; decisions?: unknown[] };

function summary(d: StoredSummary): DraftSummary {
  const { deployed } = d;
  return {
    id: String(d._id),
    name: d.name,
    processKey: d.processKey,
    revision: d.revision,
    versions: d.versions.length,
    decisions: d.decisions?.length ?? 0,
    deployed: deployed && { ...deployed, deployedAt: deployed.deployedAt.toISOString() },
    updatedAt: d.updatedAt.toISOString(),
    updatedBy: d.updatedBy,
  };
}
