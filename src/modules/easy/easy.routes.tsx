// Leichte Sprache: the officer's list, editor (check without JavaScript by a POST that keeps the text; while
// typing, the small script in public/easy-check.js asks the same check for an HTML fragment), the test readers'
// record, publishing, the sign-language video (upload, served with Range); the public start page in Leichte
// Sprache (which also takes the reader to the text of the page they came from), a text's page, the
// sign-language page. LS pages are German (lang="de") whatever the interface language.
import { Hono } from 'hono';
import { fileDownload, mediaResponse } from '../../platform/files/download.js';
import { asciiFileName } from '../../platform/http/download.js';
import { readUploadForm, uploadedFile } from '../../platform/files/upload.js';
import type { AppEnv } from '../../platform/http/env.js';
import { InvalidInputError, NotFoundError } from '../../platform/http/errors.js';
import { readForm } from '../../platform/http/form.js';
import { pageContext, redirectWithFlash, rememberEasyLanguage, render, requirePermission, type Ctx, withContext } from '../../platform/http/kit.js';
import { platformPaths } from '../../platform/http/paths.js';
import { translator } from '../../platform/i18n/i18n.js';
import type { RouteContext } from '../../platform/module.js';
import { berlinDay, formatDate } from '../../platform/views/format.js';
import { easyReadPdf } from '../exports/index.js';
import { emptyForm, type FormState, type PageContext } from '../../platform/views/page.js';
import { planPaths } from '../plan/index.js';
import { processPaths } from '../participation/index.js';
import { questionnairesPaths } from '../questionnaires/index.js';
import { easyBlocks, type CheckResult } from './checker.js';
import { easyPaths, easyRoutes, subjectOfPath, type EditorAction } from './easy.paths.js';
import { isSubjectType, VIDEO_MAX_BYTES, type Subject } from './easy.service.js';
import { EasyEditorPage, EasyListPage, EasySettingsPage, EasyStartPage, EasyTextPage, HintsFragment, SignLanguagePage } from './easy.view.js';

const WRITE = 'plan.edit' as const;
const PUBLISH = 'plan.publish' as const;
const VIDEO_MB = VIDEO_MAX_BYTES / 1024 / 1024;
const k = (key: string) => `easy.${key}`;

/** The public page of a subject in everyday language (the "Alltagssprache" link on its LS page). */
export function standardHref(slug: string, s: Subject): string {
  switch (s.type) {
    case 'start': return platformPaths.municipality(slug);
    case 'plan': return planPaths.plan(slug, s.id);
    case 'field': return planPaths.field(slug, s.id);
    case 'measure': return planPaths.measure(slug, s.id);
    case 'event': return processPaths.event(slug, s.id);
    case 'questionnaire': return questionnairesPaths.publicStart(slug, s.id);
  }
}

const idPattern = (pattern: string) => new RegExp(`^${pattern.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(':slug', '[^/]+').replace(':id', '([1-9][0-9]{0,9})')}(?:/.*)?$`);
const FROM: Array<[RegExp, Subject['type']]> = [
  [idPattern(planPaths.plan.pattern), 'plan'],
  [idPattern(planPaths.field.pattern), 'field'],
  [idPattern(planPaths.measure.pattern), 'measure'],
  [idPattern(processPaths.event.pattern), 'event'],
  [idPattern(questionnairesPaths.publicStart.pattern), 'questionnaire'],
];

/** The subject of a public page's path ("/musterstadt/massnahmen/12" → measure 12), or null. */
export function subjectOfPublicPath(slug: string, path: string): Subject | null {
  const base = `/${slug}`;
  if (path !== base && !path.startsWith(`${base}/`)) return null;
  if (path === base || path === `${base}/`) return { type: 'start', id: 0 };
  for (const [re, type] of FROM) {
    const m = re.exec(path);
    if (m) return { type, id: Number(m[1]) };
  }
  return null;
}

export function easyRoutesApp(context: RouteContext): Hono<AppEnv> {
  const { services, clock } = context;
  const easy = services.easy;
  const app = new Hono<AppEnv>();
  const mid = (c: Ctx) => c.get('municipality').id;
  const slugOf = (c: Ctx) => c.get('municipality').slug;
  const tOf = (c: Ctx) => c.get('t');

  /** A page in Leichte Sprache: German, whatever the interface language. */
  const easyContext = (c: Ctx): PageContext => withContext(pageContext(c), { lang: 'de', t: translator('de'), easyLanguage: true });

  const subjectOf = (c: Ctx): Subject => {
    const s = subjectOfPath(c.req.path);
    if (!s) throw new NotFoundError('subject');
    return s;
  };

  // ---- the officer ------------------------------------------------------------------------------------------

  app.get(easyRoutes.admin.pattern, async (c) => {
    requirePermission(c, WRITE);
    const chosen = c.req.query('neu');
    const form: FormState = emptyForm();
    if (chosen !== undefined) {
      const [type, id] = chosen.split(':');
      if (isSubjectType(type) && /^[1-9]\d{0,9}$/.test(id ?? '')) {
        try {
          const s = { type, id: Number(id) };
          await easy.subject(mid(c), s);
          return c.redirect(easyPaths.adminText(slugOf(c), s), 303);
        } catch (e) {
          if (!(e instanceof NotFoundError)) throw e;
        }
      }
      form.errors.neu = k('errors.subject');
    }
    const [rows, choices] = await Promise.all([easy.subjects(mid(c)), easy.choices(mid(c))]);
    return render(c, <EasyListPage ctx={pageContext(c)} vm={{ rows, choices, form }} />, chosen !== undefined ? 400 : 200);
  });

  const showSettings = async (c: Ctx, form?: FormState, status: 200 | 400 = 200) => {
    const s = await easy.settings(mid(c));
    return render(c, <EasySettingsPage ctx={pageContext(c)} form={form ?? emptyForm({ maxWords: String(s.maxWords), maxWordLength: String(s.maxWordLength), glossary: s.glossary })} />, status);
  };
  app.get(easyRoutes.adminSettings.pattern, async (c) => {
    requirePermission(c, WRITE);
    return showSettings(c);
  });
  app.post(easyRoutes.adminSettings.pattern, async (c) => {
    const by = requirePermission(c, WRITE);
    const values = await readForm(c);
    const num = (v: string | undefined) => (/^\s*\d{1,3}\s*$/.test(v ?? '') ? Number(v) : NaN);
    try {
      await easy.saveSettings(mid(c), { maxWords: num(values.maxWords), maxWordLength: num(values.maxWordLength), glossary: (values.glossary ?? '').replace(/\r\n?/g, '\n').trim() }, by);
    } catch (e) {
      if (e instanceof InvalidInputError) return showSettings(c, { values, errors: e.errors }, 400);
      throw e;
    }
    return redirectWithFlash(c, easyPaths.admin(slugOf(c)), tOf(c)(k('settings.saved')));
  });

  /** The check while typing: the same checker, answered as the hints' HTML fragment. */
  app.post(easyRoutes.adminCheck.pattern, async (c) => {
    requirePermission(c, WRITE);
    const values = await readForm(c);
    const body = (values.body ?? '').slice(0, 50000);
    const [result, settings] = await Promise.all([easy.check(mid(c), body), easy.settings(mid(c))]);
    const html = await (<HintsFragment t={tOf(c)} result={result} settings={settings} />).toString();
    return c.html(html, 200, { 'cache-control': 'no-store' });
  });

  const showEditor = async (c: Ctx, s: Subject, forms: { form?: FormState; checkForm?: FormState; videoForm?: FormState; result?: CheckResult | null } = {}, status: 200 | 400 | 413 = 200) => {
    const m = c.get('municipality');
    const [subject, text, settings, video] = await Promise.all([easy.subject(m.id, s), easy.findText(m.id, s), easy.settings(m.id), easy.videoOf(m.id, s)]);
    const today = berlinDay(clock());
    const defaultTitle = s.type === 'start' ? translator('de')(k('public.title')) : subject.name;
    const form = forms.form ?? emptyForm({ title: text?.title ?? defaultTitle, body: text?.body ?? '' });
    const result = forms.result !== undefined ? forms.result : text?.body ? await easy.check(m.id, text.body) : null;
    return render(c, (
      <EasyEditorPage ctx={pageContext(c)} vm={{
        subject, text, form, result, settings, video: video ?? null, isDemo: m.is_demo === 1, videoMaxMb: VIDEO_MB,
        checkForm: forms.checkForm ?? emptyForm({ group: text?.check?.group ?? '', on: today.split('-').reverse().map((x) => String(Number(x))).join('.') }),
        videoForm: forms.videoForm ?? emptyForm(),
      }} />
    ), status);
  };

  for (const pattern of easyPaths.adminPatterns()) {
    app.get(pattern, async (c) => {
      requirePermission(c, WRITE);
      return showEditor(c, subjectOf(c));
    });

    // "Prüfen" shows the hints for the text as typed, and keeps it (nothing saved); "Speichern" saves it.
    app.post(pattern, async (c) => {
      const by = requirePermission(c, WRITE);
      const s = subjectOf(c);
      const values = await readForm(c);
      const form = { values: { title: values.title ?? '', body: values.body ?? '' }, errors: {} };
      if (values.action === 'check') return showEditor(c, s, { form, result: await easy.check(mid(c), form.values.body) });
      const before = await easy.findText(mid(c), s);
      try {
        await easy.save(mid(c), s, form.values, by);
      } catch (e) {
        if (e instanceof InvalidInputError) return showEditor(c, s, { form: { ...form, errors: e.errors }, result: await easy.check(mid(c), form.values.body) }, 400);
        throw e;
      }
      const after = await easy.findText(mid(c), s);
      const needsCheck = !!before?.check?.current && !!after?.check && !after.check.current;
      return redirectWithFlash(c, easyPaths.adminText(slugOf(c), s), tOf(c)(k(needsCheck ? 'editor.savedNeedsCheck' : 'editor.saved')));
    });
  }

  const action = (name: EditorAction, handler: (c: Ctx, s: Subject) => Promise<Response>) => {
    for (const pattern of easyPaths.adminPatterns(name)) app.post(pattern, (c) => handler(c, subjectOf(c)));
  };

  action('testlesung', async (c, s) => {
    const by = requirePermission(c, WRITE);
    const values = await readForm(c);
    const checkForm = { values: { group: values.group ?? '', on: values.on ?? '' }, errors: {} };
    try {
      await easy.recordCheck(mid(c), s, { group: checkForm.values.group, on: checkForm.values.on.trim() }, by);
    } catch (e) {
      if (e instanceof InvalidInputError) return showEditor(c, s, { checkForm: { ...checkForm, errors: e.errors } }, 400);
      throw e;
    }
    return redirectWithFlash(c, `${easyPaths.adminText(slugOf(c), s)}#easy-check-title`, tOf(c)(k('check.recorded')));
  });

  action('veroeffentlichen', async (c, s) => {
    const by = requirePermission(c, PUBLISH);
    const published = (await readForm(c)).published === '1';
    try {
      await easy.setPublished(mid(c), s, published, by);
    } catch (e) {
      if (e instanceof InvalidInputError) return showEditor(c, s, { form: { values: { title: (await easy.findText(mid(c), s))?.title ?? '', body: '' }, errors: e.errors } }, 400);
      throw e;
    }
    return redirectWithFlash(c, `${easyPaths.adminText(slugOf(c), s)}#easy-publish-title`, tOf(c)(k(published ? 'publish.published' : 'publish.unpublished')));
  });

  action('video', async (c, s) => {
    const by = requirePermission(c, WRITE);
    const { file } = await readUploadForm(c);
    const fail = (error: string, status: 400 | 413 = 400) => showEditor(c, s, { videoForm: { values: {}, errors: { file: error } } }, status);
    if (!file) return fail(k('video.errors.noFile'));
    if (file.size > VIDEO_MAX_BYTES) return fail(`${k('video.errors.tooLarge')}|mb=${VIDEO_MB}`, 413);
    try {
      await easy.uploadVideo(mid(c), s, await uploadedFile(file), by);
    } catch (e) {
      if (e instanceof InvalidInputError) return fail(`${e.errors.file}|mb=${VIDEO_MB}`);
      throw e;
    }
    return redirectWithFlash(c, `${easyPaths.adminText(slugOf(c), s)}#easy-video-title`, tOf(c)(k('video.uploaded')));
  });

  action('video-loeschen', async (c, s) => {
    const by = requirePermission(c, WRITE);
    await easy.removeVideo(mid(c), s, by);
    return redirectWithFlash(c, `${easyPaths.adminText(slugOf(c), s)}#easy-video-title`, tOf(c)(k('video.deleted')));
  });

  for (const pattern of easyPaths.adminPatterns('video')) {
    app.get(pattern, async (c) => {
      requirePermission(c, WRITE);
      const video = await easy.officerVideo(mid(c), subjectOf(c));
      return mediaResponse(c, { mimeType: video.mime_type, size: video.size, read: async (a, b) => video.content.subarray(a, b + 1) });
    });
  }

  // ---- the public ---------------------------------------------------------------------------------------------

  app.get(easyRoutes.start.pattern, async (c) => {
    const m = c.get('municipality');
    rememberEasyLanguage(c);
    const from = c.req.query('von');
    if (from) {
      const s = subjectOfPublicPath(m.slug, from.split(/[?#]/)[0]);
      if (s && s.type !== 'start') {
        try {
          await easy.publicText(m.id, s);
          return c.redirect(easyPaths.text(m.slug, s), 303);
        } catch (e) {
          if (!(e instanceof NotFoundError)) throw e;
        }
      }
    }
    const [texts, video] = await Promise.all([easy.publicTexts(m.id), easy.videoOf(m.id, { type: 'start', id: 0 })]);
    const start = texts.find((x) => x.subject.type === 'start') ?? null;
    return render(c, <EasyStartPage ctx={easyContext(c)} vm={{ start, texts, hasVideo: !!video }} />);
  });

  for (const pattern of easyRoutes.text.patterns) {
    app.get(pattern, async (c) => {
      const m = c.get('municipality');
      const s = subjectOf(c);
      const text = await easy.publicText(m.id, s);
      rememberEasyLanguage(c);
      const video = await easy.videoOf(m.id, s);
      return render(c, <EasyTextPage ctx={easyContext(c)} text={text} standardHref={standardHref(m.slug, s)} hasVideo={!!video} />);
    });
  }

  const serveVideo = async (c: Ctx, s: Subject) => {
    const video = await easy.publicVideo(mid(c), s);
    return mediaResponse(c, { mimeType: video.mime_type, size: video.size, read: async (a, b) => video.content.subarray(a, b + 1) });
  };
  app.get(easyRoutes.startVideo.pattern, (c) => serveVideo(c, { type: 'start', id: 0 }));

  // The text as a PDF in the Leichte Sprache layout (large type, one sentence a line), its label on top.
  const servePdf = async (c: Ctx, s: Subject) => {
    const m = c.get('municipality');
    const text = s.type === 'start' ? (await easy.publicTexts(m.id)).find((x) => x.subject.type === 'start') : await easy.publicText(m.id, s);
    if (!text) throw new NotFoundError();
    const de = translator('de');
    const label = text.label === 'leichte' && text.check ? [de(k('public.labelLeichte')), de(k('public.checkedBy'), { group: text.check.group, date: formatDate(text.check.on, 'de') })] : [de(k('public.labelEinfache')), de(k('public.notChecked'))];
    const content = await easyReadPdf({ title: text.title, author: m.name, blocks: [{ sentences: label }, ...easyBlocks(text.body)] });
    return fileDownload(c, { fileName: `${asciiFileName(text.title, 'leichte-sprache')}.pdf`, mimeType: 'application/pdf', content });
  };
  app.get(easyRoutes.startPdf.pattern, (c) => servePdf(c, { type: 'start', id: 0 }));
  for (const pattern of easyRoutes.textPdf.patterns) app.get(pattern, (c) => servePdf(c, subjectOf(c)));
  for (const pattern of easyRoutes.textVideo.patterns) app.get(pattern, (c) => serveVideo(c, subjectOf(c)));

  app.get(easyRoutes.signLanguage.pattern, async (c) => {
    const video = await easy.videoOf(mid(c), { type: 'start', id: 0 });
    return render(c, <SignLanguagePage ctx={pageContext(c)} hasVideo={!!video} />);
  });

  return app;
}
