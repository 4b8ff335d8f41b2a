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

type EngineMigration = { up(db: Parameters<Migration['up']>[0], engine: Db['engine']): Promise<void> };

const migrations: Record<string, EngineMigration> = {
  '001_foundation': foundation,
  '002_import_sessions': importSessions,
  '003_rounds': rounds,
  '004_monitoring': monitoring,
  '005_editions': editions,
  '006_content_version': contentVersion,
  '007_numbers': numbers,
};

export async function migrate(db: Db): Promise<string[]> {
  const provider: MigrationProvider = {
    async getMigrations() {
      return Object.fromEntries(
        Object.entries(migrations).map(([name, m]) => [name, { up: (k) => m.up(k, db.engine) } satisfies Migration]),
      );
    },
  };
  const migrator = new Migrator({ db: db.kysely, provider, ...(db.schema ? { migrationTableSchema: db.schema } : {}) });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
