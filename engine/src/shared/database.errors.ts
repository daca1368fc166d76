import { Error as MongooseError, mongo } from 'mongoose';

/** The database is down or restarting: the work may be tried again later (it was not refused). */
export function isDatabaseAway(err: unknown): boolean {
  return (
    err instanceof mongo.MongoNetworkError ||
    err instanceof mongo.MongoServerSelectionError ||
    err instanceof mongo.MongoNotConnectedError ||
    err instanceof mongo.MongoTopologyClosedError ||
    err instanceof MongooseError.MongooseServerSelectionError
  );
}
