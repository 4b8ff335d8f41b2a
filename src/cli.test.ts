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

  it('refuses bad input with a clear German message', async () => {
    await expect(run('create-municipality', '--slug', 'Böse Stadt', '--name', 'X', '--admin-email', 'x@y.de', '--admin-name', 'X')).rejects.toThrow(/Kleinbuchstaben/);
    await expect(run('create-municipality', '--slug', 'cli-dorf', '--name', 'X', '--admin-email', 'x@y.de', '--admin-name', 'X')).rejects.toThrow(/schon eine andere Kommune/);
    await expect(run('create-user', '--email', 'a@b.de')).rejects.toThrow(/--name/);
    await expect(run('set-password', 'niemand@nirgends.de')).rejects.toThrow(CliError);
    await expect(run('set-password', 'red@cli-dorf.de', '--password', 'kurz')).rejects.toThrow(/mindestens 10/);
    await expect(run('gibts-nicht')).rejects.toThrow(/Unbekannter Befehl/);
  });
});
