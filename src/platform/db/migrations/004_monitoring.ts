import type { Kysely } from 'kysely';
import type { Engine } from '../db.js';

// Tables of the monitoring module (issue 4).
export async function up(_db: Kysely<unknown>, _engine: Engine): Promise<void> {}
