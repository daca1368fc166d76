import { MailModel, type Mail } from './mail.model.js';

const OBJECT_ID = /^[0-9a-f]{24}$/i;

/** What read models (the dashboard) need of a mail: its facts, never its content. */
const FACTS = { chronoNumber: 1, direction: 1, channel: 1, mailType: 1, circuit: 1, departments: 1, dueDate: 1, receivedAt: 1, status: 1, confidentiality: 1, namedUsers: 1, registeredBy: 1, updatedAt: 1 } as const;
export type MailFacts = Pick<Mail, '_id' | keyof typeof FACTS>;

/** One mail's facts, by id (null for an unknown id or a void entry). */
export async function mailFacts(id: string): Promise<MailFacts | null> {
  if (!OBJECT_ID.test(id)) return null;
  const mail = await MailModel.findById(id, FACTS).lean<MailFacts>();
  return mail && mail.status !== 'void' ? mail : null;
}

/** Every registered mail's facts, streamed with a cursor (a rebuild of read models reads them once). */
export async function* streamMailFacts(batchSize = 2_000): AsyncGenerator<MailFacts> {
  for await (const mail of MailModel.find({}, FACTS).lean<MailFacts[]>().cursor({ batchSize })) {
    if ((mail as MailFacts).status !== 'void') yield mail as MailFacts;
  }
}
