import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CliError, runCli } from './cli.js';
import { cliLocale, shellLang } from './shell.js';
import { openDb } from './platform/db/db.js';
import { verifyPassword } from './platform/auth/password.js';

describe('teilhabe CLI', () => {
  let dir: string;
  const lines: string[] = [];
  const run = (...args: string[]) => runCli(args, (l) => lines.push(l));
  // The CLI follows LANG; the German tests must not depend on the machine's locale.
  const lang = process.env.LANG;

  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'teilhabe-cli-'));
    process.env.DATA_DIR = dir;
    process.env.LANG = 'de_DE.UTF-8';
  });
  afterAll(() => {
    delete process.env.DATA_DIR;
    if (lang === undefined) delete process.env.LANG;
    else process.env.LANG = lang;
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
  it('speaks English with --lang en or LANG=en…, German otherwise', async () => {
    lines.length = 0;
    await run('migrate', '--lang', 'en');
    expect(lines.at(-1)).toBe('The database is up to date.');
    await run('migrate');
    expect(lines.at(-1)).toBe('Die Datenbank ist auf dem neuesten Stand.');
    await expect(run('set-password', 'red@cli-dorf.de', '--password', 'kurz', '--lang', 'en')).rejects.toThrow('The password must have at least 10 characters.');
    await expect(run('import', path.join(dir, 'fehlt.docx'), '--json', '--lang', 'en')).rejects.toThrow('The file “' + path.join(dir, 'fehlt.docx') + '” cannot be read.');
    const garbage = path.join(dir, 'kaputt-en.xlsx');
    fs.writeFileSync(garbage, Buffer.from('PK\u0003\u0004 not really'));
    await expect(run('import', garbage, '--json', '--lang', 'en')).rejects.toThrow(/^The file “kaputt-en\.xlsx” is not a valid Excel file/);
    await expect(run('create-municipality', '--slug', 'Böse Stadt', '--name', 'X', '--admin-email', 'x@y.de', '--admin-name', 'X', '--lang', 'en')).rejects.toThrow(/^--slug: (?!errors\.)/);
    await expect(run('migrate', '--lang', 'fr')).rejects.toThrow('--lang muss de oder en sein.');
    process.env.LANG = 'en_GB.UTF-8';
    try {
      lines.length = 0;
      await expect(run('gibts-nicht')).rejects.toThrow('Unknown command: gibts-nicht');
      expect(lines.join('\n')).toMatch(/^Usage: teilhabe <command>/);
      await expect(run('gibts-nicht', '--lang', 'de')).rejects.toThrow('Unbekannter Befehl: gibts-nicht');
    } finally {
      process.env.LANG = 'de_DE.UTF-8';
    }
  });

  it('has every CLI string in German and English, and reads LANG', () => {
    const keys = (obj: object, prefix = ''): string[] =>
      Object.entries(obj).flatMap(([k, v]) => (typeof v === 'object' && v !== null ? keys(v, `${prefix}${k}.`) : [`${prefix}${k}`]));
    expect(keys(cliLocale.en).sort()).toEqual(keys(cliLocale.de).sort());
    for (const locale of [cliLocale.de.cli, cliLocale.en.cli] as Array<Record<string, unknown>>) expect(Object.values(locale).filter((v) => v === '')).toEqual([]);
    expect(['en_US.UTF-8', 'en', 'en-GB', 'de_DE.UTF-8', 'C.UTF-8', 'eng', ''].map((LANG) => shellLang(undefined, { LANG }))).toEqual(['en', 'en', 'en', 'de', 'de', 'de', 'de']);
    expect(shellLang('de', { LANG: 'en_US.UTF-8' })).toBe('de');
  });
});
