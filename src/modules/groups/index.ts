// Working groups and the steering group: groups anchored to a field of action, guiding goal or yearly priority,
// with members, requests to join, meetings, minutes and documents, and tasks linked to measures; the steering
// group's members hold stakeholder seats, comment on draft goals and measures and approve a plan before it is
// published (the edition records who approved it and when).
import { Hono } from 'hono';
import { can } from '../../platform/auth/permissions.js';
import type { AppEnv } from '../../platform/http/env.js';
import { mergeLocales } from '../../platform/i18n/i18n.js';
import type { ModuleManifest } from '../../platform/module.js';
import { ApprovalService } from './approvals.service.js';
import { CommentService } from './comments.service.js';
import { groupsLocale } from './groups.locale.js';
import { groupsRoutes } from './groups.routes.js';
import { addDemoSteeringGroup } from './steering.demo.js';
import { steeringLocale } from './steering.locale.js';
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
}

export const groupsModule: ModuleManifest = {
  name: 'groups',
  locales: mergeLocales(groupsLocale, steeringLocale),
  nav: [
    { area: 'admin', order: 39, label: 'groups.steering.nav', href: (slug) => steeringPaths.adminSteering(slug), permission: 'groups.manage' },
    { area: 'admin', order: 39.5, label: 'groups.steering.navReviews', href: (slug) => steeringPaths.adminReviews(slug), permission: 'drafts.comment' },
  ],
  services(p, before) {
    const steering = new SteeringService(p.kysely, p.audit, p.auth, before.accounts, before.plans);
    const comments = new CommentService(p.kysely, p.audit, before.plans, steering);
    const approvals = new ApprovalService(p.kysely, p.audit, before.plans, steering);
    // An edition made from a plan records the steering group's open review with it.
    before.editions.follow(approvals);
    return { steering, comments, approvals };
  },
  routes: (context) => new Hono<AppEnv>().route('/', groupsRoutes(context)).route('/', steeringRoutes(context)),
  links: {
    'plan.workspace': (ctx, { planId }) => [{ href: steeringPaths.adminPlanReview(ctx.municipality!.slug, planId), label: ctx.t('groups.steering.review.workspaceLink') }],
  },
  sections: (services) => steeringSections(services),
  // A steering-group member who does not edit the plan lands on the plans they review.
  adminLanding(user, role, slug) {
    return can(role, user.isInstanceAdmin, 'plan.approve') && !can(role, user.isInstanceAdmin, 'plan.edit') ? steeringPaths.adminReviews(slug) : null;
  },
  demo: (services, demo) => addDemoSteeringGroup(services, demo),
};
