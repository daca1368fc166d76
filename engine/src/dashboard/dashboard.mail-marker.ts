import { mailFacts, type MailFacts } from '../mail/mail.stream.js';
import { GroupCommit } from '../shared/group-commit.js';
import { DashboardMailModel, type MailDims, type MailMarker } from './dashboard.model.js';
import { dueDayOf } from './dashboard.time.js';
import { emptyContribution } from './dashboard.marker.js';

const OBJECT_ID = /^[0-9a-f]{24}$/i;

/** The marker's id for a task's work: its mail, else its circuit instance. */
export const markerIdOf = (businessKey: string | null, processInstanceId: string) => (businessKey && OBJECT_ID.test(businessKey) ? businessKey : `pi:${processInstanceId}`);

export function dimsOf(mail: Pick<MailFacts, 'direction' | 'channel' | 'mailType' | 'circuit' | 'departments' | 'dueDate'>): MailDims {
  return {
    direction: mail.direction,
    channel: mail.channel ?? null,
    mailType: mail.mailType ?? null,
    circuit: mail.circuit?.key ?? null,
    departments: [...new Set([...mail.departments.forAction, ...mail.departments.forInformation])],
    forAction: [...mail.departments.forAction],
    dueDay: dueDayOf(mail.dueDate),
    due: mail.dueDate ? new Date(mail.dueDate) : null,
  };
}

export function newMarker(id: string, mail: MailFacts | null): MailMarker {
  return {
    _id: id,
    mailId: mail ? String(mail._id) : null,
    chronoNumber: mail?.chronoNumber ?? null,
    dims: mail ? dimsOf(mail) : { direction: null, channel: null, mailType: null, circuit: null, departments: [], forAction: [], dueDay: null, due: null },
    rights: mail ? { confidentiality: mail.confidentiality, namedUsers: [...mail.namedUsers], registeredBy: mail.registeredBy, departments: [...new Set([...mail.departments.forAction, ...mail.departments.forInformation, ...mail.departments.consulted])] } : null,
    received: false,
    tasks: [],
    heldBy: mail ? [...mail.departments.forAction] : [],
    applied: emptyContribution(),
    closed: mail ? mail.status === 'closed' || mail.status === 'archived' : false,
    closedAt: null,
  };
}

/**
 * The markers saved last, so that a mail's next event does not read back the marker its previous
 * one wrote (a read fewer per event). The projector is their one writer, one event of a mail at a
 * time; a rebuild, which rewrites them all, forgets these.
 */
const recent = new Map<string, MailMarker>();
const RECENT_MARKERS = 5_000;

export function forgetRecentMarkers(): void {
  recent.clear();
}

/** The marker of a mail or instance; a missing one is made from the mail's facts (`known`, else read; not yet counted as received). */
export async function loadMarker(id: string, known?: MailFacts): Promise<{ marker: MailMarker; mail: MailFacts | null } | null> {
  const kept = recent.get(id);
  if (kept) return { marker: structuredClone(kept), mail: null };
  const found = await DashboardMailModel.findById(id).lean<MailMarker>();
  if (found) return { marker: found, mail: null };
  if (id.startsWith('pi:')) return { marker: newMarker(id, null), mail: null };
  const mail = known ?? (await mailFacts(id));
  return mail ? { marker: newMarker(id, mail), mail } : null;
}

export async function saveMarker(marker: MailMarker): Promise<void> {
  await DashboardMailModel.replaceOne({ _id: marker._id }, marker, { upsert: true });
  remember(marker);
}

/**
 * Writes a marker that nothing has written yet (a mail's first event, its registration, in one
 * write instead of a read and a write); false, and nothing written, when there is one already.
 * Markers asked for at the same moment (a burst of registrations) go in one command.
 */
export function insertNewMarker(marker: MailMarker): Promise<boolean> {
  if (recent.has(marker._id)) return Promise.resolve(false);
  return newMarkers.add(marker);
}

const newMarkers = new GroupCommit<MailMarker, boolean>(async (markers) => {
  const taken = new Set<number>();
  try {
    await DashboardMailModel.insertMany(markers, { lean: true, ordered: false });
  } catch (err) {
    // unordered: the others are written; a marker that was there already is a duplicate key
    const errors = (err as { writeErrors?: { index: number; code?: number; err?: { code?: number } }[] }).writeErrors;
    if (!errors?.length || errors.some((e) => (e.code ?? e.err?.code) !== 11000)) throw err;
    for (const e of errors) taken.add(e.index);
  }
  return markers.map((marker, i) => {
    if (taken.has(i)) return false;
    remember(marker);
    return true;
  });
});

function remember(marker: MailMarker): void {
  recent.delete(marker._id);
  recent.set(marker._id, structuredClone(marker));
  if (recent.size > RECENT_MARKERS) recent.delete(recent.keys().next().value!);
}
