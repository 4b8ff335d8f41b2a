// The working groups' public texts in other languages: which texts can be translated (for the translations
// screen) and which the public group pages show. The anchoring texts are the plan's own (a field's title, a
// guiding goal), translated with the plan.
import type { ContentTexts, TextRef } from '../../platform/i18n/content.js';
import type { Services, TranslatableSource, TranslatableText } from '../../platform/module.js';
import { groupsPaths } from './groups.paths.js';
import type { GroupMeeting, WorkingGroup } from './groups.service.js';

const short = (text: string, max = 80) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

/** The public texts of a working group: its name, what it is for, how to join. */
export function groupTexts(g: WorkingGroup, slug: string | null): TranslatableText[] {
  const link = slug ? groupsPaths.publicGroup(slug, g.id) : null;
  return (
    [
      ['title', g.title],
      ['purpose', g.purpose],
      ['how_to_join', g.how_to_join],
    ] as const
  )
    .filter(([, source]) => source?.trim())
    .map(([field, source]) => ({ entityType: 'working_group', entityId: g.id, field, source, name: short(g.title), link }));
}

export const groupRefs = (g: WorkingGroup): TextRef[] => groupTexts(g, null).map(({ entityType, entityId, field, source }) => ({ entityType, entityId, field, source }));

/** A group with its public texts in the reader's language. */
export function localizeGroup(g: WorkingGroup, ct: ContentTexts): WorkingGroup {
  if (ct.lang === 'de') return g;
  return {
    ...g,
    title: ct.text('working_group', g.id, 'title', g.title),
    purpose: ct.text('working_group', g.id, 'purpose', g.purpose),
    how_to_join: ct.text('working_group', g.id, 'how_to_join', g.how_to_join),
  };
}

/** A meeting is an event: its texts are translated with the events (participation's translatable texts). */
export function meetingRefs(m: GroupMeeting): TextRef[] {
  return (
    [
      ['title', m.title],
      ['description', m.description],
      ['place_name', m.online ? '' : m.place_name],
      ['accessibility', m.accessibility],
    ] as const
  )
    .filter(([, source]) => source?.trim())
    .map(([field, source]) => ({ entityType: 'event', entityId: m.id, field, source }));
}

/** A meeting with its texts in the reader's language. */
export function localizeMeeting(m: GroupMeeting, ct: ContentTexts): GroupMeeting {
  if (ct.lang === 'de') return m;
  return {
    ...m,
    title: ct.text('event', m.id, 'title', m.title),
    description: ct.text('event', m.id, 'description', m.description),
    place_name: m.online ? m.place_name : ct.text('event', m.id, 'place_name', m.place_name),
    accessibility: ct.text('event', m.id, 'accessibility', m.accessibility),
  };
}

/** The public working groups' texts. */
export function groupsTranslatable(services: Services): TranslatableSource[] {
  return [
    {
      label: 'groups.groups.contentTexts.groups',
      fields: {
        'working_group.title': 'groups.groups.contentTexts.title',
        'working_group.purpose': 'groups.groups.contentTexts.purpose',
        'working_group.how_to_join': 'groups.groups.contentTexts.howToJoin',
      },
      async list(municipalityId, slug) {
        return (await services.groups.list(municipalityId, { kind: 'working', state: 'active' })).flatMap((g) => groupTexts(g, slug));
      },
    },
  ];
}
