// The administration the generated mails belong to, read from the database the engine seeded:
// its departments, users, active mail types and correspondents (plus a generated pool of these).

export async function readAdministration(db, circuits, fixedGroups, pool) {
  const departments = (await db.collection('departments').find({}).toArray()).map((d) => d.code);
  const users = await db.collection('users').find({ active: { $ne: false } }).toArray();
  const mailTypes = await db.collection('mailTypes').find({ active: true }).toArray();
  if (!departments.length || !users.length || !mailTypes.length) {
    throw new Error('The database holds no administration yet (departments, users, mail types): start Diwan once on it (`npm start`), then generate.');
  }
  const actionDepartments = departments.filter((d) => !fixedGroups.has(d));
  if (!actionDepartments.length) throw new Error('No department to send mail to (every department is a fixed group of a circuit).');
  const byDirection = { incoming: [], outgoing: [], internal: [] };
  for (const t of mailTypes) byDirection[t.direction]?.push({ code: t.code, dueDays: t.dueDays });
  for (const [direction, list] of Object.entries(byDirection)) {
    if (!list.length) throw new Error(`No active ${direction} mail type`);
  }
  const members = (dept) => users.filter((u) => (u.departments ?? []).includes(dept));
  const withRole = (role) => users.filter((u) => (u.roles ?? []).includes(role)).map((u) => u.username);
  // Correspondents: the ones already there, and the pool (stored now, so mails point at real ones).
  const { insertedIds } = await db.collection('correspondents').insertMany(pool.map((c) => ({ ...c, createdAt: new Date(), updatedAt: new Date() })), { ordered: false });
  const stored = await db.collection('correspondents').find({}).limit(5000).toArray();
  const correspondents = stored.map((c) => ({
    id: String(c._id),
    kind: c.kind,
    name: c.name,
    nationalId: c.nationalId ?? null,
    registrationNumber: c.registrationNumber ?? null,
    email: c.email ?? null,
    phone: c.phone ?? null,
    address: c.address ?? null,
    city: c.city ?? null,
  }));
  const cache = new Map();
  const memo = (key, compute) => (cache.has(key) ? cache.get(key) : cache.set(key, compute()).get(key));
  return {
    departments,
    actionDepartments,
    mailTypes: byDirection,
    correspondents,
    correspondentsAdded: Object.keys(insertedIds).length,
    registrars: withRole('registrar').length ? withRole('registrar') : [users[0].username],
    heads: withRole('head').length ? withRole('head') : [users[0].username],
    /** Everyone in a department (who works a group task of it). */
    usersOf: (dept) => memo(`u:${dept}`, () => members(dept).map((u) => u.username)),
    /** Who works a department's assigned tasks: its agents, else its heads, else anyone in it. */
    agentsOf: (dept) =>
      memo(`a:${dept}`, () => {
        const inDept = members(dept);
        const agents = inDept.filter((u) => u.roles?.includes('agent'));
        return (agents.length ? agents : inDept).map((u) => u.username);
      }),
  };
}
