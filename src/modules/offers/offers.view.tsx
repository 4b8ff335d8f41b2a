// The Wegweiser's pages: the residents' search with its filters (a GET form, no script), an offer's page with its
// next dates and the printed sheet's link, an actor's offers (on its public page), and the officer's and the
// representatives' list, form and settings. Offer texts are German content (marked lang="de" elsewhere).
import { ActionButton, Checkbox, Csrf, ErrorSummary, errorText, fieldId, Pager, Select, SubmitButton, TextArea, TextField } from '../../platform/views/components.js';
import { DataTable } from '../../platform/views/data-table.js';
import { formatDate, formatWeekday, localeOf } from '../../platform/views/format.js';
import { Layout } from '../../platform/views/layout.js';
import type { FormState, PageContext } from '../../platform/views/page.js';
import { textLang } from '../../platform/i18n/content.js';
import type { T } from '../../platform/i18n/i18n.js';
import { planPaths } from '../plan/index.js';
import { paths } from './offers.paths.js';
import { CATEGORIES, OFFER_LANGUAGES, TARGET_GROUPS, type OfferFilters } from './offers.schema.js';
import type { AdminOffer, PublicOffer, PublicOfferPage } from './offers.service.js';
import { FREQUENCIES, LAENDER, WEEKDAYS, type Schedule } from './offers.times.js';

const k = 'offers';

/** A content text shown on a page in another language: German, marked so. */
const de = (ctx: PageContext) => (ctx.lang === 'de' ? {} : { lang: 'de', dir: 'ltr' as const });

const languageNames = new Map<string, Intl.DisplayNames>();
/** A language's name in the reader's language ("Arabisch", "Arabic", "العربية"). */
export function languageName(t: T, code: string, lang: string): string {
  if (code === 'dgs') return t(`${k}.signLanguage`);
  let names = languageNames.get(lang);
  if (!names) languageNames.set(lang, (names = new Intl.DisplayNames([localeOf(lang)], { type: 'language', fallback: 'code' })));
  return names.of(code) ?? code;
}

/** Monday 2024-01-01 and the days after: the weekdays' names in the reader's language. */
const WEEKDAY_DAY: Record<string, string> = { MO: '2024-01-01', TU: '2024-01-02', WE: '2024-01-03', TH: '2024-01-04', FR: '2024-01-05', SA: '2024-01-06', SU: '2024-01-07' };
export const weekdayName = (code: string, lang: string) => formatWeekday(WEEKDAY_DAY[code] ?? code, lang);

/** When an offer takes place, in words: "Wöchentlich: Dienstag, 16:00–18:00 Uhr", or "By appointment". */
export function scheduleText(t: T, s: Schedule, lang: string): string {
  if (s.frequency === 'appointment' || s.weekdays.length === 0) return t(`${k}.when.appointment`);
  const days = new Intl.ListFormat(localeOf(lang), { type: 'conjunction' }).format(s.weekdays.map((d) => weekdayName(d, lang)));
  const week = s.frequency === 'monthly' ? t(`${k}.monthWeek.${s.monthWeek === -1 ? 'last' : String(s.monthWeek ?? 1)}`) : '';
  const main = t(`${k}.when.${s.frequency}`, { days, from: s.startTime, to: s.endTime, week });
  return s.skipHolidays ? `${main} ${t(`${k}.when.noHolidays`)}` : main;
}

export function dayText(day: string, lang: string): string {
  return `${formatWeekday(day, lang)}, ${formatDate(day, lang)}`;
}

function OfferSummary({ ctx, offer, heading }: { ctx: PageContext; offer: PublicOffer; heading: 'h2' | 'h3' }) {
  const { t, lang } = ctx;
  const Title = heading;
  return (
    <article class="offer-card stack">
      <Title class="kern-heading-small">
        <a class="kern-link" href={offer.path} {...textLang(ctx, 'offer', offer.id, 'title')}>{offer.title}</a>
      </Title>
      <p class="kern-body offer-tags">
        <span class="kern-badge kern-badge--info"><span class="kern-label kern-label--small">{t(`${k}.categories.${offer.category}`)}</span></span>
        {offer.freeOfCharge ? <span class="kern-badge kern-badge--success"><span class="kern-label kern-label--small">{t(`${k}.free`)}</span></span> : null}
        {offer.openNow ? <span class="kern-badge kern-badge--success"><span class="kern-label kern-label--small">{t(`${k}.openNow`)}</span></span> : null}
      </p>
      <dl class="offer-facts">
        {offer.actor ? <><dt>{t(`${k}.fields.actor`)}</dt><dd>{offer.actor.name}</dd></> : null}
        <dt>{t(`${k}.fields.when`)}</dt>
        <dd>{scheduleText(t, offer.schedule, lang)}{offer.nextDates[0] ? ` – ${t(`${k}.next`, { day: dayText(offer.nextDates[0].day, lang) })}` : ''}</dd>
        {offer.languages.length ? <><dt>{t(`${k}.fields.languages`)}</dt><dd>{offer.languages.map((c) => languageName(t, c, lang)).join(', ')}</dd></> : null}
        {offer.address.district || offer.address.town ? <><dt>{t(`${k}.fields.where`)}</dt><dd {...de(ctx)}>{[offer.address.district, offer.address.town].filter(Boolean).join(', ')}</dd></> : null}
      </dl>
    </article>
  );
}

export function OffersPage({ ctx, result, filters, query }: { ctx: PageContext; result: PublicOfferPage; filters: OfferFilters; query: URLSearchParams }) {
  const { t, lang } = ctx;
  const slug = ctx.municipality!.slug;
  const title = t(`${k}.title`);
  const form: FormState = { values: { q: filters.q, kategorie: filters.category, sprache: filters.language, zielgruppe: filters.group, stadtteil: filters.district, kostenlos: filters.free ? '1' : '', jetzt: filters.openNow ? '1' : '' }, errors: {} };
  const languages = [...new Set([...result.facets.languages, ...(filters.language ? [filters.language] : [])])]
    .map((c) => ({ value: c, label: languageName(t, c, lang) }))
    .sort((a, b) => a.label.localeCompare(b.label, localeOf(lang)));
  const pageHref = (n: number) => {
    const q = new URLSearchParams(query);
    q.set('seite', String(n));
    return `${paths.offers(slug)}?${q.toString()}`;
  };
  const searched = Object.values(form.values).some(Boolean);
  return (
    <Layout ctx={ctx} title={title} crumbs={[{ href: paths.municipality(slug), label: ctx.municipality!.name }]}>
      <div class="stack-lg">
        <div class="stack">
          <h1 class="kern-heading-large">{title}</h1>
          <p class="kern-body">{t(`${k}.intro`)}</p>
        </div>
        <form method="get" action={paths.offers(slug)} class="form stack offer-filters" role="search" aria-label={t(`${k}.filter.label`)}>
          {ctx.lang !== 'de' ? <input type="hidden" name="lang" value={ctx.lang} /> : null}
          <TextField t={t} form={form} name="q" label={t(`${k}.filter.q`)} optional type="search" maxLength={120} />
          <Select t={t} form={form} name="kategorie" label={t(`${k}.fields.category`)} empty={t(`${k}.filter.all`)} options={CATEGORIES.map((c) => ({ value: c, label: t(`${k}.categories.${c}`) }))} />
          <Select t={t} form={form} name="sprache" label={t(`${k}.filter.language`)} empty={t(`${k}.filter.all`)} options={languages} />
          <Select t={t} form={form} name="zielgruppe" label={t(`${k}.fields.targetGroups`)} empty={t(`${k}.filter.all`)} options={TARGET_GROUPS.map((g) => ({ value: g, label: t(`${k}.groups.${g}`) }))} />
          {result.facets.districts.length ? <Select t={t} form={form} name="stadtteil" label={t(`${k}.fields.district`)} empty={t(`${k}.filter.all`)} options={result.facets.districts.map((d) => ({ value: d, label: d }))} /> : null}
          <Checkbox t={t} form={form} name="kostenlos" label={t(`${k}.filter.free`)} />
          <Checkbox t={t} form={form} name="jetzt" label={t(`${k}.filter.openNow`)} />
          <p class="actions">
            <SubmitButton label={t(`${k}.filter.submit`)} />
            {searched ? <a class="kern-link" href={paths.offers(slug)}>{t(`${k}.filter.reset`)}</a> : null}
          </p>
        </form>
        <section aria-labelledby="treffer" class="stack">
          <h2 class="kern-heading-medium" id="treffer" role="status">{t(`${k}.found`, { count: result.total })}</h2>
          {result.offers.length === 0 ? <p class="kern-body">{t(`${k}.none`)}</p> : null}
          <ul class="offer-list">{result.offers.map((o) => <li><OfferSummary ctx={ctx} offer={o} heading="h3" /></li>)}</ul>
          <Pager t={t} page={result.page} pages={result.pages} href={pageHref} />
        </section>
      </div>
    </Layout>
  );
}

export function OfferPage({ ctx, offer }: { ctx: PageContext; offer: PublicOffer }) {
  const { t, lang } = ctx;
  const slug = ctx.municipality!.slug;
  const a = offer.address;
  const street = [a.street, [a.postcode, a.town].filter(Boolean).join(' ')].filter(Boolean);
  return (
    <Layout ctx={ctx} title={offer.title} titleAttrs={textLang(ctx, 'offer', offer.id, 'title')} crumbs={[{ href: paths.municipality(slug), label: ctx.municipality!.name }, { href: paths.offers(slug), label: t(`${k}.title`) }]}>
      <div class="stack-lg">
        <div class="stack">
          <h1 class="kern-heading-large" {...textLang(ctx, 'offer', offer.id, 'title')}>{offer.title}</h1>
          <p class="kern-body offer-tags">
            <span class="kern-badge kern-badge--info"><span class="kern-label kern-label--small">{t(`${k}.categories.${offer.category}`)}</span></span>
            {offer.freeOfCharge ? <span class="kern-badge kern-badge--success"><span class="kern-label kern-label--small">{t(`${k}.free`)}</span></span> : null}
            {offer.openNow ? <span class="kern-badge kern-badge--success"><span class="kern-label kern-label--small">{t(`${k}.openNow`)}</span></span> : null}
          </p>
          {offer.actor ? <p class="kern-body">{t(`${k}.offeredBy`)} <a class="kern-link" href={planPaths.actor(slug, offer.actor.id)}>{offer.actor.name}</a></p> : null}
          {offer.description ? <p class="kern-body pre-line" {...textLang(ctx, 'offer', offer.id, 'description')}>{offer.description}</p> : null}
        </div>
        <section aria-labelledby="zeiten" class="stack">
          <h2 class="kern-heading-medium" id="zeiten">{t(`${k}.fields.when`)}</h2>
          <p class="kern-body">{scheduleText(t, offer.schedule, lang)}</p>
          {offer.schedule.note ? <p class="kern-body pre-line" {...textLang(ctx, 'offer', offer.id, 'times_note')}>{offer.schedule.note}</p> : null}
          {offer.nextDates.length ? (
            <>
              <h3 class="kern-heading-small">{t(`${k}.nextDates`)}</h3>
              <ul class="kern-list kern-list--bullet">{offer.nextDates.map((d) => <li>{`${dayText(d.day, lang)}, ${offer.schedule.startTime}–${offer.schedule.endTime}`}</li>)}</ul>
            </>
          ) : null}
          {offer.cancelledDates.length ? (
            <>
              <h3 class="kern-heading-small">{t(`${k}.cancelled`)}</h3>
              <ul class="kern-list kern-list--bullet">{offer.cancelledDates.map((d) => <li>{dayText(d, lang)}</li>)}</ul>
            </>
          ) : null}
        </section>
        <section aria-labelledby="angaben" class="stack">
          <h2 class="kern-heading-medium" id="angaben">{t(`${k}.details`)}</h2>
          <dl class="offer-facts">
            {street.length || a.district ? (
              <>
                <dt>{t(`${k}.fields.where`)}</dt>
                <dd>
                  <span {...de(ctx)}>{[...street, a.district].filter(Boolean).join(', ')}</span>
                  {offer.mapUrl ? <> <a class="kern-link" href={offer.mapUrl} rel="noopener noreferrer">{t(`${k}.map`)}</a></> : null}
                </dd>
              </>
            ) : null}
            {offer.languages.length ? <><dt>{t(`${k}.fields.languages`)}</dt><dd>{offer.languages.map((c) => languageName(t, c, lang)).join(', ')}</dd></> : null}
            {offer.targetGroups.length ? <><dt>{t(`${k}.fields.targetGroups`)}</dt><dd>{offer.targetGroups.map((g) => t(`${k}.groups.${g}`)).join(', ')}</dd></> : null}
            <dt>{t(`${k}.fields.cost`)}</dt>
            <dd>{offer.freeOfCharge ? t(`${k}.free`) : ''}{offer.cost ? <span {...textLang(ctx, 'offer', offer.id, 'cost')}>{offer.freeOfCharge ? ` – ${offer.cost}` : offer.cost}</span> : offer.freeOfCharge ? null : t(`${k}.costAsk`)}</dd>
            {offer.accessibility ? <><dt>{t(`${k}.fields.accessibility`)}</dt><dd class="pre-line" {...textLang(ctx, 'offer', offer.id, 'accessibility')}>{offer.accessibility}</dd></> : null}
            {offer.contact.phone ? <><dt>{t(`${k}.fields.phone`)}</dt><dd><a class="kern-link" href={`tel:${offer.contact.phone.replace(/[^+0-9]/g, '')}`} dir="ltr">{offer.contact.phone}</a></dd></> : null}
            {offer.contact.email ? <><dt>{t(`${k}.fields.email`)}</dt><dd><a class="kern-link" href={`mailto:${offer.contact.email}`} dir="ltr">{offer.contact.email}</a></dd></> : null}
            {offer.contact.website ? <><dt>{t(`${k}.fields.website`)}</dt><dd><a class="kern-link" href={offer.contact.website} rel="noopener noreferrer" dir="ltr">{offer.contact.website}</a></dd></> : null}
            <dt>{t(`${k}.fields.lastChecked`)}</dt>
            <dd>{formatDate(offer.lastCheckedOn, lang)}</dd>
          </dl>
        </section>
        {offer.measures.length || offer.fields.length ? (
          <section aria-labelledby="plan" class="stack">
            <h2 class="kern-heading-medium" id="plan">{t(`${k}.inPlan`)}</h2>
            <ul class="kern-list kern-list--bullet">
              {offer.fields.map((f) => <li><a class="kern-link" href={planPaths.field(slug, f.id)} {...de(ctx)}>{f.title}</a></li>)}
              {offer.measures.map((m) => <li><a class="kern-link" href={planPaths.measure(slug, m.id)}>{m.number ? `${t('measure.numbered', { number: m.number })}: ` : ''}<span {...de(ctx)}>{m.text.length > 140 ? `${m.text.slice(0, 139)}…` : m.text}</span></a></li>)}
            </ul>
          </section>
        ) : null}
        <p class="kern-body">
          <a class="kern-link" href={`${paths.sheet(slug, offer.id)}${lang !== 'de' ? `?lang=${lang}` : ''}`} download>{t(`${k}.sheet`)}</a>
        </p>
      </div>
    </Layout>
  );
}

/** An actor's published offers, at the end of its public page. */
export function ActorOffers({ ctx, offers }: { ctx: PageContext; offers: PublicOffer[] }) {
  const { t } = ctx;
  return (
    <section aria-labelledby="angebote" class="stack">
      <h2 class="kern-heading-medium" id="angebote">{t(`${k}.actorOffers`, { count: offers.length })}</h2>
      <ul class="offer-list">{offers.map((o) => <li><OfferSummary ctx={ctx} offer={o} heading="h3" /></li>)}</ul>
    </section>
  );
}

/** Offers serving a measure, on its public page. */
export function MeasureOffers({ ctx, offers }: { ctx: PageContext; offers: PublicOffer[] }) {
  const { t } = ctx;
  return (
    <section aria-labelledby="angebote-dazu" class="stack">
      <h2 class="kern-heading-medium" id="angebote-dazu">{t(`${k}.measureOffers`)}</h2>
      <ul class="kern-list kern-list--bullet">{offers.map((o) => <li><a class="kern-link" href={o.path} {...textLang(ctx, 'offer', o.id, 'title')}>{o.title}</a></li>)}</ul>
    </section>
  );
}

/** On the representative's page: where their actor's offers are kept. */
export function OwnOffersLink({ ctx }: { ctx: PageContext }) {
  return (
    <p class="kern-body">
      <a class="kern-link" href={paths.admin(ctx.municipality!.slug)}>{ctx.t(`${k}.admin.ownLink`)}</a>
    </p>
  );
}

// ---- admin -------------------------------------------------------------------------------------------------

export function AdminOffersPage({ ctx, offers, officer, actorName, staleDays }: { ctx: PageContext; offers: AdminOffer[]; officer: boolean; actorName: string | null; staleDays: number }) {
  const { t, lang } = ctx;
  const slug = ctx.municipality!.slug;
  const title = officer ? t(`${k}.admin.title`) : t(`${k}.admin.ownTitle`, { actor: actorName ?? '' });
  const stale = offers.filter((o) => o.stale);
  const broken = offers.filter((o) => o.brokenLink);
  return (
    <Layout ctx={ctx} title={title} area="admin" crumbs={[{ href: paths.admin(slug), label: t('admin.overview.title') }]}>
      <div class="stack-lg">
        <h1 class="kern-heading-large">{title}</h1>
        {!officer && !actorName ? <p class="kern-body">{t(`${k}.admin.noActor`)}</p> : (
          <p class="actions">
            <a class="kern-btn kern-btn--primary" href={paths.adminNew(slug)}><span class="kern-label">{t(`${k}.admin.new`)}</span></a>
            {officer ? <a class="kern-link" href={paths.adminSettings(slug)}>{t(`${k}.admin.settings`)}</a> : null}
            <a class="kern-link" href={paths.offers(slug)}>{t(`${k}.admin.public`)}</a>
          </p>
        )}
        {stale.length || broken.length ? (
          <div class="kern-alert kern-alert--warning" role="status">
            <div class="kern-alert__header"><span class="kern-icon kern-icon--warning" aria-hidden="true"></span><h2 class="kern-title">{t(`${k}.admin.dueTitle`)}</h2></div>
            <div class="kern-alert__body">
              <ul class="kern-list">
                {stale.length ? <li>{t(`${k}.admin.stale`, { count: stale.length, days: staleDays })}</li> : null}
                {broken.length ? <li>{t(`${k}.admin.broken`, { count: broken.length })}</li> : null}
              </ul>
            </div>
          </div>
        ) : null}
        <DataTable
          caption={title}
          empty={t(`${k}.admin.none`)}
          columns={[{ label: t(`${k}.fields.title`) }, { label: t(`${k}.fields.actor`) }, { label: t(`${k}.fields.state`) }, { label: t(`${k}.fields.lastChecked`) }, { label: t(`${k}.fields.website`) }, { label: t('form.actions') }]}
          rows={offers.map(({ row, stale: due, brokenLink }) => [
            <a class="kern-link" href={paths.adminOffer(slug, row.id)}>{row.title}</a>,
            row.actor_name ?? '',
            t(`${k}.states.${row.state}`),
            <>{formatDate(row.last_checked_on, lang)}{due ? <> <strong>{t(`${k}.admin.due`)}</strong></> : null}</>,
            row.website ? (brokenLink ? <strong>{t(`${k}.admin.linkBroken`, { error: row.link_error ?? '' })}</strong> : row.link_state === 'ok' ? t(`${k}.admin.linkOk`) : t(`${k}.admin.linkUnchecked`)) : '',
            <ActionButton action={paths.adminChecked(slug, row.id)} csrfToken={ctx.csrfToken} label={t(`${k}.admin.markChecked`)} srLabel={row.title} />,
          ])}
        />
      </div>
    </Layout>
  );
}

function CheckboxGroup({ t, form, name, legend, options, hint }: { t: T; form: FormState; name: string; legend: string; options: Array<{ value: string; label: string; lang?: string }>; hint?: string }) {
  const chosen = new Set((form.values[name] ?? '').split(',').filter(Boolean));
  const error = form.errors[name];
  return (
    <fieldset class={`kern-fieldset${error ? ' kern-fieldset--error' : ''}`} id={fieldId(name)}>
      <legend class="kern-label">{legend}</legend>
      <div class="kern-fieldset__body check-grid">
        {hint ? <p class="kern-hint">{hint}</p> : null}
        {error ? <p class="kern-error"><span class="kern-body">{errorText(t, error)}</span></p> : null}
        {options.map((o) => (
          <div class="kern-form-check">
            <input class="kern-form-check__checkbox" type="checkbox" id={`${fieldId(name)}-${o.value}`} name={name} value={o.value} checked={chosen.has(o.value)} />
            <label class="kern-label" for={`${fieldId(name)}-${o.value}`} lang={o.lang}>{o.label}</label>
          </div>
        ))}
      </div>
    </fieldset>
  );
}

function RadioGroup({ form, name, legend, options }: { form: FormState; name: string; legend: string; options: Array<{ value: string; label: string }> }) {
  const chosen = form.values[name] ?? options[0]?.value;
  return (
    <fieldset class="kern-fieldset" id={fieldId(name)}>
      <legend class="kern-label">{legend}</legend>
      <div class="kern-fieldset__body">
        {options.map((o) => (
          <div class="kern-form-check">
            <input class="kern-form-check__radio" type="radio" id={`${fieldId(name)}-${o.value}`} name={name} value={o.value} checked={chosen === o.value} />
            <label class="kern-label" for={`${fieldId(name)}-${o.value}`}>{o.label}</label>
          </div>
        ))}
      </div>
    </fieldset>
  );
}

export interface OfferFormModel {
  form: FormState;
  action: string;
  /** the officer chooses the actor; a representative's offers are their actor's */
  actors: Array<{ id: number; name: string }> | null;
  actorName: string | null;
  choices: { measures: Array<{ id: number; number: string | null; text: string }>; fields: Array<{ id: number; title: string }> };
  editing: { id: number; title: string } | null;
}

export function offerLabels(t: T): Record<string, string> {
  const f = (name: string) => t(`${k}.fields.${name}`);
  return {
    title: f('title'), description: f('description'), category: f('category'), actor_id: f('actor'), street: f('street'), postcode: f('postcode'), town: f('town'), district: f('district'),
    frequency: f('frequency'), weekdays: f('weekdays'), month_week: f('monthWeek'), start_time: f('startTime'), end_time: f('endTime'), starts_on: f('startsOn'), ends_on: f('endsOn'),
    exceptions: f('exceptions'), skip_holidays: f('skipHolidays'), times_note: f('timesNote'), languages: f('languages'), target_groups: f('targetGroups'), free_of_charge: f('free'),
    cost: f('cost'), accessibility: f('accessibility'), phone: f('phone'), email: f('email'), website: f('website'), measure_ids: f('measures'), field_ids: f('fieldsOfAction'), state: f('state'),
  };
}

export function OfferFormPage({ ctx, vm }: { ctx: PageContext; vm: OfferFormModel }) {
  const { t, lang } = ctx;
  const slug = ctx.municipality!.slug;
  const { form } = vm;
  const labels = offerLabels(t);
  const title = vm.editing ? t(`${k}.admin.editTitle`, { title: vm.editing.title }) : t(`${k}.admin.new`);
  const languages = OFFER_LANGUAGES.map((c) => ({ value: c, label: languageName(t, c, lang) }));
  return (
    <Layout ctx={ctx} title={title} area="admin" crumbs={[{ href: paths.admin(slug), label: t('admin.overview.title') }, { href: paths.admin(slug), label: t(`${k}.admin.title`) }]}>
      <div class="stack-lg">
        <h1 class="kern-heading-large">{title}</h1>
        <form method="post" action={vm.action} class="form stack-lg" novalidate>
          <ErrorSummary t={t} form={form} labels={labels} />
          <Csrf token={ctx.csrfToken} />
          <fieldset class="kern-fieldset">
            <legend class="kern-heading-medium">{t(`${k}.form.offer`)}</legend>
            <div class="kern-fieldset__body stack">
              <TextField t={t} form={form} name="title" label={labels.title} maxLength={160} />
              <TextArea t={t} form={form} name="description" label={labels.description} optional rows={5} maxLength={4000} />
              <Select t={t} form={form} name="category" label={labels.category} empty={t(`${k}.form.choose`)} options={CATEGORIES.map((c) => ({ value: c, label: t(`${k}.categories.${c}`) }))} />
              {vm.actors ? (
                <Select t={t} form={form} name="actor_id" label={labels.actor_id} optional empty={t(`${k}.form.noActor`)} options={vm.actors.map((a) => ({ value: String(a.id), label: a.name }))} />
              ) : (
                <p class="kern-body">{t(`${k}.form.ownActor`, { actor: vm.actorName ?? '' })}</p>
              )}
              <RadioGroup form={form} name="state" legend={labels.state} options={[{ value: 'published', label: t(`${k}.states.published`) }, { value: 'draft', label: t(`${k}.states.draft`) }]} />
            </div>
          </fieldset>
          <fieldset class="kern-fieldset">
            <legend class="kern-heading-medium">{t(`${k}.form.times`)}</legend>
            <div class="kern-fieldset__body stack">
              <RadioGroup form={form} name="frequency" legend={labels.frequency} options={FREQUENCIES.map((f) => ({ value: f, label: t(`${k}.frequencies.${f}`) }))} />
              <CheckboxGroup t={t} form={form} name="weekdays" legend={labels.weekdays} options={WEEKDAYS.map((d) => ({ value: d, label: weekdayName(d, lang) }))} />
              <Select t={t} form={form} name="month_week" label={labels.month_week} optional empty={t(`${k}.form.notMonthly`)} options={['1', '2', '3', '4', '-1'].map((w) => ({ value: w, label: t(`${k}.monthWeek.${w === '-1' ? 'last' : w}`) }))} />
              <TextField t={t} form={form} name="start_time" label={labels.start_time} optional width="short" inputmode="numeric" hint={t(`${k}.form.timeHint`)} maxLength={5} />
              <TextField t={t} form={form} name="end_time" label={labels.end_time} optional width="short" inputmode="numeric" hint={t(`${k}.form.timeHint`)} maxLength={5} />
              <TextField t={t} form={form} name="starts_on" label={labels.starts_on} optional type="date" width="short" />
              <TextField t={t} form={form} name="ends_on" label={labels.ends_on} optional type="date" width="short" />
              <TextArea t={t} form={form} name="exceptions" label={labels.exceptions} optional rows={3} hint={t(`${k}.form.exceptionsHint`)} />
              <Checkbox t={t} form={form} name="skip_holidays" label={labels.skip_holidays} />
              <TextArea t={t} form={form} name="times_note" label={labels.times_note} optional rows={2} maxLength={500} hint={t(`${k}.form.timesNoteHint`)} />
            </div>
          </fieldset>
          <fieldset class="kern-fieldset">
            <legend class="kern-heading-medium">{t(`${k}.form.place`)}</legend>
            <div class="kern-fieldset__body stack">
              <TextField t={t} form={form} name="street" label={labels.street} optional maxLength={300} autocomplete="street-address" />
              <TextField t={t} form={form} name="postcode" label={labels.postcode} optional width="short" inputmode="numeric" maxLength={5} autocomplete="postal-code" />
              <TextField t={t} form={form} name="town" label={labels.town} optional maxLength={300} autocomplete="address-level2" />
              <TextField t={t} form={form} name="district" label={labels.district} optional maxLength={300} />
            </div>
          </fieldset>
          <fieldset class="kern-fieldset">
            <legend class="kern-heading-medium">{t(`${k}.form.who`)}</legend>
            <div class="kern-fieldset__body stack">
              <CheckboxGroup t={t} form={form} name="languages" legend={labels.languages} options={languages} />
              <CheckboxGroup t={t} form={form} name="target_groups" legend={labels.target_groups} options={TARGET_GROUPS.map((g) => ({ value: g, label: t(`${k}.groups.${g}`) }))} />
              <Checkbox t={t} form={form} name="free_of_charge" label={labels.free_of_charge} />
              <TextField t={t} form={form} name="cost" label={labels.cost} optional maxLength={300} hint={t(`${k}.form.costHint`)} />
              <TextArea t={t} form={form} name="accessibility" label={labels.accessibility} optional rows={2} maxLength={500} hint={t(`${k}.form.accessibilityHint`)} />
            </div>
          </fieldset>
          <fieldset class="kern-fieldset">
            <legend class="kern-heading-medium">{t(`${k}.form.contact`)}</legend>
            <div class="kern-fieldset__body stack">
              <TextField t={t} form={form} name="phone" label={labels.phone} optional type="tel" autocomplete="tel" maxLength={40} />
              <TextField t={t} form={form} name="email" label={labels.email} optional type="email" inputmode="email" maxLength={254} />
              <TextField t={t} form={form} name="website" label={labels.website} optional type="url" maxLength={300} />
            </div>
          </fieldset>
          {vm.choices.fields.length ? (
            <fieldset class="kern-fieldset">
              <legend class="kern-heading-medium">{t(`${k}.form.plan`)}</legend>
              <div class="kern-fieldset__body stack">
                <CheckboxGroup t={t} form={form} name="field_ids" legend={labels.field_ids} options={vm.choices.fields.map((f) => ({ value: String(f.id), label: f.title, lang: lang === 'de' ? undefined : 'de' }))} />
                <details class="offer-measures">
                  <summary class="kern-link">{labels.measure_ids}</summary>
                  <CheckboxGroup t={t} form={form} name="measure_ids" legend={labels.measure_ids} options={vm.choices.measures.filter((m) => m.number !== null).map((m) => ({ value: String(m.id), label: `${m.number}: ${m.text.length > 100 ? `${m.text.slice(0, 99)}…` : m.text}`, lang: lang === 'de' ? undefined : 'de' }))} />
                </details>
              </div>
            </fieldset>
          ) : null}
          <SubmitButton label={t(`${k}.form.save`)} />
        </form>
        {vm.editing ? <ActionButton action={paths.adminDelete(slug, vm.editing.id)} csrfToken={ctx.csrfToken} label={t(`${k}.admin.delete`)} srLabel={vm.editing.title} size="default" /> : null}
      </div>
    </Layout>
  );
}

export function SettingsPage({ ctx, form }: { ctx: PageContext; form: FormState }) {
  const { t } = ctx;
  const slug = ctx.municipality!.slug;
  const title = t(`${k}.settings.title`);
  const labels = { map_url_template: t(`${k}.settings.map`), stale_days: t(`${k}.settings.staleDays`), holiday_region: t(`${k}.settings.region`), reminder_email: t(`${k}.settings.reminderEmail`) };
  return (
    <Layout ctx={ctx} title={title} area="admin" crumbs={[{ href: paths.admin(slug), label: t('admin.overview.title') }, { href: paths.admin(slug), label: t(`${k}.admin.title`) }]}>
      <div class="stack">
        <h1 class="kern-heading-large">{title}</h1>
        <form method="post" action={paths.adminSettings(slug)} class="form stack" novalidate>
          <ErrorSummary t={t} form={form} labels={labels} />
          <Csrf token={ctx.csrfToken} />
          <TextField t={t} form={form} name="map_url_template" label={labels.map_url_template} optional maxLength={300} hint={t(`${k}.settings.mapHint`)} />
          <TextField t={t} form={form} name="stale_days" label={labels.stale_days} width="short" inputmode="numeric" hint={t(`${k}.settings.staleDaysHint`)} />
          <Select t={t} form={form} name="holiday_region" label={labels.holiday_region} options={LAENDER.map((l) => ({ value: l, label: t(`${k}.laender.${l}`) }))} />
          <TextField t={t} form={form} name="reminder_email" label={labels.reminder_email} optional type="email" inputmode="email" maxLength={254} hint={t(`${k}.settings.reminderEmailHint`)} />
          <SubmitButton label={t(`${k}.form.save`)} />
        </form>
      </div>
    </Layout>
  );
}
