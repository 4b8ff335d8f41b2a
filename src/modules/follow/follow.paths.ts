// The addresses of following: the form to follow a subject (/folgen/feld/3), the personal links from the mails
// (confirming the address, unsubscribing with one click) and the officer's overview.
import { platformPaths } from '../../platform/http/paths.js';
import { route } from '../../platform/http/route.js';

export const SUBJECT_WORDS = { plan: 'plan', field: 'feld', measure: 'massnahme', group: 'arbeitsgruppe', actor: 'akteur' } as const;

export const followPaths = {
  follow: route('/:slug/folgen/:subject/:id', { subject: ['plan', 'feld', 'massnahme', 'arbeitsgruppe', 'akteur'] }),
  requested: route('/:slug/folgen/:subject/:id/gesendet', { subject: ['plan', 'feld', 'massnahme', 'arbeitsgruppe', 'akteur'] }),
  confirm: route('/:slug/folgen/bestaetigen/:token'),
  unsubscribe: route('/:slug/folgen/abbestellen/:token'),
  adminFollow: route('/:slug/verwaltung/folgen'),
};

/** Every address this module's pages link to. */
export const paths = { ...platformPaths, ...followPaths };
