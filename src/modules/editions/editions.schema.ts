// One zod schema per form of the editions module. Messages are i18n keys of the module's namespace.
import { z } from 'zod';

const E = 'editions.errors';

/** A calendar date that exists ("2025-02-30" does not), between 1990 and 2100. */
export function isCalendarDate(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return year >= 1990 && year <= 2100 && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

export const editionSchema = z.object({
  label: z.string().trim().min(1, `${E}.labelRequired`).max(50, `${E}.tooLong`),
  adopted_on: z
    .string()
    .trim()
    .default('')
    .refine((v) => v === '' || isCalendarDate(v), `${E}.dateInvalid`)
    .transform((v) => (v === '' ? null : v)),
  paper_number: z.string().trim().max(100, `${E}.tooLong`).default(''),
  note: z.string().trim().max(2000, `${E}.tooLong`).default(''),
});

const checkbox = z
  .string()
  .default('')
  .transform((v) => v === '1' || v === 'on');

export const continueSchema = z.object({
  title: z.string().trim().min(1, `${E}.titleRequired`).max(300, `${E}.tooLong`),
  edition: z.string().trim().max(50, `${E}.tooLong`).default(''),
  omit_completed: checkbox,
  omit_discontinued: checkbox,
});

/** "e12" names edition 12, "p3" the live plan 3 as it is today. */
const snapshotRef = z
  .string({ message: `${E}.sideRequired` })
  .trim()
  .min(1, `${E}.sideRequired`)
  .regex(/^[ep][1-9]\d{0,9}$/, `${E}.sideInvalid`)
  .transform((v) => ({ kind: v[0] === 'e' ? ('edition' as const) : ('plan' as const), id: Number(v.slice(1)) }));

export const compareSchema = z
  .object({ from: snapshotRef, to: snapshotRef })
  .refine((v) => v.from.kind !== v.to.kind || v.from.id !== v.to.id, { message: `${E}.sameSides`, path: ['to'] });

export type EditionInput = z.infer<typeof editionSchema>;
export type ContinueInput = z.infer<typeof continueSchema>;
export type SnapshotRef = z.infer<typeof compareSchema>['from'];

export const refValue = (ref: SnapshotRef): string => `${ref.kind === 'edition' ? 'e' : 'p'}${ref.id}`;
