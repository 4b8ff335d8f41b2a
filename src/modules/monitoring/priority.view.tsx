// Yearly priorities (Jahresziele): per year, what the municipality concentrates on, the guiding goal it
// serves, the goals and measures linked to it, how far those measures are, and what other modules add below
// each priority (the working groups on it).
import type { Child } from 'hono/jsx';
import { paths } from './monitoring.paths.js';
import { GERMAN, textLang } from '../../platform/i18n/content.js';
import { InLang, sentence, StatusBadge } from '../../platform/views/components.js';
import { Layout, type Crumb } from '../../platform/views/layout.js';
import type { PageContext } from '../../platform/views/page.js';
import { measureTitle } from '../plan/index.js';
import type { PriorityView } from './monitoring.service.js';

export interface PrioritiesVm {
  area: 'admin' | 'public';
  plan: { id: number; title: string };
  year: number;
  /** years that have priorities, plus the current one */
  years: number[];
  priorities: PriorityView[];
  /** Sections other modules add below each priority, by its id. */
  sections?: Record<number, Child[]>;
  canEdit: boolean;
}

function Progress({ ctx, p }: { ctx: PageContext; p: PriorityView }) {
  const { t } = ctx;
  if (p.progress.total === 0) return <p class="kern-body">{t('monitoring.priorities.noMeasures')}</p>;
  const parts = p.progress.byCategory.filter((c) => c.count > 0).map((c) => `${t(`status.${c.category}`)}: ${c.count}`);
  return (
    <p class="kern-body">
      {t('monitoring.priorities.progress', { done: p.progress.done, count: p.progress.total })} <span class="meta">({parts.join(' · ')})</span>
    </p>
  );
}

function PriorityCard({ ctx, vm, p }: { ctx: PageContext; vm: PrioritiesVm; p: PriorityView }) {
  const { t } = ctx;
  const slug = ctx.municipality!.slug;
  const admin = vm.area === 'admin';
  const headingId = `jahresziel-${p.id}`;
  const german = ctx.lang === 'de' ? {} : GERMAN;
  return (
    <li class="card stack">
      {/* a yearly priority is written in German only */}
      <h3 class="kern-heading-small" id={headingId} {...german}>{p.title}</h3>
      {p.description ? <p class="kern-body pre-line" {...german}>{p.description}</p> : null}
      {p.guidingGoal ? (
        <p class="kern-body">
          <span class="kern-body--bold">{t('monitoring.guidingGoal')}:</span> <InLang attrs={textLang(ctx, 'guiding_goal', p.guidingGoal.id, 'text')}>{p.guidingGoal.text}</InLang>
          {p.guidingGoal.target_year ? ` (${t('monitoring.priorities.until', { year: p.guidingGoal.target_year })})` : ''}
        </p>
      ) : null}
      <Progress ctx={ctx} p={p} />
      {p.goals.length ? (
        <div>
          <h4 class="kern-body kern-body--bold">{t('monitoring.priorities.goals')}</h4>
          <ul class="kern-list">
            {p.goals.map((g) => <li>{g.text} <span class="meta">({g.fieldTitle})</span></li>)}
          </ul>
        </div>
      ) : null}
      {p.measures.length ? (
        <div>
          <h4 class="kern-body kern-body--bold">{t('monitoring.priorities.measures')}</h4>
          <ul class="kern-list">
            {p.measures.map((m) => (
              <li>
                <a class="kern-link" href={admin ? paths.adminMeasure(slug, m.id) : paths.measure(slug, m.id)}>{measureTitle(t, m)}</a>: {m.text.slice(0, 160)}{' '}
                <StatusBadge t={t} category={m.status_category} label={m.status_label} />
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {vm.sections?.[p.id]?.length ? vm.sections[p.id] : null}
      {admin && vm.canEdit ? (
        <div class="actions">
          <a class="kern-link" href={paths.adminPriority(slug, p.id)}>{t('monitoring.priority.edit')}<span class="kern-sr-only">: {p.title}</span></a>
          <a class="kern-link" href={paths.adminPriorityDelete(slug, p.id)}>{t('monitoring.priority.delete')}<span class="kern-sr-only">: {p.title}</span></a>
        </div>
      ) : null}
    </li>
  );
}

export function PrioritiesPage({ ctx, vm }: { ctx: PageContext; vm: PrioritiesVm }) {
  const { t } = ctx;
  const slug = ctx.municipality!.slug;
  const admin = vm.area === 'admin';
  const title = t('monitoring.priorities.titleYear', { year: vm.year });
  const crumbs: Crumb[] = admin
    ? [{ href: paths.admin(slug), label: t('admin.overview.title') }, { href: paths.adminDashboardOf(slug, vm.plan.id), label: t('monitoring.title') }]
    : [{ href: paths.municipality(slug), label: vm.plan.title, attrs: textLang(ctx, 'plan', vm.plan.id, 'title') }, { href: paths.dashboard(slug), label: t('monitoring.title') }];
  const yearHref = (y: number) => (admin ? paths.adminPrioritiesOf(slug, vm.plan.id, y) : `${paths.priorities(slug)}?jahr=${y}`);
  return (
    <Layout ctx={ctx} title={title} crumbs={crumbs} area={admin ? 'admin' : 'public'}>
      <div class="stack-lg">
        <div class="stack">
          <h1 class="kern-heading-large">{title}</h1>
          <p class="kern-body">{sentence(t, 'monitoring.priorities.intro', {}, { plan: <InLang attrs={textLang(ctx, 'plan', vm.plan.id, 'title')}>{vm.plan.title}</InLang> })}</p>
          <nav aria-label={t('monitoring.priorities.years')}>
            <ul class="inline-list">
              {vm.years.map((y) => (
                <li>{y === vm.year ? <span aria-current="page" class="kern-body--bold">{y}</span> : <a class="kern-link" href={yearHref(y)}>{y}</a>}</li>
              ))}
            </ul>
          </nav>
          {admin && vm.canEdit ? (
            <p><a class="kern-link" href={`${paths.adminPriorityNew(slug, vm.plan.id)}?jahr=${vm.year}`}>{t('monitoring.priority.new')}</a></p>
          ) : null}
        </div>
        <section aria-labelledby="jahresziele" class="stack">
          <h2 class="kern-heading-medium" id="jahresziele">{t('monitoring.priorities.listTitle', { year: vm.year })}</h2>
          {vm.priorities.length === 0 ? <p class="kern-body">{t('monitoring.priorities.none', { year: vm.year })}</p> : null}
          <ul class="cards">
            {vm.priorities.map((p) => <PriorityCard ctx={ctx} vm={vm} p={p} />)}
          </ul>
        </section>
      </div>
    </Layout>
  );
}
