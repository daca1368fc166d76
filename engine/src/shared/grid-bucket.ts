import mongoose from 'mongoose';

type Bucket = InstanceType<typeof mongoose.mongo.GridFSBucket>;
const buckets = new WeakMap<object, Map<string, Bucket>>();

/**
 * The GridFS bucket of that name, one per database handle: a new bucket checks its collections'
 * indexes (a read) before its first write, which was a read more on every stored file.
 */
export function gridBucket(bucketName: string): Bucket {
  const db = mongoose.connection.db;
  if (!db) throw new Error('The database is not connected');
  let named = buckets.get(db);
  if (!named) buckets.set(db, (named = new Map()));
  let bucket = named.get(bucketName);
  if (!bucket) named.set(bucketName, (bucket = new mongoose.mongo.GridFSBucket(db, { bucketName })));
  return bucket;
}
