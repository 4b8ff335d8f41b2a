// Contact addresses for a few actors of the demo municipality, so that a newcomer can try an update round:
// these actors get mail (with SMTP configured), the others show their link to copy. The .example domain
// never receives mail.
import type { Writer } from '../../platform/audit/audit.js';
import type { Services } from '../../platform/module.js';

const DEMO_ACTOR_EMAILS: Record<string, string> = {
  VHS: 'vhs@musterstadt.example',
  Jobcenter: 'jobcenter@musterstadt.example',
  'Koordinator für das Bürgerschaftliche Engagement': 'engagement@musterstadt.example',
  Ausländerbehörde: 'auslaenderbehoerde@musterstadt.example',
};

export async function addDemoActorEmails(services: Services, municipalityId: number, by: Writer): Promise<void> {
  for (const a of await services.actors.list(municipalityId)) {
    const email = DEMO_ACTOR_EMAILS[a.name];
    if (!email || a.contact_email) continue;
    await services.actors.update(municipalityId, a.id, { name: a.name, parent_id: a.parent_id, description: a.description, contact_email: email, website: a.website }, by);
  }
}
