import { textLang } from '../../platform/i18n/content.js';
import { paths } from './plan.paths.js';
import { StatusBadge, InLang, Pager } from '../../platform/views/components.js';
import { Layout } from '../../platform/views/layout.js';
import type { PageContext } from '../../platform/views/page.js';
import type { Measure } from './plan.repository.js';
import { STATUS_CATEGORIES } from './status.js';

export interface SearchFilters {
  q: string;
  status: string;
  actor: string;
  field: string;
  group: string;
}

export interface SearchViewModel {
  filters: SearchFilters;
  searched: boolean;
  correctedWords: string[] | null;
  /** The measures found on this page of the results; all of them number `measureTotal`. */
  measures: Measure[];
  measureTotal: number;
  page: number;
  pages: number;
  goals: Array<{ id: number; text: string; fieldId: number; fieldTitle: string }>;
  actors: Array<{ id: number; name: string }>;
  options: { actors: Array<{ id: number; name: string }>; fields: Array<{ id: number; title: string }>; groups: string[] };
  planTitle: string;
  planId: number;
}

function Choice({ id, name, label, value, options, any }: { id: string; name: string; label: string; value: string; options: Array<{ value: string; label: string; attrs?: object }>; any: string }) {
  return (
    <div class="kern-form-input">
      <label class="kern-label" for={id}>{label}</label>
      <div class="kern-form-input__select-wrapper">
        <select class="kern-form-input__select" id={id} name={name}>
          <option value="">{any}</option>
          {options.map((o) => <option value={o.value} selected={o.value === value} {...(o.attrs ?? {})}>{o.label}</option>)}
        </select>
      </div>
    </div>
  );
}

/** Measures found shown on one page of the results. */
export const SEARCH_PAGE_MEASURES = 50;

export function SearchPage({ ctx, vm }: { ctx: PageContext; vm: SearchViewModel }) {
  const { t } = ctx;
  const slug = ctx.municipality!.slug;
  const f = vm.filters;
  const total = vm.measureTotal + vm.goals.length + vm.actors.length;
  const pageHref = (n: number) => {
    const q = new URLSearchParams(Object.entries(f).filter(([, v]) => v));
    if (ctx.lang !== 'de') q.set('lang', ctx.lang);
    q.set('seite', String(n));
    return `${paths.search(slug)}?${q.toString()}`;
  };
  return (
    <Layout ctx={ctx} title={t('search.title')} crumbs={[{ href: paths.municipality(slug), label: vm.planTitle, attrs: textLang(ctx, 'plan', vm.planId, 'title') }]}>
      <div class="stack-lg">
        <h1 class="kern-heading-large">{t('search.title')}</h1>
        <form method="get" action={paths.search(slug)} role="search" class="stack">
          <div class="kern-form-input">
            <label class="kern-label" for="q">{t('search.label')}</label>
            <div class="kern-hint" id="q-hint">{t('search.hint')}</div>
            <input class="kern-form-input__input" id="q" name="q" type="search" value={f.q} aria-describedby="q-hint" />
          </div>
          <fieldset class="kern-fieldset">
            <legend class="kern-label">{t('search.filters')}</legend>
            <div class="filters">
              <Choice id="status" name="status" label={t('search.status')} value={f.status} any={t('search.any')} options={STATUS_CATEGORIES.map((c) => ({ value: c, label: t(`status.${c}`) }))} />
              <Choice id="actor" name="actor" label={t('search.actor')} value={f.actor} any={t('search.any')} options={vm.options.actors.map((a) => ({ value: String(a.id), label: a.name }))} />
              <Choice id="field" name="field" label={t('search.field')} value={f.field} any={t('search.any')} options={vm.options.fields.map((x) => ({ value: String(x.id), label: x.title, attrs: textLang(ctx, 'field', x.id, 'title') }))} />
              <Choice id="group" name="group" label={t('search.group')} value={f.group} any={t('search.any')} options={vm.options.groups.map((g) => ({ value: g, label: g }))} />
            </div>
          </fieldset>
          <div class="actions">
            <button class="kern-btn kern-btn--primary" type="submit"><span class="kern-label">{t('search.button')}</span></button>
            <a class="kern-link" href={paths.search(slug)}>{t('search.reset')}</a>
          </div>
        </form>
        {vm.searched ? (
          <section aria-labelledby="results" class="stack">
            <h2 class="kern-heading-medium" id="results">{t('search.resultCount', { count: total })}</h2>
            {vm.correctedWords ? <p class="kern-body">{t('search.corrected', { words: vm.correctedWords.join(' ') })}</p> : null}
            {vm.measures.length > 0 ? (
              <>
                <h3 class="kern-heading-small">{t('search.measures', { count: vm.measureTotal })}</h3>
                <ul class="measure-list">
                  {vm.measures.map((m) => (
                    <li>
                      <a class="kern-link" href={paths.measure(slug, m.id)}>
                        {m.number !== null ? `${t('measure.numbered', { number: m.number })}: ` : ''}
                        <InLang attrs={textLang(ctx, 'measure', m.id, 'text')}>{m.text.length > 200 ? `${m.text.slice(0, 199)}…` : m.text}</InLang>
                      </a>
                      <p class="kern-body"><StatusBadge t={t} category={m.status_category} label={m.status_label} /></p>
                    </li>
                  ))}
                </ul>
                <Pager t={t} page={vm.page} pages={vm.pages} href={pageHref} />
              </>
            ) : null}
            {vm.goals.length > 0 ? (
              <>
                <h3 class="kern-heading-small">{t('search.goals', { count: vm.goals.length })}</h3>
                <ul class="kern-list kern-list--bullet">
                  {vm.goals.map((g) => (
                    <li><a class="kern-link" href={`${paths.field(slug, g.fieldId)}#goal-${g.id}`} {...textLang(ctx, 'goal', g.id, 'text')}>{g.text}</a> <span class="meta">(<InLang attrs={textLang(ctx, 'field', g.fieldId, 'title')}>{g.fieldTitle}</InLang>)</span></li>
                  ))}
                </ul>
              </>
            ) : null}
            {vm.actors.length > 0 ? (
              <>
                <h3 class="kern-heading-small">{t('search.actors', { count: vm.actors.length })}</h3>
                <ul class="kern-list kern-list--bullet">
                  {vm.actors.map((a) => <li><a class="kern-link" href={paths.actor(slug, a.id)}>{a.name}</a></li>)}
                </ul>
              </>
            ) : null}
          </section>
        ) : null}
      </div>
    </Layout>
  );
}
