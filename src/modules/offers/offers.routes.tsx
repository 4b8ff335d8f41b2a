// The routes of the Wegweiser: the residents' search (GET, no script), an offer's page and its printed sheet in
// the reader's language; the offers of the officer (offers.manage: every offer, the settings) and of an actor's
// representative (offers.edit_own: their actor's offers only, enforced by the service). Every query names the
// request's municipality: another municipality's offer, or a draft on the public side, is a 404.
import { Hono } from 'hono';
import { can } from '../../platform/auth/permissions.js';
import type { AppEnv } from '../../platform/http/env.js';
import { InvalidInputError, NotFoundError } from '../../platform/http/errors.js';
import { readForm, validate } from '../../platform/http/form.js';
import { pageContext, redirectWithFlash, render, requirePermission, requireUser, type Ctx } from '../../platform/http/kit.js';
import type { RouteContext } from '../../platform/module.js';
import type { FormState } from '../../platform/views/page.js';
import { offersPaths as paths } from './offers.paths.js';
import { offerSheetPdf } from './offers.pdf.js';
import { filtersOf, offerSchema, settingsSchema, valuesOf } from './offers.schema.js';
import { localizeOffer, offerRefs } from './offers.content.js';
import type { OfferEditor, PublicOffer } from './offers.service.js';
import { AdminOffersPage, dayText, languageName, OfferFormPage, OfferPage, OffersPage, scheduleText, SettingsPage } from './offers.view.js';

export function offersRoutes(context: RouteContext): Hono<AppEnv> {
  const { services } = context;
  const offers = services.offers;
  const app = new Hono<AppEnv>();
  const mid = (c: Ctx) => c.get('municipality').id;
  const slugOf = (c: Ctx) => c.get('municipality').slug;

  // ---- public --------------------------------------------------------------------------------------------

  /** The offers' texts in the reader's language (one query), kept for the page's note about German texts. */
  async function localized(c: Ctx, list: PublicOffer[]) {
    const ct = await services.content.load(mid(c), c.get('lang'), offerRefs(list));
    c.set('content', c.get('content')?.with(ct) ?? ct);
    return { offers: list.map((o) => localizeOffer(o, ct)), ct };
  }

  app.get(paths.offers.pattern, async (c) => {
    const filters = filtersOf((name) => c.req.query(name));
    const page = Number(c.req.query('seite') ?? '1');
    const found = await offers.publicOffers(mid(c), filters, Number.isFinite(page) ? page : 1);
    const result = { ...found, offers: (await localized(c, found.offers)).offers };
    return render(c, <OffersPage ctx={pageContext(c)} result={result} filters={filters} query={new URL(c.req.url).searchParams} />);
  });

  app.get(paths.sheet.pattern, async (c) => {
    const { offers: [offer], ct } = await localized(c, [await offers.publicOffer(mid(c), paths.sheet.params(c).id, 8)]);
    const german = (field: string) => ct.attrs('offer', offer.id, field).lang === 'de' || lang === 'de';
    const t = c.get('t');
    const lang = c.get('lang');
    const m = c.get('municipality');
    const a = offer.address;
    const pdf = await offerSheetPdf({
      lang,
      title: offer.title,
      titleGerman: german('title'),
      descriptionGerman: german('description'),
      category: t(`offers.categories.${offer.category}`),
      actor: offer.actor?.name ?? '',
      description: offer.description,
      rows: [
        { label: t('offers.fields.when'), value: scheduleText(t, offer.schedule, lang) },
        { label: t('offers.fields.timesNote'), value: offer.schedule.note, german: german('times_note') },
        { label: t('offers.fields.where'), value: [a.street, [a.postcode, a.town].filter(Boolean).join(' '), a.district].filter(Boolean).join(', '), german: true },
        { label: t('offers.fields.languages'), value: offer.languages.map((l) => languageName(t, l, lang)).join(', ') },
        { label: t('offers.fields.targetGroups'), value: offer.targetGroups.map((g) => t(`offers.groups.${g}`)).join(', ') },
        { label: t('offers.fields.cost'), value: [offer.freeOfCharge ? t('offers.free') : '', offer.cost].filter(Boolean).join(' – '), german: !offer.freeOfCharge && german('cost') },
        { label: t('offers.fields.accessibility'), value: offer.accessibility, german: german('accessibility') },
        { label: t('offers.fields.contact'), value: [offer.contact.phone, offer.contact.email, offer.contact.website].filter(Boolean).join('\n') },
      ],
      nextDatesTitle: t('offers.nextDates'),
      nextDates: offer.nextDates.map((d) => `${dayText(d.day, lang)}, ${offer.schedule.startTime}–${offer.schedule.endTime}`),
      qrCaption: t('offers.sheetQr'),
      url: offers.publicUrl(m.slug, offer.id),
      footer: `${t('offers.title')} – ${m.name}`,
      author: m.name,
    });
    return c.body(new Uint8Array(pdf), 200, { 'content-type': 'application/pdf', 'content-disposition': `inline; filename="angebot-${offer.id}.pdf"` });
  });

  app.get(paths.offer.pattern, async (c) => {
    const { offers: [offer] } = await localized(c, [await offers.publicOffer(mid(c), paths.offer.params(c).id)]);
    return render(c, <OfferPage ctx={pageContext(c)} offer={offer} />);
  });

  // ---- the officer and the representatives -----------------------------------------------------------------

  /** Who edits here: the officer, or a representative with their actor; anyone else is refused. */
  async function editorOf(c: Ctx): Promise<{ by: { userId: number | null; name: string }; editor: OfferEditor; actorName: string | null }> {
    const by = requirePermission(c, 'offers.edit_own');
    const user = requireUser(c);
    if (can(c.get('role'), user.isInstanceAdmin, 'offers.manage')) return { by, editor: { kind: 'officer' }, actorName: null };
    const actor = await services.representatives.actorOf(mid(c), user.id);
    if (!actor) throw new NotFoundError('represented actor');
    return { by, editor: { kind: 'actor', actorId: actor.id }, actorName: actor.name };
  }

  app.get(paths.admin.pattern, async (c) => {
    requirePermission(c, 'offers.edit_own');
    c.header('cache-control', 'no-store');
    const user = requireUser(c);
    const officer = can(c.get('role'), user.isInstanceAdmin, 'offers.manage');
    const actor = officer ? null : await services.representatives.actorOf(mid(c), user.id);
    const list = officer || actor ? await offers.adminList(mid(c), officer ? { kind: 'officer' } : { kind: 'actor', actorId: actor!.id }) : [];
    const settings = await offers.settings(mid(c));
    return render(c, <AdminOffersPage ctx={pageContext(c)} offers={list} officer={officer} actorName={actor?.name ?? null} staleDays={settings.staleDays} />);
  });

  const formPage = async (c: Ctx, form: FormState, action: string, editing: { id: number; title: string } | null, status: 200 | 400) => {
    const { editor, actorName } = await editorOf(c);
    const [actors, choices] = await Promise.all([editor.kind === 'officer' ? services.actors.list(mid(c)) : Promise.resolve(null), offers.linkChoices(mid(c))]);
    c.header('cache-control', 'no-store');
    return render(c, <OfferFormPage ctx={pageContext(c)} vm={{ form, action, actors: actors?.map((a) => ({ id: a.id, name: a.name })) ?? null, actorName, choices, editing }} />, status);
  };

  /** Validates and saves; bad input shows the form again with what was typed. */
  async function save(c: Ctx, id: number | null) {
    const { by, editor } = await editorOf(c);
    const values = await readForm(c);
    const action = id ? paths.adminOffer(slugOf(c), id) : paths.adminNew(slugOf(c));
    const editing = id ? { id, title: (await offers.getForEdit(mid(c), id, editor)).row.title } : null;
    const v = validate(offerSchema, values);
    if (!v.ok) return formPage(c, v.form, action, editing, 400);
    try {
      if (id) await offers.update(mid(c), id, v.data, by, editor);
      else await offers.create(mid(c), v.data, by, editor);
    } catch (e) {
      if (e instanceof InvalidInputError) return formPage(c, { values, errors: e.errors }, action, editing, 400);
      throw e;
    }
    return redirectWithFlash(c, paths.admin(slugOf(c)), c.get('t')('offers.flash.saved', { title: v.data.title }));
  }

  app.get(paths.adminNew.pattern, (c) => formPage(c, { values: { frequency: 'weekly', state: 'published', town: '' }, errors: {} }, paths.adminNew(slugOf(c)), null, 200));
  app.post(paths.adminNew.pattern, (c) => save(c, null));

  const settingsPage = (c: Ctx, form: FormState, status: 200 | 400) => render(c, <SettingsPage ctx={pageContext(c)} form={form} />, status);
  app.get(paths.adminSettings.pattern, async (c) => {
    requirePermission(c, 'offers.manage');
    const s = await offers.settings(mid(c));
    return settingsPage(c, { values: { map_url_template: s.mapUrlTemplate, stale_days: String(s.staleDays), holiday_region: s.holidayRegion, reminder_email: s.reminderEmail }, errors: {} }, 200);
  });
  app.post(paths.adminSettings.pattern, async (c) => {
    const by = requirePermission(c, 'offers.manage');
    const v = validate(settingsSchema, await readForm(c));
    if (!v.ok) return settingsPage(c, v.form, 400);
    await offers.saveSettings(mid(c), v.data, by);
    return redirectWithFlash(c, paths.admin(slugOf(c)), c.get('t')('offers.flash.settingsSaved'));
  });

  app.get(paths.adminOffer.pattern, async (c) => {
    const { editor } = await editorOf(c);
    const id = paths.adminOffer.params(c).id;
    const { row, measureIds, fieldIds } = await offers.getForEdit(mid(c), id, editor);
    return formPage(c, { values: valuesOf(row, measureIds, fieldIds), errors: {} }, paths.adminOffer(slugOf(c), id), { id, title: row.title }, 200);
  });
  app.post(paths.adminOffer.pattern, (c) => save(c, paths.adminOffer.params(c).id));

  app.post(paths.adminChecked.pattern, async (c) => {
    const { by, editor } = await editorOf(c);
    await offers.markChecked(mid(c), paths.adminChecked.params(c).id, by, editor);
    return redirectWithFlash(c, paths.admin(slugOf(c)), c.get('t')('offers.flash.checked'));
  });
  app.post(paths.adminDelete.pattern, async (c) => {
    const { by, editor } = await editorOf(c);
    await offers.remove(mid(c), paths.adminDelete.params(c).id, by, editor);
    return redirectWithFlash(c, paths.admin(slugOf(c)), c.get('t')('offers.flash.deleted'));
  });

  return app;
}
