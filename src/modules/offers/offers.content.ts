// The offers' texts in the reader's language: title, description, the note on the times, cost and accessibility
// are translatable content (the translations screen lists the published offers); pages load the reviewed
// translations of the offers they show in one query and show German, marked so, where there is none.
import type { ContentTexts, TextRef } from '../../platform/i18n/content.js';
import type { Services, TranslatableSource, TranslatableText } from '../../platform/module.js';
import { offersPaths } from './offers.paths.js';
import type { PublicOffer } from './offers.service.js';

const ENTITY = 'offer';

function texts(o: PublicOffer): Array<{ field: string; source: string }> {
  return [
    { field: 'title', source: o.title },
    { field: 'description', source: o.description },
    { field: 'times_note', source: o.schedule.note },
    { field: 'cost', source: o.cost },
    { field: 'accessibility', source: o.accessibility },
  ];
}

export function offerRefs(offers: PublicOffer[]): TextRef[] {
  return offers.flatMap((o) => texts(o).map((t) => ({ entityType: ENTITY, entityId: o.id, field: t.field, source: t.source })));
}

/** The offer with its texts in the page's language (German where no reviewed translation fits). */
export function localizeOffer(o: PublicOffer, ct: ContentTexts): PublicOffer {
  const text = (field: string, source: string) => ct.text(ENTITY, o.id, field, source);
  return { ...o, title: text('title', o.title), description: text('description', o.description), schedule: { ...o.schedule, note: text('times_note', o.schedule.note) }, cost: text('cost', o.cost), accessibility: text('accessibility', o.accessibility) };
}

export function offersTranslatable(services: Services): TranslatableSource[] {
  return [
    {
      label: 'offers.contentTexts.offers',
      fields: { 'offer.title': 'offers.fields.title', 'offer.description': 'offers.fields.description', 'offer.times_note': 'offers.fields.timesNote', 'offer.cost': 'offers.fields.cost', 'offer.accessibility': 'offers.fields.accessibility' },
      async list(municipalityId, slug) {
        const offers = await services.offers.publishedOffers(municipalityId);
        return offers.flatMap((o) => texts(o).filter((t) => t.source.trim()).map((t): TranslatableText => ({ entityType: ENTITY, entityId: o.id, field: t.field, source: t.source, name: o.title, link: offersPaths.offer(slug, o.id) })));
      },
    },
  ];
}
