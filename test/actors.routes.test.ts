// The actors directory's clean-up routes and the round's contact e-mails page, four outcomes each: not signed
// in, bad input, other municipality, success (the wrong role is in actors.test.ts). On both engines.
import { paths } from './paths.js';
import { describeFourOutcomes, R as route, type RouteCase } from './four-outcomes.js';
import { seedTwoMunicipalities, type Side, type TestEnv } from './support.js';

interface ActorSide extends Side {
  jobcenterId: number;
  kontaktId: number;
  unusedId: number;
}

const R = route<ActorSide>;
const merge = (s: ActorSide) => `${paths.adminActorsMerge(s.slug)}?behalten=${s.actorId}&aufnehmen=${s.jobcenterId}`;

const ROUTES: Array<RouteCase<ActorSide>> = [
  R('merge chooser', 'GET', (s) => paths.adminActorsMerge(s.slug), { shows: () => 'Akteur, der bleibt' }),
  R('merge confirmation', 'GET', merge, {
    shows: () => 'geht in „VHS',
    invalid: { path: (s) => `${paths.adminActorsMerge(s.slug)}?behalten=${s.actorId}&aufnehmen=${s.actorId}`, keep: 'VHS' },
  }),
  R('merge', 'POST', (s) => paths.adminActorsMerge(s.slug), {
    valid: (s) => ({ keep_id: String(s.actorId), merge_id: String(s.jobcenterId) }),
    invalid: { form: (s) => ({ keep_id: String(s.kontaktId), merge_id: String(s.kontaktId) }), keep: 'Kontaktstelle für Integration' },
  }),
  R('unused actors', 'GET', (s) => paths.adminActorsUnused(s.slug), { shows: () => 'Verein ohne Maßnahme' }),
  R('confirm deleting unused actors', 'GET', (s) => paths.adminActorsUnusedDelete(s.slug), { shows: () => 'Verein ohne Maßnahme' }),
  R('delete unused actors', 'POST', (s) => paths.adminActorsUnusedDelete(s.slug), { valid: (s) => ({ actor_id: String(s.unusedId) }) }),
  R('contact e-mails of lead actors', 'GET', (s) => paths.adminRoundEmails(s.slug, s.planId), { shows: () => 'VHS' }),
  R('save contact e-mails', 'POST', (s) => paths.adminRoundEmails(s.slug, s.planId), {
    valid: (s) => ({ [`email_${s.actorId}`]: 'vhs@example.org' }),
    invalid: { form: (s) => ({ [`email_${s.actorId}`]: 'vhs-adresse-merker' }), keep: 'vhs-adresse-merker' },
  }),
];

async function seed(env: TestEnv): Promise<{ A: ActorSide; B: ActorSide }> {
  const { A, B } = await seedTwoMunicipalities(env);
  const more = async (s: Side): Promise<ActorSide> => {
    const actors = await env.services.actors.list(s.municipalityId);
    const unusedId = await env.services.actors.create(s.municipalityId, { name: 'Verein ohne Maßnahme', parent_id: null, description: '', contact_email: '', website: '' }, { userId: null, name: 'Test' });
    return { ...s, jobcenterId: actors.find((a) => a.name.startsWith('Jobcenter'))!.id, kontaktId: actors.find((a) => a.name.startsWith('Kontaktstelle'))!.id, unusedId };
  };
  return { A: await more(A), B: await more(B) };
}

async function fingerprint(env: TestEnv): Promise<string> {
  const k = env.db.kysely;
  const actors = await k.selectFrom('actors').select(['id', 'name', 'parent_id', 'contact_email']).orderBy('id').execute();
  const links = await k.selectFrom('measure_actors').select(['measure_id', 'actor_id', 'role']).orderBy('measure_id').orderBy('actor_id').execute();
  const audit = await k.selectFrom('audit_log').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return JSON.stringify({ actors, links, audit: Number(audit.n) });
}

describeFourOutcomes<ActorSide>({ title: 'actor clean-up routes', routes: ROUTES, seed, fingerprint });
