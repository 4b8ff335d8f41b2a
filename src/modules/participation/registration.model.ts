// What a registration is to pages, mails and exports, the needs summed up, and whether an event takes
// registrations at a moment: pure functions of the stored rows.
import { isLang, type Lang } from '../../platform/i18n/i18n.js';
import type { EventRow, RegistrationRow } from './registrations.repository.js';
import { parseNeeds, type Needs } from './registrations.schema.js';

/** An unconfirmed registration holds no place and is deleted after this time. */
export const PENDING_HOURS = 48;

export type RegistrationState = 'pending' | 'confirmed' | 'waiting' | 'cancelled';

/** Whether and how an event takes registrations now. */
export type Availability = 'open' | 'waiting_list' | 'closed' | 'none';

export interface Registration {
  id: number;
  eventId: number;
  name: string;
  email: string;
  needs: Needs;
  state: RegistrationState;
  lang: Lang;
  createdAt: string;
  confirmedAt: string | null;
}

export interface NeedsSummary {
  interpreter: Array<{ language: string; count: number }>;
  signLanguage: number;
  childcare: { registrations: number; children: number };
  stepFree: number;
  other: number;
}

export const toRegistration = (r: RegistrationRow): Registration => ({
  id: r.id, eventId: r.event_id, name: r.name, email: r.email, needs: parseNeeds(r.needs_json), state: r.state as RegistrationState,
  lang: isLang(r.lang) ? r.lang : 'de', createdAt: r.created_at, confirmedAt: r.confirmed_at,
});

/** The needs of several registrations summed up (interpreting by language, children counted). */
export function summariseNeeds(list: Array<{ needs: Needs }>): NeedsSummary {
  const languages = new Map<string, { language: string; count: number }>();
  const summary: NeedsSummary = { interpreter: [], signLanguage: 0, childcare: { registrations: 0, children: 0 }, stepFree: 0, other: 0 };
  for (const { needs } of list) {
    if (needs.interpreter) {
      const key = needs.interpreter.trim().toLowerCase();
      const entry = languages.get(key) ?? { language: needs.interpreter.trim(), count: 0 };
      entry.count++;
      languages.set(key, entry);
    }
    if (needs.sign_language) summary.signLanguage++;
    if (needs.childcare) {
      summary.childcare.registrations++;
      summary.childcare.children += needs.childcare;
    }
    if (needs.step_free) summary.stepFree++;
    if (needs.other) summary.other++;
  }
  summary.interpreter = [...languages.values()].sort((a, b) => b.count - a.count || a.language.localeCompare(b.language));
  return summary;
}

/** Whether the event takes registrations at `now`, and whether a new one lands on the waiting list. */
export function availabilityOf(event: EventRow, confirmed: number, now: Date): Availability {
  if (event.registration !== 1) return 'none';
  if (event.state !== 'published' || now.toISOString() >= (event.registration_deadline ?? event.starts_at)) return 'closed';
  return event.capacity !== null && confirmed >= event.capacity ? 'waiting_list' : 'open';
}

