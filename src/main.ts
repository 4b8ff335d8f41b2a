// Start: config → db → migrate → (demo data) → listen. The start-up lines are German, or English with LANG=en….
import path from 'node:path';
import { createServer } from 'node:http';
import { createApp } from './app.js';
import { cliLocale, shellLang, startLines } from './shell.js';
import { ConfigError, loadConfig } from './platform/config.js';
import { DEMO_ADMIN_EMAIL, seedDemo } from './modules/demo/index.js';
import { systemClock } from './platform/clock.js';
import { openDb } from './platform/db/db.js';
import { migrate } from './platform/db/migrate.js';
import { registerLocales, translator } from './platform/i18n/i18n.js';
import { buildServices } from './services.js';

async function main() {
  const config = loadConfig();
  const db = openDb({ databaseUrl: config.databaseUrl, listenUrl: config.databaseListenUrl, sqliteFile: path.join(config.dataDir, 'teilhabe.sqlite') });
  await migrate(db);
  const services = buildServices(db, config, systemClock);
  const demo = config.demoData ? await seedDemo(services) : null;
  const app = createApp({ config, db, clock: systemClock, services });
  registerLocales(cliLocale);
  const t = translator(shellLang(undefined));
  const demoAdmin = await services.auth.findUserByEmail(DEMO_ADMIN_EMAIL);
  const hints = startLines(t, {
    url: config.publicUrl, demo,
    municipalities: (await services.municipalities.list()).length,
    demoAdminEmail: demoAdmin ? DEMO_ADMIN_EMAIL : null,
  });
  // Background work (mail of the update rounds …) runs from the jobs table; jobs left by a previous run resume.
  const stopJobs = services.jobs.start(config.jobsPollSeconds * 1000);
  // Node's server with the app behind the page cache (a kept public page is written straight from memory).
  const server = createServer(app.listener());
  server.listen(config.port, config.host, () => {
    const url = config.publicUrl;
    const engine = db.engine === 'sqlite' ? t('cli.start.sqlite', { dir: config.dataDir }) : t('cli.start.postgres');
    const address = server.address();
    console.log(t('cli.start.running', { url, engine, port: typeof address === 'object' && address ? address.port : config.port }));
    for (const line of hints) console.log(line);
  });
  const stop = async () => {
    server.close();
    await stopJobs();
    services.mailer.close();
    await db.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((err) => {
  if (err instanceof ConfigError) console.error(err.message);
  else console.error(err);
  process.exit(1);
});
