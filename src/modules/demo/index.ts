// The demo municipality: a newcomer starts the app and finds every capability filled with plausible data.
import type { ModuleManifest, Services } from '../../platform/module.js';
import { DemoService } from './demo.seed.js';

export { DEMO_ADMIN_EMAIL, DEMO_SLUG } from './demo.seed.js';
export type { DemoService } from './demo.seed.js';

declare module '../../platform/module.js' {
  interface ModuleServices {
    demo: DemoService;
  }
}

/** Seeds the demo municipality when the database has none (the app, the browser tests and the benchmarks). */
export function seedDemo(services: Pick<Services, 'demo'>) {
  return services.demo.seed();
}

export const demoModule: ModuleManifest = {
  name: 'demo',
  // Built last: it walks every module's demo hook with all services at hand.
  services: (p, before) => ({ demo: new DemoService(before, p.modules) }),
};
