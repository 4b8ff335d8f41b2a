// Start: config → db → migrate → (demo data) → listen.
import path from 'node:path';
import { serve } from '@hono/node-server';
import { createApp } from './app.js';
import { ConfigError, loadConfig } from './platform/config.js';
import { seedDemo } from './modules/demo/index.js';
import { systemClock } from './platform/clock.js';
import { openDb } from './platform/db/db.js';
import { migrate } from './platform/db/migrate.js';
import { buildServices } from './services.js';

async function main() {
  const config = loadConfig();
  const db = openDb({ databaseUrl: config.databaseUrl, sqliteFile: path.join(config.dataDir, 'teilhabe.sqlite') });
  await migrate(db);
  const services = buildServices(db, config, systemClock);
  const demo = config.demoData ? await seedDemo(services) : null;
  const app = createApp({ config, db, clock: systemClock, services });
  // Background work (mail of the update rounds …) runs from the jobs table; jobs left by a previous run resume.
  const stopJobs = services.jobs.start(config.jobsPollSeconds * 1000);
  const server = serve({ fetch: app.fetch, hostname: config.host, port: config.port }, (info) => {
    const url = config.publicUrl;
    console.log(`Teilhabe läuft auf ${url} (${db.engine === 'sqlite' ? `SQLite in ${config.dataDir}` : 'PostgreSQL'}, Port ${info.port})`);
    if (demo) {
      console.log(`Demo-Kommune: ${url}/musterstadt`);
      console.log(`Anmelden: ${url}/anmelden als ${demo.email}`);
      if (demo.password) console.log(`Einmal-Passwort (wird nur jetzt angezeigt): ${demo.password}`);
    } else {
      console.log(`Passwort vergessen? npx teilhabe set-password ${'admin@musterstadt.example'}`);
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
