import { z } from 'zod';
import { MAIL_DIRECTIONS, type MailDirection } from './mail.schema.js';

/** A text in each of Diwan's languages. */
export interface I18nText {
  ar: string;
  fr: string;
  en: string;
}
export const i18nTextSchema = z.object({
  ar: z.string().trim().min(1).max(200),
  fr: z.string().trim().min(1).max(200),
  en: z.string().trim().min(1).max(200),
});

const circuitKey = z.string().regex(/^[A-Za-z_][A-Za-z0-9_.-]{0,99}$/, 'must be a circuit key');

/**
 * A mail type binds mail to a circuit, as data: registration starts the type's circuit,
 * or the default circuit of the mail's direction when the type names none.
 */
export const mailTypeSchema = z.object({
  code: z.string().regex(/^[a-z][a-z0-9-]{1,59}$/, 'must be lower-case letters, digits and dashes'),
  label: i18nTextSchema,
  direction: z.enum(MAIL_DIRECTIONS),
  /** Calendar days to answer, from reception; a due date given at registration wins. */
  dueDays: z.number().int().min(1).max(365),
  circuitKey: circuitKey.nullable().default(null),
  active: z.boolean().default(true),
});
export const mailTypeUpdateSchema = mailTypeSchema.omit({ code: true }).partial();
export type MailTypeInput = z.infer<typeof mailTypeSchema>;

export interface MailTypeDto {
  code: string;
  label: I18nText;
  direction: MailDirection;
  dueDays: number;
  circuitKey: string | null;
  active: boolean;
}

export const mailTypeQuerySchema = z.object({
  direction: z.enum(MAIL_DIRECTIONS).optional(),
  circuitKey: circuitKey.optional(),
  active: z.enum(['true', 'false']).optional(),
});

/** The circuit each direction runs when the mail's type names none. */
export const circuitDefaultsSchema = z.object({ incoming: circuitKey, outgoing: circuitKey, internal: circuitKey });
export type CircuitDefaultsDto = z.infer<typeof circuitDefaultsSchema>;
