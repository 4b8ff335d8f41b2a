// Public pages: no sign-in, published (and archived) plans only. A draft answers 404, also by URL.
import { Hono } from 'hono';
import type { AppEnv } from '../../platform/http/env.js';
import { pageContext, render, type Ctx } from '../../platform/http/kit.js';
import { paths } from './plan.paths.js';
import { NotFoundError } from '../../platform/http/errors.js';
import { idParam } from '../../platform/http/form.js';
import { Layout } from '../../platform/views/layout.js';
import { pageParam } from '../../platform/views/components.js';
import { ActorPage, ActorsPage } from './actor.view.js';
import { MeasureOrigin, PublicMeasurePage } from './measure.view.js';
import { catalogueRefs, fieldRefs, localizeMeasureDetail, localizeTree, measureDetailRefs, refsOf, treeTexts } from './plan.content.js';
import { allMeasures, type PlanTree } from './plan.repository.js';
import { CataloguePage, cataloguePages, FieldPage, NoPlanPage, PlanPage } from './plan.public.view.js';
import { SEARCH_PAGE_MEASURES, SearchPage, type SearchFilters } from './search.view.js';
import { isStatusCategory } from './status.js';
import type { ContentTexts, TextRef } from '../../platform/i18n/content.js';
import type { RouteContext } from '../../platform/module.js';

/** The routes of this file as a sub-app; the services arrive once, here. */
export function planPublicRoutes(context: RouteContext): Hono<AppEnv> {
  const { services, slots } = context;

  const mid = (c: Ctx) => c.get('municipality').id;


  /** Loads the reader's language for these texts (one query) and hands it to the page. */
  async function useContent(c: Ctx, refs: TextRef[]): Promise<ContentTexts> {
    const ct = await services.content.load(mid(c), c.get('lang'), refs);
    c.set('content', ct);
    return ct;
  }

  /** The tree with the texts the whole tree shows in the reader's language; `shown`: the texts the page in the end
   * shows, when fewer (the note about German texts then counts only those). */
  async function localized(c: Ctx, tree: PlanTree, shown?: (ct: ContentTexts, localized: PlanTree) => TextRef[]): Promise<PlanTree> {
    const ct = await useContent(c, refsOf(treeTexts(tree, null)));
    const out = localizeTree(tree, ct);
    if (shown) c.set('content', ct.shown(shown(ct, out)));
    return out;
  }

  /** The archived plans listed under a plan, their titles in the reader's language (translated while they were current). */
  async function earlierPlans(c: Ctx, planId: number) {
    const earlier = (await services.plans.archivedPlans(mid(c))).filter((p) => p.id !== planId);
    const ct = await services.content.load(mid(c), c.get('lang'), earlier.map((p) => ({ entityType: 'plan', entityId: p.id, field: 'title', source: p.title })));
    c.set('content', ct.with(c.get('content')));
    return earlier.map((p) => ({ ...p, title: ct.text('plan', p.id, 'title', p.title) }));
  }

  async function currentTree(c: Ctx): Promise<PlanTree> {
    const plan = await services.plans.findCurrentPublishedPlan(mid(c));
    if (!plan) throw new NotFoundError('published plan');
    return services.plans.tree(mid(c), plan.id);
  }

  /**
   * Actors the public may see: those named in a public plan's measures, those other modules make public (an
   * actor with a published offer), and their parents.
   */
  async function publicActorIds(c: Ctx, named: Iterable<number>, parents: Map<number, number | null>, withModules = true): Promise<Set<number>> {
    const ids = withModules ? await services.actors.publicByModules(mid(c)) : new Set<number>();
    for (const id of named) ids.add(id);
    for (const id of [...ids]) {
      let p = parents.get(id) ?? null;
      for (let depth = 0; p !== null && depth < 50; depth++) {
        ids.add(p);
        p = parents.get(p) ?? null;
      }
    }
    return ids;
  }

  function registerPublicRoutes(app: Hono<AppEnv>) {
    app.get(paths.home(), async (c) => {
      const list = await services.municipalities.list();
      const t = c.get('t');
      return render(
        c,
        <Layout ctx={pageContext(c)} title={t('home.title')}>
          <h1 class="kern-heading-large">{t('home.title')}</h1>
          <p class="kern-body">{t('home.intro')}</p>
          <h2 class="kern-heading-medium">{t('home.municipalities')}</h2>
          <ul class="kern-list kern-list--bullet">
            {list.map((m) => <li><a class="kern-link" href={paths.municipality(m.slug)}>{m.name}</a></li>)}
          </ul>
        </Layout>,
      );
    });

    app.get('/:slug', async (c) => {
      const m = c.get('municipality');
      const plan = await services.plans.findCurrentPublishedPlan(m.id);
      // the plan's tree is read while the sections are made (their queries overlap on PostgreSQL)
      const loading = plan ? services.plans.tree(m.id, plan.id) : null;
      loading?.catch(() => undefined);
      const extra = await slots.sections('municipality.public', c, { planId: plan?.id ?? null });
      if (!plan || !loading) return render(c, <NoPlanPage ctx={pageContext(c)} municipality={m} extra={extra} />);
      const ctx = pageContext(c);
      // The sections' content texts (the process box's) count for the page's note, too.
      const sectionTexts = c.get('content');
      const tree = await localized(c, await loading);
      const earlier = await earlierPlans(c, plan.id);
      c.set('content', c.get('content')?.with(sectionTexts));
      return render(c, <PlanPage ctx={pageContext(c)} tree={tree} municipality={m} downloads={slots.links('plan.downloads', ctx, { planId: plan.id, admin: false })} earlier={earlier} extra={extra} />);
    });

    app.get(paths.plan.pattern, async (c) => {
      const m = c.get('municipality');
      const plan = await services.plans.getPublicPlan(m.id, paths.plan.params(c).id);
      const ctx = pageContext(c);
      const tree = await localized(c, await services.plans.tree(m.id, plan.id));
      const earlier = await earlierPlans(c, plan.id);
      return render(c, <PlanPage ctx={pageContext(c)} tree={tree} municipality={m} downloads={slots.links('plan.downloads', ctx, { planId: plan.id, admin: false })} earlier={earlier} />);
    });

    app.get(paths.catalogue.pattern, async (c) => {
      const raw = await currentTree(c);
      const pages = cataloguePages(raw);
      const page = pageParam(c.req.query('seite'), pages.length);
      // the texts of this page's fields in the reader's language, and every field's title (the contents)
      const shown = { ...raw, fields: pages[page - 1] };
      const tree = await localized(c, raw, () => [...catalogueRefs(shown), ...raw.fields.filter((f) => !shown.fields.includes(f)).map((f) => ({ entityType: 'field', entityId: f.id, field: 'title', source: f.title }))]);
      const ctx = pageContext(c);
      const localizedPages = pages.map((fields) => fields.map((f) => tree.fields.find((x) => x.id === f.id)!));
      return render(c, <CataloguePage ctx={ctx} tree={tree} page={page} pages={localizedPages} downloads={slots.links('plan.downloads', ctx, { planId: tree.plan.id, admin: false })} />);
    });

    app.get(paths.field.pattern, async (c) => {
      const field = await services.plans.getField(mid(c), paths.field.params(c).id);
      const plan = await services.plans.getPublicPlan(mid(c), field.plan_id);
      const tree = await services.plans.tree(mid(c), plan.id);
      const ct = await useContent(c, fieldRefs(tree, tree.fields.find((f) => f.id === field.id)!));
      const shown = localizeTree(tree, ct).fields.find((f) => f.id === field.id)!;
      const goalExtra = new Map(await Promise.all(shown.goals.map(async (g) => [g.id, await slots.sections('goal.public', c, { goalId: g.id })] as const)));
      return render(c, <FieldPage ctx={pageContext(c)} tree={localizeTree(tree, ct)} field={shown} goalExtra={goalExtra} extra={await slots.sections('field.public', c, { fieldId: field.id })} />);
    });

    app.get(paths.measure.pattern, async (c) => {
      const loaded = await services.plans.publicMeasureDetail(mid(c), paths.measure.params(c).id);
      await services.plans.getPublicPlan(mid(c), loaded.plan.id);
      const d = localizeMeasureDetail(loaded, await useContent(c, measureDetailRefs(loaded)));
      // The sections first: their content texts count for the page's note.
      const origin = await slots.sections('measure.origin', c, { measureId: d.measure.id, area: 'public' });
      const publicParts = await slots.sections('measure.public', c, { measureId: d.measure.id });
      const extra = [<MeasureOrigin ctx={pageContext(c)} parts={origin} area="public" />, ...publicParts];
      return render(c, <PublicMeasurePage ctx={pageContext(c)} d={d} extra={extra} />);
    });

    /** The current published plan (if any) and every actor with its measures in it counted; those with any are named in it. */
    const actorsOfCurrentPlan = async (c: Ctx) => {
      const plan = await services.plans.findCurrentPublishedPlan(mid(c));
      const actors = await services.actors.list(mid(c), plan?.id);
      const named = plan ? actors.filter((a) => a.measure_count > 0).map((a) => a.id) : [];
      const visible = await publicActorIds(c, named, new Map(actors.map((a) => [a.id, a.parent_id])));
      return { plan: plan ?? null, actors, visible };
    };

    app.get(paths.actors.pattern, async (c) => {
      const { plan, actors: all, visible } = await actorsOfCurrentPlan(c);
      const actors = all.filter((a) => visible.has(a.id));
      if (!plan && actors.length === 0) throw new NotFoundError('published plan');
      // Of the content texts only the plan's title shows here; actors' names are names, as written.
      const ct = await useContent(c, plan ? [{ entityType: 'plan', entityId: plan.id, field: 'title', source: plan.title }] : []);
      const planTitle = plan ? ct.text('plan', plan.id, 'title', plan.title) : c.get('municipality').name;
      return render(c, <ActorsPage ctx={pageContext(c)} actors={actors} planTitle={planTitle} planTitleAttrs={plan ? ct.attrs('plan', plan.id, 'title') : {}} />);
    });

    app.get(paths.actor.pattern, async (c) => {
      const { plan, visible } = await actorsOfCurrentPlan(c);
      const id = paths.actor.params(c).id;
      if (!visible.has(id)) throw new NotFoundError('actor');
      const [actor, children, measures] = await Promise.all([
        services.actors.get(mid(c), id),
        services.actors.children(mid(c), id),
        plan ? services.actors.measuresOf(mid(c), id, plan.id) : Promise.resolve([]),
      ]);
      const ct = await useContent(c, [
        ...(plan ? [{ entityType: 'plan', entityId: plan.id, field: 'title', source: plan.title }] : []),
        { entityType: 'actor', entityId: actor.id, field: 'description', source: actor.description },
        ...measures.map((m) => ({ entityType: 'measure', entityId: m.id, field: 'text', source: m.text })),
      ]);
      return render(
        c,
        <ActorPage
          ctx={pageContext(c)}
          actor={{ ...actor, description: ct.text('actor', actor.id, 'description', actor.description) }}
          children={children}
          measures={measures.map((m) => ({ ...m, text: ct.text('measure', m.id, 'text', m.text) }))}
          planTitle={plan ? ct.text('plan', plan.id, 'title', plan.title) : c.get('municipality').name}
          planTitleAttrs={plan ? ct.attrs('plan', plan.id, 'title') : {}}
          extra={await slots.sections('actor.public', c, { actorId: actor.id })}
        />,
      );
    });

    app.get(paths.search.pattern, async (c) => {
      const q = (name: string) => (c.req.query(name) ?? '').slice(0, 200).trim();
      const filters: SearchFilters = { q: q('q'), status: q('status'), actor: q('actor'), field: q('field'), group: q('group') };
      const plan = await services.plans.findCurrentPublishedPlan(mid(c));
      if (!plan) throw new NotFoundError('published plan');
      // the plan, its municipality's actors and the words' hits, side by side
      const [planTree, everyActor, hits] = await Promise.all([
        services.plans.tree(mid(c), plan.id),
        services.actors.list(mid(c)),
        filters.q ? services.search.search(mid(c), plan.id, filters.q) : null,
      ]);
      const tree = await localized(c, planTree);
      // the search filters measures: only actors named in them
      const parents = new Map(everyActor.map((a) => [a.id, a.parent_id]));
      const visibleActors = await publicActorIds(c, allMeasures(tree).flatMap((m) => m.actors.map((a) => a.id)), parents, false);
      const allActors = everyActor.filter((a) => visibleActors.has(a.id));
      const measures = allMeasures(tree);
      const groups = [...new Set(measures.flatMap((m) => m.target_groups.split(',').map((s) => s.trim()).filter(Boolean)))].sort((a, b) => a.localeCompare(b, 'de'));
      const searched = Object.values(filters).some(Boolean);

      const hitMeasures = hits ? new Set(hits.ids.measure) : null;
      const actorId = idParam(filters.actor);
      const fieldId = idParam(filters.field);
      const filtered = measures.filter(
        (m) =>
          (!hitMeasures || hitMeasures.has(m.id)) &&
          (!isStatusCategory(filters.status) || m.status_category === filters.status) &&
          (actorId === null || m.actors.some((a) => a.id === actorId)) &&
          (fieldId === null || m.field_id === fieldId) &&
          (!filters.group || m.target_groups.split(',').map((s) => s.trim()).includes(filters.group)),
      );
      const onlyMeasureFilters = !!(filters.status || filters.actor || filters.field || filters.group);
      const goalIds = new Set(hits && !onlyMeasureFilters ? hits.ids.goal : []);
      const goals = tree.fields.flatMap((f) => f.goals.filter((g) => goalIds.has(g.id)).map((g) => ({ id: g.id, text: g.text, fieldId: f.id, fieldTitle: f.title })));
      const actorHits = new Set(hits && !onlyMeasureFilters ? hits.ids.actor : []);
      const actors = allActors.filter((a) => actorHits.has(a.id));
      const pages = Math.max(1, Math.ceil(filtered.length / SEARCH_PAGE_MEASURES));
      const page = pageParam(c.req.query('seite'), pages);
      const shownMeasures = searched ? filtered.slice((page - 1) * SEARCH_PAGE_MEASURES, page * SEARCH_PAGE_MEASURES) : [];
      // The note about German texts counts only what the page shows: the plan's title, the fields (in the filter), the hits.
      c.set('content', c.get('content')?.shown([
        { entityType: 'plan', entityId: tree.plan.id, field: 'title', source: tree.plan.title },
        ...tree.fields.map((f) => ({ entityType: 'field', entityId: f.id, field: 'title', source: f.title })),
        ...shownMeasures.map((m) => ({ entityType: 'measure', entityId: m.id, field: 'text', source: m.text })),
        ...goals.map((g) => ({ entityType: 'goal', entityId: g.id, field: 'text', source: g.text })),
      ]));

      return render(
        c,
        <SearchPage
          ctx={pageContext(c)}
          vm={{
            filters, searched, correctedWords: hits?.correctedWords ?? null, measures: shownMeasures, measureTotal: searched ? filtered.length : 0, page, pages, goals, actors,
            options: { actors: allActors.map((a) => ({ id: a.id, name: a.name })), fields: tree.fields.map((f) => ({ id: f.id, title: f.title })), groups },
            planTitle: tree.plan.title, planId: tree.plan.id,
          }}
        />,
      );
    });
  }

  const app = new Hono<AppEnv>();
  registerPublicRoutes(app);
  return app;
}
