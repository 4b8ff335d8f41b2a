// `teilhabe <command>`: the same services as the web app, for set-up and scripting.
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from './platform/config.js';
import { parseCatalogue } from './modules/importer/index.js';
import { parseExchangeJson } from './modules/importer/import.service.js';
import { validateForImport } from './modules/plan/exchange.validate.js';
import { createMunicipalitySchema } from './modules/municipalities/municipality.schema.js';
import { generatePassword } from './platform/auth/password.js';
import { systemClock } from './platform/clock.js';
import { openDb, type Db } from './platform/db/db.js';
import { migrate } from './platform/db/migrate.js';
import { buildServices, type Services } from './services.js';
import { InvalidInputError } from './platform/http/errors.js';
import { translator } from './platform/i18n/i18n.js';

const USAGE = `Aufruf: teilhabe <Befehl> [Optionen]

Befehle:
  migrate                                   Datenbank auf den neuesten Stand bringen
  create-municipality --slug S --name N --admin-email E --admin-name A
                                            Kommune mit erster Administration anlegen
  create-user --email E --name N [--municipality S --role admin|editor] [--instance-admin]
                                            Person anlegen (und einer Kommune zuordnen)
  set-password EMAIL [--password P]         Passwort setzen (ohne --password: ein neues wird erzeugt)
  import FILE --json                        Katalog lesen und als JSON (Austauschformat) ausgeben; schreibt nichts
  import FILE --municipality S              Katalog als Plan im Entwurf in die Kommune S importieren

Die Datenbank wählen DATA_DIR (SQLite) oder DATABASE_URL (PostgreSQL), wie beim Server.`;

export class CliError extends Error {}

const CLI_ACTOR = { userId: null, name: 'Kommandozeile' };

async function withDb<T>(fn: (db: Db) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const db = openDb({ databaseUrl: config.databaseUrl, sqliteFile: path.join(config.dataDir, 'teilhabe.sqlite') });
  try {
    return await fn(db);
  } finally {
    await db.close();
  }
}

async function withServices<T>(fn: (s: Services) => Promise<T>): Promise<T> {
  return withDb(async (db) => {
    await migrate(db);
    return fn(buildServices(db, loadConfig(), systemClock));
  });
}

function required(values: Record<string, string | boolean | undefined>, ...names: string[]): void {
  const missing = names.filter((n) => typeof values[n] !== 'string' || values[n] === '');
  if (missing.length) throw new CliError(`Es fehlt: ${missing.map((m) => `--${m}`).join(', ')}`);
}

export async function runCli(argv: string[], out: (line: string) => void = console.log): Promise<void> {
  const [command, ...rest] = argv;
  const { values, positionals } = parseArgs({
    args: rest,
    allowPositionals: true,
    options: {
      slug: { type: 'string' }, name: { type: 'string' }, 'admin-email': { type: 'string' }, 'admin-name': { type: 'string' },
      email: { type: 'string' }, municipality: { type: 'string' }, role: { type: 'string' }, 'instance-admin': { type: 'boolean' },
      password: { type: 'string' }, help: { type: 'boolean' }, json: { type: 'boolean' },
    },
  });
  switch (command) {
    case 'migrate': {
      const applied = await withDb(migrate);
      out(applied.length ? `Migrationen ausgeführt: ${applied.join(', ')}` : 'Die Datenbank ist auf dem neuesten Stand.');
      return;
    }
    case 'create-municipality': {
      required(values, 'slug', 'name', 'admin-email', 'admin-name');
      const parsed = createMunicipalitySchema.safeParse({ slug: values.slug, name: values.name, admin_email: values['admin-email'], admin_name: values['admin-name'] });
      if (!parsed.success) throw new CliError(parsed.error.issues.map((i) => `--${String(i.path[0]).replace('_', '-')}: ${translator('de')(i.message)}`).join('\n'));
      await withServices(async (s) => {
        try {
          const { municipality, adminPassword } = await s.municipalities.create(parsed.data, CLI_ACTOR);
          await s.wordings.seedDefaults(municipality.id);
          out(`Kommune „${municipality.name}“ angelegt: /${municipality.slug}`);
          out(adminPassword ? `Einmal-Passwort für ${parsed.data.admin_email}: ${adminPassword}` : `${parsed.data.admin_email} hat bereits ein Konto.`);
        } catch (e) {
          if (e instanceof InvalidInputError) throw new CliError('Diesen Kurznamen hat schon eine andere Kommune.');
          throw e;
        }
      });
      return;
    }
    case 'create-user': {
      required(values, 'email', 'name');
      // Actor representatives need an actor too: they are added in the web interface.
      const role = values.role === 'admin' || values.role === 'editor' ? values.role : null;
      if (values.municipality && !role) throw new CliError('--role muss admin oder editor sein.');
      await withServices(async (s) => {
        if (await s.auth.findUserByEmail(values.email!)) throw new CliError(`${values.email} hat bereits ein Konto.`);
        const municipality = values.municipality ? await s.municipalities.findBySlug(values.municipality) : undefined;
        if (values.municipality && !municipality) throw new CliError(`Keine Kommune mit dem Kurznamen „${values.municipality}“.`);
        const password = values.password ?? generatePassword();
        const id = await s.auth.createUser({ email: values.email!, name: values.name!, password, isInstanceAdmin: values['instance-admin'] });
        if (municipality && role) await s.auth.addMembership(municipality.id, id, role);
        out(`Person ${values.email} angelegt.${values.password ? '' : ` Einmal-Passwort: ${password}`}`);
      });
      return;
    }
    case 'set-password': {
      const email = positionals[0];
      if (!email) throw new CliError('Bitte die E-Mail-Adresse angeben: teilhabe set-password EMAIL');
      if (values.password !== undefined && values.password.length < 10) throw new CliError('Das Passwort muss mindestens 10 Zeichen haben.');
      await withServices(async (s) => {
        const user = await s.auth.findUserByEmail(email);
        if (!user) throw new CliError(`Keine Person mit der E-Mail-Adresse ${email}.`);
        const password = values.password ?? generatePassword();
        await s.auth.setPassword(user.id, password);
        out(values.password ? `Passwort für ${email} gesetzt.` : `Neues Passwort für ${email}: ${password}`);
      });
      return;
    }
    case 'import': {
      const file = positionals[0];
      if (!file) throw new CliError('Bitte die Datei angeben: teilhabe import DATEI --json');
      if (!values.json && !values.municipality) throw new CliError('Bitte --json (nur lesen) oder --municipality KURZNAME (importieren) angeben.');
      let content: Buffer;
      try {
        content = fs.readFileSync(file);
      } catch {
        throw new CliError(`Die Datei „${file}“ kann nicht gelesen werden.`);
      }
      const fileName = path.basename(file);
      const config = loadConfig();
      const limits = { maxBytes: config.importMaxBytes, maxRows: config.importMaxRows };
      const failed = (errors: Array<{ sheet?: string; row?: number; column?: string; message: string }>) =>
        new CliError(errors.map((e) => [e.sheet ? `Tabellenblatt „${e.sheet}“` : '', e.row ? `Zeile ${e.row}` : '', e.column ? `Spalte „${e.column}“` : '', e.message].filter(Boolean).join(', ')).join('\n'));
      if (values.json) {
        const parsed = /\.json$/i.test(fileName) ? parseExchangeJson(fileName, content, limits) : await parseCatalogue({ fileName, bytes: content }, { limits });
        if (!parsed.ok) throw failed(parsed.errors);
        const problems = validateForImport(parsed.plan, fileName, translator('de'));
        if (problems.length) throw failed(problems);
        out(JSON.stringify(parsed.plan, null, 2));
        return;
      }
      await withServices(async (s) => {
        const m = await s.municipalities.findBySlug(values.municipality!);
        if (!m) throw new CliError(`Keine Kommune mit dem Kurznamen „${values.municipality}“.`);
        const parsed = await s.imports.parse(m.id, fileName, content, {}, translator('de'));
        if (!parsed.ok) throw failed(parsed.errors);
        const planId = await s.importPlan(m.id, parsed.plan, CLI_ACTOR, { state: 'draft' });
        for (const w of parsed.warnings) out(`Hinweis: Zeile ${w.row}${w.column ? `, Spalte „${w.column}“` : ''}: ${w.message}`);
        out(`Plan „${parsed.plan.plan.title}“ als Entwurf importiert (Nr. ${planId}): ${parsed.plan.fields.length} Handlungsfelder.`);
      });
      return;
    }
    default:
      out(USAGE);
      if (command && command !== 'help' && !values.help) throw new CliError(`Unbekannter Befehl: ${command}`);
  }
}

const isMain = process.argv[1] && /(cli\.ts|teilhabe(\.mjs)?)$/.test(process.argv[1]);
if (isMain) {
  runCli(process.argv.slice(2)).catch((err) => {
    console.error(err instanceof CliError ? err.message : err);
    process.exit(err instanceof CliError ? 2 : 1);
  });
}
