// What registration adds to other pages: its form in the section of an event's public page.
import { pageContext } from '../../platform/http/kit.js';
import type { SectionContributions, Services } from '../../platform/module.js';
import { RegistrationSection } from './registrations.view.js';

export function registrationsSections(services: Services): SectionContributions {
  return {
    async 'event.public'(c, { eventId }) {
      const p = await services.registrations.publicEvent(c.get('municipality').id, eventId);
      if (p.event.state !== 'published') return null;
      return <RegistrationSection ctx={pageContext(c)} eventId={eventId} form={{ values: {}, errors: {} }} availability={p.availability} retentionDays={p.retentionDays} free={p.free} />;
    },
  };
}
