// What residents see without signing in: the plan, a field of action, the catalogue table.
import { textLang } from '../../platform/i18n/content.js';
import type { Child } from 'hono/jsx';
import { paths } from './plan.paths.js';
import type { T } from '../../platform/i18n/i18n.js';
import { StatusBadge, InLang, Pager } from '../../platform/views/components.js';
import { Layout } from '../../platform/views/layout.js';
import type { PageContext } from '../../platform/views/page.js';
import { DataTable } from '../../platform/views/data-table.js';
import { formatDate, formatShortDate } from '../../platform/views/format.js';
import type { Municipality } from '../../platform/tenancy.js';
import type { LinkItem } from '../../platform/module.js';
import { ExportLinks, periodText } from './plan.parts.js';
import { ActorLinks, numberedGoal } from './measure.view.js';
import { measuresOfField, type Field, type Measure, type Plan, type PlanTree } from './plan.repository.js';
import { STATUS_CATEGORIES } from './status.js';

export function countByCategory(measures: Measure[]): Array<[string, number]> {
  const counts = new Map<string, number>();
  for (const m of measures) counts.set(m.status_category, (counts.get(m.status_category) ?? 0) + 1);
  return STATUS_CATEGORIES.filter((c) => counts.has(c)).map((c) => [c, counts.get(c)!]);
}

function CategoryCounts({ t, measures }: { t: T; measures: Measure[] }) {
  return (
    <ul class="counts" aria-label={t('public.statusCounts')}>
      {countByCategory(measures).map(([category, n]) => (
        <li>
          <StatusBadge t={t} category={category} label={`${n}`} />
        </li>
      ))}
    </ul>
  );
}

function ArchivedNotice({ t, state, preview }: { t: T; state: string; preview?: boolean }) {
  if (preview) return <div class="kern-alert kern-alert--info" role="note"><div class="kern-alert__header"><span class="kern-title">{t('public.previewNotice', { state: t(`planState.${state}`) })}</span></div></div>;
  if (state !== 'archived') return null;
  return <div class="kern-alert kern-alert--warning" role="note"><div class="kern-alert__header"><span class="kern-title">{t('public.archivedNotice')}</span></div></div>;
}

/** `extra`: sections other modules add to the start page (open questionnaires, the participation process). */
export function NoPlanPage({ ctx, municipality, extra }: { ctx: PageContext; municipality: Municipality; extra?: Child }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('public.noPlanTitle')}>
      <h1 class="kern-heading-large">{municipality.name}</h1>
      <p class="kern-body">{t('public.noPlan')}</p>
      {extra}
      <Contact t={t} m={municipality} />
    </Layout>
  );
}

function Contact({ t, m }: { t: T; m: Municipality }) {
  if (!m.office_name && !m.contact_email && !m.contact_phone) return null;
  return (
    <section aria-labelledby="contact-title" class="card stack">
      <h2 class="kern-heading-medium" id="contact-title">{t('public.contact')}</h2>
      <p class="kern-body">
        {m.office_name ? <strong>{m.office_name}</strong> : null}
        {m.contact_person ? <><br />{m.contact_person}</> : null}
        {m.contact_address ? <><br /><span class="pre-line">{m.contact_address}</span></> : null}
      </p>
      <ul class="kern-list">
        {m.contact_email ? <li>{t('public.email')}: <a class="kern-link" href={`mailto:${m.contact_email}`}>{m.contact_email}</a></li> : null}
        {m.contact_phone ? <li>{t('public.phone')}: {m.contact_phone}</li> : null}
      </ul>
    </section>
  );
}

/**
 * `earlier`: the municipality's archived plans, listed under the plan that replaced them. `extra`: sections
 * other modules add to the municipality's start page, below the introduction.
 */
export function PlanPage({ ctx, tree, municipality, preview, downloads = [], earlier = [], extra }: { ctx: PageContext; tree: PlanTree; municipality?: Municipality; preview?: boolean; downloads?: LinkItem[]; earlier?: Plan[]; extra?: Child }) {
  const { t } = ctx;
  const slug = ctx.municipality!.slug;
  const { plan } = tree;
  const meta = [periodText(plan) ? t('plan.periodValue', { period: periodText(plan) }) : '', plan.edition ? t('plan.editionValue', { edition: plan.edition }) : ''].filter(Boolean).join(' · ');
  return (
    <Layout ctx={ctx} title={plan.title} area={preview ? 'admin' : 'public'}>
      <div class="stack-lg">
        <ArchivedNotice t={t} state={plan.state} preview={preview} />
        <div class="stack">
          <h1 class="kern-heading-x-large" {...textLang(ctx, 'plan', plan.id, 'title')}>{plan.title}</h1>
          {meta ? <p class="kern-body kern-body--large">{meta}</p> : null}
          {plan.intro ? <p class="kern-body pre-line" {...textLang(ctx, 'plan', plan.id, 'intro')}>{plan.intro}</p> : null}
          <form method="get" action={paths.search(slug)} role="search" class="actions no-print">
            <label class="kern-label" for="plan-search">{t('search.label')}</label>
            <input class="kern-form-input__input" id="plan-search" name="q" type="search" />
            <button class="kern-btn kern-btn--secondary" type="submit"><span class="kern-label">{t('search.button')}</span></button>
          </form>
        </div>
        {extra}
        {tree.guidingGoals.length > 0 ? (
          <section aria-labelledby="guiding-goals" class="stack">
            <h2 class="kern-heading-medium" id="guiding-goals">{t('guidingGoal.plural')}</h2>
            <ul class="kern-list kern-list--bullet">
              {tree.guidingGoals.map((g) => (
                <li><InLang attrs={textLang(ctx, 'guiding_goal', g.id, 'text')}>{g.text}</InLang>{g.target_year ? ` (${t('guidingGoal.targetYearValue', { year: g.target_year })})` : ''}</li>
              ))}
            </ul>
          </section>
        ) : null}
        <section aria-labelledby="fields" class="stack">
          <h2 class="kern-heading-medium" id="fields">{t('field.plural')}</h2>
          <ul class="cards">
            {tree.fields.map((f) => {
              const measures = measuresOfField(f);
              return (
                <li class="card">
                  <h3 class="kern-heading-small">
                    {preview ? f.title : <a class="kern-link" href={paths.field(slug, f.id)} {...textLang(ctx, 'field', f.id, 'title')}>{f.title}</a>}
                  </h3>
                  <p class="meta">{t('public.measureCount', { count: measures.length })}</p>
                  <CategoryCounts t={t} measures={measures} />
                </li>
              );
            })}
          </ul>
        </section>
        {preview ? <CatalogueTable ctx={ctx} tree={tree} link={false} /> : <ExportLinks ctx={ctx} planId={plan.id} links={downloads} />}
        {earlier.length > 0 ? (
          <section aria-labelledby="earlier-plans" class="stack">
            <h2 class="kern-heading-medium" id="earlier-plans">{t('workspace.earlier')}</h2>
            <ul class="kern-list">
              {earlier.map((p) => (
                <li>
                  <a class="kern-link" href={paths.plan(slug, p.id)} {...textLang(ctx, 'plan', p.id, 'title')}>{p.title}</a>{' '}
                  <span class="meta">({t('workspace.earlierArchived', { date: formatDate(p.published_at, ctx.lang) })})</span>
                </li>
              ))}
            </ul>
          </section>
        ) : null}
        {municipality ? <Contact t={t} m={municipality} /> : null}
      </div>
    </Layout>
  );
}

function MeasureSummary({ ctx, m }: { ctx: PageContext; m: Measure }) {
  const { t } = ctx;
  const slug = ctx.municipality!.slug;
  return (
    <li>
      <h3 class="kern-body kern-body--bold">
        <a class="kern-link" href={paths.measure(slug, m.id)}>
          {m.number !== null ? `${t('measure.numbered', { number: m.number })}: ` : ''}
          <InLang attrs={textLang(ctx, 'measure', m.id, 'text')}>{m.text.length > 160 ? `${m.text.slice(0, 159)}…` : m.text}</InLang>
        </a>
      </h3>
      <p class="kern-body">
        <StatusBadge t={t} category={m.status_category} label={m.status_label} />
      </p>
      <div class="meta">
        {t('measure.actors')}: <ActorLinks t={t} slug={slug} actors={m.actors} link={true} />
      </div>
    </li>
  );
}

/** `goalExtra`: sections other modules add below a goal's heading, by goal id (where residents' input led to it). */
export function FieldPage({ ctx, tree, field, goalExtra, extra }: { ctx: PageContext; tree: PlanTree; field: Field; goalExtra?: Map<number, Child>; extra?: Child }) {
  const { t } = ctx;
  const slug = ctx.municipality!.slug;
  return (
    <Layout ctx={ctx} title={field.title} titleAttrs={textLang(ctx, 'field', field.id, 'title')} crumbs={[{ href: paths.municipality(slug), label: tree.plan.title, attrs: textLang(ctx, 'plan', tree.plan.id, 'title') }]}>
      <div class="stack-lg">
        <ArchivedNotice t={t} state={tree.plan.state} />
        <div class="stack">
          <h1 class="kern-heading-large">{t('field.singular')} „<InLang attrs={textLang(ctx, 'field', field.id, 'title')}>{field.title}</InLang>“</h1>
          {field.description ? <p class="kern-body pre-line" {...textLang(ctx, 'field', field.id, 'description')}>{field.description}</p> : null}
          {field.visions.length > 0 ? (
            <section aria-labelledby="visions" class="visions">
              <h2 class="kern-heading-small" id="visions">{t('vision.plural')}</h2>
              {field.visions.map((v) => <p class="kern-body" {...textLang(ctx, 'vision', v.id, 'text')}>{v.text}</p>)}
            </section>
          ) : null}
          <CategoryCounts t={t} measures={measuresOfField(field)} />
        </div>
        {field.goals.map((g) => (
          <section aria-labelledby={`goal-${g.id}`} class="stack">
            <h2 class="kern-heading-medium" id={`goal-${g.id}`}>{g.number ? t('goal.numbered', { number: g.number }) : t('goal.singular')}: <InLang attrs={textLang(ctx, 'goal', g.id, 'text')}>{g.text}</InLang></h2>
            {goalExtra?.get(g.id) ?? null}
            <ul class="measure-list">
              {g.measures.map((m) => <MeasureSummary ctx={ctx} m={m} />)}
            </ul>
          </section>
        ))}
        {field.furtherMeasures.length > 0 ? (
          <section aria-labelledby="further" class="stack">
            <h2 class="kern-heading-medium" id="further">{t('measure.further')}</h2>
            <ul class="measure-list">
              {field.furtherMeasures.map((m) => <MeasureSummary ctx={ctx} m={m} />)}
            </ul>
          </section>
        ) : null}
        {extra}
      </div>
    </Layout>
  );
}

export function CatalogueTable({ ctx, tree, link }: { ctx: PageContext; tree: PlanTree; link: boolean }) {
  const { t } = ctx;
  const slug = ctx.municipality!.slug;
  return (
    <>
      {tree.fields.map((f) => (
        <section aria-labelledby={`cat-field-${f.id}`} class="stack">
          <h2 class="kern-heading-medium" id={`cat-field-${f.id}`}>{t('field.singular')} „<InLang attrs={textLang(ctx, 'field', f.id, 'title')}>{f.title}</InLang>“</h2>
          {f.visions.length > 0 ? <p class="kern-body">{t('vision.singular')}: {f.visions.map((v, i) => <>{i > 0 ? ' · ' : ''}<InLang attrs={textLang(ctx, 'vision', v.id, 'text')}>{v.text}</InLang></>)}</p> : null}
          <DataTable
            caption={t('public.catalogueCaption', { field: f.title })}
            layout="catalogue"
            columns={[
              { label: t('goal.singular') },
              { label: t('measure.numberShort') },
              { label: t('measure.singular'), cellClass: 'pre-line' },
              { label: t('measure.actors') },
              { label: t('measure.status') },
            ]}
            // The goal is shown once above its measures; the rows after its first name it for screen readers only.
            rows={[...f.goals.flatMap((g) => g.measures.map((m, i) => ({ g, m, first: i === 0 }))), ...f.furtherMeasures.map((m) => ({ g: null, m, first: true }))].map(({ g, m, first }) => [
              g ? (first ? <InLang attrs={textLang(ctx, 'goal', g.id, 'text')}>{numberedGoal(g)}</InLang> : <span class="kern-sr-only" {...textLang(ctx, 'goal', g.id, 'text')}>{numberedGoal(g)}</span>) : t('measure.further'),
              m.number ?? '–',
              link ? <a class="kern-link" href={paths.measure(slug, m.id)} {...textLang(ctx, 'measure', m.id, 'text')}>{m.text}</a> : <InLang attrs={textLang(ctx, 'measure', m.id, 'text')}>{m.text}</InLang>,
              m.actors.map((a) => `${a.name}${a.role === 'lead' ? ` (${t('actorRole.lead')})` : ''}`).join(', '),
              <StatusBadge t={t} category={m.status_category} label={m.status_label} />,
            ])}
          />
        </section>
      ))}
    </>
  );
}

/** Measures on one page of the catalogue at most (a field of action with more has a page of its own). */
export const CATALOGUE_PAGE_MEASURES = 100;

/**
 * The catalogue's pages: the fields of action in order, as many on a page as fit within CATALOGUE_PAGE_MEASURES
 * measures. A plan of usual size is one page (and prints whole); a long one is read page by page.
 */
export function cataloguePages(tree: PlanTree, size = CATALOGUE_PAGE_MEASURES): Field[][] {
  const pages: Field[][] = [];
  let current: Field[] = [];
  let count = 0;
  for (const f of tree.fields) {
    const n = measuresOfField(f).length;
    if (current.length > 0 && count + n > size) {
      pages.push(current);
      current = [];
      count = 0;
    }
    current.push(f);
    count += n;
  }
  if (current.length > 0 || pages.length === 0) pages.push(current);
  return pages;
}

export function CataloguePage({ ctx, tree, downloads, page, pages }: { ctx: PageContext; tree: PlanTree; downloads: LinkItem[]; page: number; pages: Field[][] }) {
  const { t } = ctx;
  const slug = ctx.municipality!.slug;
  const href = (n: number) => `${paths.catalogue(slug)}?seite=${n}`;
  const pager = <Pager t={t} page={page} pages={pages.length} href={href} />;
  return (
    <Layout ctx={ctx} title={pages.length > 1 ? `${t('public.catalogueTitle')} – ${t('pager.pageOf', { page, pages: pages.length })}` : t('public.catalogueTitle')} crumbs={[{ href: paths.municipality(slug), label: tree.plan.title, attrs: textLang(ctx, 'plan', tree.plan.id, 'title') }]}>
      <div class="stack-lg">
        <div class="stack">
          <h1 class="kern-heading-large">{t('public.catalogueTitle')}: <InLang attrs={textLang(ctx, 'plan', tree.plan.id, 'title')}>{tree.plan.title}</InLang></h1>
          <p class="kern-body no-print">{pages.length > 1 ? t('public.cataloguePart') : t('public.printHint')}</p>
          <p class="meta">{t('public.stateOf', { date: formatShortDate(tree.plan.updated_at, ctx.lang, 'numeric') })}</p>
        </div>
        <ExportLinks ctx={ctx} planId={tree.plan.id} links={downloads} />
        {pages.length > 1 ? (
          <nav aria-labelledby="cat-contents" class="stack no-print">
            <h2 class="kern-heading-small" id="cat-contents">{t('public.catalogueContents')}</h2>
            <ul class="kern-list catalogue-contents">
              {pages.map((fields, i) => (
                <li>
                  {i + 1 === page ? <strong>{t('pager.page', { page: i + 1 })}</strong> : t('pager.page', { page: i + 1 })}:{' '}
                  {fields.map((f, j) => <>{j > 0 ? ' · ' : ''}<a class="kern-link" href={`${href(i + 1)}#cat-field-${f.id}`} {...textLang(ctx, 'field', f.id, 'title')}>{f.title}</a></>)}
                </li>
              ))}
            </ul>
          </nav>
        ) : null}
        {pager}
        <CatalogueTable ctx={ctx} tree={{ ...tree, fields: pages[page - 1] ?? [] }} link={true} />
        {pager}
      </div>
    </Layout>
  );
}
