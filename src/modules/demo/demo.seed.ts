// The demo municipality "Musterstadt": created on first start when DEMO_DATA is on and the database is
// empty. The municipality and its admin are made here; every module then adds its own part (the plan, the
// actors' addresses …) through its manifest's demo hook, in module order.
import type { ModuleManifest, Services } from '../../platform/module.js';

export const DEMO_SLUG = 'musterstadt';
export const DEMO_ADMIN_EMAIL = 'admin@musterstadt.example';

export class DemoService {
  constructor(
    private readonly services: Services,
    private readonly modules: readonly ModuleManifest[],
  ) {}

  /** Returns the admin's one-time password, or null when there was nothing to seed. */
  async seed(): Promise<{ email: string; password: string | null } | null> {
    const { services } = this;
    if ((await services.municipalities.list()).length > 0) return null;
    const by = { userId: null, name: 'Teilhabe (Demo-Daten)' };
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
      by,
    );
    // The demo admin administers Musterstadt only: the instance (further municipalities, hosts) is not theirs.
    for (const m of this.modules) await m.demo?.(services, { municipalityId: municipality.id, by });
    return { email: DEMO_ADMIN_EMAIL, password: adminPassword };
  }
}
