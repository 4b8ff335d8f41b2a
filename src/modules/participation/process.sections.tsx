// What the process adds to other modules' pages: where it stands, on the municipality's start page.
import { pageContext, withContext } from '../../platform/http/kit.js';
import type { SectionContributions, Services } from '../../platform/module.js';
import { localizeTimeline } from './participation.content.js';
import { WhereWeStandBox } from './process.view.js';

export function processSections(services: Services): SectionContributions {
  return {
    // Only when a process is published: its current phase and the next event, in the reader's language.
    'municipality.public': async (c) => {
      const m = c.get('municipality').id;
      const [timeline, upcoming] = await Promise.all([services.processes.publicTimeline(m), services.events.list(m, { states: ['published'], when: 'upcoming' })]);
      if (!timeline) return null;
      const next = upcoming[0] ?? null;
      const current = timeline.phases.find((p) => p.id === timeline.currentPhaseId) ?? null;
      const ct = await services.content.load(m, c.get('lang'), [
        current ? { entityType: 'phase', entityId: current.id, field: 'title', source: current.title } : { entityType: 'process', entityId: timeline.process.id, field: 'title', source: timeline.process.title },
        ...(next ? [{ entityType: 'event', entityId: next.id, field: 'title', source: next.title }] : []),
      ]);
      // The start page's note about German texts counts these, too.
      c.set('content', ct.with(c.get('content')));
      const shownNext = next ? { ...next, title: ct.text('event', next.id, 'title', next.title) } : null;
      return <WhereWeStandBox ctx={withContext(pageContext(c), { content: ct })} timeline={localizeTimeline(timeline, ct)} next={shownNext} />;
    },
  };
}
