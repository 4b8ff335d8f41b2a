// Start: config → db → migrate → (demo data) → listen. The start-up lines are German, or English with LANG=en….
import path from 'node:path';
import { serve } from '@hono/node-server';
import { createApp } from './app.js';
import { cliLocale, shellLang } from './cli.locale.js';
import { ConfigError, loadConfig } from './platform/config.js';
import { seedDemo } from './modules/demo/index.js';
import { systemClock } from './platform/clock.js';
import { openDb } from './platform/db/db.js';
import { migrate } from './platform/db/migrate.js';
import { registerLocales, translator } from './platform/i18n/i18n.js';
import { buildServices } from './services.js';

async function main() {
  const config = loadConfig();
  const db = openDb({ databaseUrl: config.databaseUrl, sqliteFile: path.join(config.dataDir, 'teilhabe.sqlite') });
  await migrate(db);
  const services = buildServices(db, config, systemClock);
  const demo = config.demoData ? await seedDemo(services) : null;
  const app = createApp({ config, db, clock: systemClock, services });
  registerLocales(cliLocale);
  const t = translator(shellLang(undefined));
  // Background work (mail of the update rounds …) runs from the jobs table; jobs left by a previous run resume.
  const stopJobs = services.jobs.start(config.jobsPollSeconds * 1000);
  const server = serve({ fetch: app.fetch, hostname: config.host, port: config.port }, (info) => {
    const url = config.publicUrl;
    const engine = db.engine === 'sqlite' ? t('cli.start.sqlite', { dir: config.dataDir }) : t('cli.start.postgres');
    console.log(t('cli.start.running', { url, engine, port: info.port }));
    if (demo) {
      console.log(t('cli.start.demo', { url: `${url}/musterstadt` }));
      console.log(t('cli.start.signIn', { url: `${url}/anmelden`, email: demo.email }));
      if (demo.password) console.log(t('cli.start.password', { password: demo.password }));
    } else {
      console.log(t('cli.start.forgot', { email: 'admin@musterstadt.example' }));
    }
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
