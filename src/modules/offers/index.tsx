// The Wegweiser ("where do I find what"): offers of the municipality's actors (language cafés, counselling …)
// with place, times, languages and cost, searched and filtered by residents, printed as a sheet with a QR code.
import { Hono } from 'hono';
import type { AppEnv } from '../../platform/http/env.js';
import { pageContext, type Ctx } from '../../platform/http/kit.js';
import { loadLocales } from '../../platform/i18n/i18n.js';
import type { ModuleManifest, Services } from '../../platform/module.js';
import { localizeOffer, offerRefs, offersTranslatable } from './offers.content.js';
import { addDemoOffers } from './offers.demo.js';
import { offersPaths } from './offers.paths.js';
import { offersApi } from './offers.api.js';
import { offersRoutes } from './offers.routes.js';
import { OffersService, type PublicOffer } from './offers.service.js';
import { ActorOffers, MeasureOffers, OwnOffersLink } from './offers.view.js';

export { offersPaths } from './offers.paths.js';
export { offerSchema, filtersOf, NO_FILTERS, CATEGORIES, TARGET_GROUPS, OFFER_LANGUAGES, type OfferInput, type OfferFilters } from './offers.schema.js';
export type { OffersService, OfferEditor, PublicOffer, PublicOfferPage } from './offers.service.js';

declare module '../../platform/module.js' {
  interface ModuleServices {
    offers: OffersService;
  }
}

/** A section's offers in the reader's language; their texts join the page's (its note about German texts counts them). */
async function localized(content: Services['content'], c: Ctx, list: PublicOffer[]): Promise<PublicOffer[]> {
  if (list.length === 0) return list;
  const ct = await content.load(c.get('municipality').id, c.get('lang'), offerRefs(list));
  c.set('content', c.get('content')?.with(ct) ?? ct);
  return list.map((o) => localizeOffer(o, ct));
}

export const offersModule: ModuleManifest = {
  name: 'offers',
  locales: loadLocales(new URL('./locales/', import.meta.url)),
  nav: [
    { area: 'admin', order: 58, label: 'offers.nav.admin', href: (slug) => offersPaths.admin(slug), permission: 'offers.edit_own' },
    { area: 'public', order: 35, label: 'offers.nav.public', href: (slug) => offersPaths.offers(slug) },
  ],
  services(p, before) {
    const offers = new OffersService(p.kysely, p.clock, p.audit, p.jobs, p.mailer, before.plans, before.actors, { publicUrl: p.config.publicUrl });
    before.actors.follow(offers.actorFollower());
    before.actors.declarePublic((municipalityId) => offers.publicActorIds(municipalityId));
    return { offers };
  },
  routes: (context) => new Hono<AppEnv>().route('/', offersRoutes(context)),
  // the Wegweiser in the open API (reads, token writes) and as an embed for the municipality's website
  api: (services) => offersApi(services),
  jobs: (services) => services.offers.jobHandlers(),
  translatable: offersTranslatable,
  sections: (services) => ({
    'actor.public': async (c, { actorId }) => {
      const list = await localized(services.content, c, await services.offers.publicOffersOfActor(c.get('municipality').id, actorId));
      return list.length ? <ActorOffers ctx={pageContext(c)} offers={list} /> : null;
    },
    'measure.public': async (c, { measureId }) => {
      const list = await localized(services.content, c, await services.offers.publicOffersFor(c.get('municipality').id, 'measure', measureId));
      return list.length ? <MeasureOffers ctx={pageContext(c)} offers={list} /> : null;
    },
    'actor.own': async (c) => (c.get('user') ? <OwnOffersLink ctx={pageContext(c)} /> : null),
  }),
  demo: (services, demo) => addDemoOffers(services, demo),
};
