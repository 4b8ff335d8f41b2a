// The addresses of event registration: the public registration page of an event, a registrant's personal link
// (its state, confirming, cancelling), and the officer's registrations (overview with the retention days, an
// event's attendees, their exports, removing and mailing again).
import { platformPaths } from '../../platform/http/paths.js';
import { route } from '../../platform/http/route.js';

export const registrationsPaths = {
  register: route('/:slug/veranstaltungen/:id/anmeldung'),
  registered: route('/:slug/veranstaltungen/:id/anmeldung/gesendet'),
  link: route('/:slug/anmeldung/:token'),
  confirm: route('/:slug/anmeldung/:token/bestaetigen'),
  cancel: route('/:slug/anmeldung/:token/absagen'),
  adminRegistrations: route('/:slug/verwaltung/anmeldungen'),
  adminRetention: route('/:slug/verwaltung/anmeldungen/aufbewahrung'),
  adminAttendees: route('/:slug/verwaltung/anmeldungen/veranstaltungen/:id'),
  adminAttendeesExport: route('/:slug/verwaltung/anmeldungen/veranstaltungen/:id/teilnehmende.:format', { format: ['csv', 'xlsx'] }),
  adminRegistrationRemove: route('/:slug/verwaltung/anmeldungen/:id/entfernen'),
  adminRegistrationResend: route('/:slug/verwaltung/anmeldungen/:id/erneut-senden'),
};

/** Every address this part's pages link to. */
export const paths = { ...platformPaths, ...registrationsPaths };
