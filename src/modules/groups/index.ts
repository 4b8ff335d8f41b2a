// Working groups and the steering group: groups anchored to a field of action, guiding goal or yearly priority,
// with members, requests to join, meetings, minutes and documents, and tasks linked to measures; the steering
// group's members hold stakeholder seats, comment on draft goals and measures and approve a plan before it is
// published (the edition records who approved it and when).
import { Hono } from 'hono';
import { can } from '../../platform/auth/permissions.js';
import type { AppEnv } from '../../platform/http/env.js';
import { pageContext } from '../../platform/http/kit.js';
import { loadLocales } from '../../platform/i18n/i18n.js';
import type { ModuleManifest } from '../../platform/module.js';
import { ApprovalService } from './approvals.service.js';
import { CommentService } from './comments.service.js';
import { GroupDocumentService } from './documents.service.js';
import { addDemoGroups } from './groups.demo.js';
import { groupsTranslatable } from './groups.content.js';
import { groupsPaths } from './groups.paths.js';
import { groupsRoutes } from './groups.routes.js';
import { GroupService } from './groups.service.js';
import { PriorityGroups } from './groups.view.js';
import { groupRefs, localizeGroup } from './groups.content.js';
import { addDemoSteeringGroup } from './steering.demo.js';
import { steeringPaths } from './steering.paths.js';
import { steeringRoutes } from './steering.routes.js';
import { steeringSections } from './steering.sections.js';
import { SteeringService } from './steering.service.js';

export { steeringPaths } from './steering.paths.js';
export { SEATS, type Seat } from './steering.schema.js';
export type { SteeringService, SteeringGroup, SteeringMember } from './steering.service.js';
export type { CommentService, Thread } from './comments.service.js';
export type { ApprovalService, SeatReview } from './approvals.service.js';

declare module '../../platform/module.js' {
  interface ModuleServices {
    /** The steering group of a plan: its seats and members. */
    steering: SteeringService;
    /** The steering group's threads on draft goals and measures. */
    comments: CommentService;
    /** The steering group's reviews of a plan, recorded with each edition. */
    approvals: ApprovalService;
  }
  interface SectionSlots {
    /** At the end of a working group's public page. */
    'group.public': { groupId: number };
  }
}

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
  locales: loadLocales(new URL('./locales/', import.meta.url)),
  nav: [
    { area: 'admin', order: 39, label: 'groups.steering.nav', href: (slug) => steeringPaths.adminSteering(slug), permission: 'groups.manage' },
    { area: 'admin', order: 39.5, label: 'groups.steering.navReviews', href: (slug) => steeringPaths.adminReviews(slug), permission: 'plan.read_drafts' },
    { area: 'admin', order: 39.6, label: 'groups.groups.nav.admin', href: (slug) => groupsPaths.adminGroups(slug), permission: 'groups.manage' },
    { area: 'admin', order: 39.7, label: 'groups.groups.nav.mine', href: (slug) => groupsPaths.myGroups(slug), permission: 'groups.member' },
    { area: 'public', order: 48, label: 'groups.groups.nav.public', href: (slug) => groupsPaths.publicGroups(slug) },
  ],
  services(p, before) {
    const groups = new GroupService(p.kysely, p.clock, p.audit, p.auth, p.jobs, p.mailer, before.accounts, before.plans, p.config.publicUrl, before.events);
    groups.prioritiesOf = async (mid, planId) => (await before.monitoring.priorities(mid, planId)).map((x) => ({ id: x.id, year: x.year, title: x.title }));
    const steering = new SteeringService(p.kysely, p.audit, p.auth, before.accounts, before.plans);
    const comments = new CommentService(p.kysely, p.audit, before.plans, steering);
    const approvals = new ApprovalService(p.kysely, p.audit, before.plans, steering);
    // An edition made from a plan records the steering group's open review with it.
    before.editions.follow(approvals);
    return { groups, groupDocuments: new GroupDocumentService(p.kysely, p.audit), steering, comments, approvals };
  },
  jobs: (s) => s.groups.jobHandlers(),
  translatable: groupsTranslatable,
  async demo(services, demo) {
    await addDemoGroups(services, demo);
    await addDemoSteeringGroup(services, demo);
  },
  sections: (services) => ({
    ...steeringSections(services),
    // The working groups on a yearly priority, below it on the priorities pages.
    'priority.public': async (c, { priorityId }) => {
      const groups = (await services.groups.ofPriority(c.get('municipality').id, priorityId)).filter((g) => g.kind === 'working');
      const ct = await services.content.load(c.get('municipality').id, c.get('lang'), groups.flatMap((g) => groupRefs(g).filter((r) => r.field === 'title')));
      // The page's note about German texts counts these, too.
      c.set('content', ct.with(c.get('content')));
      return PriorityGroups({ ctx: { ...pageContext(c), content: ct }, groups: groups.map((g) => localizeGroup(g, ct)), admin: false });
    },
    'priority.admin': async (c, { priorityId }) => PriorityGroups({ ctx: pageContext(c), groups: await services.groups.ofPriority(c.get('municipality').id, priorityId), admin: true }),
  }),
  // A steering-group member who does not edit the plan lands on the plans they review; a working group's lead
  // or member on their groups.
  adminLanding(user, role, slug) {
    if (can(role, user.isInstanceAdmin, 'plan.approve') && !can(role, user.isInstanceAdmin, 'plan.edit')) return steeringPaths.adminReviews(slug);
    const groupsOnly = !can(role, user.isInstanceAdmin, 'plan.read_drafts') && can(role, user.isInstanceAdmin, 'groups.member');
    return groupsOnly ? groupsPaths.myGroups(slug) : null;
  },
  routes: (context) => new Hono<AppEnv>().route('/', groupsRoutes(context)).route('/', steeringRoutes(context)),
  links: {
    'plan.workspace': (ctx, { planId }) => [{ href: steeringPaths.adminPlanReview(ctx.municipality!.slug, planId), label: ctx.t('groups.steering.review.workspaceLink') }],
  },
};
