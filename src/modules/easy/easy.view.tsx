// Pages of Leichte Sprache: the officer's list, editor (with the checker's hints) and settings; the public start
// page in Leichte Sprache, a text's page and the sign-language page. Pure: view models in, markup out.
import type { Child } from 'hono/jsx';
import { platformPaths } from '../../platform/http/paths.js';
import type { T } from '../../platform/i18n/i18n.js';
import { Csrf, ErrorSummary, SubmitButton, TextArea, TextField } from '../../platform/views/components.js';
import { FileField } from '../../platform/views/file-field.js';
import { formatDate } from '../../platform/views/format.js';
import { DataTable } from '../../platform/views/data-table.js';
import { Layout, type Crumb } from '../../platform/views/layout.js';
import type { FormState, PageContext } from '../../platform/views/page.js';
import { EASY_RULES, lineKind, type CheckResult, type Hint } from './checker.js';
import { easyPaths } from './easy.paths.js';
import type { EasySettings, EasyText, Subject, SubjectInfo, SubjectRow, SubjectType } from './easy.service.js';

const k = (key: string) => `easy.${key}`;

/** "Handlungsfeld: Sprache", "Startseite". */
export function subjectLabel(t: T, s: Pick<SubjectInfo, 'type' | 'name'>): string {
  return s.name ? `${t(k(`subject.${s.type}`))}: ${s.name}` : t(k(`subject.${s.type}`));
}

// ---- the text itself ---------------------------------------------------------------------------------------

/** A text as written: paragraphs by a blank line, one sentence a line, "## " headings, "- " list items. */
export function EasyBody({ body, headingLevel = 2 }: { body: string; headingLevel?: 2 | 3 }) {
  const blocks: Child[] = [];
  let lines: string[] = [];
  let items: string[] = [];
  const flush = () => {
    if (lines.length) blocks.push(<p class="easy-text__para">{lines.map((l) => <span class="easy-text__line">{l}</span>)}</p>);
    if (items.length) blocks.push(<ul class="easy-text__list">{items.map((l) => <li>{l}</li>)}</ul>);
    lines = [];
    items = [];
  };
  for (const raw of body.replace(/\r\n?/g, '\n').split('\n')) {
    const { kind, text } = lineKind(raw);
    if (!text) {
      flush();
      continue;
    }
    if (kind === 'heading') {
      flush();
      blocks.push(headingLevel === 2 ? <h2 class="easy-text__heading">{text}</h2> : <h3 class="easy-text__heading">{text}</h3>);
    } else if (kind === 'item') {
      if (lines.length) flush();
      items.push(text);
    } else {
      if (items.length) flush();
      lines.push(text);
    }
  }
  flush();
  return <div class="easy-text__body">{blocks}</div>;
}

// ---- the checker's hints -----------------------------------------------------------------------------------

function Marked({ hint }: { hint: Hint }) {
  return (
    <q class="easy-hint__sentence">
      {hint.sentence.slice(0, hint.start)}
      <mark>{hint.sentence.slice(hint.start, hint.end) || '\u00a0'}</mark>
      {hint.sentence.slice(hint.end)}
    </q>
  );
}

/** The checker's answer: a summary per rule and every hint with its line, its place and why. */
export function HintsFragment({ t, result, settings }: { t: T; result: CheckResult | null; settings: Pick<EasySettings, 'maxWords'> }) {
  if (!result) return <p class="kern-body">{t(k('hints.notYet'))}</p>;
  if (result.hints.length === 0) return <p class="kern-body easy-hints__none">{t(k('hints.none'))}</p>;
  return (
    <>
      <p class="kern-body easy-hints__total"><strong>{t(k('hints.total'), { count: result.hints.length })}</strong>. {t(k('hints.sentences'), { count: result.sentences })}</p>
      <h3 class="kern-heading-small">{t(k('hints.summary'))}</h3>
      <ul class="kern-list kern-list--bullet easy-hints__summary">
        {EASY_RULES.filter((r) => result.summary[r]).map((r) => <li>{t(k(`rules.${r}.summary`), { count: result.summary[r], max: settings.maxWords })}</li>)}
      </ul>
      <h3 class="kern-heading-small">{t(k('hints.list'))}</h3>
      <ol class="easy-hints__list">
        {result.hints.map((h) => (
          <li class="easy-hint">
            <span class="easy-hint__line">{t(k('hints.line'), { line: h.line })}:</span> <Marked hint={h} />
            <p class="kern-body kern-body--small easy-hint__why">{t(k(`rules.${h.rule}.explain`), { words: h.count ?? 0, letters: h.count ?? 0 })}</p>
          </li>
        ))}
      </ol>
    </>
  );
}

// ---- the officer -------------------------------------------------------------------------------------------

function LabelBadge({ t, text }: { t: T; text: EasyText }) {
  const outdated = text.check && !text.check.current;
  return (
    <span class={`kern-badge kern-badge--${text.label === 'leichte' ? 'success' : 'info'}`}>
      <span class="kern-label kern-label--small">{t(k(`label.${text.label}`))}{outdated ? ` (${t(k('label.outdated'))})` : ''}</span>
    </span>
  );
}

export interface ListVm {
  rows: SubjectRow[];
  choices: Array<{ type: SubjectType; id: number; name: string }>;
  form: FormState;
}

export function EasyListPage({ ctx, vm }: { ctx: PageContext; vm: ListVm }) {
  const { t } = ctx;
  const slug = ctx.municipality!.slug;
  const title = t(k('admin.title'));
  const crumbs: Crumb[] = [{ href: platformPaths.admin(slug), label: t('admin.overview.title') }];
  const groups = (['measure', 'event', 'questionnaire'] as const).map((type) => ({ type, items: vm.choices.filter((c) => c.type === type) })).filter((g) => g.items.length);
  return (
    <Layout ctx={ctx} title={title} area="admin" crumbs={crumbs}>
      <h1 class="kern-heading-large">{title}</h1>
      <p class="kern-body">{t(k('admin.intro'))}</p>
      <ul class="inline-list">
        <li><a class="kern-link" href={easyPaths.adminSettings(slug)}>{t(k('admin.settingsLink'))}</a></li>
        <li><a class="kern-link" href={easyPaths.start(slug)}>{t(k('admin.publicLink'))}</a></li>
      </ul>
      <DataTable caption={t(k('admin.caption'))} captionVisible rowHeaders
        columns={[{ label: t(k('admin.subject')) }, { label: t(k('admin.state')) }, { label: t(k('admin.label')) }, { label: t(k('admin.video')) }, { label: t(k('admin.actions')) }]}
        rows={vm.rows.map((r) => [
          subjectLabel(t, r),
          t(k(`state.${r.text ? (r.text.published ? 'published' : 'draft') : 'none'}`)),
          r.text ? <LabelBadge t={t} text={r.text} /> : '–',
          t(k(r.hasVideo ? 'admin.videoYes' : 'admin.videoNo')),
          <a class="kern-link" href={easyPaths.adminText(slug, r)}>
            {t(k(r.text ? 'admin.edit' : 'admin.write'))}
            <span class="kern-sr-only">: {subjectLabel(t, r)}</span>
          </a>,
        ])} />
      <section aria-labelledby="easy-add">
        <h2 class="kern-heading-medium" id="easy-add">{t(k('admin.addTitle'))}</h2>
        <p class="kern-body">{t(k('admin.addIntro'))}</p>
        {groups.length === 0 ? <p class="kern-body">{t(k('admin.noChoices'))}</p> : (
          <form method="get" action={easyPaths.admin(slug)} class="form">
            <div class={`kern-form-input${vm.form.errors.neu ? ' kern-form-input--error' : ''}`}>
              <label class="kern-label" for="feld-neu">{t(k('admin.addLabel'))}</label>
              {vm.form.errors.neu ? <p class="kern-error" id="feld-neu-error"><span class="kern-body">{t(vm.form.errors.neu)}</span></p> : null}
              <div class="kern-form-input__select-wrapper">
                <select class="kern-form-input__select" id="feld-neu" name="neu" aria-describedby={vm.form.errors.neu ? 'feld-neu-error' : undefined}>
                  {groups.map((g) => (
                    <optgroup label={t(k(`subject.${g.type}`))}>
                      {g.items.map((c) => <option value={`${c.type}:${c.id}`}>{c.name}</option>)}
                    </optgroup>
                  ))}
                </select>
              </div>
            </div>
            <button type="submit" class="kern-btn kern-btn--secondary"><span class="kern-label">{t(k('admin.addButton'))}</span></button>
          </form>
        )}
      </section>
    </Layout>
  );
}

export interface EditorVm {
  subject: SubjectInfo;
  text: EasyText | null;
  form: FormState;
  checkForm: FormState;
  videoForm: FormState;
  result: CheckResult | null;
  settings: EasySettings;
  video: { mime_type: string; size: number } | null;
  isDemo: boolean;
  videoMaxMb: number;
}

export function EasyEditorPage({ ctx, vm }: { ctx: PageContext; vm: EditorVm }) {
  const { t } = ctx;
  const slug = ctx.municipality!.slug;
  const title = t(k('editor.title'), { subject: subjectLabel(t, vm.subject) });
  const crumbs: Crumb[] = [{ href: platformPaths.admin(slug), label: t('admin.overview.title') }, { href: easyPaths.admin(slug), label: t(k('admin.title')) }];
  const s = vm.subject as Subject;
  const text = vm.text;
  const date = (d: string) => formatDate(d, ctx.lang);
  return (
    <Layout ctx={ctx} title={title} area="admin" crumbs={crumbs} scripts={['easy-check.js']}>
      <h1 class="kern-heading-large">{title}</h1>
      {vm.subject.type === 'start' ? <p class="kern-body">{t(k('editor.startIntro'))}</p> : null}
      {text?.published && vm.subject.isPublic ? <p class="kern-body"><a class="kern-link" href={easyPaths.text(slug, s)}>{t(k('editor.publicLink'))}</a></p> : null}

      <ErrorSummary t={t} form={vm.form} labels={{ title: t(k('editor.titleLabel')), body: t(k('editor.bodyLabel')) }} />
      <form method="post" action={easyPaths.adminText(slug, s)} class="form easy-editor" data-easy-check={easyPaths.adminCheck(slug)} data-easy-hints="easy-hints" data-easy-live="easy-hints-live">
        <Csrf token={ctx.csrfToken} />
        <TextField t={t} form={vm.form} name="title" label={t(k('editor.titleLabel'))} maxLength={200} />
        <TextArea t={t} form={vm.form} name="body" label={t(k('editor.bodyLabel'))} hint={t(k('editor.bodyHint'))} rows={16} optional />
        <div class="actions">
          <button type="submit" name="action" value="check" class="kern-btn kern-btn--secondary"><span class="kern-label">{t(k('editor.check'))}</span></button>
          <button type="submit" name="action" value="save" class="kern-btn kern-btn--primary"><span class="kern-label">{t(k('editor.save'))}</span></button>
        </div>
      </form>

      <section class="easy-hints" aria-labelledby="easy-hints-title">
        <h2 class="kern-heading-medium" id="easy-hints-title">{t(k('hints.title'))}</h2>
        <div id="easy-hints">
          <HintsFragment t={t} result={vm.result} settings={vm.settings} />
        </div>
        <p class="kern-sr-only" id="easy-hints-live" aria-live="polite"></p>
      </section>

      <section aria-labelledby="easy-check-title">
        <h2 class="kern-heading-medium" id="easy-check-title">{t(k('check.title'))}</h2>
        <p class="kern-body">{t(k('check.intro'))}</p>
        {!text ? <p class="kern-body">{t(k('check.saveFirst'))}</p> : (
          <>
            <p class="kern-body easy-check-state">
              {text.check
                ? t(k(text.check.current ? 'check.current' : 'check.outdated'), { group: text.check.group, date: date(text.check.on), by: text.check.recordedBy })
                : t(k('check.none'))}
            </p>
            <ErrorSummary t={t} form={vm.checkForm} labels={{ group: t(k('check.group')), on: t(k('check.on')) }} />
            <form method="post" action={easyPaths.adminAction(slug, s, 'testlesung')} class="form">
              <Csrf token={ctx.csrfToken} />
              <TextField t={t} form={vm.checkForm} name="group" label={t(k('check.group'))} hint={t(k('check.groupHint'))} maxLength={200} />
              <TextField t={t} form={vm.checkForm} name="on" label={t(k('check.on'))} hint={t(k('check.onHint'))} inputmode="numeric" width="short" maxLength={10} />
              <SubmitButton label={t(k('check.submit'))} />
            </form>
          </>
        )}
      </section>

      {text ? (
        <section aria-labelledby="easy-publish-title">
          <h2 class="kern-heading-medium" id="easy-publish-title">{t(k('publish.title'))}</h2>
          <p class="kern-body">
            {t(k(text.published ? 'publish.isPublished' : 'publish.isDraft'))} {t(k(text.label === 'leichte' ? 'publish.asLeichte' : 'publish.asEinfache'))}
          </p>
          {!vm.subject.isPublic ? <p class="kern-body">{t(k('publish.subjectHidden'))}</p> : null}
          <form method="post" action={easyPaths.adminAction(slug, s, 'veroeffentlichen')} class="inline-form">
            <Csrf token={ctx.csrfToken} />
            <input type="hidden" name="published" value={text.published ? '0' : '1'} />
            <button type="submit" class={`kern-btn kern-btn--${text.published ? 'secondary' : 'primary'}`}><span class="kern-label">{t(k(text.published ? 'publish.unpublish' : 'publish.publish'))}</span></button>
          </form>
        </section>
      ) : null}

      <section aria-labelledby="easy-video-title">
        <h2 class="kern-heading-medium" id="easy-video-title">{t(k('video.title'))}</h2>
        {vm.video ? (
          <>
            <p class="kern-body">{t(k('video.current'), { type: vm.video.mime_type === 'video/webm' ? 'WebM' : 'MP4', size: `${Math.max(1, Math.round(vm.video.size / 1024))} KB` })}</p>
            <video class="easy-video" controls preload="metadata" src={`${easyPaths.adminAction(slug, s, 'video')}`} />
            <form method="post" action={easyPaths.adminAction(slug, s, 'video-loeschen')} class="inline-form">
              <Csrf token={ctx.csrfToken} />
              <button type="submit" class="kern-btn kern-btn--secondary"><span class="kern-label">{t(k('video.delete'))}</span></button>
            </form>
          </>
        ) : (
          <>
            <p class="kern-body">{t(k('video.none'))}</p>
            {vm.isDemo ? <p class="kern-body"><strong>{t(k('video.demoNone'))}</strong></p> : null}
          </>
        )}
        <form method="post" action={easyPaths.adminAction(slug, s, 'video')} enctype="multipart/form-data" class="form">
          <Csrf token={ctx.csrfToken} />
          <FileField t={t} form={vm.videoForm} name="file" label={t(k('video.file'))} hint={t(k('video.fileHint'), { mb: vm.videoMaxMb })} accept=".mp4,.webm,video/mp4,video/webm" />
          <button type="submit" class="kern-btn kern-btn--secondary"><span class="kern-label">{t(k('video.upload'))}</span></button>
        </form>
      </section>
      <p class="kern-body"><a class="kern-link" href={easyPaths.admin(slug)}>{t(k('editor.back'))}</a></p>
    </Layout>
  );
}

export function EasySettingsPage({ ctx, form }: { ctx: PageContext; form: FormState }) {
  const { t } = ctx;
  const slug = ctx.municipality!.slug;
  const title = t(k('settings.title'));
  const crumbs: Crumb[] = [{ href: platformPaths.admin(slug), label: t('admin.overview.title') }, { href: easyPaths.admin(slug), label: t(k('admin.title')) }];
  return (
    <Layout ctx={ctx} title={title} area="admin" crumbs={crumbs}>
      <h1 class="kern-heading-large">{title}</h1>
      <p class="kern-body">{t(k('settings.intro'))}</p>
      <ErrorSummary t={t} form={form} labels={{ maxWords: t(k('settings.maxWords')), maxWordLength: t(k('settings.maxWordLength')), glossary: t(k('settings.glossary')) }} />
      <form method="post" action={easyPaths.adminSettings(slug)} class="form">
        <Csrf token={ctx.csrfToken} />
        <TextField t={t} form={form} name="maxWords" label={t(k('settings.maxWords'))} inputmode="numeric" width="short" />
        <TextField t={t} form={form} name="maxWordLength" label={t(k('settings.maxWordLength'))} inputmode="numeric" width="short" />
        <TextArea t={t} form={form} name="glossary" label={t(k('settings.glossary'))} hint={t(k('settings.glossaryHint'))} rows={10} optional />
        <SubmitButton label={t(k('settings.save'))} />
      </form>
    </Layout>
  );
}

// ---- the public: pages in Leichte Sprache (German) ---------------------------------------------------------

function CheckNote({ ctx, text }: { ctx: PageContext; text: EasyText }) {
  const { t } = ctx;
  return (
    <p class="easy-label">
      <span class={`kern-badge kern-badge--${text.label === 'leichte' ? 'success' : 'info'}`}>
        <span class="kern-label">{t(k(text.label === 'leichte' ? 'public.labelLeichte' : 'public.labelEinfache'))}</span>
      </span>{' '}
      <span class="easy-label__note">
        {text.label === 'leichte' && text.check ? t(k('public.checkedBy'), { group: text.check.group, date: formatDate(text.check.on, 'de') }) : t(k('public.notChecked'))}
      </span>
    </p>
  );
}

function VideoPlayer({ ctx, src, textHref }: { ctx: PageContext; src: string; textHref?: string }) {
  const { t } = ctx;
  return (
    <figure class="easy-video-figure">
      <video class="easy-video" controls preload="metadata" src={src} aria-label={t(k('public.videoLabel'))}>
        {t(k('public.videoFallback'))} <a href={src}>{t(k('public.videoDownload'))}</a>
      </video>
      <figcaption class="kern-body">
        {t(k('public.videoLabel'))}.{textHref ? <> <a class="kern-link" href={textHref}>{t(k('sign.textLink'))}</a></> : null}
      </figcaption>
    </figure>
  );
}

export interface EasyStartVm {
  start: EasyText | null;
  texts: Array<EasyText & { name: string }>;
  hasVideo: boolean;
}

/** The start page in Leichte Sprache: the officer's text (or a plain default), every text, sign language, the statement. */
export function EasyStartPage({ ctx, vm }: { ctx: PageContext; vm: EasyStartVm }) {
  const { t } = ctx;
  const slug = ctx.municipality!.slug;
  const title = vm.start?.title ?? t(k('public.title'));
  const others = vm.texts.filter((x) => x.subject.type !== 'start');
  return (
    <Layout ctx={ctx} title={title}>
      <article class="easy-text">
        <h1 class="kern-heading-large">{title}</h1>
        {vm.start ? <CheckNote ctx={ctx} text={vm.start} /> : null}
        <EasyBody body={vm.start?.body ?? t(k('public.defaultBody'))} />
        {vm.start ? <p class="easy-text__para"><a class="kern-link" href={easyPaths.pdf(slug, vm.start.subject)} download>{t(k('public.pdfLink'))}</a></p> : null}
        <section aria-labelledby="easy-texts">
          <h2 class="easy-text__heading" id="easy-texts">{t(k('public.texts'))}</h2>
          {others.length === 0 ? <p class="easy-text__para">{t(k('public.noTexts'))}</p> : (
            <ul class="easy-text__links">
              {others.map((x) => <li><a class="kern-link" href={easyPaths.text(slug, x.subject)}>{x.title}</a></li>)}
            </ul>
          )}
        </section>
        <section aria-labelledby="easy-sign">
          <h2 class="easy-text__heading" id="easy-sign">{t(k('public.signTitle'))}</h2>
          {vm.hasVideo ? <VideoPlayer ctx={ctx} src={easyPaths.video(slug, { type: 'start', id: 0 })} /> : <p class="easy-text__para">{t(k('public.signNone'))}</p>}
          <p class="easy-text__para"><a class="kern-link" href={easyPaths.signLanguage(slug)}>{t(k('public.signLink'))}</a></p>
        </section>
        <section aria-labelledby="easy-statement">
          <h2 class="easy-text__heading" id="easy-statement">{t(k('public.statementTitle'))}</h2>
          <p class="easy-text__para"><a class="kern-link" href={`/${slug}/barrierefreiheit`}>{t(k('public.statementLink'))}</a></p>
        </section>
        <p class="easy-text__para"><a class="kern-link" href={platformPaths.municipality(slug)}>{t(k('public.standardLink'))}</a></p>
      </article>
    </Layout>
  );
}

export function EasyTextPage({ ctx, text, standardHref, hasVideo }: { ctx: PageContext; text: EasyText & { name: string }; standardHref: string; hasVideo: boolean }) {
  const { t } = ctx;
  const slug = ctx.municipality!.slug;
  return (
    <Layout ctx={ctx} title={text.title} crumbs={[{ href: easyPaths.start(slug), label: t(k('public.title')) }]}>
      <article class="easy-text">
        <h1 class="kern-heading-large">{text.title}</h1>
        <CheckNote ctx={ctx} text={text} />
        <EasyBody body={text.body} />
        {hasVideo ? <VideoPlayer ctx={ctx} src={easyPaths.video(slug, text.subject)} /> : null}
        <ul class="easy-text__links">
          <li><a class="kern-link" href={easyPaths.pdf(slug, text.subject)} download>{t(k('public.pdfLink'))}</a></li>
          <li><a class="kern-link" href={easyPaths.start(slug)}>{t(k('public.startLink'))}</a></li>
          <li><a class="kern-link" href={standardHref}>{t(k('public.standardLink'))}</a></li>
        </ul>
      </article>
    </Layout>
  );
}

export function SignLanguagePage({ ctx, hasVideo }: { ctx: PageContext; hasVideo: boolean }) {
  const { t } = ctx;
  const slug = ctx.municipality!.slug;
  const title = t(k('sign.title'));
  return (
    <Layout ctx={ctx} title={title}>
      <h1 class="kern-heading-large">{title}</h1>
      {hasVideo ? (
        <>
          <p class="kern-body">{t(k('sign.intro'))}</p>
          <VideoPlayer ctx={ctx} src={easyPaths.video(slug, { type: 'start', id: 0 })} textHref={easyPaths.start(slug)} />
          <p class="kern-body">{t(k('sign.textAlternative'))} <a class="kern-link" href={easyPaths.start(slug)}>{t(k('sign.textLink'))}</a></p>
        </>
      ) : (
        <p class="kern-body">{t(k('sign.none'))} <a class="kern-link" href={easyPaths.start(slug)}>{t(k('sign.textLink'))}</a></p>
      )}
    </Layout>
  );
}
