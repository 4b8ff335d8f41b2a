// The addresses of residents' comments and ideas: the public pages (ideas per field of action, an idea's page,
// the comments on a measure, goal or field, reporting, confirming an e-mail address) and the moderators' pages.
import { platformPaths } from '../../platform/http/paths.js';
import { route } from '../../platform/http/route.js';

export const SUBJECT_WORDS = { measure: 'massnahme', goal: 'ziel', field: 'handlungsfeld' } as const;
const SUBJECTS = ['massnahme', 'ziel', 'handlungsfeld'] as const;

const commentsRoute = route('/:slug/mitreden/:subject/:id', { subject: SUBJECTS });

export const ideasPaths = {
  ideas: route('/:slug/ideen'),
  fieldIdeas: route('/:slug/ideen/handlungsfeld/:id'),
  idea: route('/:slug/ideen/:id'),
  commentsRoute,
  /** The comments page of a measure, goal or field. */
  comments: (slug: string, type: string, id: number) => commentsRoute(slug, SUBJECT_WORDS[type as keyof typeof SUBJECT_WORDS], id),
  report: route('/:slug/mitreden/beitrag/:id/melden'),
  confirm: route('/:slug/mitreden/bestaetigen/:token'),
  adminQueue: route('/:slug/verwaltung/mitreden'),
  adminSettings: route('/:slug/verwaltung/mitreden/einstellungen'),
  adminApprove: route('/:slug/verwaltung/mitreden/:id/freigeben'),
  adminHide: route('/:slug/verwaltung/mitreden/:id/ausblenden'),
  adminAnswer: route('/:slug/verwaltung/mitreden/:id/antworten'),
  adminToMeasure: route('/:slug/verwaltung/mitreden/:id/massnahme'),
  adminAttach: route('/:slug/verwaltung/mitreden/:id/zuordnen'),
};

export const paths = { ...platformPaths, ...ideasPaths };
