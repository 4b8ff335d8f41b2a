// Pages of the events: the officer's list (upcoming, past) and an event with its programme and state; the
// public list and an event's page (Berlin time, place and accessibility, programme, free places, and the
// section where registration goes). The online link never appears on any of them.
import type { Child } from 'hono/jsx';
import { GERMAN, textLang } from '../../platform/i18n/content.js';
import { ActionButton, InLang } from '../../platform/views/components.js';
import { DataTable } from '../../platform/views/data-table.js';
import { formatDate, formatNumber, formatWeekday } from '../../platform/views/format.js';
import { Layout } from '../../platform/views/layout.js';
import type { PageContext } from '../../platform/views/page.js';
import type { EventView, Seats } from './events.service.js';
import { paths } from './process.paths.js';

type T = PageContext['t'];

/** "Samstag, 28. März 2026, 10:00–16:00 Uhr" in the reader's language (Berlin time). */
export function eventWhen(t: T, lang: string, e: Pick<EventView, 'day' | 'startTime' | 'endTime'>): string {
  const weekday = formatWeekday(e.day, lang);
  return t('participation.process.event.when', { weekday, day: formatDate(e.day, lang), from: e.startTime, to: e.endTime });
}

export function SeatsText({ t, lang, seats }: { t: T; lang: string; seats: Seats }) {
  if (seats.capacity === null) return null;
  if (seats.full) return <span class="event-seats event-seats--full">{t('participation.process.event.full')}</span>;
  return <span class="event-seats">{t('participation.process.event.free', { count: seats.free!, n: formatNumber(seats.free!, lang) })}</span>;
}

function StateBadge({ t, state }: { t: T; state: string }) {
  const variant = state === 'published' ? 'success' : state === 'cancelled' ? 'danger' : 'info';
  return (
    <span class={`kern-badge kern-badge--${variant}`}>
      <span class="kern-label kern-label--small">{t(`participation.process.eventState.${state}`)}</span>
    </span>
  );
}

function placeLine(t: T, e: EventView): string {
  if (e.online) return t('participation.process.event.online');
  return [e.placeName, e.address.split('\n').join(', ')].filter(Boolean).join(', ');
}

// ---- officer ----------------------------------------------------------------------------------------------

export interface AdminEventsVm {
  upcoming: EventView[];
  past: EventView[];
  seats: Map<number, Seats>;
}

export function AdminEventsPage({ ctx, vm }: { ctx: PageContext; vm: AdminEventsVm }) {
  const { t, lang } = ctx;
  const slug = ctx.municipality!.slug;
  const title = t('participation.process.events.adminTitle');
  const table = (caption: string, list: EventView[], empty: string) => (
    <DataTable
      caption={caption}
      columns={[{ label: t('participation.process.event.title') }, { label: t('participation.process.event.whenLabel') }, { label: t('participation.process.event.kind') }, { label: t('participation.process.event.state') }, { label: t('participation.process.event.registrations'), numeric: true }]}
      rows={list.map((e) => {
        const s = vm.seats.get(e.id)!;
        return [
          <a class="kern-link" href={paths.adminEvent(slug, e.id)}>{e.title}</a>,
          eventWhen(t, lang, e),
          t(`participation.process.eventKind.${e.kind}`),
          <StateBadge t={t} state={e.state} />,
          s.capacity === null ? formatNumber(s.taken, lang) : `${formatNumber(s.taken, lang)} / ${formatNumber(s.capacity, lang)}`,
        ];
      })}
      rowHeaders
      empty={empty}
    />
  );
  return (
    <Layout ctx={ctx} title={title} crumbs={[{ href: paths.admin(slug), label: t('admin.overview.title') }]} area="admin">
      <div class="stack-lg">
        <div class="stack">
          <h1 class="kern-heading-large">{title}</h1>
          <p class="kern-body">{t('participation.process.events.adminIntro')}</p>
          <p><a class="kern-link" href={paths.adminEventNew(slug)}>{t('participation.process.event.new')}</a></p>
        </div>
        <section aria-labelledby="kommende" class="stack">
          <h2 class="kern-heading-medium" id="kommende">{t('participation.process.events.upcoming')}</h2>
          {table(t('participation.process.events.upcoming'), vm.upcoming, t('participation.process.events.noneUpcoming'))}
        </section>
        <section aria-labelledby="vergangene" class="stack">
          <h2 class="kern-heading-medium" id="vergangene">{t('participation.process.events.past')}</h2>
          {table(t('participation.process.events.past'), vm.past, t('participation.process.events.nonePast'))}
        </section>
      </div>
    </Layout>
  );
}

export interface AdminEventVm {
  event: EventView;
  seats: Seats;
  hasOnlineLink: boolean;
  phase: { id: number; title: string; processId: number } | null;
  group: { id: number; title: string } | null;
}

export function AdminEventPage({ ctx, vm }: { ctx: PageContext; vm: AdminEventVm }) {
  const { t, lang } = ctx;
  const slug = ctx.municipality!.slug;
  const e = vm.event;
  const states = (['draft', 'published', 'cancelled'] as const).filter((s) => s !== e.state);
  return (
    <Layout ctx={ctx} title={e.title} crumbs={[{ href: paths.admin(slug), label: t('admin.overview.title') }, { href: paths.adminEvents(slug), label: t('participation.process.events.adminTitle') }]} area="admin">
      <div class="stack-lg">
        <div class="stack">
          <h1 class="kern-heading-large">{e.title}</h1>
          <p class="kern-body"><StateBadge t={t} state={e.state} /> {t(`participation.process.eventKind.${e.kind}`)}{e.isDemo ? ` · ${t('participation.process.demo')}` : ''}</p>
          <div class="actions">
            <a class="kern-link" href={paths.adminEventEdit(slug, e.id)}>{t('participation.process.event.edit')}</a>
            {e.state !== 'draft' ? <a class="kern-link" href={paths.event(slug, e.id)}>{t('participation.process.event.publicPage')}</a> : null}
            <a class="kern-link" href={paths.adminEventDelete(slug, e.id)}>{t('participation.process.event.delete')}</a>
          </div>
          <div class="actions">
            {states.map((s) => (
              <ActionButton action={paths.adminEventState(slug, e.id)} csrfToken={ctx.csrfToken} fields={{ state: s }} label={t(`participation.process.eventStateAction.${s}`)} size="default" />
            ))}
          </div>
        </div>
        <section aria-labelledby="angaben" class="stack">
          <h2 class="kern-heading-medium" id="angaben">{t('participation.process.event.facts')}</h2>
          <dl class="facts">
            <dt>{t('participation.process.event.whenLabel')}</dt>
            <dd>{eventWhen(t, lang, e)}</dd>
            <dt>{t('participation.process.event.place')}</dt>
            <dd class="pre-line">{e.online ? `${t('participation.process.event.online')} – ${vm.hasOnlineLink ? t('participation.process.event.onlineLinkSet') : t('participation.process.event.onlineLinkMissing')}` : [e.placeName, e.address].filter(Boolean).join('\n')}</dd>
            {e.accessibility ? <><dt>{t('participation.process.event.accessibility')}</dt><dd class="pre-line">{e.accessibility}</dd></> : null}
            <dt>{t('participation.process.event.registration')}</dt>
            <dd>
              {e.registration ? t('participation.process.event.registrationYes') : t('participation.process.event.registrationNo')}
              {e.registrationDeadline ? ` – ${t('participation.process.event.deadline', { day: formatDate(e.registrationDeadline, lang) })}` : ''}
            </dd>
            <dt>{t('participation.process.event.capacity')}</dt>
            <dd>{e.capacity === null ? t('participation.process.event.unlimited') : `${formatNumber(vm.seats.taken, lang)} / ${formatNumber(e.capacity, lang)}`}</dd>
            {vm.phase ? <><dt>{t('participation.process.phase.label')}</dt><dd><a class="kern-link" href={paths.adminProcess(slug, vm.phase.processId)}>{vm.phase.title}</a></dd></> : null}
            {vm.group ? <><dt>{t('participation.process.event.group')}</dt><dd>{vm.group.title}</dd></> : null}
          </dl>
          {e.description ? <p class="kern-body pre-line">{e.description}</p> : null}
        </section>
        <section aria-labelledby="programm" class="stack">
          <h2 class="kern-heading-medium" id="programm">{t('participation.process.programme.title')}</h2>
          {e.programme.length === 0 ? <p class="kern-body">{t('participation.process.programme.none')}</p> : null}
          <ol class="programme">
            {e.programme.map((p, i) => (
              <li class="programme__item">
                <span class="programme__time">{p.startsAt || '–'}</span>
                <span class="programme__what">
                  <span class="kern-body--bold">{p.title}</span>
                  {p.speaker ? <span class="meta"> – {p.speaker}</span> : null}
                </span>
                <span class="actions">
                  <a class="kern-link" href={paths.adminProgrammeItem(slug, p.id)}>{t('participation.process.programme.edit')}<span class="kern-sr-only">: {p.title}</span></a>
                  {i > 0 ? <ActionButton action={paths.adminProgrammeMove(slug, p.id)} csrfToken={ctx.csrfToken} fields={{ direction: 'up' }} label={t('form.up')} srLabel={p.title} size="x-small" /> : null}
                  {i < e.programme.length - 1 ? <ActionButton action={paths.adminProgrammeMove(slug, p.id)} csrfToken={ctx.csrfToken} fields={{ direction: 'down' }} label={t('form.down')} srLabel={p.title} size="x-small" /> : null}
                  <a class="kern-link" href={paths.adminProgrammeDelete(slug, p.id)}>{t('participation.process.programme.delete')}<span class="kern-sr-only">: {p.title}</span></a>
                </span>
              </li>
            ))}
          </ol>
          <p><a class="kern-link" href={paths.adminProgrammeNew(slug, e.id)}>{t('participation.process.programme.new')}</a></p>
        </section>
      </div>
    </Layout>
  );
}

/** Stands in for a content text in an interface string, so that the text can carry its own lang. */
const HOLE = '\u0000';

/** An interface string with one content text (an element) where HOLE stands. */
function Interpolated({ text, value }: { text: string; value: Child }) {
  const [before, after = ''] = text.split(HOLE);
  return <>{before}{value}{after}</>;
}

// ---- public -----------------------------------------------------------------------------------------------

function EventCard({ ctx, e, seats }: { ctx: PageContext; e: EventView; seats?: Seats }) {
  const { t, lang } = ctx;
  const slug = ctx.municipality!.slug;
  return (
    <li class="card stack event-card">
      <h3 class="kern-heading-small">
        <a class="kern-link" href={paths.event(slug, e.id)} {...textLang(ctx, 'event', e.id, 'title')}>{e.title}</a>
      </h3>
      <p class="kern-body">
        {e.state === 'cancelled' ? <><span class="kern-badge kern-badge--danger"><span class="kern-label kern-label--small">{t('participation.process.eventState.cancelled')}</span></span>{' '}</> : null}
        {eventWhen(t, lang, e)}
      </p>
      <p class="kern-body meta">{t(`participation.process.eventKind.${e.kind}`)} · <span {...(e.online ? {} : textLang(ctx, 'event', e.id, 'place_name'))}>{placeLine(t, e)}</span></p>
      {seats && e.state === 'published' ? <p class="kern-body"><SeatsText t={t} lang={lang} seats={seats} /></p> : null}
    </li>
  );
}

export interface PublicEventsVm {
  upcoming: EventView[];
  past: EventView[];
  seats: Map<number, Seats>;
}

export function PublicEventsPage({ ctx, vm }: { ctx: PageContext; vm: PublicEventsVm }) {
  const { t } = ctx;
  const slug = ctx.municipality!.slug;
  const title = t('participation.process.events.title');
  return (
    <Layout ctx={ctx} title={title} crumbs={[{ href: paths.municipality(slug), label: ctx.municipality!.name }]}>
      <div class="stack-lg">
        <div class="stack">
          <h1 class="kern-heading-large">{title}</h1>
          <p class="kern-body">{t('participation.process.events.intro')}</p>
          <p class="kern-body">
            <a class="kern-link" href={paths.eventsFeed(slug)}>{t('participation.process.events.subscribe')}</a>{' '}
            <span class="meta">{t('participation.process.events.subscribeHint')}</span>
          </p>
          <p class="kern-body"><a class="kern-link" href={paths.timeline(slug)}>{t('participation.process.timeline.linkFromEvents')}</a></p>
        </div>
        <section aria-labelledby="kommende" class="stack">
          <h2 class="kern-heading-medium" id="kommende">{t('participation.process.events.upcoming')}</h2>
          {vm.upcoming.length === 0 ? <p class="kern-body">{t('participation.process.events.noneUpcoming')}</p> : <ul class="cards">{vm.upcoming.map((e) => <EventCard ctx={ctx} e={e} seats={vm.seats.get(e.id)} />)}</ul>}
        </section>
        <section aria-labelledby="vergangene" class="stack">
          <h2 class="kern-heading-medium" id="vergangene">{t('participation.process.events.past')}</h2>
          {vm.past.length === 0 ? <p class="kern-body">{t('participation.process.events.nonePast')}</p> : <ul class="cards">{vm.past.map((e) => <EventCard ctx={ctx} e={e} />)}</ul>}
        </section>
      </div>
    </Layout>
  );
}

export interface PublicEventVm {
  event: EventView;
  seats: Seats;
  past: boolean;
  phase: { id: number; title: string } | null;
  group: { id: number; title: string } | null;
  /** what other modules add (registration) */
  sections: Child[];
}

export function PublicEventPage({ ctx, vm }: { ctx: PageContext; vm: PublicEventVm }) {
  const { t, lang } = ctx;
  const slug = ctx.municipality!.slug;
  const e = vm.event;
  return (
    <Layout ctx={ctx} title={e.title} titleAttrs={textLang(ctx, 'event', e.id, 'title')} crumbs={[{ href: paths.municipality(slug), label: ctx.municipality!.name }, { href: paths.events(slug), label: t('participation.process.events.title') }]}>
      <article class="stack-lg">
        <div class="stack">
          <h1 class="kern-heading-large" {...textLang(ctx, 'event', e.id, 'title')}>{e.title}</h1>
          {e.state === 'cancelled' ? (
            <div class="kern-alert kern-alert--warning" role="status">
              <div class="kern-alert__header">
                <span class="kern-icon kern-icon--warning" aria-hidden="true"></span>
                <p class="kern-title">{t('participation.process.event.cancelledNotice')}</p>
              </div>
            </div>
          ) : null}
          <p class="kern-body meta">
            {t(`participation.process.eventKind.${e.kind}`)}
            {vm.phase ? <> · <Interpolated text={t('participation.process.event.inPhase', { phase: HOLE })} value={<InLang attrs={textLang(ctx, 'phase', vm.phase.id, 'title')}>{vm.phase.title}</InLang>} /></> : ''}
            {vm.group ? <> · <InLang attrs={textLang(ctx, 'working_group', vm.group.id, 'title')}>{vm.group.title}</InLang></> : ''}
            {e.isDemo ? ` · ${t('participation.process.demo')}` : ''}
          </p>
          {e.description ? <p class="kern-body pre-line" {...textLang(ctx, 'event', e.id, 'description')}>{e.description}</p> : null}
        </div>
        <section aria-labelledby="wann-wo" class="stack">
          <h2 class="kern-heading-medium" id="wann-wo">{t('participation.process.event.whenWhere')}</h2>
          <dl class="facts">
            <dt>{t('participation.process.event.whenLabel')}</dt>
            <dd>{eventWhen(t, lang, e)}</dd>
            <dt>{t('participation.process.event.place')}</dt>
            {e.online ? (
              <dd>{t('participation.process.event.online')}. {t('participation.process.event.onlineHint')}</dd>
            ) : (
              <dd>
                {e.placeName ? <span class="kern-body--bold" {...textLang(ctx, 'event', e.id, 'place_name')}>{e.placeName}</span> : null}
                {e.address ? <address class="pre-line" {...(lang === 'de' ? {} : GERMAN)}>{e.address}</address> : null}
              </dd>
            )}
            {e.accessibility ? <><dt>{t('participation.process.event.accessibility')}</dt><dd class="pre-line" {...textLang(ctx, 'event', e.id, 'accessibility')}>{e.accessibility}</dd></> : null}
            {e.capacity !== null && e.state === 'published' && !vm.past ? <><dt>{t('participation.process.event.places')}</dt><dd><SeatsText t={t} lang={lang} seats={vm.seats} /></dd></> : null}
            {e.registration && e.registrationDeadline && e.state === 'published' && !vm.past ? <><dt>{t('participation.process.event.deadlineLabel')}</dt><dd>{formatDate(e.registrationDeadline, lang)}</dd></> : null}
          </dl>
          <p class="kern-body"><a class="kern-link" href={paths.eventIcs(slug, e.id)}>{t('participation.process.event.addToCalendar')}</a></p>
        </section>
        {e.programme.length ? (
          <section aria-labelledby="programm" class="stack">
            <h2 class="kern-heading-medium" id="programm">{t('participation.process.programme.title')}</h2>
            <ol class="programme">
              {e.programme.map((p) => (
                <li class="programme__item">
                  <span class="programme__time">{p.startsAt ? t('participation.process.programme.at', { time: p.startsAt }) : ''}</span>
                  <span class="programme__what">
                    <span class="kern-body--bold" {...textLang(ctx, 'programme_item', p.id, 'title')}>{p.title}</span>
                    {p.speaker ? <span class="meta"> – {p.speaker}</span> : null}
                  </span>
                </li>
              ))}
            </ol>
          </section>
        ) : null}
        {vm.sections}
      </article>
    </Layout>
  );
}
