// Every route of the steering group, four outcomes: not signed in, bad input, other municipality, success. On
// SQLite and, where configured (always in CI), on PostgreSQL.
import { fingerprint, seedSteering, type SteeringSide } from '../../../test/steering.fixture.js';
import { describeFourOutcomes, R as route, type RouteCase } from '../../../test/four-outcomes.js';
import { paths } from './steering.paths.js';

const R = route<SteeringSide>;

const ROUTES: Array<RouteCase<SteeringSide>> = [
  R('steering overview', 'GET', (s) => paths.adminSteering(s.slug), { shows: () => 'Lenkungsgruppe einrichten' }),
  R('set up a steering group', 'POST', (s) => paths.adminSteeringNew(s.slug), {
    valid: (s) => ({ plan_id: String(s.planId) }),
    invalid: { form: () => ({ plan_id: 'kein-Plan' }), keep: 'Für welchen Plan?' },
  }),
  R('steering group', 'GET', (s) => paths.adminSteeringGroup(s.slug, s.groupId), { shows: (s) => `Spurgruppe ${s.secretWord}` }),
  R('add a member', 'POST', (s) => paths.adminSteeringMembers(s.slug, s.groupId), {
    valid: () => ({ name: 'Neu Mitglied', email: 'neu.mitglied@example.org', seat: 'schools', represents: 'Realschule' }),
    invalid: { form: () => ({ name: '', email: 'keine-adresse', seat: '', represents: 'Vertritt-Merker' }), keep: 'Vertritt-Merker' },
  }),
  R('confirm removing a member', 'GET', (s, o) => paths.adminSteeringMemberRemove(s.slug, s.groupId, (o ?? s).memberId), { shows: () => 'Migrantenorganisationen' }),
  R('remove a member', 'POST', (s, o) => paths.adminSteeringMemberRemove(s.slug, s.groupId, (o ?? s).memberId), { valid: () => ({}) }),
  R('plans to review', 'GET', (s) => paths.adminReviews(s.slug), { shows: () => 'Geheimer Entwurf' }),
  R('review page', 'GET', (s) => paths.adminPlanReview(s.slug, s.draftPlanId), { shows: (s) => `Kommentar ${s.secretWord}` }),
  R('record a review', 'POST', (s) => paths.adminPlanReviewVote(s.slug, s.draftPlanId), {
    valid: () => ({ state: 'changes_requested', comment: 'Bitte Ziel 2 schärfen' }),
    invalid: { form: () => ({ state: 'changes_requested', comment: ' ' }), keep: 'Ich bitte um Änderungen' },
  }),
  R('comment form on a measure', 'GET', (s) => paths.adminMeasureComment(s.slug, s.draftMeasureId), { shows: () => 'Kommentar senden' }),
  R('comment on a measure', 'POST', (s) => paths.adminMeasureComment(s.slug, s.draftMeasureId), {
    valid: () => ({ text: 'Gute Maßnahme, bitte auch abends.' }),
    invalid: { form: () => ({ text: ' ', zurueck: 'pruefung' }), keep: (s) => `Sprachkursangebote ${s.secretWord}ENTWURF ausbauen` },
  }),
  R('comment form on a goal', 'GET', (s) => paths.adminGoalComment(s.slug, s.draftGoalId), { shows: () => 'Kommentar zu Ziel' }),
  R('comment on a goal', 'POST', (s) => paths.adminGoalComment(s.slug, s.draftGoalId), {
    valid: () => ({ text: 'Das Ziel ist zu allgemein.' }),
    invalid: { form: () => ({ text: '' }), keep: (s) => `Mehr Sprachkursangebote für Geflüchtete in ${s.slug === 'amstadt' ? 'Amstadt' : 'Bedorf'}` },
  }),
  R('reply form', 'GET', (s) => paths.adminCommentReply(s.slug, s.commentId), { shows: (s) => `Kommentar ${s.secretWord}` }),
  R('reply', 'POST', (s) => paths.adminCommentReply(s.slug, s.commentId), {
    valid: () => ({ text: 'Danke, wird aufgenommen.' }),
    invalid: { form: () => ({ text: '' }), keep: (s) => `Kommentar ${s.secretWord}` },
  }),
  R('resolve a thread', 'POST', (s) => paths.adminCommentResolve(s.slug, s.commentId), {
    valid: () => ({ resolved: '1' }),
    invalid: { form: () => ({ resolved: 'vielleicht' }), keep: '' },
  }),
];

describeFourOutcomes<SteeringSide>({
  title: 'steering group routes',
  routes: ROUTES,
  seed: seedSteering,
  fingerprint,
  secretsOf: (B) => [`Frau ${B.secretWord}`, `Kommentar ${B.secretWord}`],
});
