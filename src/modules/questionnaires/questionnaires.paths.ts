// The addresses of the questionnaires module: one definition per route gives its link, its pattern and its
// parameters. Admin pages under /verwaltung/befragungen, the residents' pages under /befragungen.
import { platformPaths } from '../../platform/http/paths.js';
import { route } from '../../platform/http/route.js';
import { planPaths } from '../plan/index.js';

export const questionnairesPaths = {
  // building (officer)
  adminList: route('/:slug/verwaltung/befragungen'),
  adminNew: route('/:slug/verwaltung/befragungen/neu'),
  admin: route('/:slug/verwaltung/befragungen/:id'),
  adminSettings: route('/:slug/verwaltung/befragungen/:id/einstellungen'),
  adminPublish: route('/:slug/verwaltung/befragungen/:id/veroeffentlichen'),
  adminClose: route('/:slug/verwaltung/befragungen/:id/beenden'),
  adminCopy: route('/:slug/verwaltung/befragungen/:id/kopieren'),
  adminDelete: route('/:slug/verwaltung/befragungen/:id/loeschen'),
  adminSectionNew: route('/:slug/verwaltung/befragungen/:id/abschnitte/neu'),
  adminSection: route('/:slug/verwaltung/befragungen/:id/abschnitte/:sectionId'),
  adminSectionDelete: route('/:slug/verwaltung/befragungen/:id/abschnitte/:sectionId/loeschen'),
  adminSectionMove: route('/:slug/verwaltung/befragungen/:id/abschnitte/:sectionId/verschieben'),
  adminQuestionNew: route('/:slug/verwaltung/befragungen/:id/abschnitte/:sectionId/fragen/neu'),
  adminQuestion: route('/:slug/verwaltung/befragungen/:id/fragen/:questionId'),
  adminQuestionDelete: route('/:slug/verwaltung/befragungen/:id/fragen/:questionId/loeschen'),
  adminQuestionMove: route('/:slug/verwaltung/befragungen/:id/fragen/:questionId/verschieben'),
  adminTranslation: route('/:slug/verwaltung/befragungen/:id/uebersetzung/:lang'),
  adminCodes: route('/:slug/verwaltung/befragungen/:id/zugangscodes'),
  adminCodesPdf: route('/:slug/verwaltung/befragungen/:id/zugangscodes.pdf'),
  // answering: preview and paper answers (officer), the residents' pages
  adminPreview: route('/:slug/verwaltung/befragungen/:id/vorschau'),
  adminPaper: route('/:slug/verwaltung/befragungen/:id/papierantwort'),
  publicList: route('/:slug/befragungen'),
  publicStart: route('/:slug/befragungen/:id'),
  publicAnswer: route('/:slug/befragungen/:id/antworten'),
  publicContinue: route('/:slug/befragungen/:id/weiter/:token'),
  publicThanks: route('/:slug/befragungen/:id/danke'),
  // results (officer), topics, exports, the public results
  adminResults: route('/:slug/verwaltung/befragungen/:id/ergebnisse'),
  adminFreeText: route('/:slug/verwaltung/befragungen/:id/ergebnisse/fragen/:questionId'),
  adminTopics: route('/:slug/verwaltung/befragungen/:id/themen'),
  adminTopic: route('/:slug/verwaltung/befragungen/:id/themen/:topicId'),
  adminTopicDelete: route('/:slug/verwaltung/befragungen/:id/themen/:topicId/loeschen'),
  adminExportCsv: route('/:slug/verwaltung/befragungen/:id/antworten.csv'),
  adminExportXlsx: route('/:slug/verwaltung/befragungen/:id/antworten.xlsx'),
  adminExportPdf: route('/:slug/verwaltung/befragungen/:id/ergebnisse.pdf'),
  publicResults: route('/:slug/befragungen/:id/ergebnisse'),
};

/** Every address this module's pages link to. */
export const paths = { ...platformPaths, ...planPaths, ...questionnairesPaths };
