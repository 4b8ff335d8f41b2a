import { createTestEnv } from './support.js';
import { DEMO_SLUG, seedDemo } from '../src/modules/demo/index.js';
import { planReport } from '../src/modules/editions/report.service.js';
const env = await createTestEnv('sqlite');
env.now.value = new Date('2026-03-02T10:00:00Z');
await seedDemo(env.services);
const m = (await env.services.municipalities.findBySlug(DEMO_SLUG))!;
const [plan] = await env.services.plans.listPlans(m.id);
const r = await planReport(env.services, () => env.now.value, m, plan.id);
for (const b of r.blocks) {
  if (b.kind === 'heading') console.log(`H${b.level} ${b.text}`);
  else if (b.kind === 'paragraph') console.log('P', b.text.slice(0, 150));
  else if (b.kind === 'table') { console.log('T', b.caption, '|', b.columns.join(' | ')); for (const row of b.rows.slice(0, 3)) console.log('   ', row.map((c) => c.slice(0, 50).replace(/\n/g, ' / ')).join(' | ')); console.log('   rows:', b.rows.length); }
  else console.log('F', b.title);
}
console.log((await env.services.monitoring.priorities(m.id, plan.id)).map(p => `${p.year} ${p.title}`));
await env.close();
