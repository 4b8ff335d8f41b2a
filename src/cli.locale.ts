// Strings of the shell on the command line: the `teilhabe` commands and the server's start-up lines, German
// first. Registered by cli.ts and main.ts; the language is `--lang` (CLI only), else LANG, else German.
import { isLang, type Lang, type T } from './platform/i18n/i18n.js';

const de = {
  usage: `Aufruf: teilhabe <Befehl> [Optionen]

Befehle:
  migrate                                   Datenbank auf den neuesten Stand bringen
  create-municipality --slug S --name N --admin-email E --admin-name A
                                            Kommune mit erster Administration anlegen
  create-user --email E --name N [--municipality S --role admin|editor] [--instance-admin]
                                            Person anlegen (und einer Kommune zuordnen)
  set-password EMAIL [--password P]         Passwort setzen (ohne --password: ein neues wird erzeugt)
  import FILE --json                        Katalog lesen und als JSON (Austauschformat) ausgeben; schreibt nichts
  import FILE --municipality S              Katalog als Plan im Entwurf in die Kommune S importieren

Alle Befehle: --lang de|en wählt die Sprache der Ausgaben (sonst LANG, sonst Deutsch).
Die Datenbank wählen DATA_DIR (SQLite) oder DATABASE_URL (PostgreSQL), wie beim Server.`,
  missing: 'Es fehlt: {{options}}',
  unknownCommand: 'Unbekannter Befehl: {{command}}',
  langInvalid: '--lang muss de oder en sein.',
  migrated: 'Migrationen ausgeführt: {{names}}',
  upToDate: 'Die Datenbank ist auf dem neuesten Stand.',
  municipalityCreated: 'Kommune „{{name}}“ angelegt: /{{slug}}',
  oneTimePassword: 'Einmal-Passwort für {{email}}: {{password}}',
  hasAccount: '{{email}} hat bereits ein Konto.',
  slugTaken: 'Diesen Kurznamen hat schon eine andere Kommune.',
  roleInvalid: '--role muss admin oder editor sein.',
  noMunicipality: 'Keine Kommune mit dem Kurznamen „{{slug}}“.',
  userCreated: 'Person {{email}} angelegt.',
  userCreatedWithPassword: 'Person {{email}} angelegt. Einmal-Passwort: {{password}} (bei der ersten Anmeldung wählt die Person ein eigenes)',
  emailMissing: 'Bitte die E-Mail-Adresse angeben: teilhabe set-password EMAIL',
  passwordShort: 'Das Passwort muss mindestens 10 Zeichen haben.',
  noUser: 'Keine Person mit der E-Mail-Adresse {{email}}.',
  passwordSet: 'Passwort für {{email}} gesetzt.',
  passwordNew: 'Einmal-Passwort für {{email}}: {{password}} (bei der ersten Anmeldung wählt die Person ein eigenes)',
  fileMissing: 'Bitte die Datei angeben: teilhabe import DATEI --json',
  modeMissing: 'Bitte --json (nur lesen) oder --municipality KURZNAME (importieren) angeben.',
  fileUnreadable: 'Die Datei „{{file}}“ kann nicht gelesen werden.',
  warning: 'Hinweis: {{place}}: {{message}}',
  imported_one: 'Plan „{{title}}“ als Entwurf importiert (Nr. {{id}}): {{count}} Handlungsfeld.',
  imported_other: 'Plan „{{title}}“ als Entwurf importiert (Nr. {{id}}): {{count}} Handlungsfelder.',
  start: {
    running: 'Teilhabe läuft auf {{url}} ({{engine}}, Port {{port}})',
    sqlite: 'SQLite in {{dir}}',
    postgres: 'PostgreSQL',
    demo: 'Demo-Kommune: {{url}}',
    signIn: 'Anmelden: {{url}} als {{email}}',
    password: 'Einmal-Passwort (wird nur jetzt angezeigt): {{password}}',
    forgot: 'Passwort vergessen? npx teilhabe set-password {{email}}',
    forgotAny: 'Passwort vergessen? npx teilhabe set-password E-MAIL',
    empty: 'Noch keine Kommune angelegt. So beginnen Sie:',
    firstMunicipality: '  1. Kommune mit ihrer Administration: npx teilhabe create-municipality --slug KURZNAME --name NAME --admin-email E-MAIL --admin-name NAME',
    firstInstanceAdmin: '  2. Instanz-Administration (legt weitere Kommunen an): npx teilhabe create-user --email E-MAIL --name NAME --instance-admin',
    demoHint: '  Oder zum Ausprobieren mit Demo-Daten starten: DEMO_DATA=true npm start',
  },
};

const en: typeof de = {
  usage: `Usage: teilhabe <command> [options]

Commands:
  migrate                                   Bring the database up to date
  create-municipality --slug S --name N --admin-email E --admin-name A
                                            Create a municipality with its first administrator
  create-user --email E --name N [--municipality S --role admin|editor] [--instance-admin]
                                            Create a person (and add them to a municipality)
  set-password EMAIL [--password P]         Set a password (without --password a new one is generated)
  import FILE --json                        Read a catalogue and print it as JSON (exchange format); writes nothing
  import FILE --municipality S              Import a catalogue as a draft plan into municipality S

All commands: --lang de|en chooses the language of the output (else LANG, else German).
DATA_DIR (SQLite) or DATABASE_URL (PostgreSQL) choose the database, as for the server.`,
  missing: 'Missing: {{options}}',
  unknownCommand: 'Unknown command: {{command}}',
  langInvalid: '--lang must be de or en.',
  migrated: 'Migrations applied: {{names}}',
  upToDate: 'The database is up to date.',
  municipalityCreated: 'Municipality “{{name}}” created: /{{slug}}',
  oneTimePassword: 'One-time password for {{email}}: {{password}}',
  hasAccount: '{{email}} already has an account.',
  slugTaken: 'Another municipality already has this short name.',
  roleInvalid: '--role must be admin or editor.',
  noMunicipality: 'No municipality with the short name “{{slug}}”.',
  userCreated: 'Person {{email}} created.',
  userCreatedWithPassword: 'Person {{email}} created. One-time password: {{password}} (they choose their own at the first sign-in)',
  emailMissing: 'Please give the email address: teilhabe set-password EMAIL',
  passwordShort: 'The password must have at least 10 characters.',
  noUser: 'No person with the email address {{email}}.',
  passwordSet: 'Password for {{email}} set.',
  passwordNew: 'One-time password for {{email}}: {{password}} (they choose their own at the first sign-in)',
  fileMissing: 'Please give the file: teilhabe import FILE --json',
  modeMissing: 'Please give --json (read only) or --municipality SHORTNAME (import).',
  fileUnreadable: 'The file “{{file}}” cannot be read.',
  warning: 'Note: {{place}}: {{message}}',
  imported_one: 'Plan “{{title}}” imported as a draft (no. {{id}}): {{count}} field of action.',
  imported_other: 'Plan “{{title}}” imported as a draft (no. {{id}}): {{count}} fields of action.',
  start: {
    running: 'Teilhabe is running at {{url}} ({{engine}}, port {{port}})',
    sqlite: 'SQLite in {{dir}}',
    postgres: 'PostgreSQL',
    demo: 'Demo municipality: {{url}}',
    signIn: 'Sign in: {{url}} as {{email}}',
    password: 'One-time password (shown only now): {{password}}',
    forgot: 'Forgot the password? npx teilhabe set-password {{email}}',
    forgotAny: 'Forgot a password? npx teilhabe set-password E-MAIL',
    empty: 'No municipality yet. To begin:',
    firstMunicipality: '  1. A municipality with its admin: npx teilhabe create-municipality --slug SLUG --name NAME --admin-email E-MAIL --admin-name NAME',
    firstInstanceAdmin: '  2. An instance admin (creates further municipalities): npx teilhabe create-user --email E-MAIL --name NAME --instance-admin',
    demoHint: '  Or try it with demo data: DEMO_DATA=true npm start',
  },
};

export const cliLocale = { de: { cli: de }, en: { cli: en } };

/** The language of the command line: an explicit choice, else LANG ("en_GB.UTF-8" is English), else German. */
export function shellLang(explicit: string | undefined, env: NodeJS.ProcessEnv = process.env): Lang {
  if (isLang(explicit)) return explicit;
  return /^en(?![a-z])/i.test(env.LANG ?? '') ? 'en' : 'de';
}

/** What the server says after it started: the demo's sign-in, how to begin on an empty instance, or where to
 *  reset a forgotten password (the demo admin's address only when that account exists). */
export function startLines(
  t: T,
  s: { url: string; demo: { email: string; password: string | null } | null; municipalities: number; demoAdminEmail: string | null },
): string[] {
  if (s.demo) {
    const lines = [t('cli.start.demo', { url: `${s.url}/musterstadt` }), t('cli.start.signIn', { url: `${s.url}/anmelden`, email: s.demo.email })];
    if (s.demo.password) lines.push(t('cli.start.password', { password: s.demo.password }));
    return lines;
  }
  if (s.municipalities === 0) return [t('cli.start.empty'), t('cli.start.firstMunicipality'), t('cli.start.firstInstanceAdmin'), t('cli.start.demoHint')];
  return [s.demoAdminEmail ? t('cli.start.forgot', { email: s.demoAdminEmail }) : t('cli.start.forgotAny')];
}
