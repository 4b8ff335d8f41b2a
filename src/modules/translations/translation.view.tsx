// The translations screens: the languages with their counts, and one language's texts to work through. Pure views.
import { sourceHash } from '../../platform/i18n/content.js';
import { dirOf, LANGUAGE_NAMES, type Lang } from '../../platform/i18n/i18n.js';
import { platformPaths } from '../../platform/http/paths.js';
import { Checkbox, Csrf, ErrorSummary, SubmitButton, TextArea } from '../../platform/views/components.js';
import { DataTable } from '../../platform/views/data-table.js';
import { formatDate } from '../../platform/views/format.js';
import { Layout } from '../../platform/views/layout.js';
import type { FormState, PageContext } from '../../platform/views/page.js';
import { MAX_TEXT, TEXT_STATES, type LanguageCounts, type TextRow, type TextState } from './translation.service.js';
import { translationPaths as paths } from './translations.paths.js';

const K = 'contentTranslation';
export const FILTERS = ['open', ...TEXT_STATES, 'all'] as const;
export type Filter = (typeof FILTERS)[number];
export const isFilter = (v: string): v is Filter => (FILTERS as readonly string[]).includes(v);

/** Texts per page of a language's screen: saved together, small enough to work through. */
export const PAGE_SIZE = 25;

export const shows = (filter: Filter, state: TextState) => filter === 'all' || (filter === 'open' ? state !== 'current' : filter === state);

export function OverviewPage({ ctx, languages, machine }: { ctx: PageContext; languages: LanguageCounts[]; machine: string | null }) {
  const { t } = ctx;
  const slug = ctx.municipality!.slug;
  return (
    <Layout ctx={ctx} title={t(`${K}.title`)} area="admin" crumbs={[{ href: platformPaths.admin(slug), label: t('admin.overview.title') }]}>
      <h1 class="kern-heading-large">{t(`${K}.title`)}</h1>
      <p class="kern-body">{t(`${K}.intro`)}</p>
      <p class="kern-body">{machine ? t(`${K}.machineConfigured`, { provider: machine }) : t(`${K}.machineNone`)}</p>
      <DataTable
        caption={t(`${K}.byLanguage`)}
        columns={[{ label: t(`${K}.language`) }, ...TEXT_STATES.map((s) => ({ label: t(`${K}.state.${s}`), numeric: true })), { label: t('form.actions') }]}
        rows={languages.map((l) => [
          <span lang={l.lang}>{LANGUAGE_NAMES[l.lang]}</span>,
          ...TEXT_STATES.map((s) => String(l.counts[s])),
          <a class="kern-link" href={paths.adminTranslationLang(slug, l.lang)}>{t(`${K}.workOn`)}<span class="kern-sr-only"> ({LANGUAGE_NAMES[l.lang]})</span></a>,
        ])}
      />
    </Layout>
  );
}

export interface LanguageView {
  lang: Exclude<Lang, 'de'>;
  filter: Filter;
  /** The page of the filtered texts, from 1. */
  page: number;
  rows: TextRow[];
  form: FormState;
  machine: string | null;
  /** A machine translation that failed, in the reader's words. */
  machineError: string | null;
  /** Machine drafts asked for and not ready yet (the jobs worker fetches them). */
  machinePreparing: boolean;
}

export function LanguagePage({ ctx, vm }: { ctx: PageContext; vm: LanguageView }) {
  const { t } = ctx;
  const slug = ctx.municipality!.slug;
  const language = LANGUAGE_NAMES[vm.lang];
  const title = t(`${K}.languageTitle`, { language });
  const filtered = vm.rows.filter((r) => shows(vm.filter, r.state));
  const pages = Math.max(1, Math.ceil(filtered.length / PAGE_SIZE));
  const page = Math.min(vm.page, pages);
  const shown = filtered.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE);
  const pageLink = (n: number) => `${paths.adminTranslationLang(slug, vm.lang)}?show=${vm.filter}&seite=${n}`;
  const labelOf = (r: TextRow) => t(`${K}.input`, { field: t(r.fieldLabel), name: r.name, language });
  const labels = Object.fromEntries(shown.map((r) => [`t_${r.key}`, labelOf(r)]));
  const groups = [...new Set(shown.map((r) => r.sourceLabel))];
  const action = pageLink(page);
  const machineDrafts = vm.rows.filter((r) => r.state === 'draft' && r.origin === 'machine').length;
  return (
    <Layout ctx={ctx} title={title} area="admin" crumbs={[{ href: platformPaths.admin(slug), label: t('admin.overview.title') }, { href: paths.adminTranslations(slug), label: t(`${K}.title`) }]}>
      <h1 class="kern-heading-large">{title}</h1>
      <p class="kern-body">{t(`${K}.languageIntro`)}</p>
      {vm.machineError ? (
        <div class="kern-alert kern-alert--danger" role="alert">
          <div class="kern-alert__header"><span class="kern-title">{vm.machineError}</span></div>
        </div>
      ) : null}
      {vm.machinePreparing ? (
        <div class="kern-alert kern-alert--info" role="status">
          <div class="kern-alert__header"><span class="kern-title">{t(`${K}.machinePreparing`)}</span></div>
          <div class="kern-alert__body">
            <p class="kern-body">{t(`${K}.machinePreparingHint`)}</p>
            <p class="kern-body"><a class="kern-link" href={paths.adminTranslationLang(slug, vm.lang)}>{t(`${K}.machineCheck`)}</a></p>
          </div>
        </div>
      ) : machineDrafts > 0 ? (
        <p class="kern-body" role="status">
          {t(`${K}.machineDone`, { count: machineDrafts })}{' '}
          {vm.filter !== 'draft' ? <a class="kern-link" href={`${paths.adminTranslationLang(slug, vm.lang)}?show=draft`}>{t(`${K}.machineShowDrafts`)}</a> : null}
        </p>
      ) : null}
      {vm.machine && !vm.machinePreparing ? (
        <form method="post" action={paths.adminTranslationMachine(slug, vm.lang)} class="actions">
          <Csrf token={ctx.csrfToken} />
          <button class="kern-btn kern-btn--secondary" type="submit"><span class="kern-label">{t(`${K}.machineButton`)}</span></button>
          <span class="kern-body kern-body--small">{t(`${K}.machineHint`, { provider: vm.machine })}</span>
        </form>
      ) : null}
      <form method="get" action={paths.adminTranslationLang(slug, vm.lang)} class="actions">
        <div class="kern-form-input">
          <label class="kern-label" for="show">{t(`${K}.filter`)}</label>
          <div class="kern-form-input__select-wrapper">
            <select class="kern-form-input__select" id="show" name="show">
              {FILTERS.map((f) => <option value={f} selected={f === vm.filter}>{t(`${K}.filters.${f}`, { count: f === 'all' ? vm.rows.length : vm.rows.filter((r) => shows(f, r.state)).length })}</option>)}
            </select>
          </div>
        </div>
        <button class="kern-btn kern-btn--secondary" type="submit"><span class="kern-label">{t(`${K}.applyFilter`)}</span></button>
      </form>
      <p class="kern-body" role="status">{pages > 1 ? t(`${K}.pageOf`, { count: filtered.length, page, pages }) : t(`${K}.shown`, { count: filtered.length })}</p>
      {shown.length > 0 ? (
        <form method="post" action={action} class="form stack" novalidate>
          <ErrorSummary t={t} form={vm.form} labels={labels} />
          <Csrf token={ctx.csrfToken} />
          {groups.map((g) => (
            <section class="stack" aria-labelledby={`group-${g.replace(/\W/g, '-')}`}>
              <h2 class="kern-heading-medium" id={`group-${g.replace(/\W/g, '-')}`}>{t(g)}</h2>
              {shown.filter((r) => r.sourceLabel === g).map((r) => (
                <div class={`translation-item translation-item--${r.state}`}>
                  <h3 class="kern-heading-small">
                    {t(r.fieldLabel)}: <span lang="de">{r.name}</span>
                  </h3>
                  <p class="kern-body kern-body--small">
                    <strong>{t(`${K}.state.${r.state}`)}</strong>
                    {r.origin === 'machine' ? ` · ${t(`${K}.byMachine`, { provider: r.provider })}` : ''}
                    {r.reviewer && r.reviewedAt && r.state !== 'draft' ? ` · ${t(`${K}.reviewedBy`, { name: r.reviewer, date: formatDate(r.reviewedAt, ctx.lang) })}` : ''}
                    {r.link ? <> · <a class="kern-link" href={r.link}>{t(`${K}.publicPage`)}<span class="kern-sr-only"> ({r.name})</span></a></> : null}
                  </p>
                  {r.oldSource !== null ? (
                    <>
                      <p class="kern-body kern-body--small">{t(`${K}.oldSource`)}</p>
                      <blockquote class="kern-body translation-source translation-source--old pre-line" lang="de">{r.oldSource}</blockquote>
                      <p class="kern-body kern-body--small">{t(`${K}.newSource`)}</p>
                    </>
                  ) : (
                    <p class="kern-body kern-body--small">{t(`${K}.source`)}</p>
                  )}
                  <blockquote class="kern-body translation-source pre-line" lang="de">{r.source}</blockquote>
                  <input type="hidden" name={`h_${r.key}`} value={vm.form.values[`h_${r.key}`] ?? sourceHash(r.source)} />
                  <TextArea t={t} form={vm.form} name={`t_${r.key}`} label={labelOf(r)} optional rows={r.source.length > 200 ? 6 : 3} maxLength={MAX_TEXT} lang={vm.lang} dir={dirOf(vm.lang)} />
                  <Checkbox t={t} form={vm.form} name={`r_${r.key}`} label={t(`${K}.reviewed`, { name: r.name })} />
                </div>
              ))}
            </section>
          ))}
          <div class="actions">
            <SubmitButton label={t(`${K}.saveAll`)} />
            <a class="kern-link" href={paths.adminTranslations(slug)}>{t('form.cancel')}</a>
          </div>
        </form>
      ) : null}
      {pages > 1 ? (
        <nav aria-label={t(`${K}.pages`)} class="actions">
          {page > 1 ? <a class="kern-link" href={pageLink(page - 1)}>{t(`${K}.previousPage`)}</a> : null}
          {page < pages ? <a class="kern-link" href={pageLink(page + 1)}>{t(`${K}.nextPage`)}</a> : null}
        </nav>
      ) : null}
    </Layout>
  );
}

/** The form's values as stored: each text, its German's hash, and its reviewed box ticked where it is current. */
export function formOf(rows: TextRow[]): FormState {
  const values: Record<string, string> = {};
  for (const r of rows) {
    values[`t_${r.key}`] = r.text;
    values[`h_${r.key}`] = sourceHash(r.source);
    if (r.state === 'current') values[`r_${r.key}`] = '1';
  }
  return { values, errors: {} };
}
