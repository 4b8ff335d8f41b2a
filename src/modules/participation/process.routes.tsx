// The participation process: the officer's processes per plan, a process with its phases, each phase's
// questionnaires and links; publishing; and the public timeline.
import { localizeTimeline, timelineRefs } from './participation.content.js';
import { Hono } from 'hono';
import type { AppEnv } from '../../platform/http/env.js';
import { crudRoutes } from '../../platform/http/crud.routes.js';
import { readForm, validate } from '../../platform/http/form.js';
import { pageContext, redirectWithFlash, render, requirePermission, type Ctx } from '../../platform/http/kit.js';
import type { RouteContext } from '../../platform/module.js';
import type { FormFieldSpec } from '../../platform/views/entity-form.view.js';
import type { Plan } from '../plan/index.js';
import { paths } from './process.paths.js';
import { PHASE_KINDS, phaseItemSchema, phaseSchema, processSchema, processStateSchema } from './process.schema.js';
import type { PhaseRow, ProcessRow } from './process.service.js';
import { AdminProcessesPage, AdminProcessPage, TimelinePage } from './process.view.js';

const PERMISSION = 'participation.manage' as const;

export function processRoutes(context: RouteContext): Hono<AppEnv> {
  const { services } = context;
  const app = new Hono<AppEnv>();
  const mid = (c: Ctx) => c.get('municipality').id;
  const slugOf = (c: Ctx) => c.get('municipality').slug;
  const tOf = (c: Ctx) => c.get('t');
  const adminCrumbs = (c: Ctx) => [{ href: paths.admin(slugOf(c)), label: tOf(c)('admin.overview.title') }, { href: paths.adminProcesses(slugOf(c)), label: tOf(c)('participation.process.adminTitle') }];

  // ---- the process ------------------------------------------------------------------------------------------

  app.get(paths.adminProcesses.pattern, async (c) => {
    requirePermission(c, PERMISSION);
    const processes = await services.processes.list(mid(c));
    const plans = (await services.plans.listPlans(mid(c))).filter((p) => p.state !== 'archived' || processes.some((x) => x.plan_id === p.id));
    return render(c, <AdminProcessesPage ctx={pageContext(c)} vm={{ plans: plans.map((p) => ({ id: p.id, title: p.title, state: p.state, process: processes.find((x) => x.plan_id === p.id) ?? null })) }} />);
  });

  app.get(paths.adminProcess.pattern, async (c) => {
    requirePermission(c, PERMISSION);
    const { id } = paths.adminProcess.params(c);
    const timeline = await services.processes.timeline(mid(c), id, { public: false });
    const plan = await services.plans.getPlan(mid(c), timeline.process.plan_id);
    return render(c, <AdminProcessPage ctx={pageContext(c)} vm={{ timeline, planTitle: plan.title }} />);
  });

  app.post(paths.adminProcessState.pattern, async (c) => {
    const by = requirePermission(c, PERMISSION);
    const { id } = paths.adminProcessState.params(c);
    await services.processes.get(mid(c), id);
    const v = validate(processStateSchema, await readForm(c));
    if (!v.ok) return c.text(tOf(c)('errors.choiceInvalid'), 400);
    await services.processes.setState(mid(c), id, v.data.state, by);
    return redirectWithFlash(c, paths.adminProcess(slugOf(c), id), tOf(c)(v.data.state === 'published' ? 'participation.process.published' : 'participation.process.unpublished'));
  });

  const processFields = (c: Ctx): FormFieldSpec[] => [
    { name: 'title', label: tOf(c)('participation.process.titleLabel'), kind: 'text', maxLength: 300, hint: tOf(c)('participation.process.titleHint') },
    { name: 'description', label: tOf(c)('participation.process.description'), kind: 'textarea', optional: true, maxLength: 5000 },
  ];

  crudRoutes<typeof processSchema, ProcessRow, Plan>(app, {
    entity: 'participation.process.entity',
    permission: PERMISSION,
    schema: processSchema,
    fields: (c) => processFields(c),
    newPattern: paths.adminProcessNew.pattern,
    newPath: (c, id) => paths.adminProcessNew(slugOf(c), id),
    loadParent: (_c, m, id) => services.plans.getPlan(m, id),
    newValues: (c, plan) => ({ title: tOf(c)('participation.process.defaultTitle', { plan: plan.title }) }),
    parentCrumbs: (c) => adminCrumbs(c),
    parentBack: (c, _p, id) => (id ? paths.adminProcess(slugOf(c), id) : paths.adminProcesses(slugOf(c))),
    create: (_c, m, plan, data, by) => services.processes.create(m, plan.id, data, by),
    itemPattern: paths.adminProcessEdit.pattern,
    itemPath: (c, id) => paths.adminProcessEdit(slugOf(c), id),
    load: (_c, m, id) => services.processes.get(m, id),
    values: (p) => ({ title: p.title, description: p.description }),
    crumbs: (c) => adminCrumbs(c),
    back: (c, p) => paths.adminProcess(slugOf(c), p.id),
    label: (_c, p) => p.title,
    update: (_c, m, id, data, by) => services.processes.update(m, id, data, by),
    deletePattern: paths.adminProcessDelete.pattern,
    deletePath: (c, id) => paths.adminProcessDelete(slugOf(c), id),
    delete: (_c, m, id, by) => services.processes.delete(m, id, by),
    deleteConsequence: (c) => `${tOf(c)('participation.process.deleteConsequence')} ${tOf(c)('participation.documents.processDeleteConsequence')}`,
    afterDelete: (c) => paths.adminProcesses(slugOf(c)),
  });

  // ---- phases ---------------------------------------------------------------------------------------------

  const phaseFields = (c: Ctx): FormFieldSpec[] => {
    const t = tOf(c);
    return [
      { name: 'kind', label: t('participation.process.phase.kind'), kind: 'select', options: PHASE_KINDS.map((k) => ({ value: k, label: t(`participation.process.phaseKind.${k}`) })) },
      { name: 'title', label: t('participation.process.phase.titleLabel'), kind: 'text', maxLength: 300 },
      { name: 'description', label: t('participation.process.phase.description'), kind: 'textarea', optional: true, maxLength: 5000 },
      { name: 'starts_on', label: t('participation.process.phase.startsOn'), kind: 'date', optional: true },
      { name: 'ends_on', label: t('participation.process.phase.endsOn'), kind: 'date', optional: true, hint: t('participation.process.phase.endsOnHint') },
    ];
  };

  crudRoutes<typeof phaseSchema, PhaseRow, ProcessRow>(app, {
    entity: 'participation.process.phase',
    permission: PERMISSION,
    schema: phaseSchema,
    fields: (c) => phaseFields(c),
    newPattern: paths.adminPhaseNew.pattern,
    newPath: (c, id) => paths.adminPhaseNew(slugOf(c), id),
    loadParent: (_c, m, id) => services.processes.get(m, id),
    newValues: () => ({ kind: 'other' }),
    parentCrumbs: (c, p) => [...adminCrumbs(c), { href: paths.adminProcess(slugOf(c), p.id), label: p.title }],
    parentBack: (c, p) => paths.adminProcess(slugOf(c), p.id),
    create: (_c, m, p, data, by) => services.processes.addPhase(m, p.id, data, by),
    itemPattern: paths.adminPhase.pattern,
    itemPath: (c, id) => paths.adminPhase(slugOf(c), id),
    load: (_c, m, id) => services.processes.phase(m, id),
    values: (p) => ({ kind: p.kind, title: p.title, description: p.description, starts_on: p.starts_on ?? '', ends_on: p.ends_on ?? '' }),
    crumbs: (c, p) => [...adminCrumbs(c), { href: paths.adminProcess(slugOf(c), p.process_id), label: tOf(c)('participation.process.backToProcess') }],
    back: (c, p) => paths.adminProcess(slugOf(c), p.process_id),
    label: (_c, p) => p.title,
    update: (_c, m, id, data, by) => services.processes.updatePhase(m, id, data, by),
    movePattern: paths.adminPhaseMove.pattern,
    movePath: (c, id) => paths.adminPhaseMove(slugOf(c), id),
    move: (_c, m, id, direction, by) => services.processes.movePhase(m, id, direction, by),
    deletePattern: paths.adminPhaseDelete.pattern,
    deletePath: (c, id) => paths.adminPhaseDelete(slugOf(c), id),
    delete: (_c, m, id, by) => services.processes.deletePhase(m, id, by),
    deleteConsequence: (c) => `${tOf(c)('participation.process.phase.deleteConsequence')} ${tOf(c)('participation.documents.phaseDeleteConsequence')}`,
  });

  // ---- a phase's questionnaires and links -------------------------------------------------------------------

  type ItemRow = Awaited<ReturnType<typeof services.processes.phaseItem>> & { processId: number };
  const itemFields = async (c: Ctx, processId: number): Promise<FormFieldSpec[]> => {
    const t = tOf(c);
    const questionnaires = await services.processes.questionnaireChoices(mid(c), processId);
    return [
      { name: 'questionnaire_id', label: t('participation.process.item.questionnaireLabel'), kind: 'select', optional: true, empty: t('participation.process.item.noQuestionnaire'),
        options: questionnaires.map((q) => ({ value: String(q.id), label: `${q.title} (${t(`participation.process.questionnaireState.${q.state}`)})` })), hint: t('participation.process.item.questionnaireHint') },
      { name: 'title', label: t('participation.process.item.linkTitle'), kind: 'text', optional: true, maxLength: 300 },
      { name: 'url', label: t('participation.process.item.url'), kind: 'url', optional: true, hint: t('participation.process.item.urlHint') },
    ];
  };

  crudRoutes<typeof phaseItemSchema, ItemRow, PhaseRow>(app, {
    entity: 'participation.process.item',
    permission: PERMISSION,
    schema: phaseItemSchema,
    fields: (c, { parent, row }) => itemFields(c, parent?.process_id ?? row!.processId),
    newPattern: paths.adminPhaseItemNew.pattern,
    newPath: (c, id) => paths.adminPhaseItemNew(slugOf(c), id),
    loadParent: (_c, m, id) => services.processes.phase(m, id),
    parentCrumbs: (c, p) => [...adminCrumbs(c), { href: paths.adminProcess(slugOf(c), p.process_id), label: tOf(c)('participation.process.backToProcess') }],
    parentBack: (c, p) => paths.adminProcess(slugOf(c), p.process_id),
    create: (_c, m, p, data, by) => services.processes.addPhaseItem(m, p.id, data, by),
    itemPattern: paths.adminPhaseItem.pattern,
    itemPath: (c, id) => paths.adminPhaseItem(slugOf(c), id),
    load: async (_c, m, id) => {
      const item = await services.processes.phaseItem(m, id);
      return { ...item, processId: (await services.processes.phase(m, item.phase_id)).process_id };
    },
    values: (i) => ({ questionnaire_id: i.questionnaire_id ? String(i.questionnaire_id) : '', title: i.title, url: i.url }),
    crumbs: (c, i) => [...adminCrumbs(c), { href: paths.adminProcess(slugOf(c), i.processId), label: tOf(c)('participation.process.backToProcess') }],
    back: (c, i) => paths.adminProcess(slugOf(c), i.processId),
    label: (c, i) => i.title || tOf(c)('participation.process.item.aQuestionnaire'),
    update: (_c, m, id, data, by) => services.processes.updatePhaseItem(m, id, data, by),
    deletePattern: paths.adminPhaseItemDelete.pattern,
    deletePath: (c, id) => paths.adminPhaseItemDelete(slugOf(c), id),
    delete: (_c, m, id, by) => services.processes.deletePhaseItem(m, id, by),
  });

  // ---- the public timeline ------------------------------------------------------------------------------------

  app.get(paths.timeline.pattern, async (c) => {
    const loaded = await services.processes.publicTimeline(mid(c));
    let timeline = loaded;
    if (loaded) {
      const ct = await services.content.load(mid(c), c.get('lang'), timelineRefs(loaded));
      c.set('content', ct);
      timeline = localizeTimeline(loaded, ct);
    }
    return render(c, <TimelinePage ctx={pageContext(c)} timeline={timeline} />);
  });

  return app;
}
