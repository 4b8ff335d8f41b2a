// `teilhabe <command>`: the same services as the web app, for set-up and scripting. Prints in German, or in
// English with `--lang en` (or LANG=en…); the modules' strings and the CLI's own are registered here.
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from './platform/config.js';
import { cliLocale, shellLang } from './shell.js';
import { MODULES } from './modules.js';
import { parseCatalogue, parseExchangeJson } from './modules/importer/index.js';
import { validateForImport } from './modules/plan/index.js';
import { createMunicipalitySchema } from './modules/municipalities/municipality.schema.js';
import { generatePassword } from './platform/auth/password.js';
import { systemClock } from './platform/clock.js';
import { openDb, type Db } from './platform/db/db.js';
import { migrate } from './platform/db/migrate.js';
import { backupDatabase, BackupError, restoreDatabase } from './platform/db/backup.js';
import { buildServices, type Services } from './services.js';
import { InvalidInputError } from './platform/http/errors.js';
import { errorText, isLang, registerLocales, translator, type Lang, type T } from './platform/i18n/i18n.js';

export class CliError extends Error {}

// The audit log's name for whoever wrote through the CLI: stored content, German like all content.
const CLI_ACTOR = { userId: null, name: 'Kommandozeile' };

/** The interface strings as the app has them (platform and modules), plus the CLI's own, in one language. */
function strings(lang: Lang): T {
  for (const m of MODULES) if (m.locales) registerLocales(m.locales);
  registerLocales(cliLocale);
  return translator(lang);
}

async function withDb<T>(fn: (db: Db) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const db = openDb({ databaseUrl: config.databaseUrl, listenUrl: config.databaseListenUrl, sqliteFile: path.join(config.dataDir, 'teilhabe.sqlite') });
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

function required(t: T, values: Record<string, string | boolean | undefined>, ...names: string[]): void {
  const missing = names.filter((n) => typeof values[n] !== 'string' || values[n] === '');
  if (missing.length) throw new CliError(t('cli.missing', { options: missing.map((m) => `--${m}`).join(', ') }));
}

/** A refused backup or restore as the CLI's message in the reader's language. */
const refusal = (t: T) => (e: unknown): never => {
  if (e instanceof BackupError) throw new CliError(t(e.key, e.values));
  throw e;
};

export async function runCli(argv: string[], out: (line: string) => void = console.log): Promise<void> {
  const { values, positionals: [command, ...positionals] } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      slug: { type: 'string' }, name: { type: 'string' }, 'admin-email': { type: 'string' }, 'admin-name': { type: 'string' },
      email: { type: 'string' }, municipality: { type: 'string' }, role: { type: 'string' }, 'instance-admin': { type: 'boolean' },
      password: { type: 'string' }, help: { type: 'boolean' }, json: { type: 'boolean' }, lang: { type: 'string' },
      out: { type: 'string' }, from: { type: 'string' },
    },
  });
  const t = strings(shellLang(values.lang));
  if (values.lang !== undefined && !isLang(values.lang)) throw new CliError(t('cli.langInvalid'));
  switch (command) {
    case 'migrate': {
      const applied = await withDb(migrate);
      out(applied.length ? t('cli.migrated', { names: applied.join(', ') }) : t('cli.upToDate'));
      return;
    }
    case 'backup': {
      required(t, values, 'out');
      const file = values.out!;
      const done = await withDb((db) => backupDatabase(db, file, loadConfig().databaseUrl)).catch(refusal(t));
      out(t('cli.backup.done', { file, count: done.tables }));
      return;
    }
    case 'restore': {
      required(t, values, 'from');
      const file = values.from!;
      const done = await withDb(async (db) => {
        const restored = await restoreDatabase(db, file, loadConfig().databaseUrl);
        const applied = await migrate(db);
        return { ...restored, applied };
      }).catch(refusal(t));
      out(t('cli.backup.restored', { file, count: done.tables }));
      if (done.applied.length) out(t('cli.migrated', { names: done.applied.join(', ') }));
      return;
    }
    case 'create-municipality': {
      required(t, values, 'slug', 'name', 'admin-email', 'admin-name');
      const parsed = createMunicipalitySchema.safeParse({ slug: values.slug, name: values.name, admin_email: values['admin-email'], admin_name: values['admin-name'] });
      if (!parsed.success) throw new CliError(parsed.error.issues.map((i) => `--${String(i.path[0]).replace('_', '-')}: ${errorText(t, i.message)}`).join('\n'));
      await withServices(async (s) => {
        try {
          const { municipality, adminPassword } = await s.municipalities.create(parsed.data, CLI_ACTOR);
          await s.wordings.seedDefaults(municipality.id);
          out(t('cli.municipalityCreated', { name: municipality.name, slug: municipality.slug }));
          const email = parsed.data.admin_email;
          out(adminPassword ? t('cli.oneTimePassword', { email, password: adminPassword }) : t('cli.hasAccount', { email }));
        } catch (e) {
          if (e instanceof InvalidInputError) throw new CliError(t('cli.slugTaken'));
          throw e;
        }
      });
      return;
    }
    case 'create-user': {
      required(t, values, 'email', 'name');
      // Actor representatives need an actor too: they are added in the web interface.
      const role = values.role === 'admin' || values.role === 'editor' ? values.role : null;
      if (values.municipality && !role) throw new CliError(t('cli.roleInvalid'));
      await withServices(async (s) => {
        if (await s.auth.findUserByEmail(values.email!)) throw new CliError(t('cli.hasAccount', { email: values.email }));
        const municipality = values.municipality ? await s.municipalities.findBySlug(values.municipality) : undefined;
        if (values.municipality && !municipality) throw new CliError(t('cli.noMunicipality', { slug: values.municipality }));
        const password = values.password ?? generatePassword();
        const id = await s.auth.createUser({ email: values.email!, name: values.name!, password, isInstanceAdmin: values['instance-admin'], mustChangePassword: values.password === undefined });
        if (municipality && role) await s.auth.addMembership(municipality.id, id, role);
        out(values.password ? t('cli.userCreated', { email: values.email }) : t('cli.userCreatedWithPassword', { email: values.email, password }));
      });
      return;
    }
    case 'set-password': {
      const email = positionals[0];
      if (!email) throw new CliError(t('cli.emailMissing'));
      if (values.password !== undefined && values.password.length < 10) throw new CliError(t('cli.passwordShort'));
      await withServices(async (s) => {
        const user = await s.auth.findUserByEmail(email);
        if (!user) throw new CliError(t('cli.noUser', { email }));
        const password = values.password ?? generatePassword();
        // A generated password is one-time: the next sign-in asks for a new one.
        await s.auth.setPassword(user.id, password, { mustChange: values.password === undefined });
        out(values.password ? t('cli.passwordSet', { email }) : t('cli.passwordNew', { email, password }));
      });
      return;
    }
    case 'import': {
      const file = positionals[0];
      if (!file) throw new CliError(t('cli.fileMissing'));
      if (!values.json && !values.municipality) throw new CliError(t('cli.modeMissing'));
      let content: Buffer;
      try {
        content = fs.readFileSync(file);
      } catch {
        throw new CliError(t('cli.fileUnreadable', { file }));
      }
      const fileName = path.basename(file);
      const config = loadConfig();
      const limits = { maxBytes: config.importMaxBytes, maxRows: config.importMaxRows };
      // "Tabellenblatt „Arbeit“, Zeile 12, Spalte „Status“", as the import pages say where a problem is.
      const place = (p: { sheet?: string; page?: number; table?: number; row?: number; column?: string }) =>
        [p.sheet ? t('import.placeSheet', { sheet: p.sheet }) : '', p.page ? t('importer.placePage', { page: p.page }) : '', p.table ? t('importer.placeTable', { table: p.table }) : '', p.row ? t('import.placeRow', { row: p.row }) : '', p.column ? t('import.placeColumn', { column: p.column }) : ''];
      const failed = (errors: Array<{ sheet?: string; row?: number; column?: string; message: string }>) =>
        new CliError(errors.map((e) => [...place(e), e.message].filter(Boolean).join(', ')).join('\n'));
      if (values.json) {
        const parsed = /\.json$/i.test(fileName) ? parseExchangeJson(fileName, content, limits, t) : await parseCatalogue({ fileName, bytes: content }, { limits, t });
        if (!parsed.ok) throw failed(parsed.errors);
        const problems = validateForImport(parsed.plan, fileName, t);
        if (problems.length) throw failed(problems);
        out(JSON.stringify(parsed.plan, null, 2));
        return;
      }
      await withServices(async (s) => {
        const m = await s.municipalities.findBySlug(values.municipality!);
        if (!m) throw new CliError(t('cli.noMunicipality', { slug: values.municipality }));
        const parsed = await s.imports.parse(m.id, fileName, content, {}, t);
        if (!parsed.ok) throw failed(parsed.errors);
        const planId = await s.importPlan(m.id, parsed.plan, CLI_ACTOR, { state: 'draft' });
        for (const w of parsed.warnings) out(t('cli.warning', { place: place(w).filter(Boolean).join(', '), message: w.message }));
        out(t('cli.imported', { title: parsed.plan.plan.title, id: planId, count: parsed.plan.fields.length }));
      });
      return;
    }
    default:
      out(t('cli.usage'));
      if (command && command !== 'help' && !values.help) throw new CliError(t('cli.unknownCommand', { command }));
  }
}

const isMain = process.argv[1] && /(cli\.ts|teilhabe(\.mjs)?)$/.test(process.argv[1]);
if (isMain) {
  runCli(process.argv.slice(2)).catch((err) => {
    console.error(err instanceof CliError ? err.message : err);
    process.exit(err instanceof CliError ? 2 : 1);
  });
}
