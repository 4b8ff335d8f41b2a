// The Wegweiser in the open API (the opendata module serves what modules contribute): published offers with
// the residents' filters, one offer with its next dates, writes of offers for personal tokens (through the
// offers service, audited like the officer's form), and a script-free embed of the Wegweiser for the
// municipality's own website.
import { z } from 'zod';
import { InvalidInputError } from '../../platform/http/errors.js';
import { validate } from '../../platform/http/form.js';
import { pageContext, type Ctx } from '../../platform/http/kit.js';
import type { ApiContribution, ApiRead, ApiRequest, ApiWrite, Services } from '../../platform/module.js';
import { InLang } from '../../platform/views/components.js';
import { formatDate } from '../../platform/views/format.js';
import { localizeOffer, offerRefs } from './offers.content.js';
import { offersPaths } from './offers.paths.js';
import { CATEGORIES, filtersOf, NO_FILTERS, OFFER_LANGUAGES, OFFER_STATES, offerSchema, TARGET_GROUPS, valuesOf, type OfferFilters } from './offers.schema.js';
import type { PublicOffer } from './offers.service.js';
import { FREQUENCIES, WEEKDAYS } from './offers.times.js';

const API_BASE = '/api/v1';
const abs = (req: Pick<ApiRequest, 'publicUrl'>, path: string) => `${req.publicUrl.replace(/\/$/, '')}${path}`;
const id = z.number().int().min(1);
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const flag = z.enum(['true', 'false']).optional();

const offerFilters = z.object({
  q: z.string().max(120).optional().describe('Words in the title, description, place or actor.'),
  category: z.enum(CATEGORIES).optional(),
  language: z.enum(OFFER_LANGUAGES).optional().describe('A language the offer is held in (ISO 639-1; "dgs" German Sign Language).'),
  targetGroup: z.enum(TARGET_GROUPS).optional(),
  district: z.string().max(120).optional(),
  free: flag.describe('Only offers free of charge.'),
  openNow: flag.describe('Only offers taking place right now (Europe/Berlin).'),
});

export const offerSchemaOut = z
  .object({
    id, title: z.string(), description: z.string(), category: z.enum(CATEGORIES),
    actor: z.object({ id, name: z.string() }).nullable(),
    address: z.object({ street: z.string(), postcode: z.string(), town: z.string(), district: z.string() }),
    mapUrl: z.string().nullable(),
    schedule: z.object({
      frequency: z.enum(FREQUENCIES), weekdays: z.array(z.enum(WEEKDAYS)), monthWeek: z.number().int().nullable(), startTime: z.string(), endTime: z.string(),
      startsOn: day.nullable(), endsOn: day.nullable(), exceptions: z.array(day), skipHolidays: z.boolean(), note: z.string(),
      rrule: z.string().nullable().describe('The recurrence as an iCalendar RRULE (RFC 5545), or null by appointment.'),
    }),
    nextDates: z.array(z.object({ day, start: z.string(), end: z.string() })),
    cancelledDates: z.array(day),
    openNow: z.boolean(),
    languages: z.array(z.string()),
    targetGroups: z.array(z.string()),
    freeOfCharge: z.boolean(),
    cost: z.string(),
    accessibility: z.string(),
    contact: z.object({ phone: z.string(), email: z.string(), website: z.string() }),
    measures: z.array(z.object({ id, number: z.string().nullable(), text: z.string() })),
    fields: z.array(z.object({ id, title: z.string() })),
    lastCheckedOn: z.string(),
    links: z.object({ self: z.string(), html: z.string(), sheet: z.string() }),
  })
  .meta({ description: 'An offer of the Wegweiser (published only).' });

/** The JSON body of an offer written through the API: the fields of the officer's form. */
const offerBody = z
  .object({
    title: z.string().max(160), description: z.string().max(4000).optional(), category: z.enum(CATEGORIES), actor_id: id.nullable().optional(),
    street: z.string().optional(), postcode: z.string().optional(), town: z.string().optional(), district: z.string().optional(),
    frequency: z.enum(FREQUENCIES).optional(), weekdays: z.array(z.enum(WEEKDAYS)).optional(), month_week: z.number().int().nullable().optional(),
    start_time: z.string().optional().describe('"16:00"'), end_time: z.string().optional(), starts_on: day.nullable().optional(), ends_on: day.nullable().optional(),
    exceptions: z.array(day).optional().describe('Cancelled days.'), skip_holidays: z.boolean().optional(), times_note: z.string().optional(),
    languages: z.array(z.enum(OFFER_LANGUAGES)).optional(), target_groups: z.array(z.enum(TARGET_GROUPS)).optional(),
    free_of_charge: z.boolean().optional(), cost: z.string().optional(), accessibility: z.string().optional(),
    phone: z.string().optional(), email: z.string().optional(), website: z.string().optional(),
    measure_ids: z.array(id).optional(), field_ids: z.array(id).optional(), state: z.enum(OFFER_STATES).optional(),
  })
  .strict();
const offerCreateSchema = offerBody.meta({ description: 'A new offer (a draft unless `state` is "published").' });
const offerUpdateSchema = offerBody.partial().strict().meta({ description: 'Changes to an offer: what is left out stays as it is. Saving counts as checking it.' });
const writtenOfferSchema = z
  .object({ id, title: z.string(), state: z.enum(OFFER_STATES), links: z.object({ self: z.string().nullable(), admin: z.string() }) })
  .meta({ description: 'The offer as written (`links.self` only when it is published).' });

function offerOut(req: ApiRequest, o: PublicOffer): z.infer<typeof offerSchemaOut> {
  const slug = req.municipality.slug;
  const { path: _path, schedule, ...rest } = o;
  return {
    ...rest,
    category: o.category as z.infer<typeof offerSchemaOut>['category'],
    schedule: { ...schedule, startsOn: schedule.startsOn ?? null, endsOn: schedule.endsOn ?? null },
    links: { self: abs(req, `${API_BASE}/${slug}/offers/${o.id}`), html: abs(req, offersPaths.offer(slug, o.id)), sheet: abs(req, offersPaths.sheet(slug, o.id)) },
  };
}

function filtersFrom(query: Record<string, unknown>): OfferFilters {
  const q = query as z.infer<typeof offerFilters>;
  return {
    ...NO_FILTERS, q: q.q ?? '', category: q.category ?? '', language: q.language ?? '', group: q.targetGroup ?? '', district: q.district ?? '',
    free: q.free === 'true', openNow: q.openNow === 'true',
  };
}

export function offersApi(services: Services): ApiContribution {
  const offers = services.offers;
  const reads: ApiRead[] = [
    {
      operationId: 'listOffers', path: '/offers', tag: 'Wegweiser', kind: 'list', query: offerFilters, summary: 'Published offers of the Wegweiser, with the residents\' filters.',
      schema: offerSchemaOut, schemaName: 'Offer',
      async run(req) {
        const page = await offers.publicOfferRange(req.municipality.id, filtersFrom(req.query), req.offset, req.limit);
        return { items: page.items.map((o) => offerOut(req, o)), total: page.total };
      },
    },
    {
      operationId: 'getOffer', path: '/offers/{offerId}', tag: 'Wegweiser', kind: 'item', summary: 'A published offer with its next dates.', schema: offerSchemaOut, schemaName: 'Offer',
      async run(req) {
        return offerOut(req, await offers.publicOffer(req.municipality.id, Number(req.params.offerId)));
      },
    },
  ];

  /** The body as the form's values, checked by the form's own schema (422 with the form's messages). */
  const checked = (values: Record<string, unknown>) => {
    const v = validate(offerSchema, values as Record<string, string>);
    if (!v.ok) throw new InvalidInputError(v.form.errors);
    return v.data;
  };
  async function written(req: Parameters<ApiWrite['run']>[0], offerId: number): Promise<z.infer<typeof writtenOfferSchema>> {
    const { row } = await offers.getForEdit(req.municipality.id, offerId, { kind: 'officer' });
    const slug = req.municipality.slug;
    return {
      id: row.id, title: row.title, state: row.state as 'draft' | 'published',
      links: { self: row.state === 'published' ? abs(req, `${API_BASE}/${slug}/offers/${row.id}`) : null, admin: abs(req, offersPaths.adminOffer(slug, row.id)) },
    };
  }
  const writes: ApiWrite[] = [
    {
      operationId: 'createOffer', method: 'post', path: '/offers', tag: 'Writes', permission: 'offers.manage', summary: 'Creates an offer of the Wegweiser.',
      body: offerCreateSchema, bodyName: 'OfferCreate', schema: writtenOfferSchema, schemaName: 'WrittenOffer',
      async run(req) {
        const offerId = await offers.create(req.municipality.id, checked(req.body as Record<string, unknown>), req.by, { kind: 'officer' });
        return { status: 201, body: await written(req, offerId) };
      },
    },
    {
      operationId: 'updateOffer', method: 'patch', path: '/offers/{offerId}', tag: 'Writes', permission: 'offers.manage', summary: 'Changes an offer of the Wegweiser.',
      body: offerUpdateSchema, bodyName: 'OfferUpdate', schema: writtenOfferSchema, schemaName: 'WrittenOffer',
      async run(req) {
        const offerId = Number(req.params.offerId);
        const before = await offers.getForEdit(req.municipality.id, offerId, { kind: 'officer' });
        // what the body leaves out stays: the form's values of the offer, with the body's on top
        const input = checked({ ...valuesOf(before.row, before.measureIds, before.fieldIds), ...(req.body as Record<string, unknown>) });
        await offers.update(req.municipality.id, offerId, input, req.by, { kind: 'officer' });
        return { status: 200, body: await written(req, offerId) };
      },
    },
  ];

  return {
    reads,
    writes,
    embeds: {
      wegweiser: {
        label: 'offers.embed.label',
        page: (slug) => offersPaths.offers(slug),
        async render(c: Ctx) {
          const m = c.get('municipality');
          const filters = filtersOf((name) => c.req.query(name));
          const page = await offers.publicOffers(m.id, filters, 1);
          const ct = await services.content.load(m.id, c.get('lang'), offerRefs(page.offers));
          c.set('content', ct);
          const ctx = pageContext(c);
          const { t } = ctx;
          return (
            <>
              <h1 class="kern-heading-medium">{t('offers.embed.title')}</h1>
              {page.offers.length === 0 ? <p class="kern-body">{t('offers.embed.none')}</p> : (
                <ul class="embed__fields">
                  {page.offers.map((raw) => {
                    const o = localizeOffer(raw, ct);
                    return (
                      <li class="embed__field">
                        <h2 class="kern-heading-small">
                          <a class="kern-link" href={offersPaths.offer(m.slug, o.id)} target="_blank" rel="noopener"><InLang attrs={ct.attrs('offer', o.id, 'title')}>{o.title}</InLang></a>
                        </h2>
                        <p class="kern-body kern-body--small">{t(`offers.categories.${o.category}`)}{o.freeOfCharge ? ` · ${t('offers.embed.free')}` : ''}</p>
                        {o.nextDates[0] ? <p class="kern-body kern-body--small">{t('offers.embed.next', { day: formatDate(o.nextDates[0].day, ctx.lang), start: `${o.schedule.startTime}–${o.schedule.endTime}` })}</p> : null}
                      </li>
                    );
                  })}
                </ul>
              )}
              {page.total > page.offers.length ? <p class="kern-body"><a class="kern-link" href={offersPaths.offers(m.slug)} target="_blank" rel="noopener">{t('offers.embed.more', { count: page.total })}</a></p> : null}
            </>
          );
        },
      },
    },
  };
}
