// Pages of the participation process: the officer's processes per plan and a process with its phases (their
// documents: process.documents.view.tsx), and the public timeline (an ordered list of the phases, the current one marked) with the box on the start page.
import { textLang } from '../../platform/i18n/content.js';
import { dirOf, type Lang } from '../../platform/i18n/i18n.js';
import { ActionButton, InLang, sentence } from '../../platform/views/components.js';
import { formatDate } from '../../platform/views/format.js';
import { Layout } from '../../platform/views/layout.js';
import type { PageContext } from '../../platform/views/page.js';
import { questionnairesPaths } from '../questionnaires/index.js';
import type { EventView } from './events.service.js';
import { eventWhen } from './events.view.js';
import { AdminPhaseDocuments, PublicPhaseDocuments } from './process.documents.view.js';
import { paths } from './process.paths.js';
import type { PhaseItemView, PhaseView, ProcessRow, Timeline } from './process.service.js';

type T = PageContext['t'];

/** "1. März 2026 – 30. April 2026", "ab 1. März 2026", or nothing. */
/**
 * A content text inside a sentence: German in place of a missing translation in its own element marked
 * lang="de" dir="ltr" (an element with dir is isolated for the bidirectional algorithm, so a German title in an
 * Arabic sentence keeps its own direction and its punctuation its place); a translation in the sentence's
 * direction stands bare, other text in a right-to-left sentence isolated (FSI … PDI).
 */
function ContentText({ ctx, type, id, field, text }: { ctx: PageContext; type: string; id: number; field: string; text: string }) {
  const attrs = textLang(ctx, type, id, field);
  if (attrs.lang) return <span {...attrs}>{text}</span>;
  return <>{dirOf(ctx.lang as Lang) === 'rtl' ? `\u2068${text}\u2069` : text}</>;
}

export function phaseDates(t: T, lang: string, p: Pick<PhaseView, 'startsOn' | 'endsOn'>): string {
  if (p.startsOn && p.endsOn) return p.startsOn === p.endsOn ? formatDate(p.startsOn, lang) : t('participation.process.phase.fromTo', { from: formatDate(p.startsOn, lang), to: formatDate(p.endsOn, lang) });
  if (p.startsOn) return t('participation.process.phase.from', { from: formatDate(p.startsOn, lang) });
  return '';
}

function ItemLink({ ctx, item, admin }: { ctx: PageContext; item: PhaseItemView; admin: boolean }) {
  const { t } = ctx;
  const slug = ctx.municipality!.slug;
  if (item.questionnaire) {
    const q = item.questionnaire;
    const href = admin ? questionnairesPaths.admin(slug, q.id) : questionnairesPaths.publicStart(slug, q.id);
    return (
      <>
        <a class="kern-link" href={href}>{t('participation.process.item.questionnaire', { title: q.title })}</a>
        {q.state === 'closed' ? <span class="meta"> ({t('participation.process.item.closed')})</span> : null}
        {admin && q.state === 'draft' ? <span class="meta"> ({t('participation.process.item.draft')})</span> : null}
      </>
    );
  }
  return <a class="kern-link" href={item.url} {...textLang(ctx, 'phase_item', item.id, 'title')}>{item.title}</a>;
}

// ---- officer ----------------------------------------------------------------------------------------------

export interface AdminProcessesVm {
  plans: Array<{ id: number; title: string; state: string; process: ProcessRow | null }>;
}

export function AdminProcessesPage({ ctx, vm }: { ctx: PageContext; vm: AdminProcessesVm }) {
  const { t } = ctx;
  const slug = ctx.municipality!.slug;
  const title = t('participation.process.adminTitle');
  return (
    <Layout ctx={ctx} title={title} crumbs={[{ href: paths.admin(slug), label: t('admin.overview.title') }]} area="admin">
      <div class="stack-lg">
        <div class="stack">
          <h1 class="kern-heading-large">{title}</h1>
          <p class="kern-body">{t('participation.process.adminIntro')}</p>
          <p class="kern-body"><a class="kern-link" href={paths.adminEvents(slug)}>{t('participation.process.events.adminTitle')}</a></p>
        </div>
        {vm.plans.length === 0 ? <p class="kern-body">{t('participation.process.noPlans')}</p> : null}
        <ul class="cards">
          {vm.plans.map((p) => (
            <li class="card stack">
              <h2 class="kern-heading-small">{p.title}</h2>
              <p class="kern-body meta">{t(`participation.process.planState.${p.state}`, { defaultValue: p.state })}</p>
              {p.process ? (
                <p class="kern-body">
                  <a class="kern-link" href={paths.adminProcess(slug, p.process.id)}>{p.process.title}</a>{' '}
                  <span class="meta">({t(`participation.process.state.${p.process.state}`)})</span>
                </p>
              ) : (
                <p class="kern-body"><a class="kern-link" href={paths.adminProcessNew(slug, p.id)}>{t('participation.process.new')}<span class="kern-sr-only">: {p.title}</span></a></p>
              )}
            </li>
          ))}
        </ul>
      </div>
    </Layout>
  );
}

export interface AdminProcessVm {
  timeline: Timeline;
  planTitle: string;
}

function AdminPhase({ ctx, phase, index, count, current }: { ctx: PageContext; phase: PhaseView; index: number; count: number; current: boolean }) {
  const { t, lang } = ctx;
  const slug = ctx.municipality!.slug;
  const headingId = `phase-${phase.id}`;
  return (
    <li class="card stack phase-card" aria-labelledby={headingId}>
      <h3 class="kern-heading-small" id={headingId}>
        {phase.title}
        {current ? <span class="kern-badge kern-badge--info phase-here"><span class="kern-label kern-label--small">{t('participation.process.timeline.here')}</span></span> : null}
      </h3>
      <p class="kern-body meta">{t(`participation.process.phaseKind.${phase.kind}`)}{phaseDates(t, lang, phase) ? ` · ${phaseDates(t, lang, phase)}` : ` · ${t('participation.process.phase.noDates')}`}</p>
      {phase.description ? <p class="kern-body pre-line">{phase.description}</p> : null}
      <div class="actions">
        <a class="kern-link" href={paths.adminPhase(slug, phase.id)}>{t('participation.process.phase.edit')}<span class="kern-sr-only">: {phase.title}</span></a>
        {index > 0 ? <ActionButton action={paths.adminPhaseMove(slug, phase.id)} csrfToken={ctx.csrfToken} fields={{ direction: 'up' }} label={t('form.up')} srLabel={phase.title} size="x-small" /> : null}
        {index < count - 1 ? <ActionButton action={paths.adminPhaseMove(slug, phase.id)} csrfToken={ctx.csrfToken} fields={{ direction: 'down' }} label={t('form.down')} srLabel={phase.title} size="x-small" /> : null}
        <a class="kern-link" href={paths.adminPhaseDelete(slug, phase.id)}>{t('participation.process.phase.delete')}<span class="kern-sr-only">: {phase.title}</span></a>
      </div>
      <h4 class="kern-body kern-body--bold">{t('participation.process.phase.items')}</h4>
      {phase.items.length === 0 ? <p class="kern-body">{t('participation.process.phase.noItems')}</p> : null}
      <ul class="kern-list">
        {phase.items.map((i) => (
          <li>
            <ItemLink ctx={ctx} item={i} admin={true} />{' '}
            <a class="kern-link" href={paths.adminPhaseItem(slug, i.id)}>{t('participation.process.item.edit')}<span class="kern-sr-only">: {i.questionnaire?.title ?? i.title}</span></a>
          </li>
        ))}
      </ul>
      <p class="kern-body"><a class="kern-link" href={paths.adminPhaseItemNew(slug, phase.id)}>{t('participation.process.item.new')}<span class="kern-sr-only">: {phase.title}</span></a></p>
      <h4 class="kern-body kern-body--bold">{t('participation.process.phase.events')}</h4>
      {phase.events.length === 0 ? <p class="kern-body">{t('participation.process.phase.noEvents')}</p> : null}
      <ul class="kern-list">
        {phase.events.map((e) => (
          <li><a class="kern-link" href={paths.adminEvent(slug, e.id)}>{e.title}</a> <span class="meta">({eventWhen(t, lang, e)} · {t(`participation.process.eventState.${e.state}`)})</span></li>
        ))}
      </ul>
      <p class="kern-body"><a class="kern-link" href={`${paths.adminEventNew(slug)}?phase=${phase.id}`}>{t('participation.process.phase.newEvent')}<span class="kern-sr-only">: {phase.title}</span></a></p>
      <AdminPhaseDocuments ctx={ctx} phase={phase} />
    </li>
  );
}

export function AdminProcessPage({ ctx, vm }: { ctx: PageContext; vm: AdminProcessVm }) {
  const { t } = ctx;
  const slug = ctx.municipality!.slug;
  const { process, phases } = vm.timeline;
  const published = process.state === 'published';
  return (
    <Layout ctx={ctx} title={process.title} crumbs={[{ href: paths.admin(slug), label: t('admin.overview.title') }, { href: paths.adminProcesses(slug), label: t('participation.process.adminTitle') }]} area="admin">
      <div class="stack-lg">
        <div class="stack">
          <h1 class="kern-heading-large">{process.title}</h1>
          <p class="kern-body meta">{t('participation.process.ofPlan', { plan: vm.planTitle })} · {t(`participation.process.state.${process.state}`)}{process.is_demo ? ` · ${t('participation.process.demo')}` : ''}</p>
          {process.description ? <p class="kern-body pre-line">{process.description}</p> : null}
          <div class="actions">
            <a class="kern-link" href={paths.adminProcessEdit(slug, process.id)}>{t('participation.process.edit')}</a>
            {published ? <a class="kern-link" href={paths.timeline(slug)}>{t('participation.process.timeline.open')}</a> : null}
            <a class="kern-link" href={paths.adminProcessDelete(slug, process.id)}>{t('participation.process.delete')}</a>
          </div>
          <ActionButton action={paths.adminProcessState(slug, process.id)} csrfToken={ctx.csrfToken} fields={{ state: published ? 'draft' : 'published' }} label={t(published ? 'participation.process.unpublish' : 'participation.process.publish')} variant={published ? 'secondary' : 'primary'} size="default" />
        </div>
        <section aria-labelledby="phasen" class="stack">
          <h2 class="kern-heading-medium" id="phasen">{t('participation.process.phases')}</h2>
          {phases.length === 0 ? <p class="kern-body">{t('participation.process.noPhases')}</p> : null}
          <ol class="cards phase-list">
            {phases.map((p, i) => <AdminPhase ctx={ctx} phase={p} index={i} count={phases.length} current={p.id === vm.timeline.currentPhaseId} />)}
          </ol>
          <p class="kern-body"><a class="kern-link" href={paths.adminPhaseNew(slug, process.id)}>{t('participation.process.phase.new')}</a></p>
        </section>
      </div>
    </Layout>
  );
}

// ---- public -----------------------------------------------------------------------------------------------

function PhaseEvents({ ctx, events }: { ctx: PageContext; events: EventView[] }) {
  const { t, lang } = ctx;
  const slug = ctx.municipality!.slug;
  if (events.length === 0) return null;
  return (
    <div class="stack">
      <h4 class="kern-body kern-body--bold">{t('participation.process.phase.events')}</h4>
      <ul class="kern-list">
        {events.map((e) => (
          <li>
            <a class="kern-link" href={paths.event(slug, e.id)} {...textLang(ctx, 'event', e.id, 'title')}>{e.title}</a>{' '}
            <span class="meta">– {eventWhen(t, lang, e)}{e.state === 'cancelled' ? ` (${t('participation.process.eventState.cancelled')})` : ''}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}

export function TimelinePage({ ctx, timeline }: { ctx: PageContext; timeline: Timeline | null }) {
  const { t, lang } = ctx;
  const slug = ctx.municipality!.slug;
  const title = timeline ? timeline.process.title : t('participation.process.timeline.title');
  const titleAttrs = timeline ? textLang(ctx, 'process', timeline.process.id, 'title') : {};
  return (
    <Layout ctx={ctx} title={title} titleAttrs={titleAttrs} crumbs={[{ href: paths.municipality(slug), label: ctx.municipality!.name }]}>
      <div class="stack-lg">
        <div class="stack">
          <h1 class="kern-heading-large" {...titleAttrs}>{title}</h1>
          {timeline?.process.description ? <p class="kern-body pre-line" {...textLang(ctx, 'process', timeline.process.id, 'description')}>{timeline.process.description}</p> : null}
          {!timeline ? <p class="kern-body">{t('participation.process.timeline.none')}</p> : null}
          {timeline?.process.is_demo ? <p class="kern-body meta">{t('participation.process.demoNotice')}</p> : null}
          <p class="kern-body"><a class="kern-link" href={paths.events(slug)}>{t('participation.process.timeline.allEvents')}</a></p>
        </div>
        {timeline && timeline.phases.length ? (
          <section aria-labelledby="zeitleiste" class="stack">
            <h2 class="kern-heading-medium" id="zeitleiste">{t('participation.process.timeline.phases')}</h2>
            <ol class="timeline">
              {timeline.phases.map((p, i) => {
                const current = p.id === timeline.currentPhaseId;
                const done = !current && timeline.currentPhaseId !== null && timeline.phases.findIndex((q) => q.id === timeline.currentPhaseId) > i;
                return (
                  <li class={`timeline__phase${current ? ' timeline__phase--current' : ''}${done ? ' timeline__phase--done' : ''}`} aria-current={current ? 'step' : undefined}>
                    <div class="timeline__marker" aria-hidden="true"></div>
                    <div class="timeline__body stack">
                      <h3 class="kern-heading-small">
                        <span class="timeline__number">{t('participation.process.timeline.step', { n: i + 1 })}</span> <InLang attrs={textLang(ctx, 'phase', p.id, 'title')}>{p.title}</InLang>
                      </h3>
                      {current ? <p class="timeline__here"><span class="kern-badge kern-badge--info"><span class="kern-label kern-label--small">{t('participation.process.timeline.here')}</span></span></p> : null}
                      {done ? <p class="kern-body meta">{t('participation.process.timeline.done')}</p> : null}
                      {phaseDates(t, lang, p) ? <p class="kern-body meta">{phaseDates(t, lang, p)}</p> : null}
                      {p.description ? <p class="kern-body pre-line" {...textLang(ctx, 'phase', p.id, 'description')}>{p.description}</p> : null}
                      {p.items.length ? (
                        <ul class="kern-list">
                          {p.items.map((i) => <li><ItemLink ctx={ctx} item={i} admin={false} /></li>)}
                        </ul>
                      ) : null}
                      <PhaseEvents ctx={ctx} events={p.events} />
                      <PublicPhaseDocuments ctx={ctx} documents={p.documents} />
                    </div>
                  </li>
                );
              })}
            </ol>
          </section>
        ) : null}
      </div>
    </Layout>
  );
}

/** The box on the municipality's start page: where the process stands, and the next event. */
export function WhereWeStandBox({ ctx, timeline, next }: { ctx: PageContext; timeline: Timeline; next: EventView | null }) {
  const { t, lang } = ctx;
  const slug = ctx.municipality!.slug;
  const current = timeline.phases.find((p) => p.id === timeline.currentPhaseId) ?? null;
  return (
    <section aria-labelledby="prozess-stand" class="card stack process-box">
      <h2 class="kern-heading-medium" id="prozess-stand">{t('participation.process.box.title')}</h2>
      <p class="kern-body">
        {current
          ? sentence(t, 'participation.process.box.current', { step: timeline.phases.indexOf(current) + 1, count: timeline.phases.length }, { phase: <ContentText ctx={ctx} type="phase" id={current.id} field="title" text={current.title} /> })
          : sentence(t, 'participation.process.box.notStarted', {}, { process: <ContentText ctx={ctx} type="process" id={timeline.process.id} field="title" text={timeline.process.title} /> })}
      </p>
      {next ? (
        <p class="kern-body">
          {t('participation.process.box.next')}{' '}
          <a class="kern-link" href={paths.event(slug, next.id)} {...(textLang(ctx, 'event', next.id, 'title').lang ? textLang(ctx, 'event', next.id, 'title') : { dir: 'auto' })}>{next.title}</a> – {eventWhen(t, lang, next)}
        </p>
      ) : null}
      <p class="kern-body"><a class="kern-link" href={paths.timeline(slug)}>{t('participation.process.box.link')}</a></p>
    </section>
  );
}
