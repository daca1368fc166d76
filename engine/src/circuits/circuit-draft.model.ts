import { Schema, model } from 'mongoose';

/** A form designed with form-js, saved and deployed with its circuit as a Camunda Form (`.form`). */
export interface CircuitForm {
  formId: string;
  schema: string;
}

/** A DMN file (decision tables, FEEL), saved and deployed with its circuit as `<file>.dmn`. */
export interface CircuitDecision {
  file: string;
  xml: string;
}

export interface CircuitVersion {
  number: number;
  label: string;
  xml: string;
  forms: CircuitForm[];
  decisions: CircuitDecision[];
  savedAt: Date;
  savedBy: string;
}

/**
 * A circuit being designed, keyed by its own id: its working copy (saved automatically), its
 * named versions, and what was last deployed. Several drafts may hold the same process:
 * `processKey` is the id of the BPMN's executable process, read from the XML at each save.
 * `revision` guards the working copy against lost updates.
 *
 * Older documents have no `decisions` (read as none, see `circuit-draft.files.ts`), and their
 * collection a unique index on `processKey`, which the index sync at start replaces with this one.
 */
export interface CircuitDraft {
  name: string;
  processKey: string;
  xml: string;
  forms: CircuitForm[];
  decisions: CircuitDecision[];
  revision: number;
  versions: CircuitVersion[];
  deployed: { versionNumber: number | null; processDefinitionId: string; deployedAt: Date; deployedBy: string } | null;
  updatedAt: Date;
  updatedBy: string;
}

const formSchema = new Schema<CircuitForm>({ formId: { type: String, required: true }, schema: { type: String, required: true } }, { _id: false });
const decisionSchema = new Schema<CircuitDecision>({ file: { type: String, required: true }, xml: { type: String, required: true } }, { _id: false });

const circuitDraftSchema = new Schema<CircuitDraft>(
  {
    name: { type: String, required: true },
    processKey: { type: String, required: true, index: true },
    xml: { type: String, required: true },
    forms: { type: [formSchema], default: [] },
    decisions: { type: [decisionSchema], default: [] },
    revision: { type: Number, required: true, default: 1 },
    versions: {
      type: [
        new Schema<CircuitVersion>(
          {
            number: { type: Number, required: true },
            label: { type: String, required: true },
            xml: { type: String, required: true },
            forms: { type: [formSchema], default: [] },
            decisions: { type: [decisionSchema], default: [] },
            savedAt: { type: Date, required: true },
            savedBy: { type: String, required: true },
          },
          { _id: false },
        ),
      ],
      default: [],
    },
    deployed: {
      type: new Schema(
        { versionNumber: { type: Number, default: null }, processDefinitionId: String, deployedAt: Date, deployedBy: String },
        { _id: false },
      ),
      default: null,
    },
    updatedAt: { type: Date, required: true },
    updatedBy: { type: String, required: true },
  },
  { versionKey: false },
);

export const CircuitDraftModel = model<CircuitDraft>('CircuitDraft', circuitDraftSchema, 'circuitDrafts');
