import { z } from 'zod';
import { RESERVED_SLUGS } from '../../platform/http/paths.js';

export const municipalitySettingsSchema = z.object({
  name: z.string().trim().min(1, 'errors.nameRequired').max(200, 'errors.tooLong'),
  office_name: z.string().trim().max(200, 'errors.tooLong').default(''),
  contact_person: z.string().trim().max(200, 'errors.tooLong').default(''),
  contact_email: z.union([z.literal(''), z.string().trim().email('errors.emailInvalid')]).default(''),
  contact_phone: z.string().trim().max(100, 'errors.tooLong').default(''),
  contact_address: z.string().trim().max(500, 'errors.tooLong').default(''),
});

export const slugSchema = z
  .string()
  .trim()
  .toLowerCase()
  .min(2, 'errors.slugInvalid')
  .max(60, 'errors.slugInvalid')
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'errors.slugInvalid')
  .refine((s) => !RESERVED_SLUGS.includes(s), 'errors.slugReserved');

export const createMunicipalitySchema = municipalitySettingsSchema.extend({
  slug: slugSchema,
  admin_email: z.string().trim().toLowerCase().email('errors.emailInvalid'),
  admin_name: z.string().trim().min(1, 'errors.nameRequired').max(200, 'errors.tooLong'),
});

export type MunicipalitySettings = z.infer<typeof municipalitySettingsSchema>;
export type CreateMunicipalityInput = z.infer<typeof createMunicipalitySchema>;
