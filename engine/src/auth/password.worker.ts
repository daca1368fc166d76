import bcrypt from 'bcryptjs';

/** One password job, run in a worker thread (password.hasher.ts) so that bcrypt never blocks the event loop. */
export type PasswordJob = { op: 'hash'; password: string; rounds: number } | { op: 'verify'; password: string; hash: string };

export default function run(job: PasswordJob): string | boolean {
  return job.op === 'hash' ? bcrypt.hashSync(job.password, job.rounds) : bcrypt.compareSync(job.password, job.hash);
}
