// The addresses of the steering group's pages: one definition per route gives its link, its pattern and its parameters.
import { platformPaths } from '../../platform/http/paths.js';
import { route } from '../../platform/http/route.js';
import { planPaths } from '../plan/index.js';

export const steeringPaths = {
  adminSteering: route('/:slug/verwaltung/lenkungsgruppe'),
  adminSteeringNew: route('/:slug/verwaltung/lenkungsgruppe/neu'),
  adminSteeringGroup: route('/:slug/verwaltung/lenkungsgruppe/:id'),
  adminSteeringMembers: route('/:slug/verwaltung/lenkungsgruppe/:id/mitglieder'),
  adminSteeringMemberRemove: route('/:slug/verwaltung/lenkungsgruppe/:id/mitglieder/:memberId/entfernen'),
  adminReviews: route('/:slug/verwaltung/entwurfspruefung'),
  adminPlanReview: route('/:slug/verwaltung/entwurfspruefung/plan/:id'),
  adminPlanReviewVote: route('/:slug/verwaltung/entwurfspruefung/plan/:id/votum'),
  adminGoalComment: route('/:slug/verwaltung/entwurfspruefung/ziel/:id/kommentieren'),
  adminMeasureComment: route('/:slug/verwaltung/entwurfspruefung/massnahme/:id/kommentieren'),
  adminCommentReply: route('/:slug/verwaltung/entwurfspruefung/kommentar/:id/antworten'),
  adminCommentResolve: route('/:slug/verwaltung/entwurfspruefung/kommentar/:id/erledigt'),
};

/** Every address the steering group's pages link to. */
export const paths = { ...platformPaths, ...planPaths, ...steeringPaths };
