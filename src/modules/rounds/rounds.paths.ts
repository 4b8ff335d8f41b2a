// The addresses of the rounds module: one definition per route gives its link, its pattern and its parameters.
import { platformPaths } from '../../platform/http/paths.js';
import { route } from '../../platform/http/route.js';
import { planPaths } from '../plan/index.js';

export const roundsPaths = {
  adminRounds: route('/:slug/verwaltung/sachstand'),
  adminRoundNew: route('/:slug/verwaltung/sachstand/neu'),
  adminRound: route('/:slug/verwaltung/sachstand/:id'),
  adminRoundEmails: route('/:slug/verwaltung/sachstand/plaene/:id/adressen'),
  adminRoundRemind: route('/:slug/verwaltung/sachstand/:id/erinnern'),
  adminRoundClose: route('/:slug/verwaltung/sachstand/:id/abschliessen'),
  adminRoundRevoke: route('/:slug/verwaltung/sachstand/:id/beteiligte/:participantId/sperren'),
  adminRoundNewLink: route('/:slug/verwaltung/sachstand/:id/beteiligte/:participantId/neuer-link'),
  adminRoundAccept: route('/:slug/verwaltung/sachstand/:id/aenderungen/:changeId/annehmen'),
  adminRoundReturn: route('/:slug/verwaltung/sachstand/:id/aenderungen/:changeId/zurueckgeben'),
  adminRepresentatives: route('/:slug/verwaltung/akteursvertretungen'),
  adminRepresentativeRemove: route('/:slug/verwaltung/akteursvertretungen/:id/entfernen'),
  adminOwnMeasures: route('/:slug/verwaltung/meine-massnahmen'),
  roundLink: route('/:slug/sachstand/:token'),
};

/** Every address this module's pages link to. */
export const paths = { ...platformPaths, ...planPaths, ...roundsPaths };
