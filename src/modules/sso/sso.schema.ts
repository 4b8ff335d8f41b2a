// The officer's settings of the municipality's identity provider. The issuer is an https address (plain http
// only on this machine's loopback, for trying it out); the client secret is write-only: left empty, it stays.
import { z } from 'zod';

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

/** An issuer the app will talk to: https, or http on the loopback interface. */
export function issuerAllowed(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || (url.protocol === 'http:' && LOOPBACK.has(url.hostname));
  } catch {
    return false;
  }
}

/** A checkbox: ticked when sent as "1". */
const checkbox = z.string().optional().transform((v) => v === '1');

const lines = z.string().max(2000, 'sso.errors.tooLong').default('');

export const settingsSchema = z
  .object({
    enabled: checkbox,
    label: z.string().trim().max(120, 'sso.errors.tooLong').default(''),
    issuer: z.string().trim().min(1, 'sso.errors.issuerRequired').max(500, 'sso.errors.tooLong').refine(issuerAllowed, 'sso.errors.issuerInvalid'),
    client_id: z.string().trim().min(1, 'sso.errors.clientRequired').max(300, 'sso.errors.tooLong'),
    client_secret: z.string().max(500, 'sso.errors.tooLong').default(''),
    role_claim: z.string().trim().min(1, 'sso.errors.claimRequired').max(100, 'sso.errors.tooLong').regex(/^[A-Za-z0-9_:.\-/]+$/, 'sso.errors.claimInvalid'),
    admin_values: lines,
    editor_values: lines,
    create_accounts: checkbox,
  })
  .refine((v) => v.admin_values.trim() !== '' || v.editor_values.trim() !== '', { path: ['editor_values'], message: 'sso.errors.valuesRequired' });

export type SsoSettingsInput = z.infer<typeof settingsSchema>;
