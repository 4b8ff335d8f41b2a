// The pages of residents' comments and ideas: the comments on a measure, goal or field with their form, the
// ideas per field of action, an idea's page (with the measure it led to), the sections on a measure's page
// ("Herkunft": the ideas it came from), and the moderators' queue and settings. Residents' texts are plain
// text, always escaped, in the language they wrote in; the plan's texts are German (marked on other pages).
import type { Child } from 'hono/jsx';
import { dirOf, isLang, type T } from '../../platform/i18n/i18n.js';
import { ActionButton, Csrf, ErrorSummary, fieldId, Select, SubmitButton, TextArea, TextField } from '../../platform/views/components.js';
import { formatDate } from '../../platform/views/format.js';
import { Layout } from '../../platform/views/layout.js';
import type { FormState, PageContext } from '../../platform/views/page.js';
import { planPaths } from '../plan/index.js';
import { HONEYPOT, LIMITS } from './ideas.schema.js';
import { paths } from './ideas.paths.js';
import type { DraftTarget, PostRow, QueueItem, Subject } from './ideas.service.js';

const k = 'ideas';

/** A text of the plan (German), marked as German on a page in another language. */
function German({ ctx, text }: { ctx: PageContext; text: string }) {
  return <span lang={ctx.lang === 'de' ? undefined : 'de'} dir={dirOf(ctx.lang) === 'rtl' ? 'ltr' : undefined}>{text}</span>;
}

/** A resident's own text, in the language they wrote it in. */
function Said({ ctx, post, text }: { ctx: PageContext; post: PostRow; text: string }) {
  return <p class="kern-body pre-line" lang={post.lang !== ctx.lang ? post.lang : undefined} dir={post.lang !== ctx.lang && isLang(post.lang) ? dirOf(post.lang) : undefined}>{text}</p>;
}

function Author({ ctx, post }: { ctx: PageContext; post: PostRow }) {
  const { t } = ctx;
  return (
    <p class="kern-body kern-body--small">
      {post.author_name ? t(`${k}.post.by`, { name: post.author_name }) : t(`${k}.post.anonymous`)}, {formatDate(post.created_at, ctx.lang)}
    </p>
  );
}

/** The city's public answer, marked as such. */
function CityAnswer({ ctx, post }: { ctx: PageContext; post: PostRow }) {
  const { t } = ctx;
  if (!post.answer || !post.answered_at) return null;
  return (
    <div class="kern-alert kern-alert--info city-answer">
      <div class="kern-alert__body">
        <p class="kern-body"><strong>{t(`${k}.answer.label`)}</strong> ({formatDate(post.answered_at, ctx.lang)})</p>
        <p class="kern-body pre-line" lang={ctx.lang === 'de' ? undefined : 'de'}>{post.answer}</p>
      </div>
    </div>
  );
}

function ReportButton({ ctx, post }: { ctx: PageContext; post: PostRow }) {
  return <ActionButton action={paths.report(ctx.municipality!.slug, post.id)} csrfToken={ctx.csrfToken} label={ctx.t(`${k}.post.report`)} srLabel={ctx.t(`${k}.post.reportOf`, { n: post.id })} variant="tertiary" size="x-small" />;
}

function Honeypot({ t }: { t: T }) {
  return (
    <div class="hp-field" aria-hidden="true">
      <label for={fieldId(HONEYPOT)}>{t(`${k}.form.honeypot`)}</label>
      <input type="text" id={fieldId(HONEYPOT)} name={HONEYPOT} value="" tabindex={-1} autocomplete="off" />
    </div>
  );
}

function labelsOf(t: T) {
  return { title: t(`${k}.form.title`), body: t(`${k}.form.body`), name: t(`${k}.form.name`), email: t(`${k}.form.email`) };
}

/** The form of a comment or an idea: the text, an optional name, an e-mail address only for an answer. */
function PostForm({ ctx, form, action, idea, retentionDays, moderation }: { ctx: PageContext; form: FormState; action: string; idea: boolean; retentionDays: number; moderation: 'pre' | 'post' }) {
  const { t } = ctx;
  const labels = labelsOf(t);
  return (
    <form method="post" action={action} class="form stack" novalidate>
      <ErrorSummary t={t} form={form} labels={labels} />
      <Csrf token={ctx.csrfToken} />
      <p class="kern-body">{t(`${k}.form.rules`, { max: 2 })} {t(`${k}.form.moderation_${moderation}`)}</p>
      {idea ? <TextField t={t} form={form} name="title" label={labels.title} maxLength={LIMITS.ideaTitle} /> : null}
      <TextArea t={t} form={form} name="body" label={labels.body} maxLength={idea ? LIMITS.idea : LIMITS.comment} rows={5} />
      <TextField t={t} form={form} name="name" label={labels.name} optional autocomplete="name" maxLength={LIMITS.name} hint={t(`${k}.form.nameHint`)} />
      <TextField t={t} form={form} name="email" label={labels.email} optional type="email" autocomplete="email" inputmode="email" maxLength={254} hint={t(`${k}.form.emailHint`, { count: retentionDays })} />
      <Honeypot t={t} />
      <SubmitButton label={t(idea ? `${k}.form.submitIdea` : `${k}.form.submitComment`)} />
    </form>
  );
}

function subjectLink(slug: string, s: Subject): string {
  return s.type === 'measure' ? planPaths.measure(slug, s.id) : planPaths.field(slug, s.fieldId);
}

export function CommentsPage({ ctx, subject, comments, form, retentionDays, moderation }: { ctx: PageContext; subject: Subject; comments: PostRow[]; form: FormState; retentionDays: number; moderation: 'pre' | 'post' }) {
  const { t } = ctx;
  const slug = ctx.municipality!.slug;
  const title = t(`${k}.comments.title_${subject.type}`);
  return (
    <Layout ctx={ctx} title={title} crumbs={[{ href: subjectLink(slug, subject), label: subject.number ? `${t(`${k}.measureNo`, { number: subject.number })}` : t(`${k}.comments.back_${subject.type}`) }]}>
      <div class="stack-lg">
        <div class="stack">
          <h1 class="kern-heading-large">{title}</h1>
          <p class="kern-body"><German ctx={ctx} text={subject.label} /></p>
        </div>
        <section class="stack" aria-labelledby="kommentare">
          <h2 class="kern-heading-medium" id="kommentare">{t(`${k}.comments.listTitle`, { count: comments.length })}</h2>
          {comments.length === 0 ? <p class="kern-body">{t(`${k}.comments.none`)}</p> : (
            <ol class="plain-list stack">
              {comments.map((p) => (
                <li class="stack resident-post" id={`beitrag-${p.id}`}>
                  <CityAnswer ctx={ctx} post={p} />
                  <Said ctx={ctx} post={p} text={p.body} />
                  <Author ctx={ctx} post={p} />
                  <ReportButton ctx={ctx} post={p} />
                </li>
              ))}
            </ol>
          )}
        </section>
        <section class="stack" aria-labelledby="kommentieren">
          <h2 class="kern-heading-medium" id="kommentieren">{t(`${k}.comments.formTitle`)}</h2>
          <PostForm ctx={ctx} form={form} action={paths.comments(slug, subject.type, subject.id)} idea={false} retentionDays={retentionDays} moderation={moderation} />
        </section>
      </div>
    </Layout>
  );
}

export function IdeasPage({ ctx, fields }: { ctx: PageContext; fields: Array<{ id: number; title: string; ideas: number }> }) {
  const { t } = ctx;
  const slug = ctx.municipality!.slug;
  const title = t(`${k}.ideas.title`);
  return (
    <Layout ctx={ctx} title={title}>
      <div class="stack-lg">
        <h1 class="kern-heading-large">{title}</h1>
        <p class="kern-body">{t(`${k}.ideas.intro`)}</p>
        {fields.length === 0 ? <p class="kern-body">{t(`${k}.ideas.noPlan`)}</p> : (
          <ul class="kern-list kern-list--bullet">
            {fields.map((f) => (
              <li><a class="kern-link" href={paths.fieldIdeas(slug, f.id)}><German ctx={ctx} text={f.title} /></a> ({t(`${k}.ideas.count`, { count: f.ideas })})</li>
            ))}
          </ul>
        )}
      </div>
    </Layout>
  );
}

export function FieldIdeasPage({ ctx, field, ideas, form, retentionDays, moderation }: { ctx: PageContext; field: Subject; ideas: PostRow[]; form: FormState; retentionDays: number; moderation: 'pre' | 'post' }) {
  const { t } = ctx;
  const slug = ctx.municipality!.slug;
  const title = t(`${k}.field.title`);
  return (
    <Layout ctx={ctx} title={`${title}: ${field.label}`} crumbs={[{ href: paths.ideas(slug), label: t(`${k}.ideas.title`) }]}>
      <div class="stack-lg">
        <div class="stack">
          <h1 class="kern-heading-large">{title}: <German ctx={ctx} text={field.label} /></h1>
          <p class="kern-body"><a class="kern-link" href={planPaths.field(slug, field.id)}>{t(`${k}.field.toField`)}</a></p>
          <p class="kern-body"><a class="kern-link" href={paths.comments(slug, 'field', field.id)}>{t(`${k}.field.comment`)}</a></p>
        </div>
        <section class="stack" aria-labelledby="ideen">
          <h2 class="kern-heading-medium" id="ideen">{t(`${k}.ideas.count`, { count: ideas.length })}</h2>
          {ideas.length === 0 ? <p class="kern-body">{t(`${k}.field.none`)}</p> : (
            <ul class="kern-list kern-list--bullet">
              {ideas.map((p) => (
                <li>
                  <a class="kern-link" href={paths.idea(slug, p.id)} lang={p.lang !== ctx.lang ? p.lang : undefined}>{p.title}</a>
                  {p.answered_at ? <> ({t(`${k}.answer.label`)})</> : null}
                </li>
              ))}
            </ul>
          )}
        </section>
        <section class="stack" aria-labelledby="idee-einreichen">
          <h2 class="kern-heading-medium" id="idee-einreichen">{t(`${k}.field.formTitle`)}</h2>
          <PostForm ctx={ctx} form={form} action={paths.fieldIdeas(slug, field.id)} idea={true} retentionDays={retentionDays} moderation={moderation} />
        </section>
      </div>
    </Layout>
  );
}

export function IdeaPage({ ctx, idea, field, measure, preparing }: { ctx: PageContext; idea: PostRow; field: Subject; measure: { id: number; number: string | null; text: string } | null; preparing: boolean }) {
  const { t } = ctx;
  const slug = ctx.municipality!.slug;
  return (
    <Layout ctx={ctx} title={idea.title} crumbs={[{ href: paths.ideas(slug), label: t(`${k}.ideas.title`) }, { href: paths.fieldIdeas(slug, field.id), label: t(`${k}.field.title`) }]}>
      <article class="stack-lg">
        <div class="stack">
          <p class="kern-body kern-body--small">{t(`${k}.idea.kicker`)} · <German ctx={ctx} text={field.label} /></p>
          <h1 class="kern-heading-large" lang={idea.lang !== ctx.lang ? idea.lang : undefined}>{idea.title}</h1>
          {measure ? (
            <p class="kern-body idea-result">
              <strong>
                <a class="kern-link" href={planPaths.measure(slug, measure.id)}>{measure.number ? t(`${k}.idea.became`, { number: measure.number }) : t(`${k}.idea.becameUnnumbered`)}</a>
              </strong>
            </p>
          ) : preparing ? (
            <p class="kern-body idea-result"><strong>{t(`${k}.idea.preparing`)}</strong></p>
          ) : null}
        </div>
        <CityAnswer ctx={ctx} post={idea} />
        <Said ctx={ctx} post={idea} text={idea.body} />
        <Author ctx={ctx} post={idea} />
        <ReportButton ctx={ctx} post={idea} />
      </article>
    </Layout>
  );
}

/** On a measure's or goal's page: how many comments and where to comment. */
export function CommentLink({ ctx, type, id, count }: { ctx: PageContext; type: 'measure' | 'goal' | 'field'; id: number; count: number }) {
  const { t } = ctx;
  return (
    <p class="kern-body">
      <a class="kern-link" href={paths.comments(ctx.municipality!.slug, type, id)}>{t(type === 'field' ? `${k}.field.comment` : `${k}.comments.link_${type}`)}</a> ({t(`${k}.comments.count`, { count })})
    </p>
  );
}

/** At the end of a field of action's page: its ideas, and commenting on it. */
export function FieldParticipation({ ctx, fieldId, comments }: { ctx: PageContext; fieldId: number; comments: number }) {
  const { t } = ctx;
  return (
    <section class="stack" aria-labelledby="mitreden-feld">
      <h2 class="kern-heading-small" id="mitreden-feld">{t(`${k}.field.title`)}</h2>
      <p class="kern-body">
        <a class="kern-link" href={paths.fieldIdeas(ctx.municipality!.slug, fieldId)}>{t(`${k}.field.formTitle`)}</a>
      </p>
      <CommentLink ctx={ctx} type="field" id={fieldId} count={comments} />
    </section>
  );
}

/** The ideas a measure came from, as a part of its "Herkunft" (origin) section. */
export function IdeaOrigins({ ctx, ideas, area }: { ctx: PageContext; ideas: Array<{ id: number; title: string; state?: string }>; area: 'public' | 'admin' }): Child {
  const { t } = ctx;
  const slug = ctx.municipality!.slug;
  return (
    <div class="stack">
      <h3 class="kern-heading-small" id="herkunft-ideen">{t(`${k}.origin.title`, { count: ideas.length })}</h3>
      <ul class="kern-list kern-list--bullet">
        {ideas.map((i) => (
          <li>
            {area === 'public' || i.state === 'published' ? <a class="kern-link" href={paths.idea(slug, i.id)}>{i.title}</a> : <>{i.title} ({t(`${k}.state.${i.state ?? 'pending'}`)})</>}
          </li>
        ))}
      </ul>
    </div>
  );
}

// ---- the moderators ----------------------------------------------------------------------------------------

/** A field of one queue entry's form: ids of its own (the page holds one such form per entry). */
function EntryField({ id, name, label, hint, value = '', area, maxLength, short }: { id: string; name: string; label: string; hint?: string; value?: string; area?: boolean; maxLength: number; short?: boolean }) {
  return (
    <div class="kern-form-input">
      <label class="kern-label" for={id}>{label}</label>
      {hint ? <div class="kern-hint" id={`${id}-hint`}>{hint}</div> : null}
      {area ? (
        <textarea class="kern-form-input__input" id={id} name={name} rows={3} maxlength={maxLength} required>{value}</textarea>
      ) : (
        <input class={`kern-form-input__input${short ? ' kern-form-input__input--width-4' : ''}`} id={id} name={name} type="text" value={value} maxlength={maxLength} aria-describedby={hint ? `${id}-hint` : undefined} required />
      )}
    </div>
  );
}

/**
 * Makes an idea a draft measure in a field of a plan in preparation (the field of the same title preselected);
 * without such a plan, says where to start the next edition.
 */
function DraftMeasureForm({ ctx, item, targets }: { ctx: PageContext; item: QueueItem; targets: DraftTarget[] }) {
  const { t } = ctx;
  const slug = ctx.municipality!.slug;
  const p = item.post;
  const id = `feld-${p.id}`;
  if (!targets.length) {
    return <p class="kern-body kern-body--small">{t(`${k}.queue.noPlanInPreparation`)} <a class="kern-link" href={paths.admin(slug)}>{t(`${k}.queue.toPlans`)}</a></p>;
  }
  const preselected = targets.flatMap((tg) => tg.fields).find((f) => f.title === item.subject)?.id;
  return (
    <form method="post" action={paths.adminToMeasure(slug, p.id)} class="form stack" novalidate>
      <Csrf token={ctx.csrfToken} />
      <div class="kern-form-input">
        <label class="kern-label" for={id}>{t(`${k}.queue.draftLabel`)} ({t(`${k}.kind.${p.kind}`)} {p.id})</label>
        <div class="kern-hint" id={`${id}-hint`}>{t(`${k}.queue.draftHint`)}</div>
        <div class="kern-form-input__select-wrapper">
          <select class="kern-form-input__select" id={id} name="field_id" aria-describedby={`${id}-hint`}>
            {targets.map((tg) => (
              <optgroup label={`${tg.plan.title} ${tg.plan.edition}`.trim()}>
                {tg.fields.map((f) => <option value={String(f.id)} selected={f.id === preselected}>{f.title}</option>)}
              </optgroup>
            ))}
          </select>
        </div>
      </div>
      <button type="submit" class="kern-btn kern-btn--secondary"><span class="kern-label">{t(`${k}.queue.toMeasure`)}</span><span class="kern-sr-only"> ({t(`${k}.kind.${p.kind}`)} {p.id})</span></button>
    </form>
  );
}

function QueueEntry({ ctx, item, waiting, targets }: { ctx: PageContext; item: QueueItem; waiting: boolean; targets: DraftTarget[] }) {
  const { t } = ctx;
  const slug = ctx.municipality!.slug;
  const p = item.post;
  const headingId = `beitrag-${p.id}`;
  return (
    <li class="stack queue-item">
      <h3 class="kern-heading-small" id={headingId}>
        {t(`${k}.kind.${p.kind}`)} {p.id}: {p.title || t(`${k}.queue.on_${p.subject_type}`)}
      </h3>
      <p class="kern-body kern-body--small">
        {t(`${k}.queue.subject`)}: <German ctx={ctx} text={item.subject} /> · {t(`${k}.queue.age`, { count: item.ageDays })}
        {p.report_count > 0 ? <> · <strong>{t(`${k}.queue.reported`, { count: p.report_count })}</strong></> : null}
        {!waiting ? <> · {t(`${k}.state.${p.state}`)}</> : null}
        {p.hidden_reason ? <> · {t(`${k}.queue.reason`)}: {p.hidden_reason}</> : null}
      </p>
      <Said ctx={ctx} post={p} text={p.body} />
      <Author ctx={ctx} post={p} />
      {p.email ? <p class="kern-body kern-body--small">{p.email_confirmed_at ? t(`${k}.queue.wantsAnswer`) : t(`${k}.queue.emailUnconfirmed`)}</p> : null}
      <CityAnswer ctx={ctx} post={p} />
      <div class="actions">
        {p.state !== 'published' ? <ActionButton action={paths.adminApprove(slug, p.id)} csrfToken={ctx.csrfToken} label={t(`${k}.queue.approve`)} srLabel={`${t(`${k}.kind.${p.kind}`)} ${p.id}`} variant="primary" size="default" /> : null}
        {p.measure_id !== null ? <a class="kern-link" href={planPaths.adminMeasure(slug, p.measure_id)}>{t(`${k}.queue.linkedMeasure`)}</a> : null}
      </div>
      <details class="stack">
        <summary>{t(`${k}.queue.answerOrHide`)}<span class="kern-sr-only"> ({t(`${k}.kind.${p.kind}`)} {p.id})</span></summary>
        <form method="post" action={paths.adminAnswer(slug, p.id)} class="form stack" novalidate>
          <Csrf token={ctx.csrfToken} />
          <EntryField id={`antwort-${p.id}`} name="answer" area value={p.answer} label={`${t(`${k}.answer.label`)} (${t(`${k}.kind.${p.kind}`)} ${p.id})`} maxLength={LIMITS.answer} />
          <SubmitButton label={t(`${k}.queue.answer`)} />
        </form>
        {p.state !== 'hidden' ? (
          <form method="post" action={paths.adminHide(slug, p.id)} class="form stack" novalidate>
            <Csrf token={ctx.csrfToken} />
            <EntryField id={`grund-${p.id}`} name="reason" label={`${t(`${k}.queue.reasonLabel`)} (${t(`${k}.kind.${p.kind}`)} ${p.id})`} maxLength={LIMITS.reason} />
            <button type="submit" class="kern-btn kern-btn--secondary"><span class="kern-label">{t(`${k}.queue.hide`)}</span></button>
          </form>
        ) : null}
        {p.kind === 'idea' && p.measure_id === null ? <DraftMeasureForm ctx={ctx} item={item} targets={targets} /> : null}
        {p.kind === 'idea' ? (
          <form method="post" action={paths.adminAttach(slug, p.id)} class="form stack" novalidate>
            <Csrf token={ctx.csrfToken} />
            <EntryField id={`massnahme-${p.id}`} name="measure_number" short label={`${t(`${k}.queue.attachLabel`)} (${t(`${k}.kind.${p.kind}`)} ${p.id})`} hint={t(`${k}.queue.attachHint`)} maxLength={20} />
            <button type="submit" class="kern-btn kern-btn--secondary"><span class="kern-label">{t(`${k}.queue.attach`)}</span></button>
          </form>
        ) : null}
      </details>
    </li>
  );
}

export function QueuePage({ ctx, waiting, recent, targets }: { ctx: PageContext; waiting: QueueItem[]; recent: QueueItem[]; targets: DraftTarget[] }) {
  const { t } = ctx;
  const slug = ctx.municipality!.slug;
  const title = t(`${k}.queue.title`);
  const reported = waiting.filter((i) => i.post.report_count > 0).length;
  const oldest = waiting.reduce((max, i) => Math.max(max, i.ageDays), 0);
  return (
    <Layout ctx={ctx} title={title} area="admin">
      <div class="stack-lg">
        <h1 class="kern-heading-large">{title}</h1>
        <p class="kern-body"><a class="kern-link" href={paths.adminSettings(slug)}>{t(`${k}.settings.title`)}</a></p>
        <dl class="facts">
          <dt>{t(`${k}.queue.waiting`)}</dt>
          <dd id="warten">{waiting.length}</dd>
          <dt>{t(`${k}.queue.reportedCount`)}</dt>
          <dd>{reported}</dd>
          <dt>{t(`${k}.queue.ideas`)}</dt>
          <dd>{waiting.filter((i) => i.post.kind === 'idea').length}</dd>
          <dt>{t(`${k}.queue.comments`)}</dt>
          <dd>{waiting.filter((i) => i.post.kind === 'comment').length}</dd>
          <dt>{t(`${k}.queue.oldest`)}</dt>
          <dd>{t(`${k}.queue.age`, { count: oldest })}</dd>
        </dl>
        <section class="stack" aria-labelledby="warteschlange">
          <h2 class="kern-heading-medium" id="warteschlange">{t(`${k}.queue.waitingTitle`)}</h2>
          {waiting.length === 0 ? <p class="kern-body">{t(`${k}.queue.empty`)}</p> : <ol class="plain-list stack-lg">{waiting.map((i) => <QueueEntry ctx={ctx} item={i} waiting={true} targets={targets} />)}</ol>}
        </section>
        <section class="stack" aria-labelledby="entschieden">
          <h2 class="kern-heading-medium" id="entschieden">{t(`${k}.queue.recentTitle`)}</h2>
          {recent.length === 0 ? <p class="kern-body">{t(`${k}.queue.noneRecent`)}</p> : <ol class="plain-list stack-lg">{recent.map((i) => <QueueEntry ctx={ctx} item={i} waiting={false} targets={targets} />)}</ol>}
        </section>
      </div>
    </Layout>
  );
}

export function SettingsPage({ ctx, form }: { ctx: PageContext; form: FormState }) {
  const { t } = ctx;
  const slug = ctx.municipality!.slug;
  const title = t(`${k}.settings.title`);
  const labels = { moderation: t(`${k}.settings.moderation`), blocked_words: t(`${k}.settings.blockedWords`), email_retention_days: t(`${k}.settings.retention`) };
  return (
    <Layout ctx={ctx} title={title} area="admin" crumbs={[{ href: paths.adminQueue(slug), label: t(`${k}.queue.title`) }]}>
      <div class="stack-lg">
        <h1 class="kern-heading-large">{title}</h1>
        <form method="post" action={paths.adminSettings(slug)} class="form stack" novalidate>
          <ErrorSummary t={t} form={form} labels={labels} />
          <Csrf token={ctx.csrfToken} />
          <Select t={t} form={form} name="moderation" label={labels.moderation} options={[{ value: 'pre', label: t(`${k}.settings.pre`) }, { value: 'post', label: t(`${k}.settings.post`) }]} />
          <TextArea t={t} form={form} name="blocked_words" label={labels.blocked_words} optional hint={t(`${k}.settings.blockedHint`)} maxLength={LIMITS.blockedWords} rows={6} />
          <TextField t={t} form={form} name="email_retention_days" label={labels.email_retention_days} inputmode="numeric" width="short" hint={t(`${k}.settings.retentionHint`)} />
          <SubmitButton label={t('form.save')} />
        </form>
      </div>
    </Layout>
  );
}
