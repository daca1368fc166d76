import mongoose from 'mongoose';
import { UserModel } from './user.model.js';

/** The collection revoked tokens had before they moved to their user's document. */
const OLD_COLLECTION = 'revokedTokens';

/**
 * Revoked tokens used to have a collection of their own; they now live in their user's document,
 * so that a request's authentication is one read, not two. At start, the ones not yet expired move
 * to their user and the old collection goes, so that a token given back before the upgrade stays
 * refused. Run again after a crash, it moves nothing twice. Answers how many moved.
 */
export async function moveRevokedTokensToUsers(): Promise<number> {
  const db = mongoose.connection.db!;
  // (the local wire server ignores listCollections' filter: the names are compared here)
  if (!(await db.listCollections({}, { nameOnly: true }).toArray()).some((c) => c.name === OLD_COLLECTION)) return 0;
  const old = db.collection<{ jti: string; username: string; expiresAt: Date }>(OLD_COLLECTION);
  const live = await old.find({ expiresAt: { $gt: new Date() } }).toArray();
  for (const { jti, username, expiresAt } of live) {
    await UserModel.updateOne({ username, 'revokedSessions.jti': { $ne: jti } }, { $push: { revokedSessions: { jti, expiresAt } } });
  }
  await old.drop();
  return live.length;
}
