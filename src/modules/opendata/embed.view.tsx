// The embed views for the municipality's own website: script-free, compact pages shown in an iframe (the plan
// overview, the dashboard's figures), in the visitor's language, each linking to the full page in a new tab.
import type { Child } from 'hono/jsx';
import { pageContext, type Ctx } from '../../platform/http/kit.js';
import { platformPaths } from '../../platform/http/paths.js';
import { dirOf } from '../../platform/i18n/i18n.js';
import type { EmbedView, Services } from '../../platform/module.js';
import { InLang, StatusBadge } from '../../platform/views/components.js';
import { formatPercent } from '../../platform/views/format.js';
import type { PageContext } from '../../platform/views/page.js';
import { dashboardData, monitoringPaths } from '../monitoring/index.js';
import { planPaths, STATUS_CATEGORIES } from '../plan/index.js';
import { licenceOf, type OpendataSettings } from './opendata.model.js';

const k = 'opendata.embed';

/** The frame of every embed view: the app's styles, no navigation, the source and licence at the end. */
export function EmbedPage({ ctx, title, children, settings, source }: { ctx: PageContext; title: string; children: Child; settings: OpendataSettings; source: string }) {
  const licence = licenceOf(settings.licence);
  return (
    <>
      <html lang={ctx.lang} dir={dirOf(ctx.lang)}>
        <head>
          <meta charset="utf-8" />
          <meta name="viewport" content="width=device-width, initial-scale=1" />
          <title>{`${title} – ${ctx.municipality!.name}`}</title>
          <link rel="stylesheet" href={platformPaths.asset('fonts/fira-sans.css')} />
          <link rel="stylesheet" href={platformPaths.asset('kern.min.css')} />
          <link rel="stylesheet" href={platformPaths.asset('app.css')} />
        </head>
        <body class="kern-body embed">
          <main class="embed__main">
            {children}
            <p class="embed__source kern-body kern-body--small">
              <a class="kern-link" href={source} target="_blank" rel="noopener">{ctx.t(`${k}.more`, { name: ctx.municipality!.name })}</a>
              {' · '}
              <a class="kern-link" href={licence.url} target="_blank" rel="noopener license" lang="de">{licence.short}</a>
            </p>
          </main>
        </body>
      </html>
    </>
  );
}

/** The plan overview: the current published plan, its fields of action with their measures by status. */
function planEmbed(services: Services): EmbedView {
  return {
    label: `${k}.plan.label`,
    page: (slug) => platformPaths.municipality(slug),
    async render(c: Ctx) {
      const m = c.get('municipality');
      const plan = await services.plans.findCurrentPublishedPlan(m.id);
      if (!plan) return null;
      const tree = await services.plans.tree(m.id, plan.id);
      const ct = await services.content.load(m.id, c.get('lang'), [{ entityType: 'plan', entityId: plan.id, field: 'title', source: plan.title }, ...tree.fields.map((f) => ({ entityType: 'field', entityId: f.id, field: 'title', source: f.title }))]);
      c.set('content', ct);
      const ctx = pageContext(c);
      const { t } = ctx;
      const measuresOf = (f: (typeof tree.fields)[number]) => [...f.goals.flatMap((g) => g.measures), ...f.furtherMeasures];
      return (
        <>
          <h1 class="kern-heading-medium"><InLang attrs={ct.attrs('plan', plan.id, 'title')}>{ct.text('plan', plan.id, 'title', plan.title)}</InLang></h1>
          <ul class="embed__fields">
            {tree.fields.map((f) => {
              const ms = measuresOf(f);
              const counts = STATUS_CATEGORIES.map((cat) => ({ cat, n: ms.filter((x) => x.status_category === cat).length })).filter((x) => x.n > 0);
              return (
                <li class="embed__field">
                  <h2 class="kern-heading-small">
                    <a class="kern-link" href={planPaths.field(m.slug, f.id)} target="_blank" rel="noopener"><InLang attrs={ct.attrs('field', f.id, 'title')}>{ct.text('field', f.id, 'title', f.title)}</InLang></a>
                  </h2>
                  <p class="kern-body kern-body--small">{t(`${k}.plan.measures`, { count: ms.length })}</p>
                  <ul class="inline-list embed__counts">
                    {counts.map(({ cat, n }) => (
                      <li><StatusBadge t={t} category={cat} /> {n}</li>
                    ))}
                  </ul>
                </li>
              );
            })}
          </ul>
        </>
      );
    },
  };
}

/** The dashboard's figures: how far the plan is, by status and by field of action (the monitoring module's data). */
function dashboardEmbed(services: Services): EmbedView {
  return {
    label: `${k}.dashboard.label`,
    page: (slug) => monitoringPaths.dashboard(slug),
    async render(c: Ctx) {
      const m = c.get('municipality');
      const plan = await services.plans.findCurrentPublishedPlan(m.id);
      if (!plan) return null;
      const data = await dashboardData(services, m.id, plan.id);
      const ct = await services.content.load(m.id, c.get('lang'), [{ entityType: 'plan', entityId: plan.id, field: 'title', source: plan.title }, ...data.fields.map((f) => ({ entityType: 'field', entityId: f.id, field: 'title', source: f.title }))]);
      c.set('content', ct);
      const ctx = pageContext(c);
      const { t, lang } = ctx;
      return (
        <>
          <h1 class="kern-heading-medium">{t(`${k}.dashboard.title`)}</h1>
          <p class="kern-body"><InLang attrs={ct.attrs('plan', plan.id, 'title')}>{ct.text('plan', plan.id, 'title', plan.title)}</InLang></p>
          <p class="kern-body embed__figure">{t(`${k}.dashboard.done`, { share: formatPercent(data.done.share, lang), count: data.done.count, total: data.total })}</p>
          <table class="kern-table embed__table">
            <caption class="kern-sr-only">{t(`${k}.dashboard.byStatus`)}</caption>
            <thead class="kern-table__head"><tr class="kern-table__row"><th class="kern-table__header" scope="col">{t(`${k}.dashboard.status`)}</th><th class="kern-table__header" scope="col">{t(`${k}.dashboard.count`)}</th></tr></thead>
            <tbody class="kern-table__body">
              {data.byCategory.filter((b) => b.count > 0).map((b) => (
                <tr class="kern-table__row"><td class="kern-table__cell"><StatusBadge t={t} category={b.category} /></td><td class="kern-table__cell">{b.count}</td></tr>
              ))}
            </tbody>
          </table>
          <table class="kern-table embed__table">
            <caption class="kern-heading-small">{t(`${k}.dashboard.byField`)}</caption>
            <thead class="kern-table__head"><tr class="kern-table__row"><th class="kern-table__header" scope="col">{t(`${k}.dashboard.field`)}</th><th class="kern-table__header" scope="col">{t(`${k}.dashboard.count`)}</th><th class="kern-table__header" scope="col">{t(`${k}.dashboard.doneShare`)}</th></tr></thead>
            <tbody class="kern-table__body">
              {data.fields.map((f) => (
                <tr class="kern-table__row"><td class="kern-table__cell"><InLang attrs={ct.attrs('field', f.id, 'title')}>{ct.text('field', f.id, 'title', f.title)}</InLang></td><td class="kern-table__cell">{f.total}</td><td class="kern-table__cell">{formatPercent(f.doneShare, lang)}</td></tr>
              ))}
            </tbody>
          </table>
        </>
      );
    },
  };
}

/** The core embed views; another module adds its own through its manifest's `api` (`embeds`). */
export function coreEmbeds(services: Services): Record<string, EmbedView> {
  return { plan: planEmbed(services), dashboard: dashboardEmbed(services) };
}
