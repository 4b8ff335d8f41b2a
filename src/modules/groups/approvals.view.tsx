// The steering group's reviews: each seat's state for the officer (on the steering page, the review page and
// the plan's workspace), a member's form and own history, and who approved an edition and when.
import { Csrf, ErrorSummary, errorText, hintWithLimit, SubmitButton, TextArea } from '../../platform/views/components.js';
import { DataTable } from '../../platform/views/data-table.js';
import { formatDate } from '../../platform/views/format.js';
import type { FormState, PageContext } from '../../platform/views/page.js';
import type { ApprovalRow, ReviewSummary, SeatReview } from './approvals.service.js';
import { paths } from './steering.paths.js';
import { LIMITS, REVIEW_STATES } from './steering.schema.js';

const BADGE: Record<string, string> = { approved: 'success', changes_requested: 'warning', pending: 'info' };

export function ReviewBadge({ ctx, state }: { ctx: PageContext; state: string | null }) {
  const s = state ?? 'pending';
  return <span class={`kern-badge kern-badge--${BADGE[s] ?? 'info'}`}><span class="kern-label kern-label--small">{ctx.t(`groups.steering.review.state.${s}`)}</span></span>;
}

export function SummaryLine({ ctx, summary }: { ctx: PageContext; summary: ReviewSummary }) {
  return <p class="kern-body">{ctx.t('groups.steering.review.summary', { approved: summary.approved, changes: summary.changes, pending: summary.pending })}</p>;
}

/** Each seat with its member and their state in the open review. */
export function ReviewTable({ ctx, seats, caption }: { ctx: PageContext; seats: SeatReview[]; caption: string }) {
  const { t, lang } = ctx;
  return (
    <DataTable
      caption={caption}
      columns={[{ label: t('groups.steering.seat') }, { label: t('groups.steering.member') }, { label: t('groups.steering.review.stateLabel') }, { label: t('groups.steering.review.comment') }]}
      rowHeaders
      empty={t('groups.steering.noMembers')}
      rows={seats.map((s) => [
        s.member.seat ? t(`groups.steering.seats.${s.member.seat}`) : '–',
        <>{s.member.display_name}{s.member.represents ? <span class="meta"> ({s.member.represents})</span> : null}</>,
        <>
          <ReviewBadge ctx={ctx} state={s.latest?.state ?? null} />
          {s.latest ? <span class="meta"> {formatDate(s.latest.created_at, lang)}</span> : null}
          {s.earlier.length ? <span class="meta"> · {t('groups.steering.review.earlier', { count: s.earlier.length })}</span> : null}
        </>,
        <span class="pre-line">{s.latest?.comment || ''}</span>,
      ])}
    />
  );
}

/** A member's review of the plan: approve, or ask for changes with a comment. */
export function VoteForm({ ctx, planId, form, current }: { ctx: PageContext; planId: number; form: FormState; current: ApprovalRow | null }) {
  const { t } = ctx;
  const labels = { state: t('groups.steering.review.yourReview'), comment: t('groups.steering.review.comment') };
  const error = form.errors.state;
  return (
    <section aria-labelledby="votum-titel" class="stack">
      <h2 class="kern-heading-medium" id="votum-titel">{t('groups.steering.review.formTitle')}</h2>
      <p class="kern-body">
        {current ? t('groups.steering.review.currentYours', { date: formatDate(current.created_at, ctx.lang) }) : t('groups.steering.review.noneYet')}{' '}
        {current ? <ReviewBadge ctx={ctx} state={current.state} /> : null}
      </p>
      <form method="post" action={paths.adminPlanReviewVote(ctx.municipality!.slug, planId)} class="form" novalidate>
        <ErrorSummary t={t} form={form} labels={labels} />
        <Csrf token={ctx.csrfToken} />
        <fieldset class={`kern-fieldset${error ? ' kern-fieldset--error' : ''}`} id="feld-state" aria-describedby={error ? 'feld-state-error' : undefined}>
          <legend class="kern-label">{labels.state}</legend>
          {error ? <p class="kern-error" id="feld-state-error"><span class="kern-body">{errorText(t, error)}</span></p> : null}
          <div class="kern-fieldset__body">
            {REVIEW_STATES.map((s) => (
              <div class="kern-form-check">
                <input class="kern-form-check__radio" type="radio" name="state" value={s} id={`feld-state-${s}`} checked={form.values.state === s} />
                <label class="kern-label" for={`feld-state-${s}`}>{t(`groups.steering.review.choice.${s}`)}</label>
              </div>
            ))}
          </div>
        </fieldset>
        <TextArea t={t} form={form} name="comment" label={labels.comment} optional hint={hintWithLimit(t, t('groups.steering.review.commentHint'), LIMITS.comment)} maxLength={LIMITS.comment} />
        <SubmitButton label={t('groups.steering.review.submit')} />
      </form>
    </section>
  );
}

export function OwnHistory({ ctx, entries }: { ctx: PageContext; entries: ApprovalRow[] }) {
  const { t, lang } = ctx;
  if (entries.length === 0) return null;
  return (
    <DataTable
      caption={t('groups.steering.review.history')}
      captionVisible
      small
      columns={[{ label: t('groups.steering.review.when') }, { label: t('groups.steering.review.stateLabel') }, { label: t('groups.steering.review.comment') }]}
      rows={entries.map((e) => [
        formatDate(e.created_at, lang),
        <>{t(`groups.steering.review.state.${e.state}`)}{e.edition_id ? <span class="meta"> · {t('groups.steering.review.recorded')}</span> : null}</>,
        <span class="pre-line">{e.comment}</span>,
      ])}
    />
  );
}

/** On an edition's page: who approved the plan (or asked for changes), and when. */
export function EditionApprovalsSection({ ctx, entries }: { ctx: PageContext; entries: ApprovalRow[] }) {
  const { t, lang } = ctx;
  return (
    <section aria-labelledby="freigaben-titel" class="stack">
      <h2 class="kern-heading-medium" id="freigaben-titel">{t('groups.steering.edition.title')}</h2>
      <DataTable
        caption={t('groups.steering.edition.title')}
        columns={[{ label: t('groups.steering.member') }, { label: t('groups.steering.seat') }, { label: t('groups.steering.review.stateLabel') }, { label: t('groups.steering.review.when') }]}
        rowHeaders
        empty={t('groups.steering.edition.none')}
        rows={entries.map((e) => [
          e.member_name,
          e.seat ? t(`groups.steering.seats.${e.seat}`) : '–',
          <>{t(`groups.steering.review.state.${e.state}`)}{e.comment ? <span class="meta pre-line"> – {e.comment}</span> : null}</>,
          formatDate(e.created_at, lang),
        ])}
      />
    </section>
  );
}

/** On the plan's workspace, before its state actions: the steering group's review at a glance. */
export function PlanReviewSection({ ctx, planId, groupId, seats, summary, openThreads }: { ctx: PageContext; planId: number; groupId: number; seats: SeatReview[]; summary: ReviewSummary; openThreads: number }) {
  const { t } = ctx;
  const slug = ctx.municipality!.slug;
  return (
    <section aria-labelledby="lenkungsgruppe-pruefung" class="stack">
      <h2 class="kern-heading-medium" id="lenkungsgruppe-pruefung">{t('groups.steering.review.workspaceTitle')}</h2>
      <SummaryLine ctx={ctx} summary={summary} />
      <p class="kern-body">{t('groups.steering.comments.openCount', { count: openThreads })}</p>
      <ReviewTable ctx={ctx} seats={seats} caption={t('groups.steering.review.workspaceTitle')} />
      <p class="actions">
        <a class="kern-link" href={paths.adminPlanReview(slug, planId)}>{t('groups.steering.review.open')}</a>
        <a class="kern-link" href={paths.adminSteeringGroup(slug, groupId)}>{t('groups.steering.manage')}</a>
      </p>
    </section>
  );
}
