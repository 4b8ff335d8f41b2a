// Every address of the app, for tests that walk routes across modules: the platform's and each module's.
import { accountsPaths } from '../src/modules/accounts/index.js';
import { editionsPaths } from '../src/modules/editions/index.js';
import { exportsPaths } from '../src/modules/exports/index.js';
import { groupsPaths } from '../src/modules/groups/index.js';
import { importerPaths } from '../src/modules/importer/index.js';
import { monitoringPaths } from '../src/modules/monitoring/index.js';
import { municipalitiesPaths } from '../src/modules/municipalities/index.js';
import { planPaths } from '../src/modules/plan/index.js';
import { roundsPaths } from '../src/modules/rounds/index.js';
import { platformPaths } from '../src/platform/http/paths.js';

export const paths = { ...platformPaths, ...accountsPaths, ...municipalitiesPaths, ...planPaths, ...importerPaths, ...exportsPaths, ...roundsPaths, ...monitoringPaths, ...editionsPaths, ...groupsPaths };
