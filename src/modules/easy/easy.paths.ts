// The addresses of Leichte Sprache: the public start page and one page per text, the sign-language page, and
// the officer's list, editor and settings. A subject is a kind word in the path and, but for the start page, an id.
import { platformPaths } from '../../platform/http/paths.js';
import { route } from '../../platform/http/route.js';
import type { Subject, SubjectType } from './easy.service.js';

/** The path word of each subject type. */
export const KIND_WORDS: Record<SubjectType, string> = {
  start: 'startseite',
  plan: 'plan',
  field: 'handlungsfeld',
  measure: 'massnahme',
  event: 'veranstaltung',
  questionnaire: 'befragung',
};
const KINDS_WITH_ID = ['plan', 'handlungsfeld', 'massnahme', 'veranstaltung', 'befragung'] as const;

const enc = encodeURIComponent;
const subjectPath = (s: Subject) => (s.type === 'start' ? KIND_WORDS.start : `${KIND_WORDS[s.type]}/${s.id}`);

export const easyRoutes = {
  start: route('/:slug/leichte-sprache'),
  text: route('/:slug/leichte-sprache/:kind/:id', { kind: KINDS_WITH_ID }),
  textVideo: route('/:slug/leichte-sprache/:kind/:id/video', { kind: KINDS_WITH_ID }),
  startPdf: route('/:slug/leichte-sprache/startseite/pdf'),
  textPdf: route('/:slug/leichte-sprache/:kind/:id/pdf', { kind: KINDS_WITH_ID }),
  signLanguage: platformPaths.signLanguage,
  startVideo: route('/:slug/gebaerdensprache/video'),
  admin: route('/:slug/verwaltung/leichte-sprache'),
  adminSettings: route('/:slug/verwaltung/leichte-sprache/einstellungen'),
  adminCheck: route('/:slug/verwaltung/leichte-sprache/pruefen'),
  adminStart: route('/:slug/verwaltung/leichte-sprache/startseite'),
  adminText: route('/:slug/verwaltung/leichte-sprache/:kind/:id', { kind: KINDS_WITH_ID }),
};

/** The action a form posts to, after the editor's address: save, record the check, publish, the video. */
export const EDITOR_ACTIONS = ['testlesung', 'veroeffentlichen', 'video', 'video-loeschen'] as const;
export type EditorAction = (typeof EDITOR_ACTIONS)[number];

export const easyPaths = {
  start: (slug: string) => easyRoutes.start(slug),
  text: (slug: string, s: Subject) => (s.type === 'start' ? easyRoutes.start(slug) : easyRoutes.text(slug, KIND_WORDS[s.type], s.id)),
  video: (slug: string, s: Subject) => (s.type === 'start' ? easyRoutes.startVideo(slug) : easyRoutes.textVideo(slug, KIND_WORDS[s.type], s.id)),
  /** The text as a PDF in the Leichte Sprache layout, to print or pass on. */
  pdf: (slug: string, s: Subject) => (s.type === 'start' ? easyRoutes.startPdf(slug) : easyRoutes.textPdf(slug, KIND_WORDS[s.type], s.id)),
  signLanguage: (slug: string) => easyRoutes.signLanguage(slug),
  admin: (slug: string) => easyRoutes.admin(slug),
  adminSettings: (slug: string) => easyRoutes.adminSettings(slug),
  adminCheck: (slug: string) => easyRoutes.adminCheck(slug),
  adminText: (slug: string, s: Subject) => `/${enc(slug)}/verwaltung/leichte-sprache/${subjectPath(s)}`,
  adminAction: (slug: string, s: Subject, action: EditorAction) => `/${enc(slug)}/verwaltung/leichte-sprache/${subjectPath(s)}/${action}`,
  /** The patterns of the editor and its actions, for the start page and for subjects with an id. */
  adminPatterns: (action?: EditorAction) => [easyRoutes.adminStart.pattern, ...easyRoutes.adminText.patterns].map((p) => (action ? `${p}/${action}` : p)),
};

/** The subject an address names (the editor's, a public text's): kind word and id, or null. */
export function subjectOfPath(path: string): Subject | null {
  const m = /\/leichte-sprache\/(startseite|plan|handlungsfeld|massnahme|veranstaltung|befragung)(?:\/([1-9]\d{0,9}))?(?:\/|$)/.exec(path);
  if (!m) return null;
  const type = (Object.entries(KIND_WORDS).find(([, w]) => w === m[1])?.[0] ?? null) as SubjectType | null;
  if (!type) return null;
  if (type === 'start') return m[2] ? null : { type, id: 0 };
  const id = Number(m[2]);
  return m[2] && id <= 2_147_483_647 ? { type, id } : null;
}
