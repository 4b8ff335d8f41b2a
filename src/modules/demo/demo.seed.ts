// The demo municipality "Musterstadt": created on first start when DEMO_DATA is on and the database is
// empty. Its plan has the structure and size of a real catalogue (seeds/003, names changed).
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { exchangePlanSchema } from '../importer/exchange.js';
import { addDemoActorEmails } from '../rounds/rounds.demo.js';
import type { Services } from '../../services.js';

export const DEMO_SLUG = 'musterstadt';
export const DEMO_ADMIN_EMAIL = 'admin@musterstadt.example';

export function demoPlan() {
  const file = fileURLToPath(new URL('./musterstadt.json', import.meta.url));
  return exchangePlanSchema.parse(JSON.parse(fs.readFileSync(file, 'utf8')));
}

/** Returns the admin's one-time password, or null when there was nothing to seed. */
export async function seedDemo(services: Services): Promise<{ email: string; password: string | null } | null> {
  if ((await services.municipalities.list()).length > 0) return null;
  const system = { userId: null, name: 'Teilhabe (Demo-Daten)' };
  const { municipality, adminPassword } = await services.municipalities.create(
    {
      slug: DEMO_SLUG,
      name: 'Musterstadt (Demo)',
      office_name: 'Kontaktstelle für Integration, Amt für soziale Dienste',
      contact_person: 'Erika Mustermann',
      contact_email: 'integration@musterstadt.example',
      contact_phone: '0711 000000-0',
      contact_address: 'Marktplatz 1\n70000 Musterstadt',
      admin_email: DEMO_ADMIN_EMAIL,
      admin_name: 'Demo-Administration',
      is_demo: true,
    },
    system,
  );
  const admin = await services.auth.findUserByEmail(DEMO_ADMIN_EMAIL);
  // The demo admin may also create further municipalities, so that every part can be tried.
  if (admin) await services.auth.makeInstanceAdmin(admin.id);
  await services.wordings.seedDefaults(municipality.id);
  await services.importPlan(municipality.id, demoPlan(), system, { state: 'published', period: { start: 2023, end: 2030 } });
  await addDemoActorEmails(services, municipality.id, system);
  return { email: DEMO_ADMIN_EMAIL, password: adminPassword };
}
