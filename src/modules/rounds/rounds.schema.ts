// The forms of the update rounds: starting a round, returning a change, adding a representative, and the
// actor's update of its measures (one set of fields per measure, so that one form covers all of them).
import { z } from 'zod';
import type { FieldErrors, FormValues } from '../../platform/views/page.js';
import { mapStatus, type StatusCategory } from '../plan/index.js';
import type { LeadMeasure } from './rounds.repository.js';

const isDate = (v: string) => /^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(v)) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v);
const requiredId = z
  .string()
  .trim()
  .default('')
  .refine((v) => /^[1-9]\d{0,9}$/.test(v), 'errors.choiceInvalid')
  .transform(Number);

export const startRoundSchema = z.object({
  plan_id: requiredId,
  title: z.string().trim().min(1, 'errors.titleRequired').max(200, 'errors.tooLong'),
  deadline: z.string().trim().default('').refine(isDate, 'rounds.errors.deadlineInvalid'),
});
export type StartRoundInput = z.infer<typeof startRoundSchema>;

export const returnChangeSchema = z.object({
  comment: z.string().trim().min(1, 'rounds.errors.commentRequired').max(2000, 'errors.tooLong'),
});

export const representativeSchema = z.object({
  name: z.string().trim().min(1, 'errors.nameRequired').max(200, 'errors.tooLong'),
  email: z.string().trim().toLowerCase().email('errors.emailInvalid'),
  actor_id: requiredId,
});
export type RepresentativeInput = z.infer<typeof representativeSchema>;

/** Field names of one measure in the update form. */
export const updateField = {
  status: (id: number) => `status_label_${id}`,
  note: (id: number) => `note_${id}`,
  date: (id: number) => `note_date_${id}`,
  evidence: (id: number) => `evidence_url_${id}`,
};

export interface MeasureUpdate {
  measureId: number;
  /** Null when the wording stayed as it was. */
  status: { label: string; category: StatusCategory } | null;
  note: string;
  noteDate: string | null;
  evidenceUrl: string;
}

const sameWording = (a: string, b: string) => a.replace(/\s+/g, ' ').trim().toLowerCase() === b.replace(/\s+/g, ' ').trim().toLowerCase();

function isHttpUrl(v: string): boolean {
  if (!/^https?:\/\//i.test(v) || v.length > 2000 || /\s/.test(v)) return false;
  try {
    const u = new URL(v);
    return (u.protocol === 'http:' || u.protocol === 'https:') && u.hostname.includes('.');
  } catch {
    return false;
  }
}

/**
 * Reads the update form for exactly the given measures (fields of any other measure are ignored, so a link
 * can never reach a measure it does not list). A measure counts as changed when its wording differs from
 * the plan's, or when a note or an evidence link is given.
 */
export function parseMeasureUpdates(
  values: FormValues,
  measures: LeadMeasure[],
  wordings: ReadonlyArray<{ label: string; category: StatusCategory }>,
  today: string,
): { ok: true; updates: MeasureUpdate[] } | { ok: false; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const updates: MeasureUpdate[] = [];
  for (const m of measures) {
    const label = (values[updateField.status(m.id)] ?? m.status_label).replace(/\s+/g, ' ').trim();
    const note = (values[updateField.note(m.id)] ?? '').trim();
    const date = (values[updateField.date(m.id)] ?? '').trim();
    const evidence = (values[updateField.evidence(m.id)] ?? '').trim();
    if (!label) errors[updateField.status(m.id)] = 'errors.statusRequired';
    else if (label.length > 300) errors[updateField.status(m.id)] = 'errors.tooLong';
    if (note.length > 5000) errors[updateField.note(m.id)] = 'errors.tooLong';
    if (date && !isDate(date)) errors[updateField.date(m.id)] = 'errors.dateInvalid';
    else if (date && date > today) errors[updateField.date(m.id)] = 'rounds.errors.noteDateFuture';
    if (evidence && !isHttpUrl(evidence)) errors[updateField.evidence(m.id)] = 'errors.urlInvalid';
    const statusChanged = label !== '' && !sameWording(label, m.status_label);
    if (statusChanged || note || evidence) {
      const mapped = statusChanged ? mapStatus(label, wordings) : null;
      updates.push({
        measureId: m.id,
        status: mapped ? { label: mapped.label, category: mapped.category } : null,
        note,
        noteDate: date || null,
        evidenceUrl: evidence,
      });
    }
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  if (updates.length === 0) {
    const at = measures.length > 0 ? updateField.status(measures[0].id) : '_form';
    return { ok: false, errors: { [at]: 'rounds.errors.nothingChanged' } };
  }
  return { ok: true, updates };
}

/** The field of one actor on the contact e-mails page. */
export const emailField = (actorId: number) => `email_${actorId}`;

/**
 * The contact e-mails page: one address (or none) per listed actor. Any invalid address gets its message at
 * its row, and nothing is saved.
 */
export function parseContactEmails(actorIds: number[], values: FormValues):
  { ok: true; emails: Array<{ actorId: number; email: string }> } | { ok: false; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const emails = actorIds.map((actorId) => {
    const email = (values[emailField(actorId)] ?? '').trim();
    if (email !== '' && (email.length > 300 || !z.string().email().safeParse(email).success)) errors[emailField(actorId)] = 'errors.emailInvalid';
    return { actorId, email };
  });
  return Object.keys(errors).length ? { ok: false, errors } : { ok: true, emails };
}
