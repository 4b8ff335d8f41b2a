// The importer: reads the catalogue a town already has (Word, Excel, CSV, text) into the exchange format,
// shows a preview with column and status mapping, and writes it all or nothing through the plan's import.
import { Hono } from 'hono';
import type { AppEnv } from '../../platform/http/env.js';
import type { ModuleManifest } from '../../platform/module.js';
import { importerPaths } from './importer.paths.js';
import { importRoutes } from './import.routes.js';
import { ImportService } from './import.service.js';
import { loadLocales } from '../../platform/i18n/i18n.js';

export { parseCatalogue, DEFAULT_LIMITS } from './parse.catalogue.js';
export type { ParseInput, ParseOptions, ParseResult, ImportLimits, StatusSummary } from './parse.catalogue.js';
export type { DetectedColumns, ImportWarning } from './layout.interpreter.js';
export type { DirectoryEntry } from './actors.directory.js';
export type { ImportProblem } from './table.model.js';
export { COLUMN_ROLES, roleOfHeader, type ColumnRole } from './columns.detect.js';
export { parseActors, actorKey } from './actors.parser.js';
export { parseExchangeJson, type ImportService } from './import.service.js';
export { importerPaths } from './importer.paths.js';

declare module '../../platform/module.js' {
  interface ModuleServices {
    imports: ImportService;
  }
}

export const importerModule: ModuleManifest = {
  name: 'importer',
  locales: loadLocales(new URL('./locales/', import.meta.url)),
  nav: [{ area: 'admin', order: 50, label: 'admin.nav.import', href: (slug) => importerPaths.adminImport(slug), permission: 'plan.edit' }],
  services: (p, before) => ({
    imports: new ImportService(p.kysely, p.clock, before.plans, before.importPlan, { maxBytes: p.config.importMaxBytes, maxRows: p.config.importMaxRows }),
  }),
  routes: (context) => new Hono<AppEnv>().route('/', importRoutes(context)),
  links: {
    'plan.overview': (ctx) => [{ href: importerPaths.adminImport(ctx.municipality!.slug), label: ctx.t('import.title') }],
  },
};
