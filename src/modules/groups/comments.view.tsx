// The steering group's comment threads (on a measure's admin page and on the review page) and the form to write
// a comment or a reply. Resolved threads are folded, and stay readable.
import { ActionButton, Csrf, ErrorSummary, hintWithLimit, SubmitButton, TextArea } from '../../platform/views/components.js';
import { formatDate } from '../../platform/views/format.js';
import { Layout } from '../../platform/views/layout.js';
import type { FormState, PageContext } from '../../platform/views/page.js';
import type { CommentRow, Thread } from './comments.service.js';
import { paths } from './steering.paths.js';
import { LIMITS } from './steering.schema.js';

/** Where a comment form returns to: the measure's admin page, or the plan's review page. */
export type CommentReturn = 'measure' | 'review';

function Comment({ ctx, c }: { ctx: PageContext; c: CommentRow }) {
  return (
    <div class="comment">
      <p class="meta">{ctx.t('groups.steering.comments.byAt', { name: c.author_name, date: formatDate(c.created_at, ctx.lang) })}</p>
      <p class="kern-body pre-line">{c.text}</p>
    </div>
  );
}

export interface ThreadPermissions {
  comment: boolean;
  /** may resolve this thread (officer or its author) */
  resolve: (root: CommentRow) => boolean;
}

function ThreadView({ ctx, thread, may, back }: { ctx: PageContext; thread: Thread; may: ThreadPermissions; back: CommentReturn }) {
  const { t } = ctx;
  const slug = ctx.municipality!.slug;
  const count = 1 + thread.replies.length;
  const body = (
    <>
      <Comment ctx={ctx} c={thread.root} />
      {thread.replies.length ? (
        <ul class="comment-replies">
          {thread.replies.map((r) => (
            <li><Comment ctx={ctx} c={r} /></li>
          ))}
        </ul>
      ) : null}
      <div class="actions">
        {may.comment ? (
          <a class="kern-link" href={`${paths.adminCommentReply(slug, thread.root.id)}${back === 'review' ? '?zurueck=pruefung' : ''}`}>
            {t('groups.steering.comments.reply')}<span class="kern-sr-only"> {t('groups.steering.comments.toCommentOf', { name: thread.root.author_name })}</span>
          </a>
        ) : null}
        {may.resolve(thread.root) ? (
          <ActionButton
            action={paths.adminCommentResolve(slug, thread.root.id)}
            csrfToken={ctx.csrfToken}
            label={t(thread.resolved ? 'groups.steering.comments.reopen' : 'groups.steering.comments.resolve')}
            srLabel={t('groups.steering.comments.toCommentOf', { name: thread.root.author_name })}
            fields={{ resolved: thread.resolved ? '0' : '1', ...(back === 'review' ? { zurueck: 'pruefung' } : {}) }}
            size="default"
            variant="tertiary"
          />
        ) : null}
      </div>
    </>
  );
  if (!thread.resolved) return <li class="card comment-thread" id={`kommentar-${thread.root.id}`}>{body}</li>;
  return (
    <li class="card comment-thread comment-thread--resolved" id={`kommentar-${thread.root.id}`}>
      <details>
        <summary>
          {t('groups.steering.comments.resolvedSummary', {
            name: thread.root.author_name, count, by: thread.root.resolved_by_name ?? '', date: formatDate(thread.root.resolved_at, ctx.lang),
          })}
        </summary>
        {body}
      </details>
    </li>
  );
}

/** The threads on one goal or measure, open ones first. */
export function Threads({ ctx, threads, may, back }: { ctx: PageContext; threads: Thread[]; may: ThreadPermissions; back: CommentReturn }) {
  if (threads.length === 0) return <p class="kern-body">{ctx.t('groups.steering.comments.none')}</p>;
  const ordered = [...threads.filter((x) => !x.resolved), ...threads.filter((x) => x.resolved)];
  return (
    <ul class="comment-threads">
      {ordered.map((thread) => <ThreadView ctx={ctx} thread={thread} may={may} back={back} />)}
    </ul>
  );
}

export const openCount = (threads: Thread[]) => threads.filter((x) => !x.resolved).length;

/** The section on a measure's admin page. */
export function MeasureCommentsSection({ ctx, measureId, threads, may }: { ctx: PageContext; measureId: number; threads: Thread[]; may: ThreadPermissions }) {
  const { t } = ctx;
  return (
    <section aria-labelledby="kommentare-titel" class="stack" id="kommentare">
      <h2 class="kern-heading-medium" id="kommentare-titel">{t('groups.steering.comments.title')}</h2>
      <p class="kern-body">{t('groups.steering.comments.internal')} {t('groups.steering.comments.openCount', { count: openCount(threads) })}</p>
      <Threads ctx={ctx} threads={threads} may={may} back="measure" />
      {may.comment ? <a class="kern-btn kern-btn--secondary" href={paths.adminMeasureComment(ctx.municipality!.slug, measureId)}><span class="kern-label">{t('groups.steering.comments.write')}</span></a> : null}
    </section>
  );
}

export interface CommentFormVm {
  title: string;
  /** what is commented on: the goal's or measure's text, or the comment replied to */
  about: string;
  thread: Thread | null;
  action: string;
  back: CommentReturn;
  cancelHref: string;
  crumbs: Array<{ href: string; label: string }>;
  form: FormState;
}

export function CommentFormPage({ ctx, vm }: { ctx: PageContext; vm: CommentFormVm }) {
  const { t } = ctx;
  const labels = { text: t('groups.steering.comments.text') };
  return (
    <Layout ctx={ctx} title={vm.title} area="admin" crumbs={vm.crumbs}>
      <div class="stack-lg">
        <div class="stack">
          <h1 class="kern-heading-large">{vm.title}</h1>
          <p class="kern-body pre-line">{vm.about}</p>
          {vm.thread ? <Threads ctx={ctx} threads={[vm.thread]} may={{ comment: false, resolve: () => false }} back={vm.back} /> : null}
        </div>
        <form method="post" action={vm.action} class="form" novalidate>
          <ErrorSummary t={t} form={vm.form} labels={labels} />
          <Csrf token={ctx.csrfToken} />
          {vm.back === 'review' ? <input type="hidden" name="zurueck" value="pruefung" /> : null}
          <TextArea t={t} form={vm.form} name="text" label={labels.text} hint={hintWithLimit(t, t('groups.steering.comments.textHint'), LIMITS.comment)} maxLength={LIMITS.comment} rows={6} />
          <div class="actions">
            <SubmitButton label={t('groups.steering.comments.send')} />
            <a class="kern-link" href={vm.cancelHref}>{t('form.cancel')}</a>
          </div>
        </form>
      </div>
    </Layout>
  );
}
