// The results pages of a questionnaire: the officer's (with the group filter, free-text links and downloads)
// and the residents' (after closing: the same figures, small counts withheld, free text only as topics with
// what became of them). Each chart comes with the sentence that names it and the same figures as a table.
import { raw } from 'hono/html';
import { GERMAN } from '../../platform/i18n/content.js';
import { InLang, sentence } from '../../platform/views/components.js';
import { DataTable } from '../../platform/views/data-table.js';
import { formatDate, formatNumber } from '../../platform/views/format.js';
import { Layout, type Crumb } from '../../platform/views/layout.js';
import type { PageContext } from '../../platform/views/page.js';
import { paths } from './questionnaires.paths.js';
import type { QuestionChart } from './results.charts.js';
import { questionTable } from './results.charts.js';
import { hasFreeText, MIN_GROUP_SIZE, type QuestionResult } from './results.model.js';
import type { ResultsView } from './results.service.js';
import type { PlanTarget, TopicSummary } from './topics.service.js';

export interface ResultsVm {
  area: 'admin' | 'public';
  view: ResultsView;
  fieldTitles: Record<number, string>;
  charts: Record<number, QuestionChart | null>;
  /** admin: may residents see the results page now */
  isPublic: boolean;
  /** public: the topics with their counts and links */
  topics: TopicSummary[];
}

/** "Maßnahme 17: Sprachkurse …" as a goal or measure is named in a topic's links. */
export function targetLabel(ctx: PageContext, target: PlanTarget): string {
  const { t } = ctx;
  const text = target.text.length > 140 ? `${target.text.slice(0, 139)}…` : target.text;
  return target.number ? t(`questionnaires.results.topic.${target.kind}Label`, { number: target.number, text }) : t(`questionnaires.results.topic.${target.kind}LabelPlain`, { text });
}

export function targetHref(slug: string, target: PlanTarget, area: 'admin' | 'public'): string {
  if (target.kind === 'measure') return area === 'admin' ? paths.adminMeasure(slug, target.id) : paths.measure(slug, target.id);
  return area === 'admin' ? paths.adminGoal(slug, target.id) : `${paths.field(slug, target.fieldId)}#goal-${target.id}`;
}

function Withheld({ ctx }: { ctx: PageContext }) {
  return <p class="kern-body suppressed">{ctx.t('questionnaires.results.suppressed', { min: MIN_GROUP_SIZE })}</p>;
}

function Figure({ chart }: { chart: QuestionChart | null }) {
  if (!chart) return null;
  return (
    <div class="chart stack">
      <p class="kern-body chart-summary kern-sr-only" id={chart.summaryId}>{chart.summary}</p>
      <div class="chart-image">{raw(chart.svg)}</div>
    </div>
  );
}

function QuestionFigures({ ctx, r, vm }: { ctx: PageContext; r: QuestionResult; vm: ResultsVm }) {
  const { t, lang } = ctx;
  const slug = ctx.municipality!.slug;
  const q = r.question;
  const freeTextLink =
    vm.area === 'admin' && hasFreeText(q) ? (
      <p class="kern-body">
        <a class="kern-link" href={paths.adminFreeText(slug, vm.view.def.questionnaire.id, q.id)}>
          {t(r.kind === 'text' ? 'questionnaires.results.openFreeText' : 'questionnaires.results.openOther')}
          <span class="kern-sr-only">: {q.text}</span>
        </a>
      </p>
    ) : null;
  if (r.suppressed) return <>{r.answered > 0 ? <Withheld ctx={ctx} /> : <p class="kern-body">{t('questionnaires.results.noResponses')}</p>}</>;
  if (r.answered === 0) return <>{<p class="kern-body">{t('questionnaires.results.noResponses')}</p>}</>;
  const table = questionTable(r, t, lang);
  const { min = 1, max = 5, minLabel, maxLabel } = q.config;
  return (
    <>
      {r.kind !== 'number' ? <p class="kern-body meta">{t(r.kind === 'text' ? 'questionnaires.results.freeTexts' : 'questionnaires.results.answered', { count: r.answered })}</p> : null}
      {r.kind === 'choice' && q.type === 'multiple' ? <p class="kern-body meta">{t('questionnaires.results.multipleHint')}</p> : null}
      {r.kind === 'scale' && (minLabel || maxLabel) ? <p class="kern-body meta">{t('questionnaires.results.scaleEnds', { min, max, minLabel: minLabel ?? '', maxLabel: maxLabel ?? '' })}</p> : null}
      {r.kind === 'scale' && r.mean !== null ? <p class="kern-body">{t('questionnaires.results.meanOf', { mean: formatNumber(r.mean, lang, { maxDecimals: 1 }), min, max })}</p> : null}
      {r.kind === 'date' ? (
        <p class="kern-body">
          {t('questionnaires.results.earliest')}: {r.earliest ? formatDate(r.earliest, lang) : '–'} · {t('questionnaires.results.latest')}: {r.latest ? formatDate(r.latest, lang) : '–'}
        </p>
      ) : null}
      <Figure chart={vm.charts[q.id] ?? null} />
      {table ? (
        <DataTable
          caption={table.caption}
          small
          layout="data"
          rowHeaders
          columns={table.columns.map((label, i) => ({ label, numeric: i > 0 }))}
          rows={table.rows}
        />
      ) : null}
      {freeTextLink}
    </>
  );
}

function GroupFilter({ ctx, vm, action }: { ctx: PageContext; vm: ResultsVm; action: string }) {
  const { t } = ctx;
  const choices = vm.view.groupChoices;
  if (choices.length === 0) return null;
  const current = vm.view.group?.option.id ?? null;
  return (
    <form method="get" action={action} class="filter-form no-print" aria-labelledby="gruppe-titel">
      <h2 class="kern-heading-small" id="gruppe-titel">{t('questionnaires.results.filter.legend')}</h2>
      <p class="kern-hint" id="gruppe-hinweis">{t('questionnaires.results.filter.hint', { min: MIN_GROUP_SIZE })}</p>
      <div class="filter-form__fields">
        <div class="kern-form-input">
          <label class="kern-label" for="gruppe">{t('questionnaires.results.filter.label')}</label>
          <div class="kern-form-input__select-wrapper">
            <select class="kern-form-input__select" id="gruppe" name="gruppe" aria-describedby="gruppe-hinweis">
              <option value="">{t('questionnaires.results.filter.all')}</option>
              {choices.map((c) => (
                <optgroup label={c.question.text}>
                  {c.groups.map((g) => (
                    <option value={String(g.option.id)} selected={g.option.id === current}>
                      {t('questionnaires.results.filter.option', {
                        question: c.question.text,
                        option: g.option.label,
                        count: g.size < MIN_GROUP_SIZE && g.size > 0 ? t('questionnaires.results.suppressedCell', { min: MIN_GROUP_SIZE }) : g.size,
                      })}
                    </option>
                  ))}
                </optgroup>
              ))}
            </select>
          </div>
        </div>
        <div>
          <button type="submit" class="kern-btn kern-btn--secondary">
            <span class="kern-label">{t('questionnaires.results.filter.submit')}</span>
          </button>
        </div>
      </div>
    </form>
  );
}

/**
 * The results are shown as the questionnaire was asked, in German (its translations are not used here): on a page
 * in another language its texts are marked so.
 */
const germanIn = (ctx: PageContext) => (ctx.lang === 'de' ? {} : GERMAN);

function PublicTopics({ ctx, topics }: { ctx: PageContext; topics: TopicSummary[] }) {
  const { t } = ctx;
  const slug = ctx.municipality!.slug;
  if (topics.length === 0) return null;
  return (
    <section aria-labelledby="themen-titel" class="stack">
      <h2 class="kern-heading-medium" id="themen-titel">{t('questionnaires.results.public.topics')}</h2>
      <p class="kern-body">{t('questionnaires.results.public.freeTextNote')}</p>
      <ul class="kern-list stack">
        {topics.map((topic) => (
          <li>
            <p class="kern-body kern-body--bold">{sentence(t, 'questionnaires.results.public.topicLine', { count: topic.responses }, { topic: <InLang attrs={germanIn(ctx)}>{topic.name}</InLang> })}</p>
            {topic.description ? <p class="kern-body pre-line" {...germanIn(ctx)}>{topic.description}</p> : null}
            {topic.links.length ? (
              <>
                <p class="kern-body">{t('questionnaires.results.public.ledTo')}</p>
                <ul class="kern-list">
                  {topic.links.map((l) => (
                    <li><a class="kern-link" href={targetHref(slug, l, 'public')}>{targetLabel(ctx, l)}</a></li>
                  ))}
                </ul>
              </>
            ) : (
              <p class="kern-body meta">{t('questionnaires.results.public.notYet')}</p>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}

export function ResultsPage({ ctx, vm }: { ctx: PageContext; vm: ResultsVm }) {
  const { t, lang } = ctx;
  const slug = ctx.municipality!.slug;
  const q = vm.view.def.questionnaire;
  const { results, group } = vm.view;
  const admin = vm.area === 'admin';
  const title = t('questionnaires.results.pageTitle', { title: q.title });
  const crumbs: Crumb[] = admin
    ? [
        { href: paths.adminList(slug), label: t('questionnaires.nav.admin') },
        { href: paths.admin(slug, q.id), label: q.title },
      ]
    : [{ href: paths.publicList(slug), label: t('questionnaires.nav.public') }];
  const action = admin ? paths.adminResults(slug, q.id) : paths.publicResults(slug, q.id);
  return (
    <Layout ctx={ctx} title={title} crumbs={crumbs} area={admin ? 'admin' : 'public'}>
      <div class="stack">
        <h1 class="kern-heading-large">{admin ? title : sentence(t, 'questionnaires.results.pageTitle', {}, { title: <InLang attrs={germanIn(ctx)}>{q.title}</InLang> })}</h1>
        {!admin ? <p class="kern-body">{sentence(t, 'questionnaires.results.public.intro', {}, { title: <InLang attrs={germanIn(ctx)}>{q.title}</InLang> })}</p> : null}
        <p class="kern-body kern-body--bold">
          {t('questionnaires.results.responses', { count: results.total })}
          {results.total > 0 && !results.suppressed ? `, ${t('questionnaires.results.sourceSplit', { online: formatNumber(results.online, lang), paper: formatNumber(results.paper, lang) })}` : ''}
        </p>
        {admin ? (
          <>
            <p class="kern-body">{vm.isPublic ? <a class="kern-link" href={paths.publicResults(slug, q.id)}>{t('questionnaires.results.publicLink')}</a> : t(q.resultsPublic ? 'questionnaires.results.notPublicYet' : 'questionnaires.results.notPublic')}</p>
            <p class="kern-body no-print"><a class="kern-link" href={paths.adminTopics(slug, q.id)}>{t('questionnaires.results.topicsLink')}</a></p>
            <nav aria-labelledby="ergebnis-links" class="no-print">
              <h2 class="kern-heading-small" id="ergebnis-links">{t('questionnaires.results.downloads')}</h2>
              <ul class="kern-list">
                <li><a class="kern-link" href={paths.adminExportCsv(slug, q.id)} download>{t('questionnaires.results.export.csv')}</a></li>
                <li><a class="kern-link" href={paths.adminExportXlsx(slug, q.id)} download>{t('questionnaires.results.export.xlsx')}</a></li>
                <li><a class="kern-link" href={paths.adminExportPdf(slug, q.id)} download>{t('questionnaires.results.export.pdf')}</a></li>
              </ul>
            </nav>
          </>
        ) : null}
        <GroupFilter ctx={ctx} vm={vm} action={action} />
        {group ? (
          <p class="kern-body" role="status">
            {t('questionnaires.results.filter.showing', { option: group.option.label, question: group.question.text })} <a class="kern-link" href={action}>{t('questionnaires.results.filter.reset')}</a>
          </p>
        ) : null}
        {group || !admin ? <p class="kern-body meta">{t('questionnaires.results.suppressedNote', { min: MIN_GROUP_SIZE })}</p> : null}
        {results.suppressed ? (
          <Withheld ctx={ctx} />
        ) : (
          results.sections.map((s) => (
            <section aria-labelledby={`abschnitt-${s.section.id}`} class="stack">
              <h2 class="kern-heading-medium" id={`abschnitt-${s.section.id}`} {...(admin ? {} : germanIn(ctx))}>{s.section.title}</h2>
              {s.section.fieldId && vm.fieldTitles[s.section.fieldId] ? <p class="kern-body meta">{t('questionnaires.results.field', { field: vm.fieldTitles[s.section.fieldId] })}</p> : null}
              {s.questions
                .filter((r) => admin || r.kind !== 'text')
                .map((r) => (
                  <div class="card stack">
                    <h3 class="kern-heading-small" {...(admin ? {} : germanIn(ctx))}>{r.question.text}</h3>
                    <QuestionFigures ctx={ctx} r={r} vm={vm} />
                  </div>
                ))}
            </section>
          ))
        )}
        {!admin ? <PublicTopics ctx={ctx} topics={vm.topics} /> : null}
      </div>
    </Layout>
  );
}
