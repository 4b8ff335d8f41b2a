// What the steering group adds to other modules' pages: the threads on a measure's admin page, the review at a
// glance on the plan's workspace (the officer, before publishing), and who approved an edition.
import type { Ctx } from '../../platform/http/kit.js';
import { pageContext } from '../../platform/http/kit.js';
import { can } from '../../platform/auth/permissions.js';
import type { SectionContributions, Services } from '../../platform/module.js';
import { EditionApprovalsSection, PlanReviewSection } from './approvals.view.js';
import { openCount, MeasureCommentsSection } from './comments.view.js';
import { viewerOf } from './steering.viewer.js';

export function steeringSections(services: Services): SectionContributions {
  const mid = (c: Ctx) => c.get('municipality').id;
  return {
    'measure.admin': async (c, { measureId }) => {
      const viewer = viewerOf(c);
      const measure = await services.plans.getMeasure(mid(c), measureId);
      const plan = await services.plans.getPlan(mid(c), measure.plan_id);
      if (!(await services.steering.groupOfPlan(mid(c), plan.id))) return null;
      if (!(await services.steering.mayReview(mid(c), plan.id, viewer))) return null;
      const [threads, comment] = await Promise.all([services.comments.threadsOf(mid(c), 'measure', measureId), services.comments.mayComment(mid(c), plan, viewer)]);
      return <MeasureCommentsSection ctx={pageContext(c)} measureId={measureId} threads={threads} may={{ comment, resolve: (root) => services.comments.mayResolve(root, viewer) }} />;
    },
    'plan.review': async (c, { planId }) => {
      const viewer = viewerOf(c);
      if (!can(viewer.role, viewer.isInstanceAdmin, 'groups.manage')) return null;
      const [review, group, threads] = await Promise.all([
        services.approvals.reviewOf(mid(c), planId), services.steering.groupOfPlan(mid(c), planId), services.comments.threadsOfPlan(mid(c), planId),
      ]);
      if (!review || !group) return null;
      return <PlanReviewSection ctx={pageContext(c)} planId={planId} groupId={group.id} seats={review.seats} summary={review.summary} openThreads={openCount([...threads.values()].flat())} />;
    },
    'edition.admin': async (c, { editionId }) => {
      const edition = await services.editions.get(mid(c), editionId);
      const entries = await services.approvals.ofEdition(mid(c), editionId);
      if (entries.length === 0 && !(await services.steering.groupOfPlan(mid(c), edition.plan_id))) return null;
      return <EditionApprovalsSection ctx={pageContext(c)} entries={entries} />;
    },
  };
}
