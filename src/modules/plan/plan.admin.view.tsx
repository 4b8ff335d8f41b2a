// Admin pages of the plan: the overview of plans and the plan workspace (the whole tree with its actions).
import { paths } from './plan.paths.js';
import type { Child } from 'hono/jsx';
import type { LinkItem } from '../../platform/module.js';
import { ActionButton, StatusBadge } from '../../platform/views/components.js';
import { Layout } from '../../platform/views/layout.js';
import type { PageContext } from '../../platform/views/page.js';
import type { Measure, Plan, PlanTree } from './plan.repository.js';
import { PLAN_STATES } from './plan.schema.js';
import { filterTree, isFiltered, type WorkspaceFilter } from './plan.filter.js';
import { STATUS_CATEGORIES } from './status.js';
import { ExportLinks, periodText } from './plan.parts.js';
import { numberedGoal } from './measure.view.js';
import { formatShortDate } from '../../platform/views/format.js';

export function AdminOverviewPage({ ctx, plans, canCreate, actions }: { ctx: PageContext; plans: Plan[]; canCreate: boolean; actions: LinkItem[] }) {
  const { t } = ctx;
  const slug = ctx.municipality!.slug;
  return (
    <Layout ctx={ctx} title={t('admin.overview.title')} area="admin">
      <h1 class="kern-heading-large">{t('admin.overview.title')}</h1>
      <h2 class="kern-heading-medium">{t('admin.overview.plans')}</h2>
      {plans.length === 0 ? <p class="kern-body">{t('admin.overview.noPlans')}</p> : null}
      <ul class="cards">
        {plans.map((p) => (
          <li class="card">
            <h3 class="kern-heading-small">
              <a class="kern-link" href={paths.adminPlan(slug, p.id)}>{p.title}</a>
            </h3>
            <p class="kern-body">
              <span class={`kern-badge kern-badge--${p.state === 'published' ? 'success' : p.state === 'archived' ? 'warning' : 'info'}`}>
                <span class="kern-label kern-label--small">{t(`planState.${p.state}`)}</span>
              </span>
            </p>
            <p class="meta">
              {[periodText(p), p.edition ? t('plan.editionValue', { edition: p.edition }) : ''].filter(Boolean).join(' · ')}
            </p>
          </li>
        ))}
      </ul>
      {canCreate ? (
        <p class="actions">
          <a class="kern-btn kern-btn--primary" href={paths.adminPlanNew(slug)}>
            <span class="kern-label">{t('plan.new')}</span>
          </a>
          {actions.map((a) => (
            <a class="kern-btn kern-btn--secondary" href={a.href}>
              <span class="kern-label">{a.label}</span>
            </a>
          ))}
        </p>
      ) : null}
    </Layout>
  );
}

const shorten = (text: string, n = 90) => (text.length > n ? `${text.slice(0, n - 1)}…` : text);

/** One link per item: its moves and its delete sit on the page it leads to, so a long plan stays a short list. */
function EditLink({ ctx, href, label, text }: { ctx: PageContext; href: string; label: string; text?: string }) {
  return (
    <a class="kern-link" href={href}>
      {text ?? ctx.t('workspace.editItem')}
      <span class="kern-sr-only"> {label}</span>
    </a>
  );
}

function MeasureItem({ ctx, m }: { ctx: PageContext; m: Measure }) {
  const { t } = ctx;
  const slug = ctx.municipality!.slug;
  const label = m.number !== null ? t('measure.numbered', { number: m.number }) : shorten(m.text, 40);
  const lead = m.actors.find((a) => a.role === 'lead');
  return (
    <li class="measure-row">
      <span class="measure-number">{m.number !== null ? m.number : t('measure.furtherShort')}</span>
      <span class="measure-row__text">
        {shorten(m.text)}{' '}
        <StatusBadge t={t} category={m.status_category} label={m.status_label} />
        {lead ? <span class="meta"> {t('workspace.lead', { name: lead.name })}</span> : null}
      </span>
      <EditLink ctx={ctx} href={paths.adminMeasure(slug, m.id)} label={label} text={t('workspace.editMeasure')} />
    </li>
  );
}

/** Below this many measures every field starts open; above it only the first (or the filtered ones). */
const OPEN_ALL_UP_TO = 12;

function FilterForm({ ctx, planId, filter, fields, actors }: { ctx: PageContext; planId: number; filter: WorkspaceFilter; fields: Array<{ id: number; title: string }>; actors: Array<{ id: number; name: string }> }) {
  const { t } = ctx;
  const slug = ctx.municipality!.slug;
  const select = (name: string, label: string, empty: string, current: string, options: Array<{ value: string; label: string }>) => (
    <div class="kern-form-input">
      <label class="kern-label" for={`filter-${name}`}>{label}</label>
      <div class="kern-form-input__select-wrapper">
        <select class="kern-form-input__select" id={`filter-${name}`} name={name}>
          <option value="">{empty}</option>
          {options.map((o) => <option value={o.value} selected={o.value === current}>{o.label}</option>)}
        </select>
      </div>
    </div>
  );
  return (
    <form method="get" action={paths.adminPlan(slug, planId)} class="filter-form" role="search" aria-labelledby="filter-title">
      <h2 class="kern-heading-medium" id="filter-title">{t('workspace.filter.title')}</h2>
      <div class="filter-form__fields">
        {select('feld', t('workspace.filter.field'), t('workspace.filter.allFields'), String(filter.fieldId ?? ''), fields.map((f) => ({ value: String(f.id), label: f.title })))}
        {select('status', t('workspace.filter.status'), t('workspace.filter.allStatuses'), filter.status ?? '', STATUS_CATEGORIES.map((c) => ({ value: c, label: t(`status.${c}`) })))}
        {select('akteur', t('workspace.filter.actor'), t('workspace.filter.allActors'), String(filter.actorId ?? ''), actors.map((a) => ({ value: String(a.id), label: a.name })))}
        <div class="kern-form-input">
          <label class="kern-label" for="filter-q">{t('workspace.filter.text')}</label>
          <div class="kern-hint" id="filter-q-hint">{t('workspace.filter.textHint')}</div>
          <input class="kern-form-input__input" id="filter-q" name="q" type="search" value={filter.text} aria-describedby="filter-q-hint" />
        </div>
      </div>
      <div class="actions">
        <button type="submit" class="kern-btn kern-btn--secondary"><span class="kern-label">{t('workspace.filter.apply')}</span></button>
        {isFiltered(filter) ? <a class="kern-link" href={paths.adminPlan(slug, planId)}>{t('workspace.filter.reset')}</a> : null}
      </div>
    </form>
  );
}

export interface WorkspaceView {
  filter: WorkspaceFilter;
  /** every field of the plan and every actor on its measures, for the filter's choices */
  allFields: Array<{ id: number; title: string }>;
  actors: Array<{ id: number; name: string }>;
}

/** `review`: sections other modules add before the state actions (the steering group's reviews). */
export function PlanWorkspacePage({ ctx, tree: fullTree, can, links, downloads, view, review }: { ctx: PageContext; tree: PlanTree; can: { publish: boolean; delete: boolean }; links: LinkItem[]; downloads: LinkItem[]; view: WorkspaceView; review?: Child }) {
  const { t } = ctx;
  const slug = ctx.municipality!.slug;
  const { plan } = fullTree;
  const filtered = isFiltered(view.filter);
  const shown = filterTree(fullTree, view.filter);
  const measureCount = shown.total;
  const openField = (index: number, matching: number) => (filtered ? matching > 0 : index === 0 || measureCount <= OPEN_ALL_UP_TO);
  return (
    <Layout ctx={ctx} title={plan.title} area="admin" crumbs={[{ href: paths.admin(slug), label: t('admin.overview.title') }]}>
      <div class="stack-lg">
        <div class="stack">
          <h1 class="kern-heading-large">{plan.title}</h1>
          <dl class="facts">
            <dt>{t('plan.state')}</dt>
            <dd>{t(`planState.${plan.state}`)}</dd>
            <dt>{t('plan.period')}</dt>
            <dd>{periodText(plan) || '–'}</dd>
            <dt>{t('plan.edition')}</dt>
            <dd>{plan.edition || '–'}</dd>
            <dt>{t('plan.measureCount')}</dt>
            <dd>{measureCount}</dd>
          </dl>
          <div class="actions">
            <a class="kern-link" href={paths.adminPlanEdit(slug, plan.id)}>{t('plan.editDetails')}</a>
            <a class="kern-link" href={paths.adminPlanPreview(slug, plan.id)}>{t('plan.preview')}</a>
            {links.map((l) => <a class="kern-link" href={l.href}>{l.label}</a>)}
          </div>
        </div>

        <section aria-labelledby="guiding-title" class="stack">
          <h2 class="kern-heading-medium" id="guiding-title">{t('guidingGoal.plural')}</h2>
          {fullTree.guidingGoals.length === 0 ? <p class="kern-body">{t('workspace.guidingNone')}</p> : null}
          <ul class="tree">
            {fullTree.guidingGoals.map((g) => (
              <li>
                <div class="tree-item">
                  <span class="tree-item__text">
                    {g.text} {g.target_year ? <span class="meta">({t('guidingGoal.targetYearValue', { year: g.target_year })})</span> : null}
                  </span>
                  <EditLink ctx={ctx} href={paths.adminGuidingGoal(slug, g.id)} label={shorten(g.text, 40)} />
                </div>
              </li>
            ))}
          </ul>
          <a class="kern-link" href={paths.adminGuidingGoalNew(slug, plan.id)}>{t('guidingGoal.new')}</a>
        </section>

        <FilterForm ctx={ctx} planId={plan.id} filter={view.filter} fields={view.allFields} actors={view.actors} />

        <section aria-labelledby="fields-title" class="stack">
          <h2 class="kern-heading-medium" id="fields-title">{t('field.plural')}</h2>
          {filtered ? <p class="kern-body" role="status">{shown.matching > 0 ? t('workspace.filter.result', { matching: shown.matching, total: shown.total }) : t('workspace.filter.none')}</p> : null}
          {shown.fields.map(({ field: f, matching }, index) => (
            <details class="card field-details" id={`field-${f.id}`} open={openField(index, matching)}>
              <summary>
                <h3 class="kern-heading-small field-details__title">{f.title}</h3>
                <span class="meta">{filtered ? t('workspace.filter.result', { matching, total: shown.fields[index].total }) : t('workspace.measureCount', { count: matching })}</span>
              </summary>
              <div class="stack field-details__body">
                <p class="actions">
                  <EditLink ctx={ctx} href={paths.adminField(slug, f.id)} label={f.title} text={t('workspace.editField')} />
                </p>
                {filtered ? null : (
                  <>
                    <h4 class="kern-body kern-body--bold">{t('vision.plural')}</h4>
                    <ul class="tree">
                      {f.visions.map((v) => (
                        <li>
                          <div class="tree-item">
                            <span class="tree-item__text">{v.text}</span>
                            <EditLink ctx={ctx} href={paths.adminVision(slug, v.id)} label={shorten(v.text, 40)} />
                          </div>
                        </li>
                      ))}
                    </ul>
                    <a class="kern-link" href={paths.adminVisionNew(slug, f.id)}>{t('vision.new')}<span class="kern-sr-only"> ({f.title})</span></a>
                  </>
                )}
                <h4 class="kern-body kern-body--bold">{t('goal.plural')}</h4>
                <ul class="tree">
                  {f.goals.map((g) => (
                    <li>
                      <div class="tree-item">
                        <span class="tree-item__text kern-body--bold">{numberedGoal(g)}</span>
                        <EditLink ctx={ctx} href={paths.adminGoal(slug, g.id)} label={shorten(g.text, 40)} />
                      </div>
                      <ul class="measure-list">
                        {g.measures.map((m) => (
                          <MeasureItem ctx={ctx} m={m} />
                        ))}
                      </ul>
                    </li>
                  ))}
                </ul>
                {f.furtherMeasures.length > 0 ? (
                  <>
                    <h4 class="kern-body kern-body--bold">{t('measure.further')}</h4>
                    <ul class="measure-list">
                      {f.furtherMeasures.map((m) => (
                        <MeasureItem ctx={ctx} m={m} />
                      ))}
                    </ul>
                  </>
                ) : null}
                <div class="actions">
                  <a class="kern-link" href={paths.adminGoalNew(slug, f.id)}>{t('goal.new')}<span class="kern-sr-only"> ({f.title})</span></a>
                  <a class="kern-link" href={paths.adminMeasureNew(slug, f.id)}>{t('measure.new')}<span class="kern-sr-only"> ({f.title})</span></a>
                </div>
              </div>
            </details>
          ))}
          <a class="kern-btn kern-btn--secondary" href={paths.adminFieldNew(slug, plan.id)}>
            <span class="kern-label">{t('field.new')}</span>
          </a>
        </section>

        {/* The plan as a whole comes after its content: the daily work (finding and editing measures) is reached first. */}
        <ExportLinks ctx={ctx} planId={plan.id} links={downloads} />
        {review}
        {can.publish ? (
          <section aria-labelledby="state-title" class="stack">
            <h2 class="kern-heading-medium" id="state-title">{t('plan.changeState')}</h2>
            <div class="actions">
              {PLAN_STATES.filter((s) => s !== plan.state).map((s) => (
                <ActionButton action={paths.adminPlanState(slug, plan.id)} csrfToken={ctx.csrfToken} label={t(`planStateAction.${s}`)} fields={{ state: s }} variant={s === 'published' ? 'primary' : 'secondary'} />
              ))}
            </div>
          </section>
        ) : null}
        <div class="actions">
          <a class="kern-link" href={paths.adminPlanRenumber(slug, plan.id)}>{t('plan.renumber')}</a>
          {can.delete ? <a class="kern-link" href={paths.adminPlanDelete(slug, plan.id)}>{t('plan.delete')}</a> : null}
        </div>
      </div>
    </Layout>
  );
}

const planCrumbs = (ctx: PageContext, plan: Plan) => [
  { href: paths.admin(ctx.municipality!.slug), label: ctx.t('admin.overview.title') },
  { href: paths.adminPlan(ctx.municipality!.slug, plan.id), label: plan.title },
];

/** Publishing while another plan is published: what happens to that one, before it happens. */
export function ConfirmPublishPage({ ctx, plan, replaced }: { ctx: PageContext; plan: Plan; replaced: Plan[] }) {
  const { t } = ctx;
  const slug = ctx.municipality!.slug;
  const { newName, oldNames } = publishNames(ctx, plan, replaced);
  const count = replaced.length;
  return (
    <Layout ctx={ctx} title={t('workspace.publish.title')} area="admin" crumbs={planCrumbs(ctx, plan)}>
      <div class="stack">
        <h1 class="kern-heading-large">{t('workspace.publish.title')}</h1>
        <p class="kern-body">{t('workspace.publish.replaces', { plan: newName, old: oldNames.join(', ') })}</p>
        <p class="kern-body">{t('workspace.publish.archives', { count })}</p>
        <form method="post" action={paths.adminPlanState(slug, plan.id)} class="actions">
          <input type="hidden" name="_csrf" value={ctx.csrfToken} />
          <input type="hidden" name="state" value="published" />
          <input type="hidden" name="confirm" value="1" />
          <button type="submit" class="kern-btn kern-btn--primary"><span class="kern-label">{t('workspace.publish.confirm', { count })}</span></button>
          <a class="kern-link" href={paths.adminPlan(slug, plan.id)}>{t('form.cancel')}</a>
        </form>
      </div>
    </Layout>
  );
}

/**
 * The plans as the publish question names them. A new edition often keeps the old title: then the new one is
 * told by its edition (or, without one differing, the day it was created) and the old one by the day it was
 * published, so the sentence never reads "„X“ replaces „X“".
 */
function publishNames(ctx: PageContext, plan: Plan, replaced: Plan[]): { newName: string; oldNames: string[] } {
  const { t } = ctx;
  const same = (p: Plan) => p.title.trim() === plan.title.trim();
  const clash = replaced.some(same);
  const newName = !clash
    ? t('workspace.publish.named', { title: plan.title })
    : plan.edition && !replaced.some((p) => same(p) && p.edition === plan.edition)
      ? t('workspace.publish.namedEdition', { title: plan.title, edition: plan.edition })
      : t('workspace.publish.namedDraft', { title: plan.title, date: formatShortDate(plan.created_at, ctx.lang, 'numeric') });
  const oldNames = replaced.map((p) =>
    same(p) ? t('workspace.publish.namedPublished', { title: p.title, date: formatShortDate(p.published_at ?? p.created_at, ctx.lang, 'numeric') }) : t('workspace.publish.named', { title: p.title }),
  );
  return { newName, oldNames };
}

/** Renumbering asks first; while something forbids it (an open update round), it says what and offers no button. */
export function RenumberPage({ ctx, plan, blockers }: { ctx: PageContext; plan: Plan; blockers: Child[] }) {
  const { t } = ctx;
  const slug = ctx.municipality!.slug;
  return (
    <Layout ctx={ctx} title={t('workspace.renumber.title')} area="admin" crumbs={planCrumbs(ctx, plan)}>
      <h1 class="kern-heading-large">{t('workspace.renumber.title')}</h1>
      <p class="kern-body">{t('workspace.renumber.intro')}</p>
      {blockers.length > 0 ? (
        <div class="kern-alert kern-alert--warning" role="alert">
          <div class="kern-alert__header"><span class="kern-title">{t('workspace.renumber.blocked')}</span></div>
          <div class="kern-alert__body">{blockers}</div>
        </div>
      ) : (
        <p class="kern-body kern-body--bold">{t('workspace.renumber.consequence')}</p>
      )}
      <form method="post" action={paths.adminPlanRenumber(slug, plan.id)} class="actions">
        <input type="hidden" name="_csrf" value={ctx.csrfToken} />
        {blockers.length > 0 ? null : <button type="submit" class="kern-btn kern-btn--primary"><span class="kern-label">{t('workspace.renumber.confirm')}</span></button>}
        <a class="kern-link" href={paths.adminPlan(slug, plan.id)}>{t('form.cancel')}</a>
      </form>
    </Layout>
  );
}
