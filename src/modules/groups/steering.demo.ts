// The demo municipality's steering group ("Spurgruppe" as in Leinfelden-Echterdingen): eleven seats filled by
// clearly named demo people (accounts without a password: they cannot sign in), a few reviews of the plan and,
// when the demo has a draft plan, a few comments on its measures (comments belong to drafts only).
import type { DemoContext, Services } from '../../platform/module.js';
import type { Seat } from './steering.schema.js';
import { DRAFT_STATES } from './steering.schema.js';

const PEOPLE: Array<{ name: string; seat: Seat; represents: string }> = [
  { name: 'Demo: Frau A. (Migrantenorganisation)', seat: 'migrant_organisations', represents: 'Deutsch-Türkischer Kulturverein (Demo)' },
  { name: 'Demo: Herr B. (Flüchtlingshilfe)', seat: 'refugee_helpers', represents: 'Arbeitskreis Asyl (Demo)' },
  { name: 'Demo: Frau C. (Ehrenamt und Dolmetschen)', seat: 'volunteers_interpreters', represents: 'Dolmetscherpool (Demo)' },
  { name: 'Demo: Herr D. (Schulen)', seat: 'schools', represents: 'Grundschule am Markt (Demo)' },
  { name: 'Demo: Frau E. (Jugendgemeinderat)', seat: 'youth_council', represents: 'Jugendgemeinderat (Demo)' },
  { name: 'Demo: Herr F. (Stadtseniorenrat)', seat: 'seniors_council', represents: 'Stadtseniorenrat (Demo)' },
  { name: 'Demo: Frau G. (Vereine)', seat: 'clubs', represents: 'Sportverein 1900 (Demo)' },
  { name: 'Demo: Herr H. (Religionsgemeinschaften)', seat: 'religious_communities', represents: 'Runder Tisch der Religionen (Demo)' },
  { name: 'Demo: Frau I. (Behörden)', seat: 'authorities', represents: 'Jobcenter (Demo)' },
  { name: 'Demo: Herr J. (Fachamt)', seat: 'offices', represents: 'Amt für Bildung (Demo)' },
  { name: 'Demo: Frau K. (Integrationsbeirat)', seat: 'other', represents: 'Integrationsbeirat (Demo)' },
];

export async function addDemoSteeringGroup(services: Services, { municipalityId, by }: DemoContext): Promise<void> {
  const plans = await services.plans.listPlans(municipalityId);
  const plan = plans.find((p) => DRAFT_STATES.includes(p.state)) ?? plans.find((p) => p.state === 'published');
  if (!plan) return;
  const groupId = await services.steering.create(municipalityId, plan.id, by, { title: 'Spurgruppe (Demo)', isDemo: true });
  const seated: Array<{ userId: number; name: string }> = [];
  for (const [i, p] of PEOPLE.entries()) {
    const email = `spurgruppe-${String(i + 1).padStart(2, '0')}@musterstadt.example`;
    seated.push({ userId: await services.steering.seatWithoutInvitation(municipalityId, groupId, { ...p, email }, by), name: p.name });
  }
  const viewer = (i: number) => ({ userId: seated[i].userId, name: seated[i].name, role: 'steering_member', isInstanceAdmin: false });

  // Comments belong to draft goals and measures: only a draft plan gets them.
  if (DRAFT_STATES.includes(plan.state)) {
    const tree = await services.plans.tree(municipalityId, plan.id);
    const measures = tree.fields.flatMap((f) => f.goals.flatMap((g) => g.measures));
    if (measures.length >= 2) {
      const first = await services.comments.add(municipalityId, 'measure', measures[0].id, 'Bitte die Sprachkurse auch abends anbieten, viele arbeiten tagsüber. (Demo)', viewer(0));
      await services.comments.reply(municipalityId, first, 'Das unterstützen wir; der Dolmetscherpool kann Termine abends begleiten. (Demo)', viewer(2));
      const second = await services.comments.add(municipalityId, 'measure', measures[1].id, 'Wer ist hier federführend? Bitte einen Akteur nennen. (Demo)', viewer(8));
      await services.comments.resolve(municipalityId, second, true, viewer(8));
    }
  }

  for (const i of [0, 3, 4, 6]) await services.approvals.record(municipalityId, plan.id, { state: 'approved', comment: '' }, viewer(i));
  await services.approvals.record(municipalityId, plan.id, { state: 'changes_requested', comment: 'Im Handlungsfeld Bildung fehlt ein Ziel für die Elternarbeit. (Demo)' }, viewer(1));
}
