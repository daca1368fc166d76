// The engine's own code, built, as the data generator uses it: the Mongoose models (the stored
// shape), the numbering, search and audit helpers, and the dashboard's rebuild.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

/** The engine's own code, built: its models (the stored shape) and helpers, so nothing can drift. */
export async function loadEngine(root) {
  const dist = path.join(root, 'engine/dist');
  const at = (file) => {
    const full = path.join(dist, file);
    if (!existsSync(full)) throw new Error(`${full} is missing: build the engine first (npm run build -w engine)`);
    return import(pathToFileURL(full).href);
  };
  const [{ default: mongoose }, mailModel, mailNumber, mailTypes, normalize, taskModel, auditModel, auditChain] = await Promise.all([
    import('mongoose'),
    at('mail/mail.model.js'),
    at('mail/mail.number.js'),
    at('mail/mail.types.js'),
    at('search/normalize.js'),
    at('tasks/user-task.model.js'),
    at('audit/audit.model.js'),
    at('audit/audit.chain.js'),
  ]);
  const rebuildFile = path.join(dist, 'dashboard/dashboard.rebuild.js');
  return {
    mongoose,
    ObjectId: mongoose.Types.ObjectId,
    MailModel: mailModel.MailModel,
    PRIORITY_RANK: mailModel.PRIORITY_RANK,
    UserTaskModel: taskModel.UserTaskModel,
    AuditEntryModel: auditModel.AuditEntryModel,
    hashEntry: auditChain.hashEntry,
    canonicalJson: auditChain.canonicalJson,
    GENESIS_HASH: auditChain.GENESIS_HASH,
    formatChronoNumber: mailNumber.formatChronoNumber,
    counterName: mailNumber.counterName,
    newTrackingCode: mailNumber.newTrackingCode,
    dueDateFor: mailTypes.dueDateFor,
    searchTextOf: normalize.searchTextOf,
    rebuild: existsSync(rebuildFile) ? (await import(pathToFileURL(rebuildFile).href)).rebuildDashboard : null,
  };
}

/**
 * Documents are inserted as they are (Mongoose's casting costs ~0.3 ms a document), so each batch's
 * first mail and task goes through the engine's model: what the model would store must be exactly
 * what we store, or the generator stops before writing anything of that batch.
 */
export async function assertStoredShape(engine, Model, doc) {
  const cast = new Model(doc).toObject({ versionKey: false });
  const [ours, theirs] = [engine.canonicalJson(doc), engine.canonicalJson(cast)];
  if (ours !== theirs) throw new Error(`A generated ${Model.modelName} is not what the engine's model stores:\n  generated ${ours}\n  model     ${theirs}`);
  await new Model(doc).validate();
}
