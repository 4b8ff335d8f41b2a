import { z } from 'zod';
import { STATUS_CATEGORIES } from './status.js';

export const wordingSchema = z.object({
  label: z.string().trim().min(1, 'errors.statusRequired').max(300, 'errors.tooLong'),
  category: z.enum(STATUS_CATEGORIES, { message: 'errors.categoryRequired' }),
});

export type WordingInput = z.infer<typeof wordingSchema>;
