// The routes of the accessibility statement: the public statement with its feedback form, the feedback form on
// its own page (?seite= names the page the reader came from; honeypot, a limit per client), and the officer's
// settings and feedback list (municipality.edit).
import { Hono } from 'hono';
import { clientAddress, TrustedProxies } from '../../platform/auth/client.address.js';
import type { AppEnv } from '../../platform/http/env.js';
import { readForm, validate } from '../../platform/http/form.js';
import { pageContext, redirectWithFlash, render, requirePermission, type Ctx } from '../../platform/http/kit.js';
import { translator } from '../../platform/i18n/i18n.js';
import type { RouteContext } from '../../platform/module.js';
import type { FormState, FormValues } from '../../platform/views/page.js';
import { paths } from './accessibility.paths.js';
import { FeedbackListPage, FeedbackPage, SettingsPage, StatementPage } from './accessibility.view.js';
import { DEFAULT_ITEM_KEYS, type Statement } from './statement.model.js';
import { feedbackSchema, itemIndexes, MAX_ITEMS, validateSettings } from './statement.schema.js';

/** The page a reader names with ?seite=: a path of this site, nothing else. */
function pageParam(c: Ctx): string {
  const v = (c.req.query('seite') ?? '').trim();
  return v.startsWith('/') && !v.startsWith('//') && v.length <= 500 ? v : '';
}

/** The settings form's values of a statement; the default statement's known limits as editable German rows. */
function settingsValues(s: Statement, isDefault: boolean): FormValues {
  const de = translator('de');
  const items = isDefault
    ? DEFAULT_ITEM_KEYS.map((key) => ({ content: de(`accessibility.defaultItems.${key}.content`), reason: 'non_compliance', justification: de(`accessibility.defaultItems.${key}.justification`), alternative: de(`accessibility.defaultItems.${key}.alternative`) }))
    : s.items;
  const values: FormValues = {
    status: s.status, prepared_on: s.preparedOn, reviewed_on: s.reviewedOn, method: s.method, method_by: s.methodBy,
    contact_email: s.contactEmail, contact_phone: s.contactPhone, contact_address: s.contactAddress, contact_lang: s.contactLang,
    land: s.land, body_name: s.body.name, body_address: s.body.address, body_web: s.body.web, body_email: s.body.email, body_phone: s.body.phone,
    retention_days: String(s.retentionDays),
  };
  items.forEach((item, n) => {
    values[`item_${n}_content`] = item.content;
    values[`item_${n}_reason`] = item.reason;
    values[`item_${n}_justification`] = item.justification;
    values[`item_${n}_alternative`] = item.alternative;
  });
  return values;
}

/** The rows the settings form shows: those posted or saved, and one empty row to add a part. */
function rowsOf(values: FormValues): number[] {
  const rows = itemIndexes(values);
  const next = rows.length > 0 ? rows[rows.length - 1] + 1 : 0;
  return next < MAX_ITEMS ? [...rows, next] : rows;
}

export function accessibilityRoutes(context: RouteContext): Hono<AppEnv> {
  const { services } = context;
  const accessibility = services.accessibility;
  const proxies = new TrustedProxies(context.config.trustedProxies);
  // Feedback a client may send per hour: the platform's limit, kept in the database (so for every process).
  const FEEDBACK_LIMIT = { perClient: 5, windowMinutes: 60 };
  const app = new Hono<AppEnv>();
  const mid = (c: Ctx) => c.get('municipality').id;
  const slugOf = (c: Ctx) => c.get('municipality').slug;

  // ---- public --------------------------------------------------------------------------------------------
  app.get(paths.statement.pattern, async (c) => {
    const { statement, isDefault, municipality } = await accessibility.statement(mid(c));
    const form: FormState = { values: { page: pageParam(c) }, errors: {} };
    return render(c, <StatementPage ctx={pageContext(c)} statement={statement} isDefault={isDefault} municipalityName={municipality.name} officeName={municipality.office_name} form={form} />);
  });
  app.get(paths.feedback.pattern, async (c) => {
    const { statement } = await accessibility.statement(mid(c));
    return render(c, <FeedbackPage ctx={pageContext(c)} form={{ values: { page: pageParam(c) }, errors: {} }} retentionDays={statement.retentionDays} />);
  });
  app.post(paths.feedback.pattern, async (c) => {
    const { statement } = await accessibility.statement(mid(c));
    const values = await readForm(c);
    const show = (form: FormState, status: 400 | 429) => render(c, <FeedbackPage ctx={pageContext(c)} form={form} retentionDays={statement.retentionDays} />, status);
    const v = validate(feedbackSchema, values);
    if (!v.ok) return show(v.form, 400);
    if (!(await services.auth.hitRateLimit(`a11y-feedback:client:${clientAddress(c, proxies)}`, FEEDBACK_LIMIT.perClient, FEEDBACK_LIMIT.windowMinutes))) return show({ values, errors: { _form: 'accessibility.errors.tooMany' } }, 429);
    await accessibility.submitFeedback(mid(c), v.data, c.get('lang'));
    return redirectWithFlash(c, paths.statement(slugOf(c)), c.get('t')('accessibility.flash.sent'));
  });

  // ---- the officer ---------------------------------------------------------------------------------------
  const settings = async (c: Ctx, form: FormState, status: 200 | 400) =>
    render(c, <SettingsPage ctx={pageContext(c)} form={form} itemRows={rowsOf(form.values)} openFeedback={await accessibility.countOpen(mid(c))} />, status);
  app.get(paths.adminStatement.pattern, async (c) => {
    requirePermission(c, 'municipality.edit');
    const { statement, isDefault } = await accessibility.statement(mid(c));
    return settings(c, { values: settingsValues(statement, isDefault), errors: {} }, 200);
  });
  app.post(paths.adminStatement.pattern, async (c) => {
    const by = requirePermission(c, 'municipality.edit');
    const values = await readForm(c);
    const v = validateSettings(values);
    if (!v.ok) return settings(c, { values, errors: v.errors }, 400);
    await accessibility.saveStatement(mid(c), v.data, by);
    return redirectWithFlash(c, paths.adminStatement(slugOf(c)), c.get('t')('accessibility.flash.saved'));
  });
  app.get(paths.adminFeedback.pattern, async (c) => {
    requirePermission(c, 'municipality.edit');
    c.header('cache-control', 'no-store');
    return render(c, <FeedbackListPage ctx={pageContext(c)} feedback={await accessibility.feedbackList(mid(c))} />);
  });
  app.post(paths.adminFeedbackAnswered.pattern, async (c) => {
    const by = requirePermission(c, 'municipality.edit');
    const { id } = paths.adminFeedbackAnswered.params(c);
    await accessibility.markAnswered(mid(c), id, by);
    return redirectWithFlash(c, paths.adminFeedback(slugOf(c)), c.get('t')('accessibility.flash.answered'));
  });

  return app;
}
