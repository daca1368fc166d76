import { Schema, model } from 'mongoose';

/** One entry of the append-only, hash-chained audit log. */
export interface AuditEntry {
  seq: number;
  at: Date;
  actor: string;
  action: string;
  mailId: string | null;
  details: Record<string, unknown>;
  prevHash: string;
  hash: string;
}

const auditEntrySchema = new Schema<AuditEntry>(
  {
    seq: { type: Number, required: true, unique: true },
    at: { type: Date, required: true },
    actor: { type: String, required: true },
    action: { type: String, required: true },
    mailId: { type: String, default: null, index: true },
    details: { type: Schema.Types.Mixed, default: {} },
    prevHash: { type: String, required: true },
    hash: { type: String, required: true },
  },
  { versionKey: false, minimize: false },
);

export const AuditEntryModel = model<AuditEntry>('AuditEntry', auditEntrySchema, 'auditLog');
