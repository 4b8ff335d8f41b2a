// The events: the officer's list, an event with its programme and state, new/edit/delete; the public list and
// event pages; and the calendar feeds (municipality, working group, one event). The online link stays inside.
import { eventCardRefs, eventTexts, localizeEvent, refsOf } from './participation.content.js';
import { Hono } from 'hono';
import type { AppEnv } from '../../platform/http/env.js';
import { crudRoutes } from '../../platform/http/crud.routes.js';
import { InvalidInputError } from '../../platform/http/errors.js';
import { readForm, validate } from '../../platform/http/form.js';
import { pageContext, redirectWithFlash, render, requirePermission, type Ctx } from '../../platform/http/kit.js';
import type { RouteContext } from '../../platform/module.js';
import type { FormFieldSpec } from '../../platform/views/entity-form.view.js';
import type { EventInput } from './process.schema.js';
import { EVENT_KINDS, eventSchema, eventStateSchema, programmeItemSchema } from './process.schema.js';
import type { EventView } from './events.service.js';
import type { ProgrammeRow } from './events.repository.js';
import { AdminEventPage, AdminEventsPage, PublicEventPage, PublicEventsPage } from './events.view.js';
import { eventIcs, eventsCalendar, icsContext } from './ical.js';
import { paths } from './process.paths.js';

const PERMISSION = 'participation.manage' as const;

export function eventsRoutes(context: RouteContext): Hono<AppEnv> {
  const { services, config, slots, clock } = context;
  const app = new Hono<AppEnv>();
  const mid = (c: Ctx) => c.get('municipality').id;
  const slugOf = (c: Ctx) => c.get('municipality').slug;
  const tOf = (c: Ctx) => c.get('t');
  const adminCrumbs = (c: Ctx) => [{ href: paths.admin(slugOf(c)), label: tOf(c)('admin.overview.title') }, { href: paths.adminEvents(slugOf(c)), label: tOf(c)('participation.process.events.adminTitle') }];

  // ---- officer ------------------------------------------------------------------------------------------------

  app.get(paths.adminEvents.pattern, async (c) => {
    requirePermission(c, PERMISSION);
    const upcoming = await services.events.list(mid(c), { when: 'upcoming' });
    const past = await services.events.list(mid(c), { when: 'past' });
    const seats = await services.events.seatsOfMany(mid(c), [...upcoming, ...past]);
    return render(c, <AdminEventsPage ctx={pageContext(c)} vm={{ upcoming, past, seats }} />);
  });

  app.post(paths.adminEventState.pattern, async (c) => {
    const by = requirePermission(c, PERMISSION);
    const { id } = paths.adminEventState.params(c);
    await services.events.get(mid(c), id);
    const v = validate(eventStateSchema, await readForm(c));
    if (!v.ok) return c.text(tOf(c)('errors.choiceInvalid'), 400);
    await services.events.setState(mid(c), id, v.data.state, by);
    return redirectWithFlash(c, paths.adminEvent(slugOf(c), id), tOf(c)(`participation.process.eventStateDone.${v.data.state}`));
  });

  async function eventFields(c: Ctx): Promise<FormFieldSpec[]> {
    const t = tOf(c);
    const processes = await services.processes.list(mid(c));
    const phaseOptions = [];
    for (const p of processes) for (const ph of await services.processes.phases(mid(c), p.id)) phaseOptions.push({ value: String(ph.id), label: processes.length > 1 ? `${p.title}: ${ph.title}` : ph.title });
    const groups = await services.events.groups(mid(c));
    return [
      { name: 'kind', label: t('participation.process.event.kind'), kind: 'select', options: EVENT_KINDS.map((k) => ({ value: k, label: t(`participation.process.eventKind.${k}`) })) },
      { name: 'title', label: t('participation.process.event.title'), kind: 'text', maxLength: 300 },
      { name: 'description', label: t('participation.process.event.description'), kind: 'textarea', optional: true, maxLength: 5000 },
      { name: 'date', label: t('participation.process.event.date'), kind: 'date' },
      { name: 'starts', label: t('participation.process.event.starts'), kind: 'month', hint: t('participation.process.event.timeHint') },
      { name: 'ends', label: t('participation.process.event.ends'), kind: 'month', hint: t('participation.process.event.timeHint') },
      { name: 'place_name', label: t('participation.process.event.placeName'), kind: 'text', optional: true, maxLength: 300, hint: t('participation.process.event.placeHint') },
      { name: 'address', label: t('participation.process.event.address'), kind: 'textarea', optional: true, maxLength: 1000 },
      { name: 'accessibility', label: t('participation.process.event.accessibility'), kind: 'textarea', optional: true, maxLength: 2000, hint: t('participation.process.event.accessibilityHint') },
      { name: 'online', label: t('participation.process.event.onlineLabel'), kind: 'checkbox' },
      { name: 'online_url', label: t('participation.process.event.onlineUrl'), kind: 'url', optional: true, hint: t('participation.process.event.onlineUrlHint') },
      { name: 'capacity', label: t('participation.process.event.capacity'), kind: 'number', optional: true, hint: t('participation.process.event.capacityHint') },
      { name: 'registration', label: t('participation.process.event.registrationLabel'), kind: 'checkbox' },
      { name: 'registration_deadline', label: t('participation.process.event.deadlineLabel'), kind: 'date', optional: true, hint: t('participation.process.event.deadlineHint') },
      { name: 'phase_id', label: t('participation.process.phase.label'), kind: 'select', optional: true, empty: t('participation.process.event.noPhase'), options: phaseOptions },
      { name: 'group_id', label: t('participation.process.event.group'), kind: 'select', optional: true, empty: t('participation.process.event.noGroup'), options: groups.map((g) => ({ value: String(g.id), label: g.title })) },
    ];
  }

  /** The plan an event belongs to: its phase's process's plan; a phase of another municipality is a wrong choice. */
  async function planOf(c: Ctx, data: EventInput): Promise<number | null> {
    if (data.phase_id === null) return null;
    const phase = await services.processes.phase(mid(c), data.phase_id).catch(() => null);
    if (!phase) throw new InvalidInputError({ phase_id: 'errors.choiceInvalid' });
    return (await services.processes.get(mid(c), phase.process_id)).plan_id;
  }

  crudRoutes<typeof eventSchema, EventView & { values: Record<string, string> }, null>(app, {
    entity: 'participation.process.event',
    permission: PERMISSION,
    schema: eventSchema,
    fields: (c) => eventFields(c),
    newPattern: paths.adminEventNew.pattern,
    newPath: (c) => paths.adminEventNew(slugOf(c)),
    loadParent: async () => null,
    // ?phase= and ?group= preselect a phase or a working group (a group's meeting, from the group's admin page).
    newValues: (c) => {
      const id = (name: string) => (/^[1-9]\d{0,9}$/.test(c.req.query(name) ?? '') ? c.req.query(name)! : '');
      const group = id('group');
      return { kind: group ? 'group_meeting' : 'workshop', registration: group ? '' : '1', phase_id: id('phase'), group_id: group };
    },
    parentCrumbs: (c) => adminCrumbs(c),
    parentBack: (c, _p, id) => (id ? paths.adminEvent(slugOf(c), id) : paths.adminEvents(slugOf(c))),
    create: async (c, m, _p, data, by) => services.events.create(m, data, by, { planId: await planOf(c, data) }),
    itemPattern: paths.adminEventEdit.pattern,
    itemPath: (c, id) => paths.adminEventEdit(slugOf(c), id),
    load: async (_c, m, id) => ({ ...(await services.events.get(m, id)), values: await services.events.formValues(m, id) }),
    values: (e) => e.values,
    crumbs: (c, e) => [...adminCrumbs(c), { href: paths.adminEvent(slugOf(c), e.id), label: e.title }],
    back: (c, e) => paths.adminEvent(slugOf(c), e.id),
    label: (_c, e) => e.title,
    update: async (c, m, id, data, by) => services.events.update(m, id, data, by, await planOf(c, data)),
    deletePattern: paths.adminEventDelete.pattern,
    deletePath: (c, id) => paths.adminEventDelete(slugOf(c), id),
    delete: (_c, m, id, by) => services.events.delete(m, id, by),
    deleteConsequence: (c) => tOf(c)('participation.process.event.deleteConsequence'),
    afterDelete: (c) => paths.adminEvents(slugOf(c)),
  });

  // After the new event's form: /veranstaltungen/neu is not an event.
  app.get(paths.adminEvent.pattern, async (c) => {
    requirePermission(c, PERMISSION);
    const { id } = paths.adminEvent.params(c);
    const { event, onlineUrl } = await services.events.eventForConfirmation(mid(c), id);
    const phase = event.phaseId ? await services.processes.phase(mid(c), event.phaseId) : null;
    const group = event.groupId ? await services.events.group(mid(c), event.groupId).catch(() => null) : null;
    return render(
      c,
      <AdminEventPage
        ctx={pageContext(c)}
        vm={{ event, seats: await services.events.seats(mid(c), id), hasOnlineLink: !!onlineUrl, phase: phase ? { id: phase.id, title: phase.title, processId: phase.process_id } : null, group }}
      />,
    );
  });

  const programmeFields = (c: Ctx): FormFieldSpec[] => {
    const t = tOf(c);
    return [
      { name: 'starts_at', label: t('participation.process.programme.time'), kind: 'month', optional: true, hint: t('participation.process.event.timeHint') },
      { name: 'title', label: t('participation.process.programme.itemTitle'), kind: 'text', maxLength: 300 },
      { name: 'speaker', label: t('participation.process.programme.speaker'), kind: 'text', optional: true, maxLength: 300, hint: t('participation.process.programme.speakerHint') },
    ];
  };

  crudRoutes<typeof programmeItemSchema, ProgrammeRow, EventView>(app, {
    entity: 'participation.process.programme',
    permission: PERMISSION,
    schema: programmeItemSchema,
    fields: (c) => programmeFields(c),
    newPattern: paths.adminProgrammeNew.pattern,
    newPath: (c, id) => paths.adminProgrammeNew(slugOf(c), id),
    loadParent: (_c, m, id) => services.events.get(m, id),
    parentCrumbs: (c, e) => [...adminCrumbs(c), { href: paths.adminEvent(slugOf(c), e.id), label: e.title }],
    parentBack: (c, e) => paths.adminEvent(slugOf(c), e.id),
    create: (_c, m, e, data, by) => services.events.addProgrammeItem(m, e.id, data, by),
    itemPattern: paths.adminProgrammeItem.pattern,
    itemPath: (c, id) => paths.adminProgrammeItem(slugOf(c), id),
    load: (_c, m, id) => services.events.programmeItem(m, id),
    values: (p) => ({ starts_at: p.starts_at, title: p.title, speaker: p.speaker }),
    crumbs: (c, p) => [...adminCrumbs(c), { href: paths.adminEvent(slugOf(c), p.event_id), label: tOf(c)('participation.process.programme.backToEvent') }],
    back: (c, p) => paths.adminEvent(slugOf(c), p.event_id),
    label: (_c, p) => p.title,
    update: (_c, m, id, data, by) => services.events.updateProgrammeItem(m, id, data, by),
    movePattern: paths.adminProgrammeMove.pattern,
    movePath: (c, id) => paths.adminProgrammeMove(slugOf(c), id),
    move: (_c, m, id, direction, by) => services.events.moveProgrammeItem(m, id, direction, by),
    deletePattern: paths.adminProgrammeDelete.pattern,
    deletePath: (c, id) => paths.adminProgrammeDelete(slugOf(c), id),
    delete: (_c, m, id, by) => services.events.deleteProgrammeItem(m, id, by),
  });

  // ---- public -------------------------------------------------------------------------------------------------

  app.get(paths.events.pattern, async (c) => {
    const upcoming = await services.events.publicList(mid(c), { when: 'upcoming' });
    const past = await services.events.publicList(mid(c), { when: 'past' });
    const seats = await services.events.seatsOfMany(mid(c), upcoming);
    const ct = await services.content.load(mid(c), c.get('lang'), [...upcoming, ...past].flatMap(eventCardRefs));
    c.set('content', ct);
    return render(c, <PublicEventsPage ctx={pageContext(c)} vm={{ upcoming: upcoming.map((e) => localizeEvent(e, ct)), past: past.map((e) => localizeEvent(e, ct)), seats }} />);
  });

  app.get(paths.event.pattern, async (c) => {
    const { id } = paths.event.params(c);
    const loaded = await services.events.publicEvent(mid(c), id);
    const phaseRow = loaded.phaseId ? await services.processes.phase(mid(c), loaded.phaseId) : null;
    const process = phaseRow ? await services.processes.get(mid(c), phaseRow.process_id) : null;
    const shownPhase = phaseRow && process?.state === 'published' ? phaseRow : null;
    const groupRow = loaded.groupId ? await services.events.group(mid(c), loaded.groupId).catch(() => null) : null;
    // One query for every text the page shows: the event's, its phase's title, its working group's title.
    const ct = await services.content.load(mid(c), c.get('lang'), [
      ...refsOf(eventTexts(loaded, null)),
      ...(shownPhase ? [{ entityType: 'phase', entityId: shownPhase.id, field: 'title', source: shownPhase.title }] : []),
      ...(groupRow ? [{ entityType: 'working_group', entityId: groupRow.id, field: 'title', source: groupRow.title }] : []),
    ]);
    c.set('content', ct);
    const event = localizeEvent(loaded, ct);
    const phase = shownPhase ? { id: shownPhase.id, title: ct.text('phase', shownPhase.id, 'title', shownPhase.title) } : null;
    const group = groupRow ? { id: groupRow.id, title: ct.text('working_group', groupRow.id, 'title', groupRow.title) } : null;
    const sections = await slots.sections('event.public', c, { eventId: event.id });
    return render(
      c,
      <PublicEventPage
        ctx={pageContext(c)}
        vm={{ event, seats: await services.events.seats(mid(c), id), past: event.endsAt < clock().toISOString(), phase, group, sections }}
      />,
    );
  });

  const ics = (c: Ctx) => {
    const m = c.get('municipality');
    return icsContext({ publicUrl: config.publicUrl, slug: m.slug, municipalityName: m.name, t: tOf(c) });
  };
  const calendarResponse = (c: Ctx, body: string, download: string | null) =>
    c.body(body, 200, {
      'content-type': 'text/calendar; charset=utf-8',
      'x-content-type-options': 'nosniff',
      ...(download ? { 'content-disposition': `attachment; filename="${download}"` } : {}),
    });

  app.get(paths.eventsFeed.pattern, async (c) => calendarResponse(c, eventsCalendar(await services.events.publicList(mid(c)), ics(c)), null));

  app.get(paths.groupFeed.pattern, async (c) => {
    const { id } = paths.groupFeed.params(c);
    const group = await services.events.group(mid(c), id);
    const ctx = { ...ics(c), name: `${group.title} – ${c.get('municipality').name}` };
    return calendarResponse(c, eventsCalendar(await services.events.publicList(mid(c), { groupId: group.id }), ctx), null);
  });

  app.get(paths.eventIcs.pattern, async (c) => {
    const { id } = paths.eventIcs.params(c);
    const event = await services.events.publicEvent(mid(c), id);
    return calendarResponse(c, eventIcs(event, ics(c)), `termin-${event.id}.ics`);
  });

  return app;
}
