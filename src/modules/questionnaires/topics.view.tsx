// The officer's coding pages: a question's free-text answers (filter, select, assign to a topic, remove from
// one), the questionnaire's topics, and one topic with its answers and its links to goals and measures.
import { GERMAN, textLang } from '../../platform/i18n/content.js';
import { ActionButton, Csrf, ErrorSummary, errorText, fieldId, InLang, Select, sentence, SubmitButton, TextArea, TextField } from '../../platform/views/components.js';
import { DataTable } from '../../platform/views/data-table.js';
import { formatDate } from '../../platform/views/format.js';
import { Layout, type Crumb } from '../../platform/views/layout.js';
import type { FormState, PageContext } from '../../platform/views/page.js';
import type { QuestionnaireHead } from './questionnaire.model.js';
import { paths } from './questionnaires.paths.js';
import type { FreeTextFilter, FreeTextView } from './results.service.js';
import { targetHref, targetLabel } from './results.view.js';
import type { PlanTarget, TopicDetail, TopicMention, TopicSummary } from './topics.service.js';

const key = (k: string) => `questionnaires.results.${k}`;

function crumbsOf(ctx: PageContext, q: QuestionnaireHead): Crumb[] {
  const slug = ctx.municipality!.slug;
  return [
    { href: paths.adminList(slug), label: ctx.t('questionnaires.nav.admin') },
    { href: paths.admin(slug, q.id), label: q.title },
    { href: paths.adminResults(slug, q.id), label: ctx.t(key('title')) },
  ];
}

export interface FreeTextVm {
  view: FreeTextView;
  filter: FreeTextFilter;
  /** the assignment form, with its errors after a refused POST */
  form: FormState;
}

export function FreeTextPage({ ctx, vm }: { ctx: PageContext; vm: FreeTextVm }) {
  const { t, lang } = ctx;
  const slug = ctx.municipality!.slug;
  const { def, question, topics, answers, total } = vm.view;
  const q = def.questionnaire;
  const title = t(key('freeText.title'));
  const action = paths.adminFreeText(slug, q.id, question.id);
  const topicName = new Map(topics.map((tp) => [tp.id, tp.name]));
  const labels = { answer_ids: t(key('freeText.listCaption')), topic_id: t(key('freeText.existingTopic')), name: t(key('freeText.newTopic')) };
  return (
    <Layout ctx={ctx} title={`${title}: ${question.text}`} crumbs={crumbsOf(ctx, q)} area="admin">
      <div class="stack">
        <h1 class="kern-heading-large">{title}</h1>
        <p class="kern-body kern-body--bold">{t(key('freeText.question'), { question: question.text })}</p>
        <ErrorSummary t={t} form={vm.form} labels={labels} />
        <form method="get" action={action} class="filter-form" role="search" aria-labelledby="filter-titel">
          <h2 class="kern-heading-small" id="filter-titel">{t(key('freeText.filterLegend'))}</h2>
          <div class="filter-form__fields">
            <div class="kern-form-input">
              <label class="kern-label" for="suche">{t(key('freeText.search'))}</label>
              <input class="kern-form-input__input" id="suche" name="suche" type="search" value={vm.filter.search ?? ''} />
            </div>
            <div class="kern-form-input">
              <label class="kern-label" for="thema">{t(key('freeText.topic'))}</label>
              <div class="kern-form-input__select-wrapper">
                <select class="kern-form-input__select" id="thema" name="thema">
                  <option value="">{t(key('freeText.anyTopic'))}</option>
                  {topics.map((tp) => <option value={String(tp.id)} selected={tp.id === vm.filter.topicId}>{tp.name}</option>)}
                </select>
              </div>
            </div>
            <div class="kern-form-check">
              <input class="kern-form-check__checkbox" type="checkbox" id="ohne-thema" name="ohne-thema" value="1" checked={!!vm.filter.uncoded} />
              <label class="kern-label" for="ohne-thema">{t(key('freeText.uncoded'))}</label>
            </div>
            <div>
              <button type="submit" class="kern-btn kern-btn--secondary"><span class="kern-label">{t(key('freeText.apply'))}</span></button>
            </div>
          </div>
        </form>
        <p class="kern-body" role="status">{t(key('freeText.shown'), { shown: answers.length, total })}</p>
        {answers.length === 0 ? (
          <p class="kern-body">{t(key('freeText.none'))}</p>
        ) : (
          <form method="post" action={action} class="stack" novalidate>
            <Csrf token={ctx.csrfToken} />
            <input type="hidden" name="action" value="assign" />
            <fieldset class={`kern-fieldset${vm.form.errors.answer_ids ? ' kern-fieldset--error' : ''}`} id={fieldId('answer_ids')}>
              <legend class="kern-label">{t(key('freeText.listCaption'))}</legend>
              {vm.form.errors.answer_ids ? <p class="kern-error"><span class="kern-body">{errorText(t, vm.form.errors.answer_ids)}</span></p> : null}
              <ul class="answer-list">
                {answers.map((a) => (
                  <li class="card answer">
                    <div class="kern-form-check">
                      <input class="kern-form-check__checkbox" type="checkbox" id={`antwort-${a.id}`} name="answer_ids" value={String(a.id)} checked={(vm.form.values.answer_ids ?? '').split(',').includes(String(a.id))} />
                      <label class="kern-label pre-line" for={`antwort-${a.id}`}>{a.text}</label>
                    </div>
                    <p class="kern-body meta">
                      {t(key('freeText.day'))}: {formatDate(a.submittedOn, lang)}
                      {a.source === 'paper' ? ` (${t(key('freeText.paper'))})` : ''} · {t(key('freeText.topics'))}: {a.topicIds.length ? a.topicIds.map((id) => topicName.get(id)).join(', ') : t(key('freeText.noTopic'))}
                    </p>
                  </li>
                ))}
              </ul>
            </fieldset>
            <fieldset class="kern-fieldset">
              <legend class="kern-label">{t(key('freeText.assignLegend'))}</legend>
              <div class="filter-form__fields">
                <Select t={t} form={vm.form} name="topic_id" label={t(key('freeText.existingTopic'))} optional empty={t(key('freeText.noExisting'))} options={topics.map((tp) => ({ value: String(tp.id), label: tp.name }))} />
                <TextField t={t} form={vm.form} name="name" label={t(key('freeText.newTopic'))} hint={t(key('freeText.newTopicHint'))} optional maxLength={200} />
              </div>
            </fieldset>
            <div class="actions">
              <SubmitButton label={t(key('freeText.assign'))} />
            </div>
          </form>
        )}
        {answers.some((a) => a.topicIds.length) ? (
          <section aria-labelledby="entfernen-titel" class="stack">
            <h2 class="kern-heading-small" id="entfernen-titel">{t(key('freeText.remove'))}</h2>
            <ul class="kern-list">
              {answers.flatMap((a) =>
                a.topicIds.map((topicId) => (
                  <li>
                    „{a.text.length > 80 ? `${a.text.slice(0, 79)}…` : a.text}“ – {topicName.get(topicId)}{' '}
                    <ActionButton action={action} csrfToken={ctx.csrfToken} label={t(key('freeText.remove'))} srLabel={`${topicName.get(topicId)}: ${a.text.slice(0, 60)}`} fields={{ action: 'remove', answer_id: String(a.id), topic_id: String(topicId) }} size="x-small" />
                  </li>
                )),
              )}
            </ul>
          </section>
        ) : null}
      </div>
    </Layout>
  );
}

export interface TopicsVm {
  questionnaire: QuestionnaireHead;
  topics: TopicSummary[];
  freeTextQuestions: Array<{ id: number; text: string }>;
  form: FormState;
}

export function TopicsPage({ ctx, vm }: { ctx: PageContext; vm: TopicsVm }) {
  const { t } = ctx;
  const slug = ctx.municipality!.slug;
  const q = vm.questionnaire;
  const title = t(key('topics.title'));
  return (
    <Layout ctx={ctx} title={`${title}: ${q.title}`} crumbs={crumbsOf(ctx, q)} area="admin">
      <div class="stack">
        <h1 class="kern-heading-large">{title}</h1>
        <p class="kern-body">{t(key('topics.intro'))}</p>
        <ErrorSummary t={t} form={vm.form} labels={{ name: t(key('topics.name')), description: t(key('topics.description')) }} />
        <DataTable
          caption={t(key('topics.caption'))}
          empty={t(key('topics.none'))}
          layout="data"
          rowHeaders
          columns={[{ label: t(key('topics.name')) }, { label: t(key('topics.count')), numeric: true }, { label: t(key('topics.links')) }]}
          rows={vm.topics.map((tp) => [
            <a class="kern-link" href={paths.adminTopic(slug, q.id, tp.id)}>{tp.name}</a>,
            String(tp.responses),
            tp.links.length ? tp.links.map((l) => targetLabel(ctx, l)).join('; ') : t(key('topics.noLinks')),
          ])}
        />
        {vm.freeTextQuestions.length ? (
          <section aria-labelledby="fragen-titel">
            <h2 class="kern-heading-small" id="fragen-titel">{t(key('topics.freeTextQuestions'))}</h2>
            <ul class="kern-list">
              {vm.freeTextQuestions.map((fq) => <li><a class="kern-link" href={paths.adminFreeText(slug, q.id, fq.id)}>{fq.text}</a></li>)}
            </ul>
          </section>
        ) : null}
        <form method="post" action={paths.adminTopics(slug, q.id)} class="stack" novalidate>
          <Csrf token={ctx.csrfToken} />
          <fieldset class="kern-fieldset">
            <legend class="kern-label">{t(key('topics.newLegend'))}</legend>
            <TextField t={t} form={vm.form} name="name" label={t(key('topics.name'))} maxLength={200} />
            <TextArea t={t} form={vm.form} name="description" label={t(key('topics.description'))} optional rows={3} maxLength={2000} />
          </fieldset>
          <div class="actions"><SubmitButton label={t(key('topics.create'))} /></div>
        </form>
      </div>
    </Layout>
  );
}

export interface TopicVm {
  questionnaire: QuestionnaireHead;
  topic: TopicDetail;
  targets: PlanTarget[];
  form: FormState;
  linkForm: FormState;
}

export function TopicPage({ ctx, vm }: { ctx: PageContext; vm: TopicVm }) {
  const { t, lang } = ctx;
  const slug = ctx.municipality!.slug;
  const q = vm.questionnaire;
  const tp = vm.topic;
  const action = paths.adminTopic(slug, q.id, tp.id);
  const crumbs = [...crumbsOf(ctx, q), { href: paths.adminTopics(slug, q.id), label: t(key('topics.title')) }];
  const linked = new Set(tp.links.map((l) => `${l.kind}:${l.id}`));
  const byField = new Map<string, PlanTarget[]>();
  for (const target of vm.targets) if (!linked.has(`${target.kind}:${target.id}`)) byField.set(target.fieldTitle, [...(byField.get(target.fieldTitle) ?? []), target]);
  const linkError = vm.linkForm.errors.target;
  return (
    <Layout ctx={ctx} title={tp.name} crumbs={crumbs} area="admin">
      <div class="stack">
        <h1 class="kern-heading-large">{tp.name}</h1>
        <p class="kern-body kern-body--bold">{t(key('topic.count'), { count: tp.responses })}</p>
        <ErrorSummary t={t} form={{ values: {}, errors: { ...vm.form.errors, ...vm.linkForm.errors } }} labels={{ name: t(key('topics.name')), description: t(key('topics.description')), target: t(key('topic.target')) }} />

        <section aria-labelledby="verknuepfungen" class="stack">
          <h2 class="kern-heading-medium" id="verknuepfungen">{t(key('topic.links'))}</h2>
          <DataTable
            caption={t(key('topic.linksCaption'))}
            empty={t(key('topic.noLinks'))}
            small
            columns={[{ label: t(key('topic.kind')) }, { label: t(key('topic.text')) }, { label: t(key('topic.unlink')) }]}
            rows={tp.links.map((l) => [
              t(key(`topic.${l.kind}`)),
              <a class="kern-link" href={targetHref(slug, l, 'admin')}>{targetLabel(ctx, l)}</a>,
              <ActionButton action={action} csrfToken={ctx.csrfToken} label={t(key('topic.unlink'))} srLabel={targetLabel(ctx, l)} fields={{ action: 'unlink', link_id: String(l.linkId) }} size="x-small" />,
            ])}
          />
          <form method="post" action={action} class="stack" novalidate>
            <Csrf token={ctx.csrfToken} />
            <input type="hidden" name="action" value="link" />
            <div class={`kern-form-input${linkError ? ' kern-form-input--error' : ''}`}>
              <label class="kern-label" for={fieldId('target')}>{t(key('topic.linkLegend'))}</label>
              <div class="kern-hint" id={`${fieldId('target')}-hint`}>{t(key('topic.targetHint'))}</div>
              {linkError ? <p class="kern-error" id={`${fieldId('target')}-error`}><span class="kern-body">{errorText(t, linkError)}</span></p> : null}
              <div class="kern-form-input__select-wrapper">
                <select class="kern-form-input__select" id={fieldId('target')} name="target" aria-describedby={`${fieldId('target')}-hint${linkError ? ` ${fieldId('target')}-error` : ''}`} aria-invalid={linkError ? 'true' : undefined}>
                  <option value="">{t(key('topic.chooseTarget'))}</option>
                  {[...byField].map(([field, targets]) => (
                    <optgroup label={t(key('topic.fieldGroup'), { field })}>
                      {targets.map((target) => (
                        <option value={`${target.kind}:${target.id}`} selected={vm.linkForm.values.target === `${target.kind}:${target.id}`}>{targetLabel(ctx, target)}</option>
                      ))}
                    </optgroup>
                  ))}
                </select>
              </div>
            </div>
            <div class="actions"><SubmitButton label={t(key('topic.link'))} /></div>
          </form>
        </section>

        <section aria-labelledby="antworten" class="stack">
          <h2 class="kern-heading-medium" id="antworten">{t(key('topic.answers'))}</h2>
          <DataTable
            caption={t(key('topic.answersCaption'))}
            empty={t(key('topic.noAnswers'))}
            small
            columns={[{ label: t(key('freeText.answer')), cellClass: 'pre-line' }, { label: t(key('col.question')) }, { label: t(key('freeText.day')) }, { label: t(key('freeText.remove')) }]}
            rows={tp.answers.map((a) => [
              a.text,
              <a class="kern-link" href={paths.adminFreeText(slug, q.id, a.questionId)}>{a.questionText}</a>,
              formatDate(a.submittedOn, lang),
              <ActionButton action={action} csrfToken={ctx.csrfToken} label={t(key('freeText.remove'))} srLabel={a.text.slice(0, 60)} fields={{ action: 'remove', answer_id: String(a.id) }} size="x-small" />,
            ])}
          />
        </section>

        <section aria-labelledby="bearbeiten" class="stack">
          <h2 class="kern-heading-medium" id="bearbeiten">{t(key('topic.edit'))}</h2>
          <form method="post" action={action} class="stack" novalidate>
            <Csrf token={ctx.csrfToken} />
            <input type="hidden" name="action" value="save" />
            <TextField t={t} form={vm.form} name="name" label={t(key('topics.name'))} maxLength={200} />
            <TextArea t={t} form={vm.form} name="description" label={t(key('topics.description'))} optional rows={3} maxLength={2000} />
            <div class="actions"><SubmitButton label={t(key('topic.save'))} /></div>
          </form>
          <p class="kern-body"><a class="kern-link" href={paths.adminTopicDelete(slug, q.id, tp.id)}>{t(key('topic.delete'))}<span class="kern-sr-only">: {tp.name}</span></a></p>
        </section>
      </div>
    </Layout>
  );
}

/** On a measure's or goal's page: the questionnaire topics that led to it, each linking to its results. */
/** `nested`: a part of a section of the page (a measure's origin), headed one level lower. */
export function TopicMentions({ ctx, mentions, area, headingId, nested = false }: { ctx: PageContext; mentions: Array<TopicMention & { year: string }>; area: 'admin' | 'public'; headingId: string; nested?: boolean }) {
  const { t } = ctx;
  const slug = ctx.municipality!.slug;
  if (mentions.length === 0) return null;
  const line = (m: TopicMention & { year: string }) =>
    area === 'admin'
      ? t(key('mention.adminLine'), { title: m.questionnaire.title, count: m.responses, topic: m.topicName })
      : sentence(t, key('mention.line'), { year: m.year, count: m.responses }, {
          title: <InLang attrs={textLang(ctx, 'questionnaire', m.questionnaire.id, 'title')}>{m.questionnaire.title}</InLang>,
          // a topic's name is the officer's, in German
          topic: <InLang attrs={ctx.lang === 'de' ? {} : GERMAN}>{m.topicName}</InLang>,
        });
  return (
    <section aria-labelledby={headingId} class="stack topic-mentions">
      {nested ? (
        <h3 class="kern-heading-small" id={headingId}>{t(key(area === 'admin' ? 'mention.adminTitle' : 'mention.title'))}</h3>
      ) : (
        <h2 class={area === 'admin' ? 'kern-heading-medium' : 'kern-heading-small'} id={headingId}>{t(key(area === 'admin' ? 'mention.adminTitle' : 'mention.title'))}</h2>
      )}
      <ul class="kern-list">
        {mentions.map((m) => (
          <li>
            <a class="kern-link" href={area === 'admin' ? paths.adminTopic(slug, m.questionnaire.id, m.topicId) : paths.publicResults(slug, m.questionnaire.id)}>
              {/* one box: KERN's links are inline flex boxes, each child an item that would not wrap with the others */}
              <span>{line(m)}</span>
            </a>
            {area === 'admin' && !m.isPublic ? <span class="meta"> ({t(key('mention.notPublic'))})</span> : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
