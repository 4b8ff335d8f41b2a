// Every test file sees the interface strings the composed app has: the platform's and every module's, as
// createApp registers them. Unit tests of a module's charts and documents translate without building an app.
// PostgreSQL schemas kept for another env (test/schemas.ts) are dropped when the file ends.
import { afterAll } from 'vitest';
import { MODULES } from '../src/modules.js';
import { registerLocales } from '../src/platform/i18n/i18n.js';
import { dropSpareSchemas } from './schemas.js';

for (const m of MODULES) if (m.locales) registerLocales(m.locales);
afterAll(dropSpareSchemas);
