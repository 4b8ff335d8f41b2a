// The participation process's public texts in other languages: which texts can be translated (for the
// translations screen), which a page shows (the references it loads), and the rows with the reader's language
// laid over the German. The address and the speakers' names stay as written.
import type { ContentTexts, TextRef } from '../../platform/i18n/content.js';
import type { Services, TranslatableSource, TranslatableText } from '../../platform/module.js';
import type { EventView } from './events.service.js';
import { processPaths } from './process.paths.js';
import type { Timeline } from './process.service.js';

const short = (text: string, max = 80) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

/** The texts of the public timeline: the process, its phases and their links (not their events). */
export function timelineTexts(tl: Timeline, slug: string | null): TranslatableText[] {
  const link = slug ? processPaths.timeline(slug) : null;
  const out: TranslatableText[] = [];
  const add = (entityType: string, entityId: number, field: string, source: string, name: string) => {
    if (source.trim()) out.push({ entityType, entityId, field, source, name, link });
  };
  add('process', tl.process.id, 'title', tl.process.title, short(tl.process.title));
  add('process', tl.process.id, 'description', tl.process.description, short(tl.process.title));
  for (const p of tl.phases) {
    add('phase', p.id, 'title', p.title, short(p.title));
    add('phase', p.id, 'description', p.description, short(p.title));
    for (const i of p.items) if (!i.questionnaire) add('phase_item', i.id, 'title', i.title, short(i.title));
  }
  return out;
}

/** The texts of an event: its title, description, place, accessibility and programme. */
export function eventTexts(e: EventView, slug: string | null): TranslatableText[] {
  const link = slug ? processPaths.event(slug, e.id) : null;
  const out: TranslatableText[] = [];
  const add = (entityType: string, entityId: number, field: string, source: string, name: string) => {
    if (source.trim()) out.push({ entityType, entityId, field, source, name, link });
  };
  add('event', e.id, 'title', e.title, short(e.title));
  add('event', e.id, 'description', e.description, short(e.title));
  if (!e.online) add('event', e.id, 'place_name', e.placeName, short(e.title));
  add('event', e.id, 'accessibility', e.accessibility, short(e.title));
  for (const p of e.programme) add('programme_item', p.id, 'title', p.title, `${short(e.title, 40)}: ${short(p.title, 40)}`);
  return out;
}

export const refsOf = (texts: TranslatableText[]): TextRef[] => texts.map(({ entityType, entityId, field, source }) => ({ entityType, entityId, field, source }));

/** What an event card in a list shows: the title and the place. */
export function eventCardRefs(e: EventView): TextRef[] {
  return refsOf(eventTexts(e, null)).filter((r) => r.entityType === 'event' && (r.field === 'title' || r.field === 'place_name'));
}

/** An event with its texts in the reader's language where a reviewed, current translation exists. */
export function localizeEvent(e: EventView, ct: ContentTexts): EventView {
  if (ct.lang === 'de') return e;
  return {
    ...e,
    title: ct.text('event', e.id, 'title', e.title),
    description: ct.text('event', e.id, 'description', e.description),
    placeName: e.online ? e.placeName : ct.text('event', e.id, 'place_name', e.placeName),
    accessibility: ct.text('event', e.id, 'accessibility', e.accessibility),
    programme: e.programme.map((p) => ({ ...p, title: ct.text('programme_item', p.id, 'title', p.title) })),
  };
}

/** The timeline in the reader's language: the process, its phases, their links and the titles of their events. */
export function localizeTimeline(tl: Timeline, ct: ContentTexts): Timeline {
  if (ct.lang === 'de') return tl;
  return {
    ...tl,
    process: { ...tl.process, title: ct.text('process', tl.process.id, 'title', tl.process.title), description: ct.text('process', tl.process.id, 'description', tl.process.description) },
    phases: tl.phases.map((p) => ({
      ...p,
      title: ct.text('phase', p.id, 'title', p.title),
      description: ct.text('phase', p.id, 'description', p.description),
      items: p.items.map((i) => (i.questionnaire ? i : { ...i, title: ct.text('phase_item', i.id, 'title', i.title) })),
      events: p.events.map((e) => ({ ...e, title: ct.text('event', e.id, 'title', e.title) })),
    })),
  };
}

/** What the timeline page shows: its texts and the titles of the phases' events. */
export function timelineRefs(tl: Timeline): TextRef[] {
  return [
    ...refsOf(timelineTexts(tl, null)),
    ...tl.phases.flatMap((p) => p.events.map((e) => ({ entityType: 'event', entityId: e.id, field: 'title', source: e.title }))),
  ];
}

/** The translatable texts: the public process's timeline and every public event. */
export function participationTranslatable(services: Services): TranslatableSource[] {
  return [
    {
      label: 'participation.process.contentTexts.process',
      fields: {
        'process.title': 'participation.process.contentTexts.processTitle',
        'process.description': 'participation.process.contentTexts.processDescription',
        'phase.title': 'participation.process.contentTexts.phaseTitle',
        'phase.description': 'participation.process.contentTexts.phaseDescription',
        'phase_item.title': 'participation.process.contentTexts.phaseItem',
      },
      async list(municipalityId, slug) {
        const tl = await services.processes.publicTimeline(municipalityId);
        return tl ? timelineTexts(tl, slug) : [];
      },
    },
    {
      label: 'participation.process.contentTexts.events',
      fields: {
        'event.title': 'participation.process.contentTexts.eventTitle',
        'event.description': 'participation.process.contentTexts.eventDescription',
        'event.place_name': 'participation.process.contentTexts.eventPlace',
        'event.accessibility': 'participation.process.contentTexts.eventAccessibility',
        'programme_item.title': 'participation.process.contentTexts.programmeItem',
      },
      async list(municipalityId, slug) {
        return (await services.events.publicList(municipalityId)).flatMap((e) => eventTexts(e, slug));
      },
    },
  ];
}
