// The addresses of the accessibility statement: the public statement (its address is the platform's, as every
// page's footer links to it), the feedback form and the officer's settings and feedback list.
import { platformPaths } from '../../platform/http/paths.js';
import { route } from '../../platform/http/route.js';

export const accessibilityPaths = {
  statement: platformPaths.municipalityAccessibility,
  feedback: route('/:slug/barrierefreiheit/rueckmeldung'),
  easyLanguage: route('/:slug/leichte-sprache'),
  adminStatement: route('/:slug/verwaltung/barrierefreiheit'),
  adminFeedback: route('/:slug/verwaltung/barrierefreiheit/rueckmeldungen'),
  adminFeedbackAnswered: route('/:slug/verwaltung/barrierefreiheit/rueckmeldungen/:id/beantwortet'),
};

/** Every address this module's pages link to. */
export const paths = { ...platformPaths, ...accessibilityPaths };
