import type { Child } from 'hono/jsx';
import type { CurrentUser } from '../auth/auth.service.js';
import type { ContentTexts } from '../i18n/content.js';
import type { Lang, T } from '../i18n/i18n.js';
import type { NavEntry } from '../views/nav.js';
import type { Municipality } from '../tenancy.js';

/** What every request carries: set by the app's pipeline, read by routes and views. */
export interface AppEnv {
  Variables: {
    lang: Lang;
    t: T;
    /** The CSRF token this browser holds ('' when it holds none yet). */
    csrfToken: string;
    /** The CSRF token for a form on this page: made (and its cookie set) only when a page shows a form. */
    issueCsrf: () => string;
    /** The page carries something of this visitor's own (a form's CSRF token): no shared cache may keep it. */
    personal?: boolean;
    /**
     * The page's forms are for nobody in particular (a questionnaire's start): shown to someone without a session
     * they carry no CSRF token, so the page may be kept and shared; their post is checked by its origin instead.
     */
    sharedForm?: boolean;
    user: CurrentUser | null;
    flash: string | null;
    /** How the next page's flash message is written: the instance's key that seals it, and whether the cookie is Secure. */
    flashCookie: { key: Buffer; secure: boolean };
    /** Set for every route under /:slug. */
    municipality: Municipality;
    /** The signed-in person's role in that municipality, if any. */
    role: string | null;
    /** The navigation the modules contribute, for the layout. */
    nav: NavEntry[];
    /** The page's content texts in the reader's language, once a route has loaded them. */
    content?: ContentTexts;
    /** The reader chose Leichte Sprache in the language switch (remembered in a cookie until they choose a language). */
    easyChoice?: boolean;
    /** For that reader, on a municipality's page: the short note leading to Leichte Sprache (see SectionSlots 'layout.easy'). */
    easyNotice?: Child[];
  };
}
