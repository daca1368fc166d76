import { Schema, model } from 'mongoose';

/**
 * The dashboard's read models. Every document GET /api/dashboard reads is found by its _id (the
 * local wire server builds no secondary index):
 * - `dashboardCounters`: `recv:<day>` received mails, `dur:<day>` and `dur:<YYYY-MM>` duration
 *   histograms, `comp:<week Monday>` deadline compliance; each a map of cells (dashboard.cells.ts);
 * - `dashboardOpenWork`: `all`, `dept:<code>`, `user:<name>`: open mails by due day (a small
 *   collection: one document per department and per person);
 * - `dashboardMails`: one marker per mail (or `pi:<instance>` for a circuit without a mail), what
 *   the projection has already counted for it, so that a repeated event counts nothing twice;
 * - `dashboardMeta`: `feed` (the last events), `labels` (step and circuit names), `version`.
 */
const loose = { versionKey: false, strict: false, minimize: false } as const;

export interface CounterDoc {
  _id: string;
  [map: string]: unknown;
}
export const DashboardCounterModel = model<CounterDoc>('DashboardCounter', new Schema({ _id: String }, loose), 'dashboardCounters');
export const DashboardOpenWorkModel = model<CounterDoc>('DashboardOpenWork', new Schema({ _id: String }, loose), 'dashboardOpenWork');
export const DashboardMetaModel = model<CounterDoc>('DashboardMeta', new Schema({ _id: String }, loose), 'dashboardMeta');

/** A task as the marker remembers it: its departments (candidate groups, else its assignee's) and whether it is open. */
export interface MarkerTask {
  id: string;
  depts: string[];
  assignee: string | null;
  open: boolean;
}

/** The facts of a mail the figures are cut by. */
export interface MailDims {
  direction: string | null;
  channel: string | null;
  mailType: string | null;
  circuit: string | null;
  /** For action and for information: the departments a registration counts for. */
  departments: string[];
  forAction: string[];
  dueDay: string | null;
  due: Date | null;
}

export interface MailRights {
  confidentiality: string;
  namedUsers: string[];
  registeredBy: string;
  departments: string[];
}

/** What the open-work counters hold for a mail right now. */
export interface Contribution {
  all: boolean;
  depts: string[];
  users: [string, string[]][];
}

export interface MailMarker {
  _id: string;
  mailId: string | null;
  chronoNumber: string | null;
  dims: MailDims;
  rights: MailRights | null;
  received: boolean;
  tasks: MarkerTask[];
  /** Every department that held the mail (for action, or through a task): compliance counts for them. */
  heldBy: string[];
  applied: Contribution & { dims: Pick<MailDims, 'circuit' | 'mailType' | 'dueDay'> | null };
  closed: boolean;
  closedAt: Date | null;
}

export const DashboardMailModel = model<MailMarker>('DashboardMail', new Schema<MailMarker>({ _id: String }, loose), 'dashboardMails');

/** Bumped when the read models' shape changes: the engine rebuilds them at start. */
export const READ_MODEL_VERSION = 2;
