// The addresses of single sign-on: a municipality's sign-in page (its provider's button and the password way),
// the start that sends the browser to the provider, the return from it, and the officer's settings.
import { platformPaths } from '../../platform/http/paths.js';
import { route } from '../../platform/http/route.js';

export const ssoPaths = {
  municipalitySignIn: route('/:slug/anmelden'),
  start: route('/:slug/anmelden/sso'),
  callback: route('/:slug/anmelden/sso/zurueck'),
  adminSettings: route('/:slug/verwaltung/anmeldung'),
};

export const paths = { ...platformPaths, ...ssoPaths };
