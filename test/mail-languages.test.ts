// Actors are written to in their own language: the setting in the actor form (checked like every field), and
// the update round's invitation in it (lang and dir, dates in that language, the link opening in it).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { paths } from './paths.js';
import { Client, createTestEnv, engines, PASSWORD, seedTwoMunicipalities, type Fixture, type TestEnv } from './support.js';
import { startSmtp, type TestSmtp } from './smtp.js';

const system = { userId: null, name: 'Test' };

describe.each(engines)('mails in the language of the actor on %s', (engine) => {
  let smtp: TestSmtp;
  let env: TestEnv;
  let f: Fixture;
  beforeAll(async () => {
    smtp = await startSmtp();
    env = await createTestEnv(engine, smtp.env);
    f = await seedTwoMunicipalities(env);
  });
  afterAll(async () => {
    await env?.close();
    await smtp?.close();
  });

  it('the actor form sets the language; a wrong one is refused at the field and changes nothing', async () => {
    const officer = new Client(env);
    await officer.signIn(f.A.adminEmail, PASSWORD);
    const url = paths.adminActor(f.A.slug, f.A.actorId);
    const page = await officer.get(url);
    expect(page.body).toMatch(/<select[^>]*name="lang"/);
    for (const name of ['Deutsch', 'English', 'Türkçe', 'العربية', 'Українська', 'Русский']) expect(page.body).toContain(`>${name}</option>`);
    const actor = await env.services.actors.get(f.A.municipalityId, f.A.actorId);
    const values = { name: actor.name, parent_id: '', description: actor.description, contact_email: 'vhs@amstadt.example', website: actor.website };
    const bad = await officer.post(url, { ...values, lang: 'xx' });
    expect(bad.status).toBe(400);
    expect(bad.body).toContain('vhs@amstadt.example');
    expect((await env.services.actors.get(f.A.municipalityId, f.A.actorId)).lang).toBe('de');
    expect((await officer.post(url, { ...values, lang: 'ru' })).status).toBe(303);
    expect((await env.services.actors.get(f.A.municipalityId, f.A.actorId)).lang).toBe('ru');
  });

  it('the round invitation goes out in Russian; an Arabic actor gets rtl', async () => {
    const m = await env.services.municipalities.getBySlug(f.A.slug);
    smtp.mails.length = 0;
    await env.services.rounds.start(m, { plan_id: f.A.planId, title: 'Sachstand 2026', deadline: '2026-03-31' }, system);
    await env.services.jobs.runDueJobs(env.now.value);
    const mail = smtp.mails.find((x) => x.to[0] === 'vhs@amstadt.example')!;
    expect(mail.html).toContain('<html lang="ru" dir="ltr">');
    // The link's last day (the deadline plus the days of grace), in Russian.
    expect(mail.text).toContain('14 апреля 2026');
    expect(mail.text).toMatch(/\/sachstand\/[A-Za-z0-9_-]+\?lang=ru/);

    const b = await env.services.municipalities.getBySlug(f.B.slug);
    const vhsB = (await env.services.actors.list(f.B.municipalityId)).find((a) => a.name.startsWith('VHS'))!;
    await env.services.actors.update(f.B.municipalityId, vhsB.id, { name: vhsB.name, parent_id: vhsB.parent_id, description: vhsB.description, contact_email: 'vhs@bedorf.example', website: vhsB.website, lang: 'ar' }, system);
    smtp.mails.length = 0;
    await env.services.rounds.start(b, { plan_id: f.B.planId, title: 'Sachstand B', deadline: '2026-03-31' }, system);
    await env.services.jobs.runDueJobs(env.now.value);
    const ar = smtp.mails.find((x) => x.to[0] === 'vhs@bedorf.example')!;
    expect(ar.html).toContain('<html lang="ar" dir="rtl">');
    expect(ar.text).toContain('14 أبريل 2026');
  });
});
