import { Types } from 'mongoose';
import type { AbsenceDto, AbsencePersonDto, AbsenceQuery, AbsenceStatus, DeclareAbsence, SessionUser, SubstituteDto } from '@diwan/contracts';
import { record } from '../audit/audit.service.js';
import { ConflictError, NotAllowedError, NotFoundError } from '../shared/errors.js';
import type { Language } from '../shared/language.js';
import { activeUser, activeUsersOf, displayNames } from '../users/user.service.js';
import { badField, say } from './absence.messages.js';
import { AbsenceModel, endOf, type Absence } from './absence.model.js';
import { absenceRights } from './absence.rights.js';
import { momentIn } from './absence.time.js';

const YEAR_MS = 366 * 86_400_000;

/** Declaring, listing and ending absences; the delegation loop (absence.delegation.ts) moves the tasks. */
export class AbsenceService {
  constructor(
    private readonly timeZone: string,
    /** Wakes the delegation loop (an absence starts now, or ended). */
    private readonly kick: () => void,
  ) {}

  async declare(user: SessionUser, input: DeclareAbsence, language: Language): Promise<AbsenceDto> {
    const from = momentIn(input.from, this.timeZone);
    const to = momentIn(input.to, this.timeZone);
    if (!from) throw badField(language, 'from', 'badMoment');
    if (!to) throw badField(language, 'to', 'badMoment');
    const now = new Date();
    if (to <= from) throw badField(language, 'to', 'endBeforeStart');
    if (to <= now) throw badField(language, 'to', 'endInPast');
    if (to.getTime() - from.getTime() > YEAR_MS) throw badField(language, 'to', 'tooLongPeriod');

    const username = input.username ?? user.username;
    const person = await activeUser(username);
    if (!person) throw badField(language, 'username', 'unknownUser');
    if (!absenceRights.declareFor(user, person)) throw new NotAllowedError(say(language, 'notYourDepartment'));
    const substitute = await activeUser(input.substitute);
    if (!substitute) throw badField(language, 'substitute', 'unknownUser');
    if (substitute.username === person.username) throw badField(language, 'substitute', 'selfSubstitute');
    const names = await displayNames([person.username, substitute.username, user.username]);
    const nameOf = (u: string) => names.get(u) ?? u;
    if (!substitute.departments.some((d) => person.departments.includes(d))) {
      throw badField(language, 'substitute', 'noSharedDepartment', { s: nameOf(substitute.username), u: nameOf(person.username) });
    }
    await this.refuseConflicts(person.username, substitute.username, from, to, language, nameOf);

    const created = await AbsenceModel.create({
      username: person.username,
      substitute: substitute.username,
      departments: person.departments,
      from,
      to,
      reason: input.reason || null,
      declaredBy: user.username,
      declaredAt: now,
    });
    // No transactions: two declarations at once may both pass the checks; the later one gives way.
    try {
      await this.refuseConflicts(person.username, substitute.username, from, to, language, nameOf, created._id);
    } catch (err) {
      await AbsenceModel.deleteOne({ _id: created._id });
      throw err;
    }
    await record({
      actor: user.username,
      action: 'absence.declared',
      mailId: null,
      details: { absenceId: String(created._id), username: person.username, substitute: substitute.username, from: from.toISOString(), to: to.toISOString(), reason: input.reason || null },
    });
    if (from <= new Date()) this.kick();
    return (await this.dtos(user, [created.toObject()]))[0]!;
  }

  /** The absences the caller may see, latest first; `me` names the caller. */
  async list(user: SessionUser, query: AbsenceQuery): Promise<AbsenceDto[]> {
    const filter: Record<string, unknown> = { ...absenceRights.visible(user) };
    const me = (name: string | undefined) => (name === 'me' ? user.username : name);
    if (query.username) filter.username = me(query.username);
    if (query.substitute) filter.substitute = me(query.substitute);
    const absences = await AbsenceModel.find(filter).sort({ from: -1 }).limit(500).lean();
    const dtos = await this.dtos(user, absences);
    return query.status ? dtos.filter((a) => a.status === query.status) : dtos;
  }

  /** Ends an absence now (cancels it when it has not started); its tasks go back at once. */
  async end(user: SessionUser, id: string, language: Language): Promise<AbsenceDto> {
    const found = Types.ObjectId.isValid(id) ? await AbsenceModel.findOne({ _id: id, ...absenceRights.visible(user) }).lean() : null;
    if (!found) throw new NotFoundError(say(language, 'notFound'));
    if (!absenceRights.end(user, found)) throw new NotAllowedError(say(language, 'notAllowedToEnd'));
    const now = new Date();
    if (endOf(found) <= now) throw new ConflictError(say(language, 'alreadyEnded'));
    const cancelled = now < found.from;
    // a cancelled absence never started: nothing to hand over or back
    const steps = cancelled ? { handover: 'done', handback: 'done' } : {};
    const ended = await AbsenceModel.findOneAndUpdate({ _id: found._id, endedAt: null }, { $set: { endedAt: now, endedBy: user.username, ...steps } }, { returnDocument: 'after', lean: true });
    if (!ended) throw new ConflictError(say(language, 'alreadyEnded'));
    await record({ actor: user.username, action: 'absence.ended', mailId: null, details: { absenceId: id, username: found.username, substitute: found.substitute, cancelled } });
    if (!cancelled) this.kick();
    return (await this.dtos(user, [ended]))[0]!;
  }

  /** Who may replace the person (the caller when not named): active users of one of their departments. */
  async substitutesFor(user: SessionUser, username: string | undefined, language: Language): Promise<SubstituteDto[]> {
    const person = await activeUser(username ?? user.username);
    if (!person) throw badField(language, 'for', 'unknownUser');
    if (!absenceRights.declareFor(user, person)) throw new NotAllowedError(say(language, 'notYourDepartment'));
    if (!person.departments.length) return [];
    return (await activeUsersOf(person.departments)).filter((u) => u.username !== person.username);
  }

  /** 409 when the period meets another absence of the person, an absence of the substitute, or one where the person replaces someone. */
  private async refuseConflicts(username: string, substitute: string, from: Date, to: Date, language: Language, nameOf: (u: string) => string, own?: Types.ObjectId): Promise<void> {
    const meets = (a: Absence) => a.from < to && endOf(a) > from && endOf(a) > a.from && (!own || !a._id.equals(own));
    // with `own`, only the absences declared before it count (the earlier declaration wins)
    const before = own ? { _id: { $lt: own } } : {};
    const around = { from: { $lt: to }, ...before };
    const [personAway, substituteAway, personReplaces] = await Promise.all([
      AbsenceModel.find({ username, ...around }).lean(),
      AbsenceModel.find({ username: substitute, ...around }).lean(),
      AbsenceModel.find({ substitute: username, ...around }).lean(),
    ]);
    if (personAway.some(meets)) throw new ConflictError(say(language, 'overlap', { u: nameOf(username) }));
    if (substituteAway.some(meets)) throw new ConflictError(say(language, 'substituteAbsent', { s: nameOf(substitute) }));
    if (personReplaces.some(meets)) throw new ConflictError(say(language, 'personReplaces', { u: nameOf(username) }));
  }

  private async dtos(user: SessionUser, absences: Absence[]): Promise<AbsenceDto[]> {
    const names = await displayNames(absences.flatMap((a) => [a.username, a.substitute, a.declaredBy, ...(a.endedBy ? [a.endedBy] : [])]));
    const person = (username: string): AbsencePersonDto => ({ username, displayName: names.get(username) ?? username });
    const now = new Date();
    return absences.map((a) => ({
      id: String(a._id),
      person: person(a.username),
      substitute: person(a.substitute),
      declaredBy: person(a.declaredBy),
      from: a.from.toISOString(),
      to: a.to.toISOString(),
      endedAt: a.endedAt ? a.endedAt.toISOString() : null,
      endedBy: a.endedBy ? person(a.endedBy) : null,
      reason: a.reason ?? null,
      status: statusOf(a, now),
      timeZone: this.timeZone,
      tasksMoved: a.moved.length,
      tasksReturned: a.moved.filter((m) => m.outcome === 'returned').length,
      canEnd: endOf(a) > now && absenceRights.end(user, a),
    }));
  }
}

export function statusOf(a: Pick<Absence, 'from' | 'to' | 'endedAt'>, now: Date): AbsenceStatus {
  if (a.endedAt && a.endedAt <= a.from) return 'cancelled';
  if (now < a.from) return 'upcoming';
  return endOf(a) > now ? 'current' : 'ended';
}

/**
 * The absent person whose work this user does at that moment (they are their substitute during an
 * absence under way), or null. The signing step puts "P.O." on documents with it.
 */
export async function onBehalfOf(username: string, at: Date = new Date()): Promise<AbsencePersonDto | null> {
  const absences = await AbsenceModel.find({ substitute: username, from: { $lte: at }, to: { $gt: at } }).lean();
  const current = absences.find((a) => endOf(a) > at);
  if (!current) return null;
  return { username: current.username, displayName: (await displayNames([current.username])).get(current.username) ?? current.username };
}

/** The absent person a user task was moved from, when this user holds it as their substitute; else null. */
export async function delegatorOf(username: string, userTaskId: string): Promise<AbsencePersonDto | null> {
  const absence = await AbsenceModel.findOne({ substitute: username, 'moved.userTaskId': userTaskId }, { username: 1 }).sort({ from: -1 }).lean();
  if (!absence) return null;
  return { username: absence.username, displayName: (await displayNames([absence.username])).get(absence.username) ?? absence.username };
}
