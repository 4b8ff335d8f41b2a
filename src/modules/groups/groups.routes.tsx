// The routes of working groups: the officer's list, forms and members (groups.manage); the lead's requests to
// join (groups.lead and lead of this group, or the officer); members' own groups and a group's internal area
// with tasks and documents (groups.member and member of this group, or the officer); the public list, group
// page and form to ask to join, and public documents. A group of another municipality is unknown (404); a
// signed-in person who does not belong to the group may not open its internal pages (403).
import { groupRefs, localizeGroup, localizeMeeting, meetingRefs } from './groups.content.js';
import type { TextRef } from '../../platform/i18n/content.js';
import { Hono } from 'hono';
import type { AppEnv } from '../../platform/http/env.js';
import type { Writer } from '../../platform/audit/audit.js';
import { clientAddress, TrustedProxies } from '../../platform/auth/client.address.js';
import { can } from '../../platform/auth/permissions.js';
import { fileDownload } from '../../platform/files/download.js';
import { fileFieldError, readUploadForm, uploadedFile } from '../../platform/files/upload.js';
import { crudRoutes } from '../../platform/http/crud.routes.js';
import { ForbiddenError, InvalidInputError, NotFoundError } from '../../platform/http/errors.js';
import { readForm, validate, idParam } from '../../platform/http/form.js';
import { pageContext, redirectWithFlash, render, requirePermission, requireUser, stashOnce, takeOnce, type Ctx } from '../../platform/http/kit.js';
import { platformPaths } from '../../platform/http/paths.js';
import { idOf } from '../../platform/http/route.js';
import type { RouteContext } from '../../platform/module.js';
import { ConfirmDeletePage, type FormFieldSpec } from '../../platform/views/entity-form.view.js';
import { emptyForm, type FormState } from '../../platform/views/page.js';
import { checkbox } from '../../platform/validation/fields.js';
import { measureTitle } from '../plan/index.js';
import { DOCUMENT_KINDS, type DocumentKind } from './documents.service.js';
import { groupsPaths as paths } from './groups.paths.js';
import { archiveSchema, decisionSchema, groupSchema, joinRequestSchema, memberSchema, taskSchema, taskStateSchema, type GroupInput } from './groups.schema.js';
import type { WorkingGroup } from './groups.service.js';
import { AdminGroupPage, AdminGroupsPage, anchorText, InternalPage, MyGroupsPage, PublicGroupPage, PublicGroupsPage, RequestsPage, type GroupSummary } from './groups.view.js';

export function groupsRoutes(context: RouteContext): Hono<AppEnv> {
  const { services, config, slots } = context;
  const proxies = new TrustedProxies(config.trustedProxies);
  const app = new Hono<AppEnv>();
  const mid = (c: Ctx) => c.get('municipality').id;
  const slugOf = (c: Ctx) => c.get('municipality').slug;
  const t = (c: Ctx) => c.get('t');
  const k = (key: string) => `groups.groups.${key}`;

  /** What the signed-in person may do in this group: manage (the officer), lead it, be a member. */
  async function accessOf(c: Ctx, group: WorkingGroup) {
    const user = requireUser(c);
    const role = c.get('role');
    const manage = can(role, user.isInstanceAdmin, 'groups.manage');
    const lead = manage || (can(role, user.isInstanceAdmin, 'groups.lead') && (await services.groups.isLead(mid(c), group.id, user.id)));
    const member = lead || (can(role, user.isInstanceAdmin, 'groups.member') && (await services.groups.isMember(mid(c), group.id, user.id)));
    return { manage, lead, member, by: { userId: user.id, name: user.name } as Writer };
  }

  async function memberGroup(c: Ctx, need: 'member' | 'lead') {
    // Every internal route has the group's id as :id (the route table validates it per route; here the shared part).
    const group = await services.groups.get(mid(c), idOf(c, 'id'));
    const access = await accessOf(c, group);
    if (!access[need]) throw new ForbiddenError();
    return { group, access };
  }

  /** "Handlungsfeld: Bildung" for a group's anchor, from the plan's fields, guiding goals and priorities. */
  async function summaries(c: Ctx, groups: WorkingGroup[]): Promise<GroupSummary[]> {
    const byPlan = new Map<number, { full: Map<string, string>; fields: Map<number, string>; goals: Map<number, string>; priorities: Map<number, string> }>();
    const out: GroupSummary[] = [];
    for (const group of groups) {
      let names = byPlan.get(group.plan_id);
      if (!names) {
        const anchors = await services.groups.anchors(mid(c), group.plan_id);
        const priorities = await services.groups.prioritiesOf(mid(c), group.plan_id);
        names = {
          full: new Map([...anchors.fields.map((f) => [`field:${f.id}`, f.title] as const), ...anchors.guidingGoals.map((g) => [`guiding_goal:${g.id}`, g.text] as const)]),
          fields: new Map(anchors.fields.map((f) => [f.id, f.title])),
          goals: new Map(anchors.guidingGoals.map((g) => [g.id, g.text.length > 120 ? `${g.text.slice(0, 120)}…` : g.text])),
          priorities: new Map(priorities.map((p) => [p.id, `${p.title} (${p.year})`])),
        };
        byPlan.set(group.plan_id, names);
      }
      const anchorOf: GroupSummary['anchorOf'] = group.field_id ? { kind: 'field', text: names.fields.get(group.field_id) ?? '', ref: { entityType: 'field', entityId: group.field_id, field: 'title', source: names.full.get(`field:${group.field_id}`) } }
        : group.guiding_goal_id ? { kind: 'goal', text: names.goals.get(group.guiding_goal_id) ?? '', ref: { entityType: 'guiding_goal', entityId: group.guiding_goal_id, field: 'text', source: names.full.get(`guiding_goal:${group.guiding_goal_id}`) } }
          : group.priority_id ? { kind: 'priority', text: names.priorities.get(group.priority_id) ?? '', ref: null } : null;
      const anchor = anchorOf ? anchorText(t(c), anchorOf.kind, anchorOf.text) : '';
      out.push({ group, anchor, anchorOf });
    }
    return out;
  }

  // ---- the officer ------------------------------------------------------------------------------------------

  async function chosenPlan(c: Ctx) {
    const asked = c.req.query('plan');
    if (asked) {
      const id = idParam(asked);
      if (id === null) throw new NotFoundError('plan');
      return services.plans.getPlan(mid(c), id);
    }
    return (await services.plans.findCurrentPublishedPlan(mid(c))) ?? (await services.plans.listPlans(mid(c)))[0] ?? null;
  }

  app.get(paths.adminGroups.pattern, async (c) => {
    requirePermission(c, 'groups.manage');
    const plan = await chosenPlan(c);
    if (!plan) throw new NotFoundError('plan');
    const groups = await summaries(c, await services.groups.list(mid(c), { planId: plan.id }));
    for (const s of groups) {
      s.memberCount = (await services.groups.members(mid(c), s.group.id)).length;
      s.pending = (await services.groups.requests(mid(c), s.group.id)).filter((r) => r.state === 'pending').length;
    }
    const plans = (await services.plans.listPlans(mid(c))).map((p) => ({ id: p.id, title: p.title }));
    return render(c, <AdminGroupsPage ctx={pageContext(c)} vm={{ plans, plan: { id: plan.id, title: plan.title }, groups }} />);
  });

  async function groupFields(c: Ctx, planId: number): Promise<FormFieldSpec[]> {
    const tr = t(c);
    const anchors = await services.groups.anchors(mid(c), planId);
    const priorities = await services.groups.prioritiesOf(mid(c), planId);
    return [
      { name: 'title', label: tr(k('titleLabel')), kind: 'text', maxLength: 200 },
      { name: 'purpose', label: tr(k('purpose')), kind: 'textarea', optional: true, maxLength: 4000, hint: tr(k('purposeHint')) },
      { name: 'anchor', label: tr(k('anchor')), kind: 'select', optional: true, empty: tr(k('anchors.none')), hint: tr(k('anchorHint')), options: [
        ...anchors.fields.map((f) => ({ value: `field:${f.id}`, label: anchorText(tr, 'field', f.title) })),
        ...anchors.guidingGoals.map((g) => ({ value: `goal:${g.id}`, label: anchorText(tr, 'goal', g.text.slice(0, 120)) })),
        ...priorities.map((p) => ({ value: `priority:${p.id}`, label: anchorText(tr, 'priority', `${p.title} (${p.year})`) })),
      ] },
      { name: 'contact_name', label: tr(k('contactName')), kind: 'text', optional: true, maxLength: 200 },
      { name: 'contact_email', label: tr(k('contactEmail')), kind: 'email', optional: true, maxLength: 200, hint: tr(k('contactEmailHint')) },
      { name: 'how_to_join', label: tr(k('howToJoin')), kind: 'textarea', optional: true, maxLength: 2000, hint: tr(k('howToJoinHint')) },
      { name: 'join_open', label: tr(k('joinOpenLabel')), kind: 'checkbox' },
    ];
  }

  const adminCrumbs = (c: Ctx, planId: number) => [
    { href: platformPaths.admin(slugOf(c)), label: t(c)('admin.overview.title') },
    { href: `${paths.adminGroups(slugOf(c))}?plan=${planId}`, label: t(c)(k('adminTitle')) },
  ];
  const anchorValue = (g: WorkingGroup) => (g.field_id ? `field:${g.field_id}` : g.guiding_goal_id ? `goal:${g.guiding_goal_id}` : g.priority_id ? `priority:${g.priority_id}` : '');

  crudRoutes<typeof groupSchema, WorkingGroup, { id: number; title: string }>(app, {
    entity: 'groups.groups.group',
    permission: 'groups.manage',
    schema: groupSchema,
    fields: (c, { parent, row }) => groupFields(c, parent?.id ?? row!.plan_id),
    newPattern: paths.adminGroupNew.pattern,
    newPath: (c, id) => paths.adminGroupNew(slugOf(c), id),
    loadParent: (c, m, id) => services.plans.getPlan(m, id),
    newValues: () => ({ join_open: '1' }),
    parentCrumbs: (c, p) => adminCrumbs(c, p.id),
    parentBack: (c, p, id) => (id ? paths.adminGroup(slugOf(c), id) : `${paths.adminGroups(slugOf(c))}?plan=${p.id}`),
    create: (c, m, p, data: GroupInput, by) => services.groups.create(m, p.id, data, by),
    itemPattern: paths.adminGroupEdit.pattern,
    itemPath: (c, id) => paths.adminGroupEdit(slugOf(c), id),
    load: (c, m, id) => services.groups.get(m, id),
    values: (g) => ({
      title: g.title, purpose: g.purpose, contact_name: g.contact_name, contact_email: g.contact_email, how_to_join: g.how_to_join,
      anchor: anchorValue(g), join_open: g.join_open ? '1' : '',
    }),
    crumbs: (c, g) => [...adminCrumbs(c, g.plan_id), { href: paths.adminGroup(slugOf(c), g.id), label: g.title }],
    back: (c, g) => paths.adminGroup(slugOf(c), g.id),
    label: (_c, g) => g.title,
    update: (c, m, id, data: GroupInput, by) => services.groups.update(m, id, data, by),
  });

  async function showAdminGroup(c: Ctx, group: WorkingGroup, form: FormState, status: 200 | 400, link: string | null = null) {
    const [summary] = await summaries(c, [group]);
    const pending = (await services.groups.requests(mid(c), group.id)).filter((r) => r.state === 'pending').length;
    return render(c, <AdminGroupPage ctx={pageContext(c)} vm={{ summary, members: await services.groups.members(mid(c), group.id), form, link, pending }} />, status);
  }

  app.get(paths.adminGroup.pattern, async (c) => {
    requirePermission(c, 'groups.manage');
    const group = await services.groups.get(mid(c), paths.adminGroup.params(c).id);
    const kept = takeOnce(c);
    return showAdminGroup(c, group, emptyForm({ role: 'member' }), 200, typeof kept === 'string' ? kept : null);
  });

  app.post(paths.adminGroupArchive.pattern, async (c) => {
    const by = requirePermission(c, 'groups.manage');
    const id = paths.adminGroupArchive.params(c).id;
    const v = validate(archiveSchema, await readForm(c));
    if (!v.ok) return c.text(t(c)('errors.choiceInvalid'), 400);
    await services.groups.setArchived(mid(c), id, v.data.archived, by);
    return redirectWithFlash(c, paths.adminGroup(slugOf(c), id), t(c)(v.data.archived ? k('group.archived') : k('group.restored')));
  });

  app.post(paths.adminMembers.pattern, async (c) => {
    const by = requirePermission(c, 'groups.manage');
    const group = await services.groups.get(mid(c), paths.adminMembers.params(c).id);
    const values = await readForm(c);
    const v = validate(memberSchema, values);
    if (!v.ok) return showAdminGroup(c, group, v.form, 400);
    try {
      const r = await services.groups.addMember(c.get('municipality'), group.id, v.data, by, c.get('lang'));
      const location = paths.adminGroup(slugOf(c), group.id);
      if (r.link && !stashOnce(c, location, r.link)) return showAdminGroup(c, group, emptyForm({ role: 'member' }), 200, r.link);
      return redirectWithFlash(c, location, t(c)(k(`member.added_${r.kind}`)));
    } catch (e) {
      if (e instanceof InvalidInputError) return showAdminGroup(c, group, { values, errors: e.errors }, 400);
      throw e;
    }
  });

  app.get(paths.adminGroupMemberRemove.pattern, async (c) => {
    requirePermission(c, 'groups.manage');
    const { id, memberId } = paths.adminGroupMemberRemove.params(c);
    const group = await services.groups.get(mid(c), id);
    const member = (await services.groups.members(mid(c), id)).find((m) => m.id === memberId);
    if (!member) throw new NotFoundError('member');
    return render(c, (
      <ConfirmDeletePage
        ctx={pageContext(c)} title={t(c)(k('member.removeTitle'))} crumbs={[...adminCrumbs(c, group.plan_id), { href: paths.adminGroup(slugOf(c), id), label: group.title }]}
        what={member.display_name || member.user_name || ''} action={paths.adminGroupMemberRemove(slugOf(c), id, memberId)} cancelHref={paths.adminGroup(slugOf(c), id)}
        consequence={t(c)(k('member.removeConsequence'))}
      />
    ));
  });

  app.post(paths.adminGroupMemberRemove.pattern, async (c) => {
    const by = requirePermission(c, 'groups.manage');
    const { id, memberId } = paths.adminGroupMemberRemove.params(c);
    await services.groups.get(mid(c), id);
    await services.groups.removeMember(mid(c), id, memberId, by);
    return redirectWithFlash(c, paths.adminGroup(slugOf(c), id), t(c)(k('member.removed')));
  });

  // ---- the lead: requests to join -------------------------------------------------------------------------

  async function showRequests(c: Ctx, group: WorkingGroup, manage: boolean, failed?: { id: number; form: FormState }) {
    return render(c, <RequestsPage ctx={pageContext(c)} vm={{ group, requests: await services.groups.requests(mid(c), group.id), failed, retentionDays: await services.groups.retentionDays(mid(c)), manage }} />, failed ? 400 : 200);
  }

  app.get(paths.adminRequests.pattern, async (c) => {
    const group = await services.groups.get(mid(c), paths.adminRequests.params(c).id);
    const access = await accessOf(c, group);
    if (!access.lead) throw new ForbiddenError();
    return showRequests(c, group, access.manage);
  });

  app.post(paths.adminRequest.pattern, async (c) => {
    const { id, requestId } = paths.adminRequest.params(c);
    const group = await services.groups.get(mid(c), id);
    const access = await accessOf(c, group);
    if (!access.lead) throw new ForbiddenError();
    await services.groups.request(mid(c), id, requestId);
    const values = await readForm(c);
    const v = validate(decisionSchema, values);
    if (!v.ok) return showRequests(c, group, access.manage, { id: requestId, form: v.form });
    try {
      const state = await services.groups.decide(c.get('municipality'), id, requestId, v.data, access.by);
      return redirectWithFlash(c, paths.adminRequests(slugOf(c), id), t(c)(k(`requests.${state}`)));
    } catch (e) {
      if (e instanceof InvalidInputError) return showRequests(c, group, access.manage, { id: requestId, form: { values, errors: e.errors } });
      throw e;
    }
  });

  // ---- members: their groups and the internal area ----------------------------------------------------------

  app.get(paths.myGroups.pattern, async (c) => {
    const user = requireUser(c);
    if (!can(c.get('role'), user.isInstanceAdmin, 'groups.member')) throw new ForbiddenError();
    return render(c, <MyGroupsPage ctx={pageContext(c)} groups={await services.groups.groupsOf(mid(c), user.id)} />);
  });

  async function showInternal(c: Ctx, group: WorkingGroup, access: { lead: boolean; manage: boolean }, forms: { task?: FormState; document?: FormState } = {}, status: 200 | 400 | 413 = 200) {
    const tr = t(c);
    const [summary] = await summaries(c, [group]);
    const measures = await services.groups.measuresOf(mid(c), group.plan_id);
    const measureName = new Map(measures.map((m) => [m.id, `${measureTitle(tr, m)}: ${m.text.length > 100 ? `${m.text.slice(0, 100)}…` : m.text}`]));
    const pending = access.lead ? (await services.groups.requests(mid(c), group.id)).filter((r) => r.state === 'pending').length : 0;
    return render(c, (
      <InternalPage ctx={pageContext(c)} vm={{
        summary, members: await services.groups.members(mid(c), group.id), meetings: await services.groups.meetings(mid(c), group.id),
        tasks: await services.groups.tasks(mid(c), group.id), documents: await services.groupDocuments.list(mid(c), group.id),
        measures: measures.map((m) => ({ value: String(m.id), label: measureName.get(m.id)! })), lead: access.lead, manage: access.manage, pending,
        taskForm: forms.task ?? emptyForm(), documentForm: forms.document ?? emptyForm({ kind: 'minutes' }),
        measureLabel: (id) => (id === null ? '' : measureName.get(id) ?? ''),
      }} />
    ), status);
  }

  app.get(paths.internal.pattern, async (c) => {
    const { group, access } = await memberGroup(c, 'member');
    return showInternal(c, group, access);
  });

  app.post(paths.tasks.pattern, async (c) => {
    const { group, access } = await memberGroup(c, 'member');
    const values = await readForm(c);
    const v = validate(taskSchema, values);
    if (!v.ok) return showInternal(c, group, access, { task: v.form }, 400);
    try {
      await services.groups.addTask(mid(c), group.id, v.data, access.by);
    } catch (e) {
      if (e instanceof InvalidInputError) return showInternal(c, group, access, { task: { values, errors: e.errors } }, 400);
      throw e;
    }
    return redirectWithFlash(c, `${paths.internal(slugOf(c), group.id)}#aufgaben`, t(c)(k('tasks.added')));
  });

  app.post(paths.task.pattern, async (c) => {
    const { group, access } = await memberGroup(c, 'member');
    const { taskId } = paths.task.params(c);
    const v = validate(taskStateSchema, await readForm(c));
    if (!v.ok) return c.text(t(c)('errors.choiceInvalid'), 400);
    await services.groups.setTaskState(mid(c), group.id, taskId, v.data.state, access.by);
    return redirectWithFlash(c, `${paths.internal(slugOf(c), group.id)}#aufgaben`, t(c)(k(`tasks.marked_${v.data.state}`)));
  });

  app.post(paths.documents.pattern, async (c) => {
    const { group, access } = await memberGroup(c, 'lead');
    const { text, file } = await readUploadForm(c);
    const values = { title: text('title').trim(), kind: text('kind'), is_public: text('is_public') };
    const errors: Record<string, string> = {};
    if (!values.title) errors.title = 'errors.textRequired';
    else if (values.title.length > 200) errors.title = 'errors.tooLongMax|max=200';
    if (!(DOCUMENT_KINDS as readonly string[]).includes(values.kind)) errors.kind = 'errors.choiceInvalid';
    const fileError = fileFieldError(file);
    if (fileError) errors.file = k(`documents.errors.${fileError}`);
    if (Object.keys(errors).length) return showInternal(c, group, access, { document: { values, errors } }, fileError === 'tooLarge' ? 413 : 400);
    try {
      await services.groupDocuments.upload(mid(c), group.id, { title: values.title, kind: values.kind as DocumentKind, isPublic: checkbox.parse(values.is_public), ...(await uploadedFile(file!)) }, access.by);
    } catch (e) {
      if (e instanceof InvalidInputError) return showInternal(c, group, access, { document: { values, errors: e.errors } }, 400);
      throw e;
    }
    return redirectWithFlash(c, `${paths.internal(slugOf(c), group.id)}#dokumente`, t(c)(k('documents.uploaded')));
  });

  /** A document only ever as a download (the platform's headers: attachment, nosniff, sandbox, no-store). */
  const download = (c: Ctx, doc: { file_name: string; mime_type: string; content: Buffer | Uint8Array }) =>
    fileDownload(c, { fileName: doc.file_name, mimeType: doc.mime_type, content: doc.content });

  app.get(paths.document.pattern, async (c) => {
    const { group } = await memberGroup(c, 'member');
    const doc = await services.groupDocuments.get(mid(c), group.id, paths.document.params(c).documentId);
    return download(c, doc);
  });

  app.post(paths.documentDelete.pattern, async (c) => {
    const { group, access } = await memberGroup(c, 'lead');
    await services.groupDocuments.remove(mid(c), group.id, paths.documentDelete.params(c).documentId, access.by);
    return redirectWithFlash(c, `${paths.internal(slugOf(c), group.id)}#dokumente`, t(c)(k('documents.deleted')));
  });

  // ---- the public -------------------------------------------------------------------------------------------

  /** A working group the public may see: active and of a working kind; everything else is unknown. */
  async function publicGroup(c: Ctx, id: number) {
    const group = await services.groups.find(mid(c), id);
    if (!group || group.state !== 'active' || group.kind !== 'working') throw new NotFoundError('group');
    return group;
  }

  /** The groups' public texts and anchors in the reader's language (one query), handed to the page. */
  async function publicSummaries(c: Ctx, groups: WorkingGroup[], details: boolean, more: TextRef[] = []): Promise<GroupSummary[]> {
    const loaded = await summaries(c, groups);
    const refs: TextRef[] = loaded.flatMap((x) => [
      ...groupRefs(x.group).filter((r) => details || r.field === 'title' || r.field === 'purpose'),
      ...(x.anchorOf?.ref ? [x.anchorOf.ref] : []),
    ]).concat(more);
    const ct = await services.content.load(mid(c), c.get('lang'), refs);
    c.set('content', ct);
    return loaded.map((x) => {
      const a = x.anchorOf;
      const text = a?.ref ? ct.text(a.ref.entityType, a.ref.entityId, a.ref.field, a.ref.source ?? '') : a?.text;
      // A guiding goal is named shortened, as in the officer's list.
      const anchorOf = a && text !== undefined ? { ...a, text: a.kind === 'goal' && text.length > 120 ? `${text.slice(0, 120)}…` : text } : a;
      return { group: localizeGroup(x.group, ct), anchor: anchorOf ? anchorText(t(c), anchorOf.kind, anchorOf.text) : '', anchorOf };
    });
  }

  app.get(paths.publicGroups.pattern, async (c) => {
    const groups = await services.groups.list(mid(c), { kind: 'working', state: 'active' });
    const shown = await publicSummaries(c, groups, false);
    return render(c, <PublicGroupsPage ctx={pageContext(c)} groups={shown} />);
  });

  async function showPublic(c: Ctx, group: WorkingGroup, form: FormState, status: 200 | 400 | 429, sent = false) {
    const meetings = await services.groups.meetings(mid(c), group.id, true);
    const [summary] = await publicSummaries(c, [group], true, meetings.flatMap(meetingRefs));
    return render(c, (
      <PublicGroupPage ctx={pageContext(c)} vm={{
        summary, meetings: meetings.map((m) => localizeMeeting(m, c.get('content')!)), documents: await services.groupDocuments.list(mid(c), group.id, true),
        form, retentionDays: await services.groups.retentionDays(mid(c)), sent,
        extra: await slots.sections('group.public', c, { groupId: group.id }),
      }} />
    ), status);
  }

  app.get(paths.publicGroup.pattern, async (c) => {
    const group = await publicGroup(c, paths.publicGroup.params(c).id);
    return showPublic(c, group, emptyForm(), 200, c.req.query('gesendet') === '1');
  });

  app.post(paths.publicGroup.pattern, async (c) => {
    const group = await publicGroup(c, paths.publicGroup.params(c).id);
    if (!group.join_open) throw new NotFoundError('group open to join');
    const values = await readForm(c);
    const v = validate(joinRequestSchema, values);
    if (!v.ok) return showPublic(c, group, v.form, 400);
    const location = `${paths.publicGroup(slugOf(c), group.id)}?gesendet=1#mitmachen`;
    // A robot filled the field people never see: it is answered as if sent, and nothing is kept.
    if (v.data.website) return redirectWithFlash(c, location, t(c)(k('join.sent')));
    if (!(await services.groups.allowRequest(clientAddress(c, proxies), v.data.email))) {
      return showPublic(c, group, { values, errors: { _form: k('join.limited') } }, 429);
    }
    await services.groups.requestToJoin(mid(c), group.id, v.data, c.get('lang'));
    return redirectWithFlash(c, location, t(c)(k('join.sent')));
  });

  app.get(paths.publicDocument.pattern, async (c) => {
    const { id, documentId } = paths.publicDocument.params(c);
    const group = await publicGroup(c, id);
    return download(c, await services.groupDocuments.get(mid(c), group.id, documentId, true));
  });

  return app;
}

