// The officer's pages: the list of rounds with the form to start one, a round's progress and review, the
// links to hand over (shown once), and the representatives of the actors.
import { paths } from './rounds.paths.js';
import { ActionButton, Csrf, ErrorSummary, StatusBadge, TextArea } from '../../platform/views/components.js';
import { FieldsForm, type FormFieldSpec } from '../../platform/views/entity-form.view.js';
import { DataTable } from '../../platform/views/data-table.js';
import { Layout } from '../../platform/views/layout.js';
import type { FormState, PageContext } from '../../platform/views/page.js';
import { OneTimePassword } from '../../platform/auth/auth.view.js';
import { formatDate } from '../../platform/views/format.js';
import { measureTitle } from '../plan/index.js';
import type { ChangeWithContext, Participant, Round, RoundSummary } from './rounds.repository.js';
import type { IssuedLink } from './rounds.service.js';

const roundsCrumbs = (ctx: PageContext) => {
  const slug = ctx.municipality!.slug;
  return [
    { href: paths.admin(slug), label: ctx.t('admin.overview.title') },
    { href: paths.adminRounds(slug), label: ctx.t('rounds.title') },
  ];
};

function MailNotice({ ctx, configured }: { ctx: PageContext; configured: boolean }) {
  if (configured) return null;
  return (
    <div class="kern-alert kern-alert--info" role="note">
      <div class="kern-alert__header"><span class="kern-title">{ctx.t('rounds.mailOff.title')}</span></div>
      <div class="kern-alert__body"><p class="kern-body">{ctx.t('rounds.mailOff.body')}</p></div>
    </div>
  );
}

/** Links to copy, shown only in the response that created them (only their hashes are stored). */
export function IssuedLinks({ ctx, links }: { ctx: PageContext; links: IssuedLink[] }) {
  const { t } = ctx;
  if (links.length === 0) return null;
  return (
    <section class="kern-alert kern-alert--success" aria-labelledby="links-title">
      <div class="kern-alert__header"><h2 class="kern-title" id="links-title">{t('rounds.links.title')}</h2></div>
      <div class="kern-alert__body stack">
        <p class="kern-body">{t('rounds.links.intro')}</p>
        {links.map((l) => (
          <div class="kern-form-input">
            <label class="kern-label" for={`link-${l.participantId}`}>{t('rounds.links.for', { actor: l.actorName })}</label>
            <div class="kern-hint" id={`link-${l.participantId}-hint`}>{l.email ? t('rounds.links.email', { email: l.email }) : t('rounds.links.noEmail')}</div>
            <input class="kern-form-input__input" id={`link-${l.participantId}`} type="text" readonly value={l.url} aria-describedby={`link-${l.participantId}-hint`} />
          </div>
        ))}
      </div>
    </section>
  );
}

export function RoundsPage(props: { ctx: PageContext; rounds: RoundSummary[]; canStart: boolean; fields: FormFieldSpec[]; form: FormState; mailConfigured: boolean; canManageUsers: boolean; plans?: Array<{ id: number; title: string }> }) {
  const { ctx } = props;
  const { t, lang } = ctx;
  const slug = ctx.municipality!.slug;
  return (
    <Layout ctx={ctx} title={t('rounds.title')} area="admin" crumbs={[{ href: paths.admin(slug), label: t('admin.overview.title') }]}>
      <div class="stack-lg">
        <div class="stack">
          <h1 class="kern-heading-large">{t('rounds.title')}</h1>
          <p class="kern-body">{t('rounds.intro')}</p>
          <ul class="inline-list">
            {(props.plans ?? []).map((p) => <li><a class="kern-link" href={paths.adminRoundEmails(slug, p.id)}>{t('rounds.emails.linkFor', { plan: p.title })}</a></li>)}
            <li><a class="kern-link" href={paths.adminActors(slug)}>{t('rounds.editEmails')}</a></li>
            {props.canManageUsers ? <li><a class="kern-link" href={paths.adminRepresentatives(slug)}>{t('rounds.reps.title')}</a></li> : null}
          </ul>
        </div>
        <DataTable
          caption={t('rounds.title')}
          empty={t('rounds.none')}
          columns={[
            { label: t('rounds.fields.title') },
            { label: t('rounds.fields.plan') },
            { label: t('rounds.fields.deadline') },
            { label: t('rounds.fields.state') },
            { label: t('rounds.fields.answered') },
            { label: t('rounds.fields.pending') },
          ]}
          rows={props.rounds.map((r) => [
            <a class="kern-link" href={paths.adminRound(slug, r.id)}>{r.title}</a>,
            r.plan_title,
            formatDate(r.deadline, lang),
            t(`rounds.state.${r.state}`),
            t('rounds.answeredOf', { answered: r.answered, total: r.participants }),
            r.pending,
          ])}
        />
        {props.canStart ? (
          <section aria-labelledby="start-title" class="stack">
            <h2 class="kern-heading-medium" id="start-title">{t('rounds.start')}</h2>
            <MailNotice ctx={ctx} configured={props.mailConfigured} />
            {props.fields.length === 0 ? (
              <p class="kern-body">{t('rounds.noPublishedPlan')}</p>
            ) : (
              <FieldsForm ctx={ctx} action={paths.adminRoundNew(slug)} form={props.form} fields={props.fields} submitLabel={t('rounds.startButton')} />
            )}
          </section>
        ) : null}
      </div>
    </Layout>
  );
}

function When({ ctx, at }: { ctx: PageContext; at: string | null }) {
  return <>{at ? formatDate(at, ctx.lang) : ctx.t('rounds.progress.notYet')}</>;
}

function ProgressTable({ ctx, round, participants }: { ctx: PageContext; round: Round; participants: Participant[] }) {
  const { t } = ctx;
  const slug = ctx.municipality!.slug;
  const open = round.state === 'open';
  return (
    <DataTable
      caption={t('rounds.progress.title')}
      columns={[
        { label: t('rounds.progress.actor') },
        { label: t('rounds.progress.email') },
        { label: t('rounds.progress.invited') },
        { label: t('rounds.progress.reminded') },
        { label: t('rounds.progress.answered') },
        { label: t('form.actions') },
      ]}
      rows={participants.map((p) => [
        p.actor_name,
        p.contact_email || (
          <>
            {t('rounds.progress.noEmail')}{' '}
            <a class="kern-link" href={paths.adminActor(slug, p.actor_id)}>
              {t('rounds.progress.addEmail')}
              <span class="kern-sr-only"> {p.actor_name}</span>
            </a>
          </>
        ),
        <When ctx={ctx} at={p.invited_at} />,
        <When ctx={ctx} at={p.reminded_at} />,
        p.answered_at ? formatDate(p.answered_at, ctx.lang) : <strong>{t('rounds.progress.notAnswered')}</strong>,
        <>
          {p.revoked_at ? <p class="meta">{t('rounds.progress.revoked', { date: formatDate(p.revoked_at, ctx.lang) })}</p> : null}
          {open ? (
            <div class="actions">
              <ActionButton action={paths.adminRoundNewLink(slug, round.id, p.id)} csrfToken={ctx.csrfToken} label={t('rounds.progress.newLink')} srLabel={p.actor_name} />
              {p.revoked_at ? null : <ActionButton action={paths.adminRoundRevoke(slug, round.id, p.id)} csrfToken={ctx.csrfToken} label={t('rounds.progress.revoke')} srLabel={p.actor_name} variant="tertiary" />}
            </div>
          ) : null}
        </>,
      ])}
      rowHeaders
    />
  );
}

function ProposedStatus({ ctx, c }: { ctx: PageContext; c: ChangeWithContext }) {
  const { t } = ctx;
  if (c.status_label === null) return <>{t('rounds.review.statusUnchanged')}</>;
  return <StatusBadge t={t} category={c.status_category ?? 'unknown'} label={c.status_label} />;
}

function PendingChange({ ctx, round, c, form }: { ctx: PageContext; round: Round; c: ChangeWithContext; form: FormState }) {
  const { t, lang } = ctx;
  const slug = ctx.municipality!.slug;
  const title = `${measureTitle(t, { number: c.measure_number })} – ${c.actor_name}`;
  const commentName = `comment_${c.id}`;
  return (
    <li class="card stack">
      <h3 class="kern-heading-small" id={`aenderung-${c.id}`}>
        <a class="kern-link" href={paths.adminMeasure(slug, c.measure_id)}>{title}</a>
      </h3>
      <p class="kern-body">{c.measure_text.length > 200 ? `${c.measure_text.slice(0, 199)}…` : c.measure_text}</p>
      <dl class="facts">
        <dt>{t('rounds.review.before')}</dt>
        <dd><StatusBadge t={t} category={c.current_category} label={c.current_label} /></dd>
        <dt>{t('rounds.review.after')}</dt>
        <dd><ProposedStatus ctx={ctx} c={c} /></dd>
        <dt>{t('rounds.review.note')}</dt>
        <dd>
          {c.note_text ? <span class="pre-line">{c.note_text}</span> : t('rounds.review.noNote')}
          {c.note_date ? <span class="meta"> ({formatDate(c.note_date, lang)})</span> : null}
        </dd>
        <dt>{t('rounds.review.evidence')}</dt>
        <dd>{c.evidence_url ? <a class="kern-link" href={c.evidence_url} rel="noopener noreferrer nofollow">{c.evidence_url}</a> : t('rounds.review.noEvidence')}</dd>
        <dt>{t('rounds.review.submitted')}</dt>
        <dd>{formatDate(c.submitted_at, lang)}</dd>
      </dl>
      <div class="actions">
        <ActionButton action={paths.adminRoundAccept(slug, round.id, c.id)} csrfToken={ctx.csrfToken} label={t('rounds.review.accept')} srLabel={title} variant="primary" size="default" />
      </div>
      <form method="post" action={paths.adminRoundReturn(slug, round.id, c.id)} class="form" novalidate>
        <ErrorSummary t={t} form={form} labels={{ [commentName]: t('rounds.review.comment') }} />
        <Csrf token={ctx.csrfToken} />
        <TextArea t={t} form={form} name={commentName} label={t('rounds.review.commentFor', { what: title })} hint={t('rounds.review.commentHint')} rows={3} />
        <button type="submit" class="kern-btn kern-btn--secondary">
          <span class="kern-label">{t('rounds.review.return')}</span>
          <span class="kern-sr-only"> {title}</span>
        </button>
      </form>
    </li>
  );
}

export function RoundPage(props: {
  ctx: PageContext;
  round: Round;
  plan: { id: number; title: string };
  participants: Participant[];
  pending: ChangeWithContext[];
  reviewed: ChangeWithContext[];
  autoReminder: { at: string; done: boolean } | null;
  mailConfigured: boolean;
  links?: IssuedLink[];
  /** The return form of one change, with its error and the typed comment. */
  returnForm?: { changeId: number; form: FormState };
}) {
  const { ctx, round } = props;
  const { t, lang } = ctx;
  const slug = ctx.municipality!.slug;
  const open = round.state === 'open';
  const answered = props.participants.filter((p) => p.answered_at).length;
  const waiting = props.participants.filter((p) => !p.answered_at && !p.revoked_at).length;
  return (
    <Layout ctx={ctx} title={round.title} area="admin" crumbs={roundsCrumbs(ctx)}>
      <div class="stack-lg">
        <div class="stack">
          <h1 class="kern-heading-large">{round.title}</h1>
          <dl class="facts">
            <dt>{t('rounds.fields.plan')}</dt>
            <dd><a class="kern-link" href={paths.adminPlan(slug, props.plan.id)}>{props.plan.title}</a></dd>
            <dt>{t('rounds.fields.deadline')}</dt>
            <dd>{formatDate(round.deadline, lang)}</dd>
            <dt>{t('rounds.fields.validUntil')}</dt>
            <dd>{formatDate(round.expires_at.slice(0, 10), lang)}</dd>
            <dt>{t('rounds.fields.state')}</dt>
            <dd>{t(`rounds.state.${round.state}`)}{round.closed_at ? ` (${formatDate(round.closed_at, lang)})` : ''}</dd>
            <dt>{t('rounds.fields.started')}</dt>
            <dd>{t('rounds.startedBy', { date: formatDate(round.created_at, lang), name: round.created_by_name })}</dd>
            <dt>{t('rounds.fields.autoReminder')}</dt>
            <dd>
              {props.autoReminder && (props.autoReminder.done || round.state === 'open')
                ? t(props.autoReminder.done ? 'rounds.autoReminderSent' : 'rounds.autoReminderAt', { date: formatDate(props.autoReminder.at.slice(0, 10), lang) })
                : t(round.state === 'open' ? 'rounds.autoReminderNone' : 'rounds.autoReminderClosed')}
            </dd>
          </dl>
        </div>
        {props.links ? <IssuedLinks ctx={ctx} links={props.links} /> : null}
        <MailNotice ctx={ctx} configured={props.mailConfigured} />

        <section aria-labelledby="progress-title" class="stack">
          <h2 class="kern-heading-medium" id="progress-title">{t('rounds.progress.title')}</h2>
          <p class="kern-body">{t('rounds.answeredOf', { answered, total: props.participants.length })}</p>
          <ProgressTable ctx={ctx} round={round} participants={props.participants} />
          {open && waiting > 0 ? (
            <form method="post" action={paths.adminRoundRemind(slug, round.id)} class="actions">
              <Csrf token={ctx.csrfToken} />
              <button type="submit" class="kern-btn kern-btn--secondary">
                <span class="kern-label">{t(props.mailConfigured ? 'rounds.remindButton' : 'rounds.remindLinksButton', { count: waiting })}</span>
              </button>
            </form>
          ) : null}
        </section>

        <section aria-labelledby="pending-title" class="stack">
          <h2 class="kern-heading-medium" id="pending-title">{t('rounds.review.title')}</h2>
          {props.pending.length === 0 ? <p class="kern-body">{t('rounds.review.none')}</p> : null}
          <ul class="cards">
            {props.pending.map((c) => (
              <PendingChange ctx={ctx} round={round} c={c} form={props.returnForm?.changeId === c.id ? props.returnForm.form : { values: {}, errors: {} }} />
            ))}
          </ul>
        </section>

        {props.reviewed.length > 0 ? (
          <section aria-labelledby="reviewed-title" class="stack">
            <h2 class="kern-heading-medium" id="reviewed-title">{t('rounds.reviewed.title')}</h2>
            <DataTable
              caption={t('rounds.reviewed.title')}
              columns={[
                { label: t('rounds.reviewed.measure') },
                { label: t('rounds.progress.actor') },
                { label: t('rounds.reviewed.result') },
                { label: t('rounds.reviewed.comment'), cellClass: 'pre-line' },
                { label: t('rounds.reviewed.when') },
              ]}
              rows={props.reviewed.map((c) => [
                <a class="kern-link" href={paths.adminMeasure(slug, c.measure_id)}>{measureTitle(t, { number: c.measure_number })}</a>,
                c.actor_name,
                t(`rounds.changeState.${c.state}`),
                c.review_comment,
                <>{formatDate(c.reviewed_at, lang)}{c.reviewed_by_name ? ` · ${c.reviewed_by_name}` : ''}</>,
              ])}
            />
          </section>
        ) : null}

        {open ? (
          <section aria-labelledby="close-title" class="stack">
            <h2 class="kern-heading-medium" id="close-title">{t('rounds.close.title')}</h2>
            <p class="kern-body">{t('rounds.close.body')}</p>
            <form method="post" action={paths.adminRoundClose(slug, round.id)} class="actions">
              <Csrf token={ctx.csrfToken} />
              <button type="submit" class="kern-btn kern-btn--secondary"><span class="kern-label">{t('rounds.close.button')}</span></button>
            </form>
          </section>
        ) : null}
      </div>
    </Layout>
  );
}

export function RepresentativesPage(props: {
  ctx: PageContext;
  reps: Array<{ id: number; name: string; email: string; actor_name: string }>;
  fields: FormFieldSpec[];
  form: FormState;
  created?: { email: string; password: string | null };
}) {
  const { ctx } = props;
  const { t } = ctx;
  const slug = ctx.municipality!.slug;
  return (
    <Layout ctx={ctx} title={t('rounds.reps.title')} area="admin" crumbs={roundsCrumbs(ctx)}>
      <div class="stack-lg">
        <div class="stack">
          <h1 class="kern-heading-large">{t('rounds.reps.title')}</h1>
          <p class="kern-body">{t('rounds.reps.intro')}</p>
        </div>
        {props.created ? <OneTimePassword ctx={ctx} email={props.created.email} password={props.created.password} /> : null}
        <DataTable
          caption={t('rounds.reps.title')}
          empty={t('rounds.reps.none')}
          columns={[{ label: t('users.name') }, { label: t('users.email') }, { label: t('rounds.reps.actor') }, { label: t('form.actions') }]}
          rows={props.reps.map((r) => [
            r.name,
            r.email,
            r.actor_name,
            <ActionButton action={paths.adminRepresentativeRemove(slug, r.id)} csrfToken={ctx.csrfToken} label={t('rounds.reps.remove')} srLabel={r.name} variant="tertiary" />,
          ])}
        />
        <section aria-labelledby="add-rep" class="stack">
          <h2 class="kern-heading-medium" id="add-rep">{t('rounds.reps.add')}</h2>
          <FieldsForm ctx={ctx} action={paths.adminRepresentatives(slug)} form={props.form} fields={props.fields} submitLabel={t('rounds.reps.addButton')} />
        </section>
      </div>
    </Layout>
  );
}
