import type { Child } from 'hono/jsx';
import type { ContentTexts } from '../i18n/content.js';
import type { Lang, T } from '../i18n/i18n.js';
import type { NavEntry } from './nav.js';

/** What every page needs from the request, handed to views so that they stay pure. */
export interface PageContext {
  t: T;
  lang: Lang;
  path: string;
  /** The request's query ("?page=2&lang=en", or empty), which the language switch keeps. */
  query?: string;
  csrfToken: string;
  user: { id: number; name: string; email: string; isInstanceAdmin: boolean } | null;
  municipality: { slug: string; name: string; isDemo: boolean } | null;
  /** True where the signed-in person may enter this municipality's admin area. */
  canAdminister: boolean;
  flash: string | null;
  /** The navigation entries the modules contribute, in order. */
  nav: NavEntry[];
  /** A page in Leichte Sprache (German, lang="de"): the language switch names it so. */
  easyLanguage?: boolean;
  /** The content texts of the page in the reader's language (see i18n/content.ts). */
  content?: ContentTexts;
  /** The note leading a reader who chose Leichte Sprache to it, at the top of the page. */
  easyNotice?: Child[];
}

export type FieldErrors = Record<string, string>;
export type FormValues = Record<string, string>;

export interface FormState {
  values: FormValues;
  errors: FieldErrors;
}

export const emptyForm = (values: FormValues = {}): FormState => ({ values, errors: {} });
