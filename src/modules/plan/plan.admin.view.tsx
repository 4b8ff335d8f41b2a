// Admin pages of the plan: the overview of plans and the plan workspace (the whole tree with its actions).
import { paths } from './plan.paths.js';
import type { LinkItem } from '../../platform/module.js';
import { ActionButton, StatusBadge } from '../../platform/views/components.js';
import { Layout } from '../../platform/views/layout.js';
import type { PageContext } from '../../platform/views/page.js';
import type { Measure, Plan, PlanTree } from './plan.repository.js';
import { PLAN_STATES } from './plan.schema.js';
import { ExportLinks, periodText } from './plan.parts.js';
import { numberedGoal } from './measure.view.js';

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

function MoveButtons({ ctx, action, label }: { ctx: PageContext; action: string; label: string }) {
  const { t } = ctx;
  return (
    <>
      <ActionButton action={action} csrfToken={ctx.csrfToken} label={t('form.up')} srLabel={label} fields={{ direction: 'up' }} variant="tertiary" />
      <ActionButton action={action} csrfToken={ctx.csrfToken} label={t('form.down')} srLabel={label} fields={{ direction: 'down' }} variant="tertiary" />
    </>
  );
}

function EditLinks({ ctx, edit, del, label }: { ctx: PageContext; edit: string; del: string; label: string }) {
  const { t } = ctx;
  return (
    <>
      <a class="kern-link" href={edit}>
        {t('form.edit')}
        <span class="kern-sr-only"> {label}</span>
      </a>
      <a class="kern-link" href={del}>
        {t('form.delete')}
        <span class="kern-sr-only"> {label}</span>
      </a>
    </>
  );
}

const shorten = (text: string, n = 90) => (text.length > n ? `${text.slice(0, n - 1)}…` : text);

function MeasureItem({ ctx, m }: { ctx: PageContext; m: Measure }) {
  const { t } = ctx;
  const slug = ctx.municipality!.slug;
  const label = m.number !== null ? t('measure.numbered', { number: m.number }) : shorten(m.text, 40);
  return (
    <li>
      <div class="tree-item">
        <span class="tree-item__text">
          {m.number !== null ? <span class="measure-number">{m.number}</span> : <span class="measure-number">{t('measure.furtherShort')}</span>}
          <a class="kern-link" href={paths.adminMeasure(slug, m.id)}>{shorten(m.text)}</a>{' '}
          <StatusBadge t={t} category={m.status_category} label={m.status_label} />
        </span>
        <a class="kern-link" href={paths.adminMeasureEdit(slug, m.id)}>
          {t('form.edit')}
          <span class="kern-sr-only"> {label}</span>
        </a>
        <MoveButtons ctx={ctx} action={paths.adminMeasureMove(slug, m.id)} label={label} />
      </div>
    </li>
  );
}

export function PlanWorkspacePage({ ctx, tree, can, links, downloads }: { ctx: PageContext; tree: PlanTree; can: { publish: boolean; delete: boolean }; links: LinkItem[]; downloads: LinkItem[] }) {
  const { t } = ctx;
  const slug = ctx.municipality!.slug;
  const { plan } = tree;
  const measureCount = tree.fields.reduce((n, f) => n + f.goals.reduce((k, g) => k + g.measures.length, 0) + f.furtherMeasures.length, 0);
  return (
    <Layout ctx={ctx} title={plan.title} area="admin" crumbs={[{ href: paths.admin(slug), label: t('admin.overview.title') }]}>
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
        <ActionButton action={paths.adminPlanRenumber(slug, plan.id)} csrfToken={ctx.csrfToken} label={t('plan.renumber')} />
        {can.delete ? <a class="kern-link" href={paths.adminPlanDelete(slug, plan.id)}>{t('plan.delete')}</a> : null}
      </div>
      <ExportLinks ctx={ctx} planId={plan.id} links={downloads} />
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

      <section aria-labelledby="guiding-title" class="stack">
        <h2 class="kern-heading-medium" id="guiding-title">{t('guidingGoal.plural')}</h2>
        <ul class="tree">
          {tree.guidingGoals.map((g) => (
            <li>
              <div class="tree-item">
                <span class="tree-item__text">
                  {g.text} {g.target_year ? <span class="meta">({t('guidingGoal.targetYearValue', { year: g.target_year })})</span> : null}
                </span>
                <EditLinks ctx={ctx} edit={paths.adminGuidingGoal(slug, g.id)} del={paths.adminGuidingGoalDelete(slug, g.id)} label={shorten(g.text, 40)} />
                <MoveButtons ctx={ctx} action={paths.adminGuidingGoalMove(slug, g.id)} label={shorten(g.text, 40)} />
              </div>
            </li>
          ))}
        </ul>
        <a class="kern-link" href={paths.adminGuidingGoalNew(slug, plan.id)}>{t('guidingGoal.new')}</a>
      </section>

      <section aria-labelledby="fields-title" class="stack">
        <h2 class="kern-heading-medium" id="fields-title">{t('field.plural')}</h2>
        {tree.fields.map((f) => (
          <section class="card stack" aria-labelledby={`field-${f.id}`}>
            <div class="tree-item">
              <h3 class="kern-heading-small tree-item__text" id={`field-${f.id}`}>{f.title}</h3>
              <EditLinks ctx={ctx} edit={paths.adminField(slug, f.id)} del={paths.adminFieldDelete(slug, f.id)} label={f.title} />
              <MoveButtons ctx={ctx} action={paths.adminFieldMove(slug, f.id)} label={f.title} />
            </div>
            <h4 class="kern-body kern-body--bold">{t('vision.plural')}</h4>
            <ul class="tree">
              {f.visions.map((v) => (
                <li>
                  <div class="tree-item">
                    <span class="tree-item__text">{v.text}</span>
                    <EditLinks ctx={ctx} edit={paths.adminVision(slug, v.id)} del={paths.adminVisionDelete(slug, v.id)} label={shorten(v.text, 40)} />
                    <MoveButtons ctx={ctx} action={paths.adminVisionMove(slug, v.id)} label={shorten(v.text, 40)} />
                  </div>
                </li>
              ))}
            </ul>
            <a class="kern-link" href={paths.adminVisionNew(slug, f.id)}>{t('vision.new')}<span class="kern-sr-only"> ({f.title})</span></a>
            <h4 class="kern-body kern-body--bold">{t('goal.plural')}</h4>
            <ul class="tree">
              {f.goals.map((g) => (
                <li>
                  <div class="tree-item">
                    <span class="tree-item__text kern-body--bold">{numberedGoal(g)}</span>
                    <EditLinks ctx={ctx} edit={paths.adminGoal(slug, g.id)} del={paths.adminGoalDelete(slug, g.id)} label={shorten(g.text, 40)} />
                    <MoveButtons ctx={ctx} action={paths.adminGoalMove(slug, g.id)} label={shorten(g.text, 40)} />
                  </div>
                  <ul>
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
                <ul class="tree">
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
          </section>
        ))}
        <a class="kern-btn kern-btn--secondary" href={paths.adminFieldNew(slug, plan.id)}>
          <span class="kern-label">{t('field.new')}</span>
        </a>
      </section>
    </Layout>
  );
}
