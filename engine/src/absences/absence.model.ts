import { Schema, Types, model } from 'mongoose';

/** A task the absence moved to the substitute, and whether it came back. */
export interface MovedTask {
  userTaskId: string;
  movedAt: Date;
  /** returned: given back to the absent person; kept: closed or held by someone else at the end. */
  outcome: 'returned' | 'kept' | null;
}

/**
 * An absence (غياب / absence): `username` is away from `from` to `to` (or `endedAt`, when ended
 * early), and `substitute` does their work meanwhile. `handover` and `handback` are the two steps
 * the delegation loop takes (tasks to the substitute at the start, back at the end); `lease` lets
 * one engine node at a time work on an absence.
 */
export interface Absence {
  _id: Types.ObjectId;
  username: string;
  substitute: string;
  /** The absent person's departments when declared (who may see it: their heads). */
  departments: string[];
  from: Date;
  to: Date;
  reason: string | null;
  declaredBy: string;
  declaredAt: Date;
  endedAt: Date | null;
  endedBy: string | null;
  handover: 'pending' | 'done';
  handback: 'pending' | 'done';
  moved: MovedTask[];
  lease: { until: Date; by: string } | null;
}

const absenceSchema = new Schema<Absence>(
  {
    username: { type: String, required: true },
    substitute: { type: String, required: true },
    departments: { type: [String], default: [] },
    from: { type: Date, required: true },
    to: { type: Date, required: true },
    reason: { type: String, default: null },
    declaredBy: { type: String, required: true },
    declaredAt: { type: Date, required: true },
    endedAt: { type: Date, default: null },
    endedBy: { type: String, default: null },
    handover: { type: String, enum: ['pending', 'done'], default: 'pending' },
    handback: { type: String, enum: ['pending', 'done'], default: 'pending' },
    moved: {
      type: [{ _id: false, userTaskId: { type: String, required: true }, movedAt: { type: Date, required: true }, outcome: { type: String, enum: ['returned', 'kept', null], default: null } }],
      default: [],
    },
    lease: { type: new Schema({ until: Date, by: String }, { _id: false }), default: null },
  },
  { timestamps: true },
);
// Real MongoDB builds these (the local wire server scans, which is fine at its sizes).
absenceSchema.index({ username: 1, from: 1 });
absenceSchema.index({ substitute: 1, from: 1 });
absenceSchema.index({ handback: 1, to: 1 });

export const AbsenceModel = model<Absence>('Absence', absenceSchema, 'absences');

/** When the absence stops: its planned end, or the moment it was ended early. */
export const endOf = (a: Pick<Absence, 'to' | 'endedAt'>): Date => (a.endedAt && a.endedAt < a.to ? a.endedAt : a.to);
