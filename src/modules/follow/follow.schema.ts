// The form to follow: an address (required, a plausible e-mail), how often (daily or weekly), and the honeypot.
import { z } from 'zod';
import { FREQUENCIES } from './follow.model.js';

export const HONEYPOT = 'website';

export const followSchema = z.object({
  email: z.string().trim().toLowerCase().min(1, 'follow.errors.emailRequired').max(254, 'errors.emailInvalid').email('errors.emailInvalid'),
  frequency: z.enum(FREQUENCIES, { message: 'follow.errors.frequency' }),
  [HONEYPOT]: z.string().default(''),
});
