// The routes of event registration: the public registration page and its form (honeypot, a limit per client),
// a registrant's personal link (confirm, state, cancel, each asking first), and the officer's pages
// (participation.manage): events with registrations, the retention days, attendees, exports, removal, resending.
import { Hono } from 'hono';
import { clientAddress, TrustedProxies } from '../../platform/auth/client.address.js';
import type { AppEnv } from '../../platform/http/env.js';
import { readForm, validate } from '../../platform/http/form.js';
import { pageContext, redirectWithFlash, render, requirePermission, type Ctx } from '../../platform/http/kit.js';
import { asciiFileName } from '../../platform/http/download.js';
import type { RouteContext } from '../../platform/module.js';
import type { FormState } from '../../platform/views/page.js';
import { attendeesCsv, attendeesXlsx } from './registrations.export.js';
import { paths } from './registrations.paths.js';
import { registrationSchema, retentionSchema } from './registrations.schema.js';
import { AttendeesPage, CancelPage, DeadLinkPage, LinkPage, RegisteredPage, RegisterPage, RegistrationsOverviewPage, RemovePage } from './registrations.view.js';

/** Registrations a client may send in a window, kept in memory (per process): enough for a family, not for a script. */
export class ClientLimit {
  private readonly seen = new Map<string, number[]>();
  constructor(
    private readonly max: number,
    private readonly windowMs: number,
  ) {}

  /** Counts one attempt of the client at `now`; false when it is over the limit. */
  take(client: string, now: number): boolean {
    const since = now - this.windowMs;
    const list = (this.seen.get(client) ?? []).filter((at) => at > since);
    if (list.length >= this.max) {
      this.seen.set(client, list);
      return false;
    }
    list.push(now);
    this.seen.set(client, list);
    if (this.seen.size > 10_000) for (const [key, times] of this.seen) if (times.every((at) => at <= since)) this.seen.delete(key);
    return true;
  }
}

export function registrationsRoutes(context: RouteContext): Hono<AppEnv> {
  const { services, clock } = context;
  const registrations = services.registrations;
  const proxies = new TrustedProxies(context.config.trustedProxies);
  const limit = new ClientLimit(10, 60 * 60 * 1000);
  const app = new Hono<AppEnv>();
  const mid = (c: Ctx) => c.get('municipality').id;
  const slugOf = (c: Ctx) => c.get('municipality').slug;
  const empty = (): FormState => ({ values: {}, errors: {} });
  const noStore = (c: Ctx) => c.header('cache-control', 'no-store');
  const dead = (c: Ctx) => render(c, <DeadLinkPage ctx={pageContext(c)} />, 404);

  // ---- registering ---------------------------------------------------------------------------------------
  app.get(paths.register.pattern, async (c) => {
    const { id } = paths.register.params(c);
    const p = await registrations.publicEvent(mid(c), id);
    return render(c, <RegisterPage ctx={pageContext(c)} event={p.event} form={empty()} availability={p.availability} retentionDays={p.retentionDays} free={p.free} />);
  });
  app.post(paths.register.pattern, async (c) => {
    const { id } = paths.register.params(c);
    const p = await registrations.publicEvent(mid(c), id);
    const show = (form: FormState, status: 200 | 400 | 429 = 400) =>
      render(c, <RegisterPage ctx={pageContext(c)} event={p.event} form={form} availability={p.availability} retentionDays={p.retentionDays} free={p.free} />, status);
    const values = await readForm(c);
    const v = validate(registrationSchema, values);
    if (!v.ok) return show(v.form);
    if (!limit.take(clientAddress(c, proxies), clock().getTime())) return show({ values, errors: { _form: 'participation.registrations.errors.tooMany' } }, 429);
    const taken = await registrations.register(c.get('municipality'), id, v.data, c.get('lang'));
    if (!taken) return show(empty());
    return c.redirect(paths.registered(slugOf(c), id), 303);
  });
  app.get(paths.registered.pattern, async (c) => {
    const { id } = paths.registered.params(c);
    const p = await registrations.publicEvent(mid(c), id);
    return render(c, <RegisteredPage ctx={pageContext(c)} event={p.event} />);
  });

  // ---- the personal link ---------------------------------------------------------------------------------
  app.get(paths.link.pattern, async (c) => {
    const { token } = paths.link.params(c);
    noStore(c);
    const found = await registrations.byToken(mid(c), token);
    if (!found) return dead(c);
    return render(c, <LinkPage ctx={pageContext(c)} token={token} {...found} />);
  });
  app.post(paths.confirm.pattern, async (c) => {
    const { token } = paths.confirm.params(c);
    const state = await registrations.confirm(c.get('municipality'), token);
    if (state === null) return dead(c);
    const t = c.get('t');
    const message = state === 'confirmed' ? t('participation.registrations.flash.confirmed') : state === 'waiting' ? t('participation.registrations.flash.waiting') : t('participation.registrations.flash.unchanged');
    return redirectWithFlash(c, `${paths.link(slugOf(c), token)}`, message);
  });
  app.get(paths.cancel.pattern, async (c) => {
    const { token } = paths.cancel.params(c);
    noStore(c);
    const found = await registrations.byToken(mid(c), token);
    if (!found) return dead(c);
    if (found.registration.state === 'cancelled' || found.started) return c.redirect(paths.link(slugOf(c), token), 303);
    return render(c, <CancelPage ctx={pageContext(c)} token={token} event={found.event} registration={found.registration} />);
  });
  app.post(paths.cancel.pattern, async (c) => {
    const { token } = paths.cancel.params(c);
    if (!(await registrations.cancel(c.get('municipality'), token))) return dead(c);
    return redirectWithFlash(c, paths.link(slugOf(c), token), c.get('t')('participation.registrations.flash.cancelled'));
  });

  // ---- the officer ---------------------------------------------------------------------------------------
  const overview = async (c: Ctx, retention: FormState, status: 200 | 400 = 200) => {
    const o = await registrations.overview(mid(c));
    const form = retention.values.days !== undefined ? retention : { values: { days: String(o.retentionDays) }, errors: {} };
    return render(c, <RegistrationsOverviewPage ctx={pageContext(c)} events={o.events} retention={form} />, status);
  };
  app.get(paths.adminRegistrations.pattern, (c) => {
    requirePermission(c, 'participation.manage');
    return overview(c, empty());
  });
  app.post(paths.adminRetention.pattern, async (c) => {
    const by = requirePermission(c, 'participation.manage');
    const v = validate(retentionSchema, await readForm(c));
    if (!v.ok) return overview(c, v.form, 400);
    await registrations.setRetentionDays(mid(c), v.data.days, by);
    return redirectWithFlash(c, paths.adminRegistrations(slugOf(c)), c.get('t')('participation.registrations.flash.retention', { count: v.data.days }));
  });
  app.get(paths.adminAttendees.pattern, async (c) => {
    requirePermission(c, 'participation.manage');
    const { id } = paths.adminAttendees.params(c);
    const a = await registrations.attendees(mid(c), id);
    noStore(c);
    return render(c, <AttendeesPage ctx={pageContext(c)} {...a} mailConfigured={registrations.mailConfigured} />);
  });
  for (const pattern of paths.adminAttendeesExport.patterns) {
    app.get(pattern, async (c) => {
      requirePermission(c, 'participation.manage');
      const { id, format } = paths.adminAttendeesExport.params(c);
      const a = await registrations.attendees(mid(c), id);
      const t = c.get('t');
      const name = `${asciiFileName(a.event.title, 'veranstaltung')}-${t('participation.registrations.admin.fileName')}.${format}`;
      const body = format === 'csv' ? attendeesCsv(t, c.get('lang'), a) : await attendeesXlsx(t, c.get('lang'), a.event.title, a);
      return c.body(new Uint8Array(body), 200, {
        'content-type': format === 'csv' ? 'text/csv; charset=utf-8' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        'content-disposition': `attachment; filename="${name}"`,
        'cache-control': 'no-store',
      });
    });
  }
  app.get(paths.adminRegistrationRemove.pattern, async (c) => {
    requirePermission(c, 'participation.manage');
    const { id } = paths.adminRegistrationRemove.params(c);
    const registration = await registrations.registration(mid(c), id);
    const a = await registrations.attendees(mid(c), registration.eventId);
    return render(c, <RemovePage ctx={pageContext(c)} registration={registration} event={a.event} />);
  });
  app.post(paths.adminRegistrationRemove.pattern, async (c) => {
    const by = requirePermission(c, 'participation.manage');
    const { id } = paths.adminRegistrationRemove.params(c);
    const eventId = await registrations.remove(mid(c), id, by);
    return redirectWithFlash(c, paths.adminAttendees(slugOf(c), eventId), c.get('t')('participation.registrations.flash.removed'));
  });
  app.post(paths.adminRegistrationResend.pattern, async (c) => {
    const by = requirePermission(c, 'participation.manage');
    const { id } = paths.adminRegistrationResend.params(c);
    const r = await registrations.resend(mid(c), id, by);
    return redirectWithFlash(c, paths.adminAttendees(slugOf(c), r.eventId), c.get('t')('participation.registrations.flash.resent', { email: r.email }));
  });

  return app;
}
