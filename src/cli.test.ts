import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CliError, runCli } from './cli.js';
import { openDb } from './platform/db/db.js';
import { verifyPassword } from './platform/auth/password.js';

describe('teilhabe CLI', () => {
  let dir: string;
  const lines: string[] = [];
  const run = (...args: string[]) => runCli(args, (l) => lines.push(l));

  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'teilhabe-cli-'));
    process.env.DATA_DIR = dir;
  });
  afterAll(() => {
    delete process.env.DATA_DIR;
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('migrates, creates a municipality with its admin, a user, and sets a password', async () => {
    await run('migrate');
    expect(lines.at(-1)).toContain('001_foundation');
    await run('create-municipality', '--slug', 'cli-dorf', '--name', 'CLI-Dorf', '--admin-email', 'chef@cli-dorf.de', '--admin-name', 'Chefin');
    expect(lines.join('\n')).toContain('Kommune „CLI-Dorf“ angelegt: /cli-dorf');
    await run('create-user', '--email', 'red@cli-dorf.de', '--name', 'Redaktion', '--municipality', 'cli-dorf', '--role', 'editor');
    await run('set-password', 'red@cli-dorf.de', '--password', 'ein-langes-passwort');
    const db = openDb({ sqliteFile: path.join(dir, 'teilhabe.sqlite') });
    try {
      const user = await db.kysely.selectFrom('users').selectAll().where('email', '=', 'red@cli-dorf.de').executeTakeFirstOrThrow();
      expect(await verifyPassword('ein-langes-passwort', user.password_hash)).toBe(true);
      const m = await db.kysely.selectFrom('memberships').select('role').where('user_id', '=', user.id).executeTakeFirstOrThrow();
      expect(m.role).toBe('editor');
      const wordings = await db.kysely.selectFrom('status_wordings').selectAll().execute();
      expect(wordings.length).toBeGreaterThan(5);
    } finally {
      await db.close();
    }
  });

  it('imports a catalogue: --json prints the exchange format and writes nothing; --municipality makes a draft', async () => {
    const seed = new URL('../test/fixtures/import/seed-003.txt', import.meta.url).pathname;
    lines.length = 0;
    await run('import', seed, '--json');
    const plan = JSON.parse(lines.join('\n'));
    expect(plan.fields).toHaveLength(7);
    expect(plan.fields.flatMap((f: { goals: Array<{ measures: unknown[] }> }) => f.goals.flatMap((g) => g.measures))).toHaveLength(41);
    const db = openDb({ sqliteFile: path.join(dir, 'teilhabe.sqlite') });
    const plansBefore = await db.kysely.selectFrom('plans').selectAll().execute();
    await run('import', seed, '--municipality', 'cli-dorf');
    const plansAfter = await db.kysely.selectFrom('plans').selectAll().execute();
    await db.close();
    expect(plansAfter.length - plansBefore.length).toBe(1);
    expect(plansAfter.at(-1)!.state).toBe('draft');
    await expect(run('import', path.join(dir, 'fehlt.docx'), '--json')).rejects.toThrow(/kann nicht gelesen werden/);
    const garbage = path.join(dir, 'kaputt.xlsx');
    fs.writeFileSync(garbage, Buffer.from('PK\u0003\u0004 nicht wirklich'));
    await expect(run('import', garbage, '--json')).rejects.toThrow(/kaputt\.xlsx/);
  });

  it('refuses bad input with a clear German message', async () => {
    await expect(run('create-municipality', '--slug', 'Böse Stadt', '--name', 'X', '--admin-email', 'x@y.de', '--admin-name', 'X')).rejects.toThrow(/Kleinbuchstaben/);
    await expect(run('create-municipality', '--slug', 'cli-dorf', '--name', 'X', '--admin-email', 'x@y.de', '--admin-name', 'X')).rejects.toThrow(/schon eine andere Kommune/);
    await expect(run('create-user', '--email', 'a@b.de')).rejects.toThrow(/--name/);
    await expect(run('set-password', 'niemand@nirgends.de')).rejects.toThrow(CliError);
    await expect(run('set-password', 'red@cli-dorf.de', '--password', 'kurz')).rejects.toThrow(/mindestens 10/);
    await expect(run('gibts-nicht')).rejects.toThrow(/Unbekannter Befehl/);
  });
});
