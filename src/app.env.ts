import type { CurrentUser } from './platform/auth/auth.service.js';
import type { Lang, T } from './platform/i18n/i18n.js';
import type { Municipality } from './modules/municipalities/municipality.service.js';
import type { AppDeps } from './services.js';

export interface AppEnv {
  Variables: {
    deps: AppDeps;
    lang: Lang;
    t: T;
    csrfToken: string;
    user: CurrentUser | null;
    flash: string | null;
    /** Set for every route under /:slug. */
    municipality: Municipality;
    /** The signed-in person's role in that municipality, if any. */
    role: string | null;
  };
}
