// Working groups and the steering group: groups anchored to a field of action, guiding goal or yearly priority,
// with members, requests to join, meetings, minutes and documents, and tasks linked to measures; the steering
// group's members hold stakeholder seats, comment on draft goals and measures and approve a plan before it is
// published (the edition records who approved it and when).
import { Hono } from 'hono';
import type { AppEnv } from '../../platform/http/env.js';
import { can } from '../../platform/auth/permissions.js';
import { pageContext } from '../../platform/http/kit.js';
import { mergeLocales } from '../../platform/i18n/i18n.js';
import type { ModuleManifest } from '../../platform/module.js';
import { addDemoGroups } from './groups.demo.js';
import { groupsLocale } from './groups.locale.js';
import { groupsRoutes } from './groups.routes.js';
import { GroupDocumentService } from './documents.service.js';
import { groupsPaths } from './groups.paths.js';
import { GroupService } from './groups.service.js';
import { PriorityGroups } from './groups.view.js';
import { steeringLocale } from './steering.locale.js';
import { steeringRoutes } from './steering.routes.js';

export { groupsPaths } from './groups.paths.js';
export type { GroupDocument, GroupDocumentService } from './documents.service.js';
export type { GroupFilter, GroupMeeting, GroupMember, GroupService, GroupTask, JoinRequest, WorkingGroup } from './groups.service.js';

declare module '../../platform/module.js' {
  interface ModuleServices {
    groups: GroupService;
    groupDocuments: GroupDocumentService;
  }
}

export const groupsModule: ModuleManifest = {
  name: 'groups',
  locales: mergeLocales(groupsLocale, steeringLocale),
  services: (p, before) => {
    const groups = new GroupService(p.kysely, p.clock, p.audit, p.auth, p.jobs, p.mailer, before.accounts, before.plans, p.config.publicUrl);
    groups.prioritiesOf = async (mid, planId) => (await before.monitoring.priorities(mid, planId)).map((x) => ({ id: x.id, year: x.year, title: x.title }));
    return { groups, groupDocuments: new GroupDocumentService(p.kysely, p.audit) };
  },
  nav: [
    { area: 'admin', order: 37, label: 'groups.groups.nav.admin', href: (slug) => groupsPaths.adminGroups(slug), permission: 'groups.manage' },
    { area: 'admin', order: 38, label: 'groups.groups.nav.mine', href: (slug) => groupsPaths.myGroups(slug), permission: 'groups.member' },
    { area: 'public', order: 47, label: 'groups.groups.nav.public', href: (slug) => groupsPaths.publicGroups(slug) },
  ],
  jobs: (s) => s.groups.jobHandlers(),
  demo: (services, demo) => addDemoGroups(services, demo),
  // The working groups on a yearly priority, below it on the priorities pages.
  sections: (services) => ({
    'priority.public': async (c, { priorityId }) => PriorityGroups({ ctx: pageContext(c), groups: (await services.groups.ofPriority(c.get('municipality').id, priorityId)).filter((g) => g.kind === 'working'), admin: false }),
    'priority.admin': async (c, { priorityId }) => PriorityGroups({ ctx: pageContext(c), groups: await services.groups.ofPriority(c.get('municipality').id, priorityId), admin: true }),
  }),
  // A working group's lead or member lands on their groups.
  adminLanding(user, role, slug) {
    const groupsOnly = !can(role, user.isInstanceAdmin, 'plan.read_drafts') && can(role, user.isInstanceAdmin, 'groups.member');
    return groupsOnly ? groupsPaths.myGroups(slug) : null;
  },
  routes: (context) => new Hono<AppEnv>().route('/', groupsRoutes(context)).route('/', steeringRoutes(context)),
};
