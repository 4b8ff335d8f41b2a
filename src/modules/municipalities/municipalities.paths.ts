// The addresses of the municipalities module: one definition per route gives its link, its pattern and its parameters.
import { platformPaths } from '../../platform/http/paths.js';
import { route } from '../../platform/http/route.js';

export const municipalitiesPaths = {
  instanceMunicipalities: route('/verwaltung/kommunen'),
  instanceMunicipalityNew: route('/verwaltung/kommunen/neu'),
  adminUsers: route('/:slug/verwaltung/personen'),
  adminUserNew: route('/:slug/verwaltung/personen/neu'),
  adminSettings: route('/:slug/verwaltung/einstellungen'),
  adminAudit: route('/:slug/verwaltung/protokoll'),
};

/** Every address this module's pages link to. */
export const paths = { ...platformPaths, ...municipalitiesPaths };
