// Working groups and the steering group: groups anchored to a field of action, guiding goal or yearly priority,
// with members, requests to join, meetings, minutes and documents, and tasks linked to measures; the steering
// group's members hold stakeholder seats, comment on draft goals and measures and approve a plan before it is
// published (the edition records who approved it and when).
import { Hono } from 'hono';
import type { AppEnv } from '../../platform/http/env.js';
import { mergeLocales } from '../../platform/i18n/i18n.js';
import type { ModuleManifest } from '../../platform/module.js';
import { groupsLocale } from './groups.locale.js';
import { groupsRoutes } from './groups.routes.js';
import { GroupService } from './groups.service.js';
import { steeringLocale } from './steering.locale.js';
import { steeringRoutes } from './steering.routes.js';

export { groupsPaths } from './groups.paths.js';
export type { GroupFilter, GroupMeeting, GroupMember, GroupService, GroupTask, JoinRequest, WorkingGroup } from './groups.service.js';

declare module '../../platform/module.js' {
  interface ModuleServices {
    groups: GroupService;
  }
}

export const groupsModule: ModuleManifest = {
  name: 'groups',
  locales: mergeLocales(groupsLocale, steeringLocale),
  services: (p, before) => {
    const groups = new GroupService(p.kysely, p.clock, p.audit, p.auth, p.jobs, p.mailer, before.accounts, before.plans, p.config.publicUrl);
    groups.prioritiesOf = async (mid, planId) => (await before.monitoring.priorities(mid, planId)).map((x) => ({ id: x.id, year: x.year, title: x.title }));
    return { groups };
  },
  jobs: (s) => s.groups.jobHandlers(),
  routes: (context) => new Hono<AppEnv>().route('/', groupsRoutes(context)).route('/', steeringRoutes(context)),
};
