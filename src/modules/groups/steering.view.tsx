// Pages of the steering group: the officer's overview and a group's seats and members, the confirmation to
// remove a member, the list of plans to review, and a plan's review page (every goal and measure with its
// threads, the member's review form, and for the officer each seat's state).
import { Csrf, ErrorSummary, Select, SubmitButton, TextField, hintWithLimit } from '../../platform/views/components.js';
import { DataTable } from '../../platform/views/data-table.js';
import { Layout } from '../../platform/views/layout.js';
import type { FormState, PageContext } from '../../platform/views/page.js';
import type { Plan, PlanTree } from '../plan/index.js';
import { measureTitle } from '../plan/index.js';
import type { ApprovalRow, ReviewSummary, SeatReview } from './approvals.service.js';
import { OwnHistory, ReviewTable, SummaryLine, VoteForm } from './approvals.view.js';
import type { Thread } from './comments.service.js';
import { threadKey } from './comments.service.js';
import { openCount, Threads, type ThreadPermissions } from './comments.view.js';
import { paths } from './steering.paths.js';
import { LIMITS, SEATS } from './steering.schema.js';
import type { SteeringGroup, SteeringMember } from './steering.service.js';

const crumbsOf = (ctx: PageContext) => [{ href: paths.admin(ctx.municipality!.slug), label: ctx.t('admin.overview.title') }];
const steeringCrumbs = (ctx: PageContext) => [...crumbsOf(ctx), { href: paths.adminSteering(ctx.municipality!.slug), label: ctx.t('groups.steering.title') }];

export interface OverviewVm {
  rows: Array<{ plan: Plan; group: SteeringGroup | null; members: number; summary: ReviewSummary | null }>;
  form: FormState;
}

export function SteeringOverviewPage({ ctx, vm }: { ctx: PageContext; vm: OverviewVm }) {
  const { t } = ctx;
  const slug = ctx.municipality!.slug;
  const without = vm.rows.filter((r) => !r.group);
  const labels = { plan_id: t('groups.steering.create.plan') };
  return (
    <Layout ctx={ctx} title={t('groups.steering.title')} area="admin" crumbs={crumbsOf(ctx)}>
      <div class="stack-lg">
        <div class="stack">
          <h1 class="kern-heading-large">{t('groups.steering.title')}</h1>
          <p class="kern-body">{t('groups.steering.intro')}</p>
        </div>
        <DataTable
          caption={t('groups.steering.overviewCaption')}
          columns={[{ label: t('groups.steering.plan') }, { label: t('groups.steering.group') }, { label: t('groups.steering.memberCount'), numeric: true }, { label: t('groups.steering.review.stateLabel') }]}
          rowHeaders
          empty={t('groups.steering.noPlans')}
          rows={vm.rows.filter((r) => r.group).map((r) => [
            <>{r.plan.title} <span class="meta">({t(`planState.${r.plan.state}`)})</span></>,
            <a class="kern-link" href={paths.adminSteeringGroup(slug, r.group!.id)}>{r.group!.title}</a>,
            String(r.members),
            r.summary ? t('groups.steering.review.summary', { approved: r.summary.approved, changes: r.summary.changes, pending: r.summary.pending }) : '–',
          ])}
        />
        {without.length ? (
          <section aria-labelledby="einrichten-titel" class="stack">
            <h2 class="kern-heading-medium" id="einrichten-titel">{t('groups.steering.create.title')}</h2>
            <form method="post" action={paths.adminSteeringNew(slug)} class="form" novalidate>
              <ErrorSummary t={t} form={vm.form} labels={labels} />
              <Csrf token={ctx.csrfToken} />
              <Select t={t} form={vm.form} name="plan_id" label={labels.plan_id} empty={t('groups.steering.create.choose')}
                options={without.map((r) => ({ value: String(r.plan.id), label: `${r.plan.title} (${t(`planState.${r.plan.state}`)})` }))} />
              <SubmitButton label={t('groups.steering.create.submit')} />
            </form>
          </section>
        ) : null}
      </div>
    </Layout>
  );
}

export interface GroupVm {
  group: SteeringGroup;
  plan: Plan;
  members: SteeringMember[];
  review: { seats: SeatReview[]; summary: ReviewSummary };
  form: FormState;
  /** the link of an invitation just made without SMTP, handed over once */
  invited: { email: string; link: string } | null;
}

export function SteeringGroupPage({ ctx, vm }: { ctx: PageContext; vm: GroupVm }) {
  const { t } = ctx;
  const slug = ctx.municipality!.slug;
  const labels = { name: t('groups.steering.add.name'), email: t('groups.steering.add.email'), seat: t('groups.steering.seat'), represents: t('groups.steering.add.represents') };
  const seatCount = new Set(vm.members.map((m) => m.seat)).size;
  return (
    <Layout ctx={ctx} title={vm.group.title} area="admin" crumbs={steeringCrumbs(ctx)}>
      <div class="stack-lg">
        <div class="stack">
          <h1 class="kern-heading-large">{vm.group.title}</h1>
          <dl class="facts">
            <dt>{t('groups.steering.plan')}</dt>
            <dd><a class="kern-link" href={paths.adminPlan(slug, vm.plan.id)}>{vm.plan.title}</a> ({t(`planState.${vm.plan.state}`)})</dd>
            <dt>{t('groups.steering.memberCount')}</dt>
            <dd>{t('groups.steering.membersAndSeats', { members: vm.members.length, seats: seatCount })}</dd>
          </dl>
          <p class="actions"><a class="kern-link" href={paths.adminPlanReview(slug, vm.plan.id)}>{t('groups.steering.review.open')}</a></p>
        </div>
        {vm.invited ? (
          <div class="kern-alert kern-alert--info" role="status">
            <div class="kern-alert__body">
              <p class="kern-body">{t('groups.steering.add.linkIntro', { email: vm.invited.email })}</p>
              <p class="kern-body link-to-copy">{vm.invited.link}</p>
            </div>
          </div>
        ) : null}
        <section aria-labelledby="pruefung-titel" class="stack">
          <h2 class="kern-heading-medium" id="pruefung-titel">{t('groups.steering.review.title')}</h2>
          <SummaryLine ctx={ctx} summary={vm.review.summary} />
          <ReviewTable ctx={ctx} seats={vm.review.seats} caption={t('groups.steering.review.title')} />
        </section>
        <section aria-labelledby="mitglieder-titel" class="stack">
          <h2 class="kern-heading-medium" id="mitglieder-titel">{t('groups.steering.members')}</h2>
          <DataTable
            caption={t('groups.steering.members')}
            columns={[{ label: t('groups.steering.member') }, { label: t('groups.steering.seat') }, { label: t('groups.steering.add.represents') }, { label: t('groups.steering.account') }, { label: t('groups.steering.actions') }]}
            rowHeaders
            empty={t('groups.steering.noMembers')}
            rows={vm.members.map((m) => [
              m.display_name,
              m.seat ? t(`groups.steering.seats.${m.seat}`) : '–',
              m.represents || '–',
              <>{m.email ?? '–'}{m.active ? null : <span class="meta"> ({t('groups.steering.invitationOpen')})</span>}</>,
              <a class="kern-link" href={paths.adminSteeringMemberRemove(slug, vm.group.id, m.id)}>{t('groups.steering.remove')}<span class="kern-sr-only"> {m.display_name}</span></a>,
            ])}
          />
        </section>
        <section aria-labelledby="hinzufuegen-titel" class="stack">
          <h2 class="kern-heading-medium" id="hinzufuegen-titel">{t('groups.steering.add.title')}</h2>
          <p class="kern-body">{t('groups.steering.add.intro')}</p>
          <form method="post" action={paths.adminSteeringMembers(slug, vm.group.id)} class="form" novalidate>
            <ErrorSummary t={t} form={vm.form} labels={labels} />
            <Csrf token={ctx.csrfToken} />
            <TextField t={t} form={vm.form} name="name" label={labels.name} hint={hintWithLimit(t, t('groups.steering.add.nameHint'), LIMITS.name)} maxLength={LIMITS.name} autocomplete="off" />
            <TextField t={t} form={vm.form} name="email" label={labels.email} type="email" autocomplete="off" />
            <Select t={t} form={vm.form} name="seat" label={labels.seat} empty={t('groups.steering.add.chooseSeat')} options={SEATS.map((s) => ({ value: s, label: t(`groups.steering.seats.${s}`) }))} />
            <TextField t={t} form={vm.form} name="represents" label={labels.represents} optional hint={hintWithLimit(t, t('groups.steering.add.representsHint'), LIMITS.represents)} maxLength={LIMITS.represents} />
            <SubmitButton label={t('groups.steering.add.submit')} />
          </form>
        </section>
      </div>
    </Layout>
  );
}

export function ReviewsOverviewPage({ ctx, plans }: { ctx: PageContext; plans: Array<{ plan: Plan; openThreads: number; own: ApprovalRow | null }> }) {
  const { t } = ctx;
  const slug = ctx.municipality!.slug;
  return (
    <Layout ctx={ctx} title={t('groups.steering.reviews.title')} area="admin" crumbs={crumbsOf(ctx)}>
      <div class="stack-lg">
        <div class="stack">
          <h1 class="kern-heading-large">{t('groups.steering.reviews.title')}</h1>
          <p class="kern-body">{t('groups.steering.reviews.intro')}</p>
        </div>
        <DataTable
          caption={t('groups.steering.reviews.title')}
          columns={[{ label: t('groups.steering.plan') }, { label: t('groups.steering.comments.openThreads'), numeric: true }, { label: t('groups.steering.review.yours') }]}
          rowHeaders
          empty={t('groups.steering.reviews.none')}
          rows={plans.map((p) => [
            <a class="kern-link" href={paths.adminPlanReview(slug, p.plan.id)}>{p.plan.title}</a>,
            String(p.openThreads),
            p.own ? t(`groups.steering.review.state.${p.own.state}`) : t('groups.steering.review.state.pending'),
          ])}
        />
      </div>
    </Layout>
  );
}

export interface ReviewPageVm {
  tree: PlanTree;
  threads: Map<string, Thread[]>;
  may: { comment: boolean; resolve: ThreadPermissions['resolve']; approve: boolean; officer: boolean };
  review: { seats: SeatReview[]; summary: ReviewSummary } | null;
  groupId: number | null;
  history: ApprovalRow[];
  voteForm: FormState;
}

function EntityThreads({ ctx, vm, entity, id, label }: { ctx: PageContext; vm: ReviewPageVm; entity: 'goal' | 'measure'; id: number; label: string }) {
  const { t } = ctx;
  const slug = ctx.municipality!.slug;
  const threads = vm.threads.get(threadKey(entity, id)) ?? [];
  const commentHref = entity === 'goal' ? paths.adminGoalComment(slug, id) : paths.adminMeasureComment(slug, id);
  return (
    <div class="stack review-item__threads">
      <p class="meta">{t('groups.steering.comments.counts', { open: openCount(threads), total: threads.length })}</p>
      {threads.length ? <Threads ctx={ctx} threads={threads} may={{ comment: vm.may.comment, resolve: vm.may.resolve }} back="review" /> : null}
      {vm.may.comment ? (
        <a class="kern-link" href={`${commentHref}?zurueck=pruefung`}>{t('groups.steering.comments.write')}<span class="kern-sr-only"> {label}</span></a>
      ) : null}
    </div>
  );
}

export function PlanReviewPage({ ctx, vm }: { ctx: PageContext; vm: ReviewPageVm }) {
  const { t } = ctx;
  const slug = ctx.municipality!.slug;
  const { plan } = vm.tree;
  const title = t('groups.steering.reviewPage.title', { plan: plan.title });
  const allThreads = [...vm.threads.values()].flat();
  return (
    <Layout ctx={ctx} title={title} area="admin" crumbs={[...crumbsOf(ctx), { href: paths.adminPlan(slug, plan.id), label: plan.title }]}>
      <div class="stack-lg">
        <div class="stack">
          <h1 class="kern-heading-large">{title}</h1>
          <p class="kern-body">{t('groups.steering.reviewPage.intro')}</p>
          <dl class="facts">
            <dt>{t('plan.state')}</dt>
            <dd>{t(`planState.${plan.state}`)}</dd>
            <dt>{t('groups.steering.comments.openThreads')}</dt>
            <dd>{t('groups.steering.comments.counts', { open: openCount(allThreads), total: allThreads.length })}</dd>
          </dl>
          {vm.may.comment ? null : <p class="kern-body">{t(['draft', 'in_review'].includes(plan.state) ? 'groups.steering.reviewPage.readOnly' : 'groups.steering.reviewPage.notDraft')}</p>}
          <p class="actions">
            <a class="kern-link" href={paths.adminPlan(slug, plan.id)}>{t('groups.steering.reviewPage.workspace')}</a>
            {vm.may.officer && vm.groupId ? <a class="kern-link" href={paths.adminSteeringGroup(slug, vm.groupId)}>{t('groups.steering.manage')}</a> : null}
          </p>
        </div>
        {vm.groupId === null ? <p class="kern-body">{t('groups.steering.reviewPage.noGroup')}</p> : null}
        {vm.may.approve ? (
          <div class="stack">
            <VoteForm ctx={ctx} planId={plan.id} form={vm.voteForm} current={vm.history.find((h) => h.edition_id === null) ?? null} />
            <OwnHistory ctx={ctx} entries={vm.history} />
          </div>
        ) : null}
        {vm.may.officer && vm.review ? (
          <section aria-labelledby="sitze-titel" class="stack">
            <h2 class="kern-heading-medium" id="sitze-titel">{t('groups.steering.review.title')}</h2>
            <SummaryLine ctx={ctx} summary={vm.review.summary} />
            <ReviewTable ctx={ctx} seats={vm.review.seats} caption={t('groups.steering.review.title')} />
          </section>
        ) : null}
        <section aria-labelledby="inhalte-titel" class="stack-lg">
          <h2 class="kern-heading-medium" id="inhalte-titel">{t('groups.steering.reviewPage.contents')}</h2>
          {vm.tree.fields.map((f) => (
            <section aria-labelledby={`feld-titel-${f.id}`} class="stack">
              <h3 class="kern-heading-small" id={`feld-titel-${f.id}`}>{f.title}</h3>
              <ul class="review-list">
                {f.goals.map((g) => (
                  <li class="review-item" id={`ziel-${g.id}`}>
                    <p class="kern-body kern-body--bold">{t('groups.steering.reviewPage.goal')}: {g.number ? `${g.number} ` : ''}{g.text}</p>
                    <EntityThreads ctx={ctx} vm={vm} entity="goal" id={g.id} label={g.number ?? g.text.slice(0, 60)} />
                    <ul class="review-list">
                      {g.measures.map((m) => <MeasureItem ctx={ctx} vm={vm} m={m} />)}
                    </ul>
                  </li>
                ))}
                {f.furtherMeasures.map((m) => <MeasureItem ctx={ctx} vm={vm} m={m} />)}
              </ul>
            </section>
          ))}
        </section>
      </div>
    </Layout>
  );
}

function MeasureItem({ ctx, vm, m }: { ctx: PageContext; vm: ReviewPageVm; m: { id: number; number: string | null; text: string } }) {
  const slug = ctx.municipality!.slug;
  const label = measureTitle(ctx.t, m);
  return (
    <li class="review-item" id={`massnahme-${m.id}`}>
      <p class="kern-body">
        <a class="kern-link" href={paths.adminMeasure(slug, m.id)}>{label}</a>: {m.text}
      </p>
      <EntityThreads ctx={ctx} vm={vm} entity="measure" id={m.id} label={`${label} ${m.text.slice(0, 40)}`} />
    </li>
  );
}
