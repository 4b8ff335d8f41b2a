// Append-only migrations, kept in code so they ship with the package and run on both engines.
import { Migrator, type Migration, type MigrationProvider } from 'kysely';
import type { Db } from './db.js';
import * as foundation from './migrations/001_foundation.js';
import * as importSessions from './migrations/002_import_sessions.js';
import * as rounds from './migrations/003_rounds.js';
import * as monitoring from './migrations/004_monitoring.js';
import * as editions from './migrations/005_editions.js';
import * as contentVersion from './migrations/006_content_version.js';
import * as numbers from './migrations/007_numbers.js';
import * as measureAttributes from './migrations/008_measure_attributes.js';
import * as accountTokens from './migrations/009_account_tokens.js';
import * as signinLimits from './migrations/010_signin_limits.js';
import * as internalNotes from './migrations/011_internal_notes.js';
import * as actorNames from './migrations/012_actor_names.js';
import * as questionnaires from './migrations/013_questionnaires.js';
import * as participation from './migrations/014_participation.js';
import * as groups from './migrations/015_groups.js';
import * as translationReview from './migrations/016_translation_review.js';
import * as easyLanguage from './migrations/018_easy_language.js';
import * as accessibility from './migrations/019_accessibility.js';
import * as registrationLinks from './migrations/021_registration_links.js';
import * as actorLang from './migrations/022_actor_lang.js';
import * as ideas from './migrations/023_ideas.js';
import * as follow from './migrations/024_follow.js';
import * as offers from './migrations/025_offers.js';
import * as opendata from './migrations/026_opendata.js';
import * as sso from './migrations/027_sso.js';
import * as lookupIndexes from './migrations/028_lookup_indexes.js';
import * as contentNotify from './migrations/029_content_notify.js';

type EngineMigration = { up(db: Parameters<Migration['up']>[0], engine: Db['engine']): Promise<void> };

const migrations: Record<string, EngineMigration> = {
  '001_foundation': foundation,
  '002_import_sessions': importSessions,
  '003_rounds': rounds,
  '004_monitoring': monitoring,
  '005_editions': editions,
  '006_content_version': contentVersion,
  '007_numbers': numbers,
  '008_measure_attributes': measureAttributes,
  '009_account_tokens': accountTokens,
  '010_signin_limits': signinLimits,
  '011_internal_notes': internalNotes,
  '012_actor_names': actorNames,
  '013_questionnaires': questionnaires,
  '014_participation': participation,
  '015_groups': groups,
  '016_translation_review': translationReview,
  '018_easy_language': easyLanguage,
  '019_accessibility': accessibility,
  '021_registration_links': registrationLinks,
  '022_actor_lang': actorLang,
  '023_ideas': ideas,
  '024_follow': follow,
  '025_offers': offers,
  '026_opendata': opendata,
  '027_sso': sso,
  '028_lookup_indexes': lookupIndexes,
  '029_content_notify': contentNotify,
};

/** Runs the migrations up to the latest, or up to and including `target` (a test of a later migration's data). */
export async function migrate(db: Db, target?: string): Promise<string[]> {
  const provider: MigrationProvider = {
    async getMigrations() {
      return Object.fromEntries(
        Object.entries(migrations).map(([name, m]) => [name, { up: (k) => m.up(k, db.engine) } satisfies Migration]),
      );
    },
  };
  // Numbers are handed out to work done side by side, so a migration may land after one with a higher number
  // already ran somewhere (009 after 010): it still runs. Migrations never depend on a later-numbered one.
  const migrator = new Migrator({ db: db.kysely, provider, allowUnorderedMigrations: true, ...(db.schema ? { migrationTableSchema: db.schema } : {}) });
  const { error, results } = await (target ? migrator.migrateTo(target) : migrator.migrateToLatest());
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
