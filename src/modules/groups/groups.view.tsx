// The pages of working groups: the officer's list and group page (members), the lead's requests to join, the
// members' own groups and a group's internal area (members, meetings, tasks, documents), and the public list
// and group page (purpose, contact, meetings, how to join, the form to ask). Pure functions of a view model.
import type { Child } from 'hono/jsx';
import { GERMAN, textLang, type TextRef } from '../../platform/i18n/content.js';
import { DOCUMENT_ACCEPT, DOCUMENT_MAX_BYTES } from '../../platform/files/upload.js';
import { ActionButton, Checkbox, Csrf, InLang, ErrorSummary, errorText, fieldId, Select, SubmitButton, TextArea, TextField } from '../../platform/views/components.js';
import { FileField } from '../../platform/views/file-field.js';
import { DataTable } from '../../platform/views/data-table.js';
import { formatDate } from '../../platform/views/format.js';
import { Layout, type Crumb } from '../../platform/views/layout.js';
import type { FormState, PageContext } from '../../platform/views/page.js';
import { platformPaths } from '../../platform/http/paths.js';
import type { GroupDocument } from './documents.service.js';
import { DOCUMENT_KINDS } from './documents.service.js';
import { processPaths } from '../participation/index.js';
import { groupsPaths as paths } from './groups.paths.js';
import type { GroupMeeting, GroupMember, GroupTask, JoinRequest, WorkingGroup } from './groups.service.js';

type T = PageContext['t'];
const slugOf = (ctx: PageContext) => ctx.municipality!.slug;
const k = (key: string) => `groups.groups.${key}`;

export interface GroupSummary {
  group: WorkingGroup;
  /** "Handlungsfeld: Bildung", or empty */
  anchor: string;
  /** what the anchor names, and the plan's text it is (to show it in the reader's language) */
  anchorOf?: { kind: 'field' | 'goal' | 'priority'; text: string; ref: TextRef | null } | null;
  memberCount?: number;
  pending?: number;
}

// ---- pieces -----------------------------------------------------------------------------------------------

function Meetings({ ctx, meetings, headingId }: { ctx: PageContext; meetings: GroupMeeting[]; headingId: string }) {
  const { t, lang } = ctx;
  return (
    <section aria-labelledby={headingId} class="stack">
      <h2 class="kern-heading-medium" id={headingId}>{t(k('meetings.title'))}</h2>
      {meetings.length === 0 ? <p class="kern-body">{t(k('meetings.none'))}</p> : (
        <ul class="cards">
          {meetings.map((m) => (
            <li class="card stack">
              <h3 class="kern-heading-small"><a class="kern-link" href={processPaths.event(ctx.municipality!.slug, m.id)} {...textLang(ctx, 'event', m.id, 'title')}>{m.title}</a></h3>
              <p class="kern-body"><span class="kern-body--bold">{t(k('meetings.when'))}:</span> {formatDate(m.starts_at, lang)}</p>
              <p class="kern-body">
                <span class="kern-body--bold">{t(k('meetings.where'))}:</span>{' '}
                {m.online ? t(k('meetings.online')) : m.place_name || m.address ? (
                  <>
                    {m.place_name ? <InLang attrs={textLang(ctx, 'event', m.id, 'place_name')}>{m.place_name}</InLang> : null}
                    {m.place_name && m.address ? ', ' : null}
                    {m.address ? <span {...(lang === 'de' ? {} : GERMAN)}>{m.address.split('\n').join(', ')}</span> : null}
                  </>
                ) : t(k('meetings.placeOpen'))}
              </p>
              {m.accessibility ? <p class="kern-body"><span class="kern-body--bold">{t(k('meetings.accessibility'))}:</span> <InLang attrs={textLang(ctx, 'event', m.id, 'accessibility')}>{m.accessibility}</InLang></p> : null}
              {m.description ? <p class="kern-body pre-line" {...textLang(ctx, 'event', m.id, 'description')}>{m.description}</p> : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function documentsTable(ctx: PageContext, docs: GroupDocument[], href: (id: number) => string, remove?: (id: number) => string) {
  const { t, lang } = ctx;
  return (
    <DataTable
      caption={t(k('documents.title'))}
      columns={[
        { label: t(k('documents.titleLabel')) }, { label: t(k('documents.kind')) }, { label: t(k('documents.size')), numeric: true },
        { label: t(k('documents.date')) }, ...(remove ? [{ label: t(k('documents.actions')) }] : []),
      ]}
      rows={docs.map((d) => [
        <a class="kern-link" href={href(d.id)} download><InLang attrs={ctx.lang === 'de' ? {} : GERMAN}>{d.title}</InLang> <span class="meta">({t(k('documents.download'))}, {d.file_name.split('.').pop()!.toUpperCase()})</span></a>,
        t(k(`documents.kinds.${d.kind}`)),
        `${Math.max(1, Math.round(d.size / 1024))} KB`,
        formatDate(d.created_at.slice(0, 10), lang),
        ...(remove ? [<ActionButton action={remove(d.id)} csrfToken={ctx.csrfToken} label={t(k('documents.delete'))} srLabel={d.title} variant="tertiary" />] : []),
      ])}
      empty={t(k('documents.none'))}
    />
  );
}

/** "Handlungsfeld: Bildung", the plan's text marked German when it is shown untranslated. */
function Anchor({ ctx, s }: { ctx: PageContext; s: GroupSummary }) {
  const a = s.anchorOf;
  if (!a) return <>{s.anchor}</>;
  return <>{ctx.t(k(`anchors.${a.kind}`))}: <span {...(a.ref ? textLang(ctx, a.ref.entityType, a.ref.entityId, a.ref.field) : {})}>{a.text}</span></>;
}

function Facts({ ctx, s, internal }: { ctx: PageContext; s: GroupSummary; internal: boolean }) {
  const { t } = ctx;
  const g = s.group;
  return (
    <dl class="facts">
      {s.anchor ? <><dt>{t(k('anchor'))}</dt><dd><Anchor ctx={ctx} s={s} /></dd></> : null}
      {g.contact_name || g.contact_email ? (
        <>
          <dt>{t(k('contact'))}</dt>
          <dd>{g.contact_name}{g.contact_email ? <> {g.contact_name ? '· ' : ''}<a class="kern-link" href={`mailto:${g.contact_email}`}>{g.contact_email}</a></> : null}</dd>
        </>
      ) : null}
      {internal ? <><dt>{t(k('state'))}</dt><dd>{t(k(`states.${g.state}`))}{g.kind === 'steering' ? ` · ${t(k('kinds.steering'))}` : ''}</dd></> : null}
      <dt>{t(k('joinOpen'))}</dt>
      <dd>{g.join_open ? t(k('joinOpenYes')) : t(k('joinOpenNo'))}</dd>
    </dl>
  );
}

// ---- the officer --------------------------------------------------------------------------------------------

export interface AdminGroupsVm {
  plans: Array<{ id: number; title: string }>;
  plan: { id: number; title: string };
  groups: GroupSummary[];
}

export function AdminGroupsPage({ ctx, vm }: { ctx: PageContext; vm: AdminGroupsVm }) {
  const { t } = ctx;
  const slug = slugOf(ctx);
  const title = t(k('adminTitle'));
  return (
    <Layout ctx={ctx} title={title} crumbs={[{ href: platformPaths.admin(slug), label: t('admin.overview.title') }]} area="admin">
      <div class="stack-lg">
        <div class="stack">
          <h1 class="kern-heading-large">{title}</h1>
          <p class="kern-body">{t(k('adminIntro'), { plan: vm.plan.title })}</p>
          {vm.plans.length > 1 ? (
            <nav aria-label={t(k('plans'))}>
              <ul class="inline-list">
                {vm.plans.map((p) => <li>{p.id === vm.plan.id ? <span aria-current="page" class="kern-body--bold">{p.title}</span> : <a class="kern-link" href={`${paths.adminGroups(slug)}?plan=${p.id}`}>{p.title}</a>}</li>)}
              </ul>
            </nav>
          ) : null}
          <p><a class="kern-link" href={paths.adminGroupNew(slug, vm.plan.id)}>{t(k('group.new'))}</a></p>
        </div>
        <DataTable
          caption={t(k('listCaption'), { plan: vm.plan.title })}
          columns={[{ label: t(k('titleLabel')) }, { label: t(k('anchor')) }, { label: t(k('members')), numeric: true }, { label: t(k('requests.open')), numeric: true }, { label: t(k('state')) }]}
          rowHeaders
          rows={vm.groups.map((s) => [
            <a class="kern-link" href={paths.adminGroup(slug, s.group.id)}>{s.group.title}</a>,
            s.anchor,
            String(s.memberCount ?? 0),
            String(s.pending ?? 0),
            `${t(k(`kinds.${s.group.kind}`))} · ${t(k(`states.${s.group.state}`))}`,
          ])}
          empty={t(k('none'))}
        />
      </div>
    </Layout>
  );
}

export interface AdminGroupVm {
  summary: GroupSummary;
  members: GroupMember[];
  form: FormState;
  /** An invitation link to hand over when no mail goes out (shown once). */
  link: string | null;
  pending: number;
}

export function AdminGroupPage({ ctx, vm }: { ctx: PageContext; vm: AdminGroupVm }) {
  const { t } = ctx;
  const slug = slugOf(ctx);
  const g = vm.summary.group;
  const crumbs: Crumb[] = [{ href: platformPaths.admin(slug), label: t('admin.overview.title') }, { href: `${paths.adminGroups(slug)}?plan=${g.plan_id}`, label: t(k('adminTitle')) }];
  const labels = { name: t(k('member.name')), email: t(k('member.email')), role: t(k('member.role')) };
  return (
    <Layout ctx={ctx} title={g.title} crumbs={crumbs} area="admin">
      <div class="stack-lg">
        <div class="stack">
          <h1 class="kern-heading-large">{g.title}</h1>
          {g.purpose ? <p class="kern-body pre-line">{g.purpose}</p> : null}
          <Facts ctx={ctx} s={vm.summary} internal={true} />
          <div class="actions">
            <a class="kern-link" href={paths.adminGroupEdit(slug, g.id)}>{t(k('group.edit'))}</a>
            <a class="kern-link" href={paths.adminRequests(slug, g.id)}>{t(k('requests.link'), { count: vm.pending })}</a>
            <a class="kern-link" href={paths.internal(slug, g.id)}>{t(k('internal.link'))}</a>
            <a class="kern-link" href={`${processPaths.adminEventNew(slug)}?group=${g.id}`}>{t(k('meetings.new'))}</a>
            {g.state === 'active' && g.kind === 'working' ? <a class="kern-link" href={paths.publicGroup(slug, g.id)}>{t(k('publicPage'))}</a> : null}
            <ActionButton action={paths.adminGroupArchive(slug, g.id)} csrfToken={ctx.csrfToken} label={g.state === 'active' ? t(k('group.archive')) : t(k('group.restore'))} fields={{ archived: g.state === 'active' ? '1' : '0' }} size="default" />
          </div>
        </div>
        <section aria-labelledby="mitglieder" class="stack">
          <h2 class="kern-heading-medium" id="mitglieder">{t(k('members'))}</h2>
          <DataTable
            caption={t(k('members'))}
            columns={[{ label: t(k('member.name')) }, { label: t(k('member.email')) }, { label: t(k('member.role')) }, { label: t(k('documents.actions')) }]}
            rowHeaders
            rows={vm.members.map((m) => [
              m.display_name || m.user_name || '',
              m.email ?? '',
              t(k(`member.roles.${m.role}`)),
              <a class="kern-link" href={paths.adminGroupMemberRemove(slug, g.id, m.id)}>{t(k('member.remove'))}<span class="kern-sr-only">: {m.display_name || m.user_name}</span></a>,
            ])}
            empty={t(k('member.none'))}
          />
          {vm.link ? (
            <div class="kern-alert kern-alert--info" role="status">
              <div class="kern-alert__body">
                <p class="kern-body">{t(k('member.linkIntro'))}</p>
                <p class="kern-body break-all">{vm.link}</p>
              </div>
            </div>
          ) : null}
          <form method="post" action={paths.adminMembers(slug, g.id)} class="form" novalidate>
            <h3 class="kern-heading-small">{t(k('member.add'))}</h3>
            <p class="kern-body">{t(k('member.addHint'))}</p>
            <ErrorSummary t={t} form={vm.form} labels={labels} />
            <Csrf token={ctx.csrfToken} />
            <TextField t={t} form={vm.form} name="name" label={labels.name} autocomplete="off" />
            <TextField t={t} form={vm.form} name="email" label={labels.email} type="email" inputmode="email" autocomplete="off" />
            <Select t={t} form={vm.form} name="role" label={labels.role} options={[{ value: 'member', label: t(k('member.roles.member')) }, { value: 'lead', label: t(k('member.roles.lead')) }]} />
            <div class="actions"><SubmitButton label={t(k('member.addButton'))} /></div>
          </form>
        </section>
      </div>
    </Layout>
  );
}

// ---- the lead: requests to join ------------------------------------------------------------------------------

export interface RequestsVm {
  group: WorkingGroup;
  requests: JoinRequest[];
  /** the form of one request shown again with its errors */
  failed?: { id: number; form: FormState };
  retentionDays: number;
  manage: boolean;
}

function DecisionForm({ ctx, group, r, form }: { ctx: PageContext; group: WorkingGroup; r: JoinRequest; form: FormState }) {
  const { t } = ctx;
  const slug = slugOf(ctx);
  const name = (f: string) => `${f}-${r.id}`;
  const labels = { [name('decision')]: t(k('requests.decision')), [name('note')]: t(k('requests.note')) };
  const shown: FormState = { values: { [name('decision')]: form.values.decision ?? '', [name('note')]: form.values.note ?? '' }, errors: Object.fromEntries(Object.entries(form.errors).map(([f, e]) => [name(f), e])) };
  const error = shown.errors[name('decision')];
  return (
    <form method="post" action={paths.adminRequest(slug, group.id, r.id)} class="form" novalidate>
      <ErrorSummary t={t} form={shown} labels={labels} />
      <Csrf token={ctx.csrfToken} />
      <fieldset class={`kern-fieldset${error ? ' kern-fieldset--error' : ''}`} id={fieldId(name('decision'))}>
        <legend class="kern-label">{t(k('requests.decisionFor'), { name: r.name })}</legend>
        {error ? <p class="kern-error">{errorText(t, error)}</p> : null}
        <div class="kern-fieldset__body">
          {(['accept', 'decline'] as const).map((d) => (
            <div class="kern-form-check">
              <input class="kern-form-check__radio" type="radio" id={`${fieldId(name('decision'))}-${d}`} name="decision" value={d} checked={form.values.decision === d} />
              <label class="kern-label" for={`${fieldId(name('decision'))}-${d}`}>{t(k(`requests.${d}`))}</label>
            </div>
          ))}
        </div>
      </fieldset>
      <div class={`kern-form-input`}>
        <label class="kern-label" for={fieldId(name('note'))}>{t(k('requests.note'))}<span class="kern-label__optional"> – {t('form.optional')}</span></label>
        <div class="kern-hint" id={`${fieldId(name('note'))}-hint`}>{t(k('requests.noteHint'))}</div>
        <textarea class="kern-form-input__input" id={fieldId(name('note'))} name="note" rows={3} maxlength={1000} aria-describedby={`${fieldId(name('note'))}-hint`}>{form.values.note ?? ''}</textarea>
      </div>
      <div class="actions"><SubmitButton label={t(k('requests.decide'))} /></div>
    </form>
  );
}

export function RequestsPage({ ctx, vm }: { ctx: PageContext; vm: RequestsVm }) {
  const { t, lang } = ctx;
  const slug = slugOf(ctx);
  const g = vm.group;
  const title = t(k('requests.title'), { group: g.title });
  const pending = vm.requests.filter((r) => r.state === 'pending');
  const decided = vm.requests.filter((r) => r.state !== 'pending');
  const crumbs: Crumb[] = vm.manage
    ? [{ href: platformPaths.admin(slug), label: t('admin.overview.title') }, { href: paths.adminGroup(slug, g.id), label: g.title }]
    : [{ href: paths.myGroups(slug), label: t(k('my.title')) }, { href: paths.internal(slug, g.id), label: g.title }];
  return (
    <Layout ctx={ctx} title={title} crumbs={crumbs} area="admin">
      <div class="stack-lg">
        <div class="stack">
          <h1 class="kern-heading-large">{title}</h1>
          <p class="kern-body">{t(k('requests.intro'), { count: vm.retentionDays })}</p>
        </div>
        <section aria-labelledby="offen" class="stack">
          <h2 class="kern-heading-medium" id="offen">{t(k('requests.pendingTitle'))}</h2>
          {pending.length === 0 ? <p class="kern-body">{t(k('requests.nonePending'))}</p> : (
            <ul class="cards">
              {pending.map((r) => (
                <li class="card stack">
                  <h3 class="kern-heading-small">{r.name}</h3>
                  <p class="kern-body"><a class="kern-link" href={`mailto:${r.email}`}>{r.email}</a> · {formatDate(r.created_at, lang)}</p>
                  <p class="kern-body pre-line">{r.motivation}</p>
                  <DecisionForm ctx={ctx} group={g} r={r} form={vm.failed?.id === r.id ? vm.failed.form : { values: {}, errors: {} }} />
                </li>
              ))}
            </ul>
          )}
        </section>
        <section aria-labelledby="entschieden" class="stack">
          <h2 class="kern-heading-medium" id="entschieden">{t(k('requests.decidedTitle'))}</h2>
          <DataTable
            caption={t(k('requests.decidedTitle'))}
            columns={[{ label: t(k('member.name')) }, { label: t(k('requests.decision')) }, { label: t(k('requests.decidedAt')) }, { label: t(k('requests.note')) }]}
            rowHeaders
            rows={decided.map((r) => [r.name, t(k(`requests.states.${r.state}`)), `${formatDate(r.decided_at, lang)} (${r.decided_by_name})`, r.decision_note])}
            empty={t(k('requests.noneDecided'))}
          />
        </section>
      </div>
    </Layout>
  );
}

// ---- members: their groups and a group's internal area -------------------------------------------------------

export function MyGroupsPage({ ctx, groups }: { ctx: PageContext; groups: Array<{ id: number; title: string; kind: string; state: string; role: string }> }) {
  const { t } = ctx;
  const slug = slugOf(ctx);
  const title = t(k('my.title'));
  return (
    <Layout ctx={ctx} title={title} crumbs={[{ href: platformPaths.admin(slug), label: t('admin.overview.title') }]} area="admin">
      <div class="stack-lg">
        <h1 class="kern-heading-large">{title}</h1>
        {groups.length === 0 ? <p class="kern-body">{t(k('my.none'))}</p> : (
          <ul class="cards">
            {groups.map((g) => (
              <li class="card stack">
                <h2 class="kern-heading-small"><a class="kern-link" href={paths.internal(slug, g.id)}>{g.title}</a></h2>
                <p class="kern-body">{t(k(`member.roles.${g.role}`))}{g.state === 'archived' ? ` · ${t(k('states.archived'))}` : ''}</p>
              </li>
            ))}
          </ul>
        )}
      </div>
    </Layout>
  );
}

export interface InternalVm {
  summary: GroupSummary;
  members: GroupMember[];
  meetings: GroupMeeting[];
  tasks: GroupTask[];
  documents: GroupDocument[];
  measures: Array<{ value: string; label: string }>;
  /** the lead or the officer: requests, uploads, deleting documents */
  lead: boolean;
  manage: boolean;
  pending: number;
  taskForm: FormState;
  documentForm: FormState;
  measureLabel: (id: number | null) => string;
}

export function InternalPage({ ctx, vm }: { ctx: PageContext; vm: InternalVm }) {
  const { t, lang } = ctx;
  const slug = slugOf(ctx);
  const g = vm.summary.group;
  const crumbs: Crumb[] = [{ href: paths.myGroups(slug), label: t(k('my.title')) }];
  const taskLabels = { title: t(k('tasks.titleLabel')), measure_id: t(k('tasks.measure')), due_on: t(k('tasks.due')) };
  const docLabels = { title: t(k('documents.titleLabel')), kind: t(k('documents.kind')), file: t(k('documents.file')), is_public: t(k('documents.isPublic')) };
  return (
    <Layout ctx={ctx} title={g.title} crumbs={crumbs} area="admin">
      <div class="stack-lg">
        <div class="stack">
          <p class="kern-body meta">{t(k('internal.kicker'))}</p>
          <h1 class="kern-heading-large">{g.title}</h1>
          {g.purpose ? <p class="kern-body pre-line">{g.purpose}</p> : null}
          <Facts ctx={ctx} s={vm.summary} internal={true} />
          {vm.lead ? (
            <div class="actions">
              <a class="kern-link" href={paths.adminRequests(slug, g.id)}>{t(k('requests.link'), { count: vm.pending })}</a>
              {vm.manage ? <a class="kern-link" href={paths.adminGroup(slug, g.id)}>{t(k('internal.manage'))}</a> : null}
            </div>
          ) : null}
        </div>
        <section aria-labelledby="mitglieder" class="stack">
          <h2 class="kern-heading-medium" id="mitglieder">{t(k('members'))}</h2>
          <ul class="kern-list">
            {vm.members.map((m) => <li>{m.display_name || m.user_name} <span class="meta">({t(k(`member.roles.${m.role}`))})</span></li>)}
          </ul>
        </section>
        <Meetings ctx={ctx} meetings={vm.meetings} headingId="termine" />
        <section aria-labelledby="aufgaben" class="stack">
          <h2 class="kern-heading-medium" id="aufgaben">{t(k('tasks.title'))}</h2>
          <DataTable
            caption={t(k('tasks.title'))}
            columns={[{ label: t(k('tasks.titleLabel')) }, { label: t(k('tasks.measure')) }, { label: t(k('tasks.due')) }, { label: t(k('tasks.state')) }]}
            rowHeaders
            rows={vm.tasks.map((task) => [
              task.title,
              vm.measureLabel(task.measure_id),
              task.due_on ? formatDate(task.due_on, lang) : '',
              <span class="actions">
                <span>{t(k(`tasks.states.${task.state}`))}</span>
                <ActionButton action={paths.task(slug, g.id, task.id)} csrfToken={ctx.csrfToken} label={task.state === 'open' ? t(k('tasks.markDone')) : t(k('tasks.reopen'))} srLabel={task.title} fields={{ state: task.state === 'open' ? 'done' : 'open' }} variant="tertiary" />
              </span>,
            ])}
            empty={t(k('tasks.none'))}
          />
          <form method="post" action={paths.tasks(slug, g.id)} class="form" novalidate>
            <h3 class="kern-heading-small">{t(k('tasks.add'))}</h3>
            <ErrorSummary t={t} form={vm.taskForm} labels={taskLabels} />
            <Csrf token={ctx.csrfToken} />
            <TextField t={t} form={vm.taskForm} name="title" label={taskLabels.title} maxLength={300} />
            <Select t={t} form={vm.taskForm} name="measure_id" label={taskLabels.measure_id} optional empty={t(k('tasks.noMeasure'))} options={vm.measures} />
            <TextField t={t} form={vm.taskForm} name="due_on" label={taskLabels.due_on} type="date" optional width="short" />
            <div class="actions"><SubmitButton label={t(k('tasks.addButton'))} /></div>
          </form>
        </section>
        <section aria-labelledby="dokumente" class="stack">
          <h2 class="kern-heading-medium" id="dokumente">{t(k('documents.title'))}</h2>
          {documentsTable(ctx, vm.documents, (id) => paths.document(slug, g.id, id), vm.lead ? (id) => paths.documentDelete(slug, g.id, id) : undefined)}
          {vm.lead ? (
            <form method="post" action={paths.documents(slug, g.id)} enctype="multipart/form-data" class="form" novalidate>
              <h3 class="kern-heading-small">{t(k('documents.upload'))}</h3>
              <ErrorSummary t={t} form={vm.documentForm} labels={docLabels} />
              <Csrf token={ctx.csrfToken} />
              <TextField t={t} form={vm.documentForm} name="title" label={docLabels.title} maxLength={200} />
              <Select t={t} form={vm.documentForm} name="kind" label={docLabels.kind} options={DOCUMENT_KINDS.map((d) => ({ value: d, label: t(k(`documents.kinds.${d}`)) }))} />
              <FileField t={t} form={vm.documentForm} name="file" label={docLabels.file} hint={t(k('documents.fileHint'), { mb: DOCUMENT_MAX_BYTES / 1024 / 1024 })} accept={DOCUMENT_ACCEPT} />
              <Checkbox t={t} form={vm.documentForm} name="is_public" label={docLabels.is_public} />
              <div class="actions"><SubmitButton label={t(k('documents.uploadButton'))} /></div>
            </form>
          ) : null}
        </section>
      </div>
    </Layout>
  );
}

// ---- the public -----------------------------------------------------------------------------------------------

export function PublicGroupsPage({ ctx, groups }: { ctx: PageContext; groups: GroupSummary[] }) {
  const { t } = ctx;
  const slug = slugOf(ctx);
  const title = t(k('publicTitle'));
  return (
    <Layout ctx={ctx} title={title} crumbs={[{ href: platformPaths.municipality(slug), label: ctx.municipality!.name }]}>
      <div class="stack-lg">
        <div class="stack">
          <h1 class="kern-heading-large">{title}</h1>
          <p class="kern-body">{t(k('publicIntro'))}</p>
        </div>
        {groups.length === 0 ? <p class="kern-body">{t(k('publicNone'))}</p> : (
          <ul class="cards">
            {groups.map((s) => (
              <li class="card stack">
                <h2 class="kern-heading-small"><a class="kern-link" href={paths.publicGroup(slug, s.group.id)} {...textLang(ctx, 'working_group', s.group.id, 'title')}>{s.group.title}</a></h2>
                {s.anchor ? <p class="kern-body meta"><Anchor ctx={ctx} s={s} /></p> : null}
                {s.group.purpose ? <p class="kern-body" {...textLang(ctx, 'working_group', s.group.id, 'purpose')}>{s.group.purpose.length > 240 ? `${s.group.purpose.slice(0, 240)}…` : s.group.purpose}</p> : null}
                <p class="kern-body">{s.group.join_open ? t(k('joinOpenYes')) : t(k('joinOpenNo'))}</p>
              </li>
            ))}
          </ul>
        )}
      </div>
    </Layout>
  );
}

export interface PublicGroupVm {
  summary: GroupSummary;
  meetings: GroupMeeting[];
  documents: GroupDocument[];
  form: FormState;
  retentionDays: number;
  /** the request was sent (the page after the redirect) */
  sent: boolean;
  /** what other modules add at the end of the page (following by e-mail) */
  extra?: Child[];
}

export function PublicGroupPage({ ctx, vm }: { ctx: PageContext; vm: PublicGroupVm }) {
  const { t } = ctx;
  const slug = slugOf(ctx);
  const g = vm.summary.group;
  const labels = { name: t(k('join.name')), email: t(k('join.email')), motivation: t(k('join.motivation')) };
  const crumbs: Crumb[] = [{ href: platformPaths.municipality(slug), label: ctx.municipality!.name }, { href: paths.publicGroups(slug), label: t(k('publicTitle')) }];
  let joinPart: Child;
  if (!g.join_open) joinPart = <p class="kern-body">{t(k('join.closed'))}</p>;
  else if (vm.sent) joinPart = <p class="kern-body">{t(k('join.sentText'))}</p>;
  else {
    joinPart = (
      <form method="post" action={paths.publicGroup(slug, g.id)} class="form" novalidate>
        <ErrorSummary t={t} form={vm.form} labels={labels} />
        <Csrf token={ctx.csrfToken} />
        <TextField t={t} form={vm.form} name="name" label={labels.name} autocomplete="name" maxLength={200} />
        <TextField t={t} form={vm.form} name="email" label={labels.email} type="email" inputmode="email" autocomplete="email" maxLength={200} />
        <TextArea t={t} form={vm.form} name="motivation" label={labels.motivation} hint={t(k('join.motivationHint'))} maxLength={2000} rows={4} />
        <div class="group-hp" aria-hidden="true">
          <label for="feld-website">{t(k('join.website'))}</label>
          <input type="text" id="feld-website" name="website" value="" tabindex={-1} autocomplete="off" />
        </div>
        <p class="kern-body">{t(k('join.privacy'), { count: vm.retentionDays })}</p>
        <div class="actions"><SubmitButton label={t(k('join.submit'))} /></div>
      </form>
    );
  }
  return (
    <Layout ctx={ctx} title={g.title} titleAttrs={textLang(ctx, 'working_group', g.id, 'title')} crumbs={crumbs}>
      <div class="stack-lg">
        <div class="stack">
          <h1 class="kern-heading-large" {...textLang(ctx, 'working_group', g.id, 'title')}>{g.title}</h1>
          {g.purpose ? <p class="kern-body pre-line" {...textLang(ctx, 'working_group', g.id, 'purpose')}>{g.purpose}</p> : null}
          <Facts ctx={ctx} s={vm.summary} internal={false} />
        </div>
        <Meetings ctx={ctx} meetings={vm.meetings} headingId="termine" />
        {vm.documents.length ? (
          <section aria-labelledby="dokumente" class="stack">
            <h2 class="kern-heading-medium" id="dokumente">{t(k('documents.title'))}</h2>
            {documentsTable(ctx, vm.documents, (id) => paths.publicDocument(slug, g.id, id))}
          </section>
        ) : null}
        <section aria-labelledby="mitmachen" class="stack">
          <h2 class="kern-heading-medium" id="mitmachen">{t(k('join.title'))}</h2>
          {g.how_to_join ? <p class="kern-body pre-line" {...textLang(ctx, 'working_group', g.id, 'how_to_join')}>{g.how_to_join}</p> : null}
          {joinPart}
        </section>
        {vm.extra}
      </div>
    </Layout>
  );
}

/** The working groups of a yearly priority, on the priorities page. */
export function PriorityGroups({ ctx, groups, admin }: { ctx: PageContext; groups: WorkingGroup[]; admin: boolean }) {
  const { t } = ctx;
  const slug = slugOf(ctx);
  if (groups.length === 0) return <p class="kern-body">{t(k('priority.none'))}</p>;
  return (
    <div>
      <h4 class="kern-body kern-body--bold">{t(k('priority.title'))}</h4>
      <ul class="kern-list">
        {groups.map((g) => <li><a class="kern-link" href={admin ? paths.adminGroup(slug, g.id) : paths.publicGroup(slug, g.id)} {...textLang(ctx, 'working_group', g.id, 'title')}>{g.title}</a></li>)}
      </ul>
    </div>
  );
}

export const anchorText = (t: T, kind: 'field' | 'goal' | 'priority', label: string) => `${t(k(`anchors.${kind}`))}: ${label}`;
