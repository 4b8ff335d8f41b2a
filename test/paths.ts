// Every address of the app, for tests that walk routes across modules: the platform's and each module's.
import { accessibilityPaths } from '../src/modules/accessibility/index.js';
import { accountsPaths } from '../src/modules/accounts/index.js';
import { editionsPaths } from '../src/modules/editions/index.js';
import { exportsPaths } from '../src/modules/exports/index.js';
import { groupsPaths, steeringPaths } from '../src/modules/groups/index.js';
import { importerPaths } from '../src/modules/importer/index.js';
import { monitoringPaths } from '../src/modules/monitoring/index.js';
import { municipalitiesPaths } from '../src/modules/municipalities/index.js';
import { processPaths, registrationsPaths } from '../src/modules/participation/index.js';
import { planPaths } from '../src/modules/plan/index.js';
import { questionnairesPaths } from '../src/modules/questionnaires/index.js';
import { roundsPaths } from '../src/modules/rounds/index.js';
import { platformPaths } from '../src/platform/http/paths.js';

// Two of the questionnaires' names are taken by the admin front page and the municipality's settings.
const { admin: questionnaireAdmin, adminSettings: questionnaireSettings, ...questionnaires } = questionnairesPaths;

export const paths = { ...platformPaths, ...accountsPaths, ...municipalitiesPaths, ...planPaths, ...importerPaths, ...exportsPaths, ...roundsPaths, ...monitoringPaths, ...editionsPaths, ...registrationsPaths, ...processPaths, ...steeringPaths, ...groupsPaths, ...questionnaires, questionnaireAdmin, questionnaireSettings, ...accessibilityPaths };
