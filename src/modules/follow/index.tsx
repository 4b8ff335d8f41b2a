// Following without an account: residents follow a plan, a field of action, a measure or a working group with
// their e-mail address (double opt-in) and get a daily or weekly digest of what happened, in their language,
// with a one-click unsubscribe link in every mail.
import { Hono } from 'hono';
import type { AppEnv } from '../../platform/http/env.js';
import { pageContext } from '../../platform/http/kit.js';
import { loadLocales } from '../../platform/i18n/i18n.js';
import type { ModuleManifest } from '../../platform/module.js';
import { followPaths } from './follow.paths.js';
import { followRoutes } from './follow.routes.js';
import { FollowService } from './follow.service.js';
import { FollowLink } from './follow.view.js';

export { followPaths } from './follow.paths.js';
export type { FollowService } from './follow.service.js';

declare module '../../platform/module.js' {
  interface ModuleServices {
    follow: FollowService;
  }
}

export const followModule: ModuleManifest = {
  name: 'follow',
  locales: loadLocales(new URL('./locales/', import.meta.url)),
  nav: [{ area: 'admin', order: 38.5, label: 'follow.nav.admin', href: (slug) => followPaths.adminFollow(slug), permission: 'participation.manage' }],
  services: (p) => ({ follow: new FollowService(p.kysely, p.clock, p.jobs, p.mailer, { publicUrl: p.config.publicUrl }, p.content) }),
  routes: (context) => new Hono<AppEnv>().route('/', followRoutes(context)),
  jobs: (services) => services.follow.jobHandlers(),
  sections: (services) => ({
    'field.public': async (c, { fieldId }) => <FollowLink ctx={pageContext(c)} subject={{ type: 'field', id: fieldId }} />,
    'measure.public': async (c, { measureId }) => <FollowLink ctx={pageContext(c)} subject={{ type: 'measure', id: measureId }} />,
    'group.public': async (c, { groupId }) => <FollowLink ctx={pageContext(c)} subject={{ type: 'group', id: groupId }} />,
    'actor.public': async (c, { actorId }) => <FollowLink ctx={pageContext(c)} subject={{ type: 'actor', id: actorId }} />,
    // An actor follows its own measures: offered where it keeps them current, when they are in a published plan.
    'actor.own': async (c, { actorId }) => ((await services.follow.subject(c.get('municipality')!.id, 'actor', actorId)) ? <FollowLink ctx={pageContext(c)} subject={{ type: 'actor', id: actorId }} own={true} /> : null),
    'municipality.public': async (c, { planId }) => (planId ? <FollowLink ctx={pageContext(c)} subject={{ type: 'plan', id: planId }} /> : null),
  }),
};
