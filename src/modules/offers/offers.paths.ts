// The addresses of the Wegweiser: the residents' search and an offer's page and printed sheet; the officer's and
// the representatives' offers, an offer's form, and the settings.
import { platformPaths } from '../../platform/http/paths.js';
import { route } from '../../platform/http/route.js';

export const offersPaths = {
  offers: route('/:slug/wegweiser'),
  offer: route('/:slug/wegweiser/:id'),
  sheet: route('/:slug/wegweiser/:id/aushang.pdf'),
  admin: route('/:slug/verwaltung/angebote'),
  adminNew: route('/:slug/verwaltung/angebote/neu'),
  adminSettings: route('/:slug/verwaltung/angebote/einstellungen'),
  adminOffer: route('/:slug/verwaltung/angebote/:id'),
  adminChecked: route('/:slug/verwaltung/angebote/:id/geprueft'),
  adminDelete: route('/:slug/verwaltung/angebote/:id/loeschen'),
};

export const paths = { ...platformPaths, ...offersPaths };
