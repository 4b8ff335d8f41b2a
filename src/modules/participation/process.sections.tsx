// What the process adds to other modules' pages: where it stands, on the municipality's start page.
import { pageContext } from '../../platform/http/kit.js';
import type { SectionContributions, Services } from '../../platform/module.js';
import { WhereWeStandBox } from './process.view.js';

export function processSections(services: Services): SectionContributions {
  return {
    // Only when a process is published: its current phase and the next event.
    'municipality.public': async (c) => {
      const m = c.get('municipality').id;
      const timeline = await services.processes.publicTimeline(m);
      if (!timeline) return null;
      const next = (await services.events.list(m, { states: ['published'], when: 'upcoming' }))[0] ?? null;
      return <WhereWeStandBox ctx={pageContext(c)} timeline={timeline} next={next} />;
    },
  };
}
