// The modules that make up Teilhabe, in order: a module's services are built after those of the modules
// before it, its routes are mounted in this order, and its demo data is added in this order. Adding a module
// is a new folder under src/modules with an index.ts exporting its manifest, plus one line here.
import { accessibilityModule } from './modules/accessibility/index.js';
import { accountsModule } from './modules/accounts/index.js';
import { demoModule } from './modules/demo/index.js';
import { easyModule } from './modules/easy/index.js';
import { editionsModule } from './modules/editions/index.js';
import { exportsModule } from './modules/exports/index.js';
import { followModule } from './modules/follow/index.js';
import { groupsModule } from './modules/groups/index.js';
import { ideasModule } from './modules/ideas/index.js';
import { importerModule } from './modules/importer/index.js';
import { monitoringModule } from './modules/monitoring/index.js';
import { municipalitiesModule } from './modules/municipalities/index.js';
import { offersModule } from './modules/offers/index.js';
import { opendataModule } from './modules/opendata/index.js';
import { participationModule } from './modules/participation/index.js';
import { planModule } from './modules/plan/index.js';
import { questionnairesModule } from './modules/questionnaires/index.js';
import { roundsModule } from './modules/rounds/index.js';
import { ssoModule } from './modules/sso/index.js';
import { translationsModule } from './modules/translations/index.js';
import type { ModuleManifest } from './platform/module.js';

export const MODULES: readonly ModuleManifest[] = [
  accountsModule,
  municipalitiesModule,
  planModule,
  importerModule,
  exportsModule,
  roundsModule,
  monitoringModule,
  editionsModule,
  questionnairesModule,
  participationModule,
  groupsModule,
  easyModule,
  accessibilityModule,
  ideasModule,
  translationsModule,
  followModule,
  offersModule,
  opendataModule,
  ssoModule,
  demoModule,
];
