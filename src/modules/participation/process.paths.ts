// The addresses of the participation process and its events: one definition per route gives its link, its
// pattern and its parameters. Admin pages under /verwaltung/beteiligung and /verwaltung/veranstaltungen; the
// public timeline at /beteiligung (a phase's public documents under it), the events at /veranstaltungen, calendar feeds ending in .ics.
import { platformPaths } from '../../platform/http/paths.js';
import { route } from '../../platform/http/route.js';
import { planPaths } from '../plan/index.js';

export const processPaths = {
  // the process and its phases (officer)
  adminProcesses: route('/:slug/verwaltung/beteiligung'),
  adminProcessNew: route('/:slug/verwaltung/beteiligung/plaene/:parentId/neu'),
  adminProcess: route('/:slug/verwaltung/beteiligung/:id'),
  adminProcessEdit: route('/:slug/verwaltung/beteiligung/:id/bearbeiten'),
  adminProcessState: route('/:slug/verwaltung/beteiligung/:id/status'),
  adminProcessDelete: route('/:slug/verwaltung/beteiligung/:id/loeschen'),
  adminPhaseNew: route('/:slug/verwaltung/beteiligung/:parentId/phasen/neu'),
  adminPhase: route('/:slug/verwaltung/beteiligung/phasen/:id'),
  adminPhaseMove: route('/:slug/verwaltung/beteiligung/phasen/:id/verschieben'),
  adminPhaseDelete: route('/:slug/verwaltung/beteiligung/phasen/:id/loeschen'),
  adminPhaseItemNew: route('/:slug/verwaltung/beteiligung/phasen/:parentId/eintraege/neu'),
  adminPhaseItem: route('/:slug/verwaltung/beteiligung/eintraege/:id'),
  adminPhaseItemDelete: route('/:slug/verwaltung/beteiligung/eintraege/:id/loeschen'),
  // a phase's documents (officer): the upload form, a download, deleting with confirmation
  adminPhaseDocumentNew: route('/:slug/verwaltung/beteiligung/phasen/:parentId/dokumente/neu'),
  adminPhaseDocument: route('/:slug/verwaltung/beteiligung/dokumente/:id'),
  adminPhaseDocumentDelete: route('/:slug/verwaltung/beteiligung/dokumente/:id/loeschen'),
  // events and their programme (officer)
  adminEvents: route('/:slug/verwaltung/veranstaltungen'),
  adminEventNew: route('/:slug/verwaltung/veranstaltungen/neu'),
  adminEvent: route('/:slug/verwaltung/veranstaltungen/:id'),
  adminEventEdit: route('/:slug/verwaltung/veranstaltungen/:id/bearbeiten'),
  adminEventState: route('/:slug/verwaltung/veranstaltungen/:id/status'),
  adminEventDelete: route('/:slug/verwaltung/veranstaltungen/:id/loeschen'),
  adminProgrammeNew: route('/:slug/verwaltung/veranstaltungen/:parentId/programm/neu'),
  adminProgrammeItem: route('/:slug/verwaltung/programmpunkte/:id'),
  adminProgrammeMove: route('/:slug/verwaltung/programmpunkte/:id/verschieben'),
  adminProgrammeDelete: route('/:slug/verwaltung/programmpunkte/:id/loeschen'),
  // public pages and calendar feeds
  timeline: route('/:slug/beteiligung'),
  phaseDocument: route('/:slug/beteiligung/dokumente/:id'),
  events: route('/:slug/veranstaltungen'),
  event: route('/:slug/veranstaltungen/:id'),
  eventsFeed: route('/:slug/veranstaltungen.ics'),
  eventIcs: route('/:slug/veranstaltungen/:id/termin.ics'),
  groupFeed: route('/:slug/arbeitsgruppen/:id/termine.ics'),
};

/** Every address this module's pages link to. */
export const paths = { ...platformPaths, ...planPaths, ...processPaths };
