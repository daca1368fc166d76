// The documents of one generated mail: the mail as the registry stores it, its mail.registered
// audit entry's facts, and the user tasks its circuit left in the inbox read model (completed
// steps, and the open one if the mail is still being worked on).
import { DAY_MS, HOUR_MS } from './random.mjs';

const SUBJECTS = {
  incoming: [
    ['طلب رخصة بناء', "Demande de permis de bâtir"],
    ['شكاية بخصوص الإنارة العمومية', "Réclamation relative à l'éclairage public"],
    ['مطلب نفاذ إلى وثيقة إدارية', "Demande d'accès à un document administratif"],
    ['طلب شهادة إقامة', 'Demande de certificat de résidence'],
    ['دعوة لحضور اجتماع', 'Invitation à une réunion'],
    ['طلب ربط بشبكة التطهير', "Demande de raccordement au réseau d'assainissement"],
    ['اعتراض على معلوم الجباية المحلية', 'Contestation de la taxe locale'],
  ],
  outgoing: [
    ['جواب على مطلب', 'Réponse à une demande'],
    ['إعلام بقرار', "Notification d'une décision"],
    ['مراسلة إلى الولاية', 'Courrier au gouvernorat'],
  ],
  internal: [
    ['مذكرة داخلية حول توزيع العمل', 'Note interne sur la répartition du travail'],
    ['طلب معطيات إحصائية', 'Demande de données statistiques'],
  ],
};
const CHANNELS = {
  incoming: { counter: 35, post: 25, email: 20, portal: 10, administration: 7, fax: 3 },
  outgoing: { post: 50, email: 30, administration: 20 },
  internal: { administration: 100 },
};
const LANGUAGES = { ar: 60, fr: 38, en: 2 };
const PRIORITIES = { low: 10, normal: 70, high: 15, urgent: 5 };
const CONFIDENTIALITY = { normal: 93, confidential: 6, secret: 1 };

/**
 * ctx: { random, now, engine (helpers from engine/dist), admin (departments, users, mail types,
 * correspondents), circuits }. `plan`: { at, direction, register, year, sequence, open }.
 * Returns { mail, tasks, completedSteps }.
 */
export function mailDocuments(ctx, plan) {
  const { random, engine, admin } = ctx;
  const { direction } = plan;
  const registeredAt = new Date(plan.at);
  const receivedAt = new Date(plan.at - Math.floor(random.next() * 2 * HOUR_MS));
  const mailType = random.pick(admin.mailTypes[direction]);
  const dueDate = engine.dueDateFor(undefined, mailType.dueDays, receivedAt);
  const [subjectAr, subjectFr] = random.pick(SUBJECTS[direction]);
  const language = random.weighted(LANGUAGES);
  const subject = `${language === 'ar' ? subjectAr : subjectFr} · ${language === 'ar' ? subjectFr : subjectAr} (${plan.sequence})`;
  const correspondent = random.pick(admin.correspondents);
  const forAction = [random.pick(admin.actionDepartments)];
  if (random.chance(0.08)) forAction.push(random.pick(admin.actionDepartments.filter((d) => d !== forAction[0])) ?? forAction[0]);
  const forInformation = random.chance(0.1) ? [random.pick(admin.departments)].filter((d) => !forAction.includes(d)) : [];
  const confidentiality = random.weighted(CONFIDENTIALITY);
  const namedUsers = confidentiality === 'normal' ? [] : [...new Set([random.pick(admin.heads), ...(admin.usersOf(forAction[0]).slice(0, 1))])].filter(Boolean);
  const priority = random.weighted(PRIORITIES);
  const chronoNumber = engine.formatChronoNumber(plan.year, plan.register, plan.sequence);
  const letterReference = correspondent.kind === 'citizen' ? null : `${random.int(100, 9999)}/${plan.year}`;
  const registeredBy = random.pick(admin.registrars);
  const circuit = ctx.circuits[direction];

  // The circuit's story: each step starts when the one before ends.
  const mailId = new engine.ObjectId(Math.floor(plan.at / 1000).toString(16).padStart(8, '0') + random.uuid().replaceAll('-', '').slice(0, 16));
  const processInstanceId = random.uuid();
  const processDefinitionId = `${circuit.circuitKey}:1:${ctx.definitionSuffix}`;
  const steps = circuit.steps.filter((s) => !s.optional || random.chance(s.optional));
  const overdueNow = dueDate.getTime() < ctx.now;
  let openIndex = -1;
  if (plan.open) {
    openIndex = Math.min(steps.length - 1, Math.floor(random.next() * steps.length * Math.min(1, (ctx.now - plan.at) / (14 * DAY_MS) + 0.3)));
    if (overdueNow && circuit.overdue && random.chance(0.05)) {
      steps.splice(openIndex + 1, steps.length, circuit.overdue);
      openIndex += 1;
    }
  }
  const lastIndex = plan.open ? openIndex : steps.length - 1;
  let clock = registeredAt.getTime() + random.logNormal(0.5, 0.7) * HOUR_MS;
  const tasks = [];
  const taskOf = (step, createdAt) => {
    const group = step.holder === 'fixed' ? step.fixedGroup : forAction[0];
    const worker = step.holder === 'fixed' ? random.pick(admin.usersOf(group)) ?? null : random.pick(admin.agentsOf(group)) ?? null;
    return {
      _id: random.uuid(),
      name: step.name,
      names: step.names,
      taskDefinitionKey: step.key,
      processInstanceId,
      processDefinitionId,
      circuitKey: circuit.circuitKey,
      businessKey: String(mailId),
      mail: { chronoNumber, subject: confidentiality === 'normal' ? subject : null },
      assignee: step.byAssignee ? worker : null,
      candidateGroups: step.byAssignee && worker ? [] : [group],
      candidateUsers: [],
      priority: 50,
      dueDate,
      formKey: null,
      createdAt: new Date(createdAt),
      status: 'open',
      endedAt: null,
      worker,
    };
  };
  for (let i = 0; i <= lastIndex; i += 1) {
    const step = steps[i];
    const open = i === openIndex;
    const task = taskOf(step, clock);
    const { worker } = task;
    delete task.worker;
    if (!open) {
      const took = random.logNormal(step.medianHours, step.spread) * HOUR_MS;
      clock = Math.min(clock + took, ctx.now - 60_000);
      task.status = 'completed';
      task.endedAt = new Date(Math.max(clock, task.createdAt.getTime() + 1000));
      // A group task is claimed by whoever completes it.
      task.assignee ??= worker;
    } else if (!task.assignee && random.chance(0.3)) {
      task.assignee = worker;
    }
    if (task.createdAt.getTime() > ctx.now - 60_000) task.createdAt = new Date(ctx.now - 60_000);
    tasks.push(task);
  }
  const closedAt = clock + random.logNormal(2, 0.6) * HOUR_MS;
  const status = plan.open ? steps[openIndex].status : random.chance(0.9) || closedAt > ctx.now ? 'archived' : 'closed';

  const mail = {
    _id: mailId,
    chronoNumber,
    register: plan.register,
    year: plan.year,
    sequence: plan.sequence,
    direction,
    subject,
    summary: null,
    language,
    channel: random.weighted(CHANNELS[direction]),
    correspondent,
    receivedAt,
    letterDate: letterReference ? receivedAt.toISOString().slice(0, 10) : null,
    letterReference,
    confidentiality,
    priority,
    priorityRank: engine.PRIORITY_RANK[priority],
    mailType: mailType.code,
    dueDate,
    departments: { forAction, forInformation, consulted: [] },
    namedUsers,
    status,
    voidReason: null,
    attachments: [],
    links: [],
    tags: [],
    receipt: null,
    processInstanceId,
    circuit: { key: circuit.circuitKey, version: 1 },
    // Imported history: its circuit ran before this runtime, which holds none of it, so nothing
    // may hand it to the circuit-start outbox (see scripts/generate.mjs).
    circuitStart: null,
    exchange: null,
    registeredBy,
    registeredAt,
    trackingCode: engine.newTrackingCode(),
    searchText: engine.searchTextOf(chronoNumber, subject, null, correspondent.name, letterReference),
    correspondentSearchText: engine.searchTextOf(correspondent.name),
    updatedAt: new Date(Math.min(ctx.now, plan.open ? clock : closedAt)),
  };
  return { mail, tasks };
}

/** A pool of correspondents for the generated mails (stored in `correspondents` too). */
export function correspondentPool(random, count, searchTextOf) {
  const first = ['Mohamed', 'Fatma', 'Ali', 'Amel', 'Sami', 'Rim', 'Walid', 'Ines', 'Hichem', 'Salma'];
  const firstAr = ['محمد', 'فاطمة', 'علي', 'أمل', 'سامي', 'ريم', 'وليد', 'إيناس', 'هشام', 'سلمى'];
  const last = ['Ben Ali', 'Trabelsi', 'Gharbi', 'Jlassi', 'Mejri', 'Bouazizi', 'Hamdi', 'Zouari'];
  const lastAr = ['بن علي', 'الطرابلسي', 'الغربي', 'الجلاصي', 'الماجري', 'البوعزيزي', 'الحامدي', 'الزواري'];
  const cities = ['Tunis', 'Sfax', 'Sousse', 'Kairouan', 'Bizerte', 'Gabès', 'Nabeul'];
  const pool = [];
  for (let i = 0; i < count; i += 1) {
    const kind = random.weighted({ citizen: 80, company: 12, administration: 8 });
    const f = random.int(0, first.length - 1);
    const l = random.int(0, last.length - 1);
    const name = kind === 'citizen'
      ? `${first[f]} ${last[l]} · ${firstAr[f]} ${lastAr[l]}`
      : kind === 'company' ? `Société ${last[l]} et fils · شركة ${lastAr[l]} وأبناؤه` : `Délégation de ${random.pick(cities)} · المعتمدية`;
    pool.push({
      kind,
      name,
      nationalId: kind === 'citizen' ? String(10_000_000 + random.int(0, 89_999_999)) : null,
      registrationNumber: kind === 'company' ? `B${random.int(1_000_000, 9_999_999)}` : null,
      email: kind === 'citizen' ? null : `courrier${i}@example.tn`,
      phone: null,
      address: null,
      city: random.pick(cities),
      searchText: '',
    });
  }
  for (const c of pool) c.searchText = searchTextOf(c.name, c.nationalId, c.registrationNumber, c.email, c.city);
  return pool;
}
