// The plan's public texts in other languages: which texts can be translated (for the translations screen), which
// a page shows (the references it loads), and the tree with the reader's language laid over the German.
import type { ContentTexts, TextRef } from '../../platform/i18n/content.js';
import type { Services, TranslatableSource, TranslatableText } from '../../platform/module.js';
import { paths } from './plan.paths.js';
import { allMeasures, type Field, type Measure, type PlanTree } from './plan.repository.js';

const short = (text: string, max = 80) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);
const numbered = (number: string | null, text: string) => (number ? `${number} ${short(text)}` : short(text));

/** The texts of a tree's plan, fields, visions, guiding goals, goals and measures. */
export function treeTexts(tree: PlanTree, slug: string | null): TranslatableText[] {
  const out: TranslatableText[] = [];
  const add = (entityType: string, entityId: number, field: string, source: string, name: string, link: string | null) => {
    if (source.trim()) out.push({ entityType, entityId, field, source, name, link });
  };
  const p = tree.plan;
  const planLink = slug ? paths.plan(slug, p.id) : null;
  add('plan', p.id, 'title', p.title, short(p.title), planLink);
  add('plan', p.id, 'intro', p.intro, short(p.title), planLink);
  for (const g of tree.guidingGoals) add('guiding_goal', g.id, 'text', g.text, short(g.text), planLink);
  for (const f of tree.fields) {
    const fieldLink = slug ? paths.field(slug, f.id) : null;
    add('field', f.id, 'title', f.title, short(f.title), fieldLink);
    add('field', f.id, 'description', f.description, short(f.title), fieldLink);
    for (const v of f.visions) add('vision', v.id, 'text', v.text, short(v.text), fieldLink);
    for (const g of f.goals) add('goal', g.id, 'text', g.text, numbered(g.number, g.text), fieldLink);
  }
  for (const m of allMeasures(tree)) add('measure', m.id, 'text', m.text, numbered(m.number, m.text), slug ? paths.measure(slug, m.id) : null);
  return out;
}

/** The descriptions of the actors a plan's measures name (their public pages). */
export function actorTexts(actors: Array<{ id: number; name: string; description: string }>, tree: PlanTree, slug: string): TranslatableText[] {
  const named = new Set(allMeasures(tree).flatMap((m) => m.actors.map((a) => a.id)));
  return actors
    .filter((a) => named.has(a.id) && a.description.trim())
    .map((a) => ({ entityType: 'actor', entityId: a.id, field: 'description', source: a.description, name: a.name, link: paths.actor(slug, a.id) }));
}

export const refsOf = (texts: TranslatableText[]): TextRef[] => texts.map(({ entityType, entityId, field, source }) => ({ entityType, entityId, field, source }));

const measureRefs = (m: Pick<Measure, 'id' | 'text'>): TextRef[] => [{ entityType: 'measure', entityId: m.id, field: 'text', source: m.text }];

/** What a page that shows one field (with its goals and measures) and the plan's title reads. */
export function fieldRefs(tree: PlanTree, field: Field): TextRef[] {
  return [
    { entityType: 'plan', entityId: tree.plan.id, field: 'title', source: tree.plan.title },
    { entityType: 'field', entityId: field.id, field: 'title', source: field.title },
    { entityType: 'field', entityId: field.id, field: 'description', source: field.description },
    ...field.visions.map((v) => ({ entityType: 'vision', entityId: v.id, field: 'text', source: v.text })),
    ...field.goals.map((g) => ({ entityType: 'goal', entityId: g.id, field: 'text', source: g.text })),
    ...[...field.goals.flatMap((g) => g.measures), ...field.furtherMeasures].flatMap(measureRefs),
  ];
}

/** What the catalogue shows: the plan's title and each field's title, visions, goals and measures (no descriptions). */
export function catalogueRefs(tree: PlanTree): TextRef[] {
  const seen = new Set<string>();
  return tree.fields.flatMap((f) => fieldRefs(tree, f)).filter((r) => {
    const k = `${r.entityType}:${r.entityId}:${r.field}`;
    if (r.field === 'description' || seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/** What the measure page reads: the measure, its field and goal, and the plan's title. */
export function measureDetailRefs(d: { measure: { id: number; text: string }; plan: { id: number; title: string }; field: { id: number; title: string }; goal: { id: number; text: string } | null }): TextRef[] {
  return [
    { entityType: 'plan', entityId: d.plan.id, field: 'title', source: d.plan.title },
    { entityType: 'field', entityId: d.field.id, field: 'title', source: d.field.title },
    ...(d.goal ? [{ entityType: 'goal', entityId: d.goal.id, field: 'text', source: d.goal.text }] : []),
    ...measureRefs(d.measure),
  ];
}

/** The tree with every text in the reader's language where a reviewed, current translation exists. */
export function localizeTree(tree: PlanTree, ct: ContentTexts): PlanTree {
  if (ct.lang === 'de') return tree;
  const measure = (m: Measure): Measure => ({ ...m, text: ct.text('measure', m.id, 'text', m.text) });
  return {
    plan: { ...tree.plan, title: ct.text('plan', tree.plan.id, 'title', tree.plan.title), intro: ct.text('plan', tree.plan.id, 'intro', tree.plan.intro) },
    guidingGoals: tree.guidingGoals.map((g) => ({ ...g, text: ct.text('guiding_goal', g.id, 'text', g.text) })),
    fields: tree.fields.map((f) => ({
      ...f,
      title: ct.text('field', f.id, 'title', f.title),
      description: ct.text('field', f.id, 'description', f.description),
      visions: f.visions.map((v) => ({ ...v, text: ct.text('vision', v.id, 'text', v.text) })),
      goals: f.goals.map((g) => ({ ...g, text: ct.text('goal', g.id, 'text', g.text), measures: g.measures.map(measure) })),
      furtherMeasures: f.furtherMeasures.map(measure),
    })),
  };
}

/** The measure page's texts in the reader's language. */
export function localizeMeasureDetail<D extends { measure: { id: number; text: string }; plan: { id: number; title: string }; field: { id: number; title: string }; goal: { id: number; text: string } | null }>(d: D, ct: ContentTexts): D {
  if (ct.lang === 'de') return d;
  return {
    ...d,
    measure: { ...d.measure, text: ct.text('measure', d.measure.id, 'text', d.measure.text) },
    plan: { ...d.plan, title: ct.text('plan', d.plan.id, 'title', d.plan.title) },
    field: { ...d.field, title: ct.text('field', d.field.id, 'title', d.field.title) },
    goal: d.goal ? { ...d.goal, text: ct.text('goal', d.goal.id, 'text', d.goal.text) } : null,
  };
}

const PLAN_FIELDS = {
  'plan.title': 'contentTexts.planTitle', 'plan.intro': 'contentTexts.planIntro', 'guiding_goal.text': 'contentTexts.guidingGoal',
  'field.title': 'contentTexts.fieldTitle', 'field.description': 'contentTexts.fieldDescription', 'vision.text': 'contentTexts.vision',
  'goal.text': 'contentTexts.goal', 'measure.text': 'contentTexts.measure', 'actor.description': 'contentTexts.actorDescription',
};

/**
 * The plan's translatable texts: those of the municipality's current published plan, and those of the plans in
 * preparation (a draft or one in review: the next plan), so that it can be published with its translations
 * ready. A plan in preparation has no public page (nothing links to one); its translations show once it is
 * published. An actor named in both is listed once, with the published plan.
 */
export function planTranslatable(services: Services): TranslatableSource[] {
  const published = async (municipalityId: number) => {
    const plan = await services.plans.findCurrentPublishedPlan(municipalityId);
    return plan ? services.plans.tree(municipalityId, plan.id) : null;
  };
  return [
    {
      label: 'contentTexts.plan',
      fields: PLAN_FIELDS,
      async list(municipalityId, slug) {
        const tree = await published(municipalityId);
        if (!tree) return [];
        return [...treeTexts(tree, slug), ...actorTexts(await services.actors.list(municipalityId), tree, slug)];
      },
    },
    {
      label: 'contentTexts.planInPreparation',
      fields: PLAN_FIELDS,
      async list(municipalityId, slug) {
        const preparing = await services.plans.plansInPreparation(municipalityId);
        if (preparing.length === 0) return [];
        const current = await published(municipalityId);
        const actors = await services.actors.list(municipalityId);
        const listed = new Set(current ? actorTexts(actors, current, slug).map((a) => a.entityId) : []);
        const out: TranslatableText[] = [];
        for (const plan of preparing) {
          const tree = await services.plans.tree(municipalityId, plan.id);
          out.push(...treeTexts(tree, null));
          for (const a of actorTexts(actors, tree, slug)) {
            if (listed.has(a.entityId)) continue;
            listed.add(a.entityId);
            // Its public page exists only while a published plan names it.
            out.push({ ...a, link: null });
          }
        }
        return out;
      },
    },
  ];
}
