// Clean data in the actors directory, on SQLite and PostgreSQL: merging two actors moves every measure link,
// round entry (invitation, links, answers), representative and child actor, keeps the status history and is
// recorded in the audit log; deleting says what it touches; names are unique per municipality regardless of
// case and spaces (also for the importer); unused actors are listed and deleted on confirmation; deleting a
// draft plan offers its own actors; the lead actors' contact e-mails are entered on one page.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { paths } from './paths.js';
import { Client, createTestEnv, engines, PASSWORD, seedTwoMunicipalities, type Fixture, type TestEnv } from './support.js';

const system = { userId: null, name: 'Test' };
const base = { number: null, is_further: false, field_id: null, status_category: null, timeframe_start: null, timeframe_end: null, target_groups: '', partner_actor_ids: [] as number[], lead_actor_id: null as number | null };
const blankActor = { parent_id: null, description: '', contact_email: '', website: '' };

async function linksOf(env: TestEnv, measureId: number) {
  return env.db.kysely.selectFrom('measure_actors').select(['actor_id', 'role']).where('measure_id', '=', measureId).orderBy('position').execute();
}

async function count(env: TestEnv, table: 'actors' | 'status_changes' | 'round_participants' | 'round_changes' | 'audit_log') {
  const r = await env.db.kysely.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(r.n);
}

const officer = async (env: TestEnv, email: string) => {
  const client = new Client(env);
  await client.signIn(email, PASSWORD);
  return client;
};

describe.each(engines)('merging two actors end to end on %s', (engine) => {
  let env: TestEnv;
  let f: Fixture;
  const id = { vhs: 0, dup: 0, job: 0, child: 0, m1: 0, m3: 0, round: 0, rep: 0 };
  let dupToken = '';
  let historyBefore = 0;
  let bActors = 0;

  beforeAll(async () => {
    env = await createTestEnv(engine);
    f = await seedTwoMunicipalities(env);
    const s = env.services;
    const mid = f.A.municipalityId;
    const actors = await s.actors.list(mid);
    id.vhs = actors.find((a) => a.name === 'VHS Amstadt')!.id;
    id.job = actors.find((a) => a.name === 'Jobcenter Amstadt')!.id;
    id.m1 = f.A.measureId;
    // The same school entered a second time, with the details the first one lacks, and a unit below it.
    id.dup = await s.actors.create(mid, { ...blankActor, name: 'Volkshochschule Amstadt', description: 'Kurse für alle', contact_email: 'kurse@vhs-amstadt.example' }, system);
    id.child = await s.actors.create(mid, { ...blankActor, name: 'VHS-Außenstelle Nord', parent_id: id.dup }, system);
    // Measure 1: VHS leads, the duplicate supports. Measure 3: the duplicate leads, VHS supports.
    const m1 = await s.plans.getMeasure(mid, id.m1);
    await s.plans.updateMeasure(mid, id.m1, { ...base, text: m1.text, number: '1', goal_id: f.A.goalId, status_label: m1.status_label, lead_actor_id: id.vhs, partner_actor_ids: [id.job, id.dup] }, system);
    id.m3 = await s.plans.createMeasure(mid, f.A.fieldId, { ...base, text: 'Lernwerkstatt für Erwachsene', number: '3', goal_id: f.A.goalId, status_label: 'In Planung', lead_actor_id: id.dup, partner_actor_ids: [id.vhs] }, system);
    await s.plans.changeStatus(mid, id.m3, { status_label: 'Läuft', status_category: null, note: 'Erster Kurs gestartet' }, system);
    historyBefore = await count(env, 'status_changes');
    // A round asks both (each leads a measure); the duplicate answers through its personal link.
    const m = await s.municipalities.getBySlug(f.A.slug);
    const started = await s.rounds.start(m, { plan_id: f.A.planId, title: 'Sachstand 2026', deadline: '2026-03-31' }, system);
    id.round = started.roundId;
    dupToken = new URL(started.links.find((l) => l.actorName === 'Volkshochschule Amstadt')!.url).pathname.split('/').pop()!;
    const access = await s.rounds.access(mid, dupToken);
    if (access.status !== 'ok') throw new Error('link refused');
    const sent = await s.rounds.submitViaLink(mid, access, { [`note_${id.m3}`]: 'Zweiter Kurs ist voll' });
    expect(sent.ok).toBe(true);
    // A person represents the duplicate.
    await s.representatives.add(mid, { name: 'Rita Vertretung', email: 'rita@vhs-amstadt.example', actor_id: id.dup }, system);
    id.rep = (await s.auth.findUserByEmail('rita@vhs-amstadt.example'))!.id;
    bActors = (await s.actors.list(f.B.municipalityId)).length;
  });
  afterAll(() => env.close());

  it('the confirmation page says what follows, and nothing is written yet', async () => {
    const client = await officer(env, f.A.adminEmail);
    const chooser = await client.get(`${paths.adminActorsMerge(f.A.slug)}?behalten=${id.vhs}`);
    expect(chooser.status).toBe(200);
    expect(chooser.body).toContain('Akteur, der darin aufgeht');
    const same = await client.get(`${paths.adminActorsMerge(f.A.slug)}?behalten=${id.vhs}&aufnehmen=${id.vhs}`);
    expect(same.status).toBe(400);
    expect(same.body).toContain('Bitte wählen Sie zwei verschiedene Akteure.');
    const before = await count(env, 'actors');
    const page = await client.get(`${paths.adminActorsMerge(f.A.slug)}?behalten=${id.vhs}&aufnehmen=${id.dup}`);
    expect(page.status).toBe(200);
    expect(page.body).toContain('„Volkshochschule Amstadt“ geht in „VHS Amstadt“ auf.');
    expect(page.body).toContain('Verknüpft mit 2 Maßnahmen in 1 Plan');
    expect(page.body).toContain('1 Eintrag in Sachstandsabfragen');
    expect(page.body).toContain('1 Person vertritt diesen Akteur');
    expect(page.body).toContain('1 untergeordnete Stelle gehört danach zu „VHS Amstadt“: VHS-Außenstelle Nord');
    expect(page.body).toContain('Beschreibung, E-Mail');
    expect(await count(env, 'actors')).toBe(before);
  });

  it('merging moves links, round entries, representatives and children in one write, and keeps the history', async () => {
    const client = await officer(env, f.A.adminEmail);
    const participantsBefore = await count(env, 'round_participants');
    const res = await client.post(paths.adminActorsMerge(f.A.slug), { keep_id: String(id.vhs), merge_id: String(id.dup) });
    expect(res.status).toBe(303);
    const directory = await client.get(res.location!);
    expect(directory.body).toContain('Akteur „Volkshochschule Amstadt“ mit „VHS Amstadt“ zusammengeführt.');
    const mid = f.A.municipalityId;
    const s = env.services;

    // The merged actor is gone; the kept one took its details where it had none.
    expect(await env.db.kysely.selectFrom('actors').select('id').where('id', '=', id.dup).executeTakeFirst()).toBeUndefined();
    const kept = await s.actors.get(mid, id.vhs);
    expect(kept).toMatchObject({ name: 'VHS Amstadt', description: 'Kurse für alle', contact_email: 'kurse@vhs-amstadt.example' });
    // Measure links: one per measure, lead wins over partner.
    expect(await linksOf(env, id.m1)).toEqual([{ actor_id: id.vhs, role: 'lead' }, { actor_id: id.job, role: 'partner' }]);
    expect(await linksOf(env, id.m3)).toEqual([{ actor_id: id.vhs, role: 'lead' }]);
    // Rounds: one entry for the kept actor in the round, with the merged one's answer and link.
    expect(await count(env, 'round_participants')).toBe(participantsBefore - 1);
    const participant = await env.db.kysely.selectFrom('round_participants').selectAll().where('round_id', '=', id.round).where('actor_id', '=', id.vhs).executeTakeFirstOrThrow();
    expect(participant.answered_at).not.toBeNull();
    const change = await env.db.kysely.selectFrom('round_changes').select(['participant_id', 'note_text']).where('measure_id', '=', id.m3).executeTakeFirstOrThrow();
    expect(change).toEqual({ participant_id: participant.id, note_text: 'Zweiter Kurs ist voll' });
    const access = await s.rounds.access(mid, dupToken);
    expect(access.status).toBe('ok');
    if (access.status === 'ok') expect(access.actorId).toBe(id.vhs);
    // The round's review page still reads.
    expect((await client.get(paths.adminRound(f.A.slug, id.round))).body).toContain('Zweiter Kurs ist voll');
    // Representatives and the unit below follow.
    expect((await s.representatives.list(mid)).map((r) => [r.id, r.actor_id])).toEqual([[id.rep, id.vhs]]);
    expect((await s.actors.get(mid, id.child)).parent_id).toBe(id.vhs);
    // The status history is intact and readable.
    expect(await count(env, 'status_changes')).toBe(historyBefore);
    const measurePage = await client.get(paths.adminMeasure(f.A.slug, id.m3));
    expect(measurePage.status).toBe(200);
    expect(measurePage.body).toContain('Erster Kurs gestartet');
    // The audit log has one entry that names both.
    const entry = await env.db.kysely.selectFrom('audit_log').selectAll().orderBy('id', 'desc').executeTakeFirstOrThrow();
    expect(entry).toMatchObject({ action: 'actor.merge', entity_type: 'actor', entity_id: id.vhs, user_name: 'Admin Amstadt', municipality_id: mid });
    expect(JSON.parse(entry.after_json!)).toMatchObject({ kept: { id: id.vhs, name: 'VHS Amstadt' }, merged: { id: id.dup, name: 'Volkshochschule Amstadt' }, measureLinks: 2 });
    // Bedorf is untouched.
    expect((await s.actors.list(f.B.municipalityId)).length).toBe(bActors);
  });

  it('a merge that fails half-way writes nothing', async () => {
    const s = env.services;
    const mid = f.A.municipalityId;
    const a = await s.actors.create(mid, { ...blankActor, name: 'Integrationsbeirat' }, system);
    const b = await s.actors.create(mid, { ...blankActor, name: 'Beirat für Integration' }, system);
    const m = await s.plans.createMeasure(mid, f.A.fieldId, { ...base, text: 'Beiratssitzungen öffentlich machen', number: '9', goal_id: f.A.goalId, status_label: '', lead_actor_id: b }, system);
    const auditBefore = await count(env, 'audit_log');
    // A follower that throws stands for any failure inside the write.
    s.actors.follow({ usage: async () => [], merge: async () => { throw new Error('disk full'); } });
    await expect(s.actors.merge(mid, a, b, system)).rejects.toThrow('disk full');
    expect(await linksOf(env, m)).toEqual([{ actor_id: b, role: 'lead' }]);
    expect((await s.actors.get(mid, b)).name).toBe('Beirat für Integration');
    expect(await count(env, 'audit_log')).toBe(auditBefore);
  });
});

describe.each(engines)('actor names, deleting and clean-up on %s', (engine) => {
  let env: TestEnv;
  let f: Fixture;
  let client: Client;
  let vhs = 0;

  beforeAll(async () => {
    env = await createTestEnv(engine);
    f = await seedTwoMunicipalities(env);
    client = await officer(env, f.A.adminEmail);
    vhs = f.A.actorId;
  });
  afterAll(() => env.close());

  it('refuses a name that exists but for case and spaces, at the field, with a link to the existing actor', async () => {
    const before = await count(env, 'actors');
    const res = await client.post(paths.adminActorNew(f.A.slug), { name: '  vhs   AMSTADT ', description: 'Getippt' });
    expect(res.status).toBe(400);
    expect(res.body).toContain('Einen Akteur mit diesem Namen gibt es schon');
    expect(res.body).toContain(`href="${paths.adminActor(f.A.slug, vhs)}"`);
    expect(res.body).toContain('„VHS Amstadt“ öffnen');
    expect(res.body).toContain('Getippt');
    const job = (await env.services.actors.list(f.A.municipalityId)).find((a) => a.name.startsWith('Jobcenter'))!;
    const rename = await client.post(paths.adminActor(f.A.slug, job.id), { name: 'Vhs Amstadt' });
    expect(rename.status).toBe(400);
    expect(rename.body).toContain('Einen Akteur mit diesem Namen gibt es schon');
    expect(await count(env, 'actors')).toBe(before);
    // Renaming an actor to its own name in other spelling is fine; another municipality may use the name.
    expect((await client.post(paths.adminActor(f.A.slug, vhs), { name: 'VHS  Amstadt' })).status).toBe(303);
    await env.services.actors.create(f.B.municipalityId, { ...blankActor, name: 'VHS Amstadt' }, system);
  });

  it('the database refuses a second actor of the same name key, so racing writes cannot both win', async () => {
    await expect(env.db.kysely.insertInto('actors').values({ municipality_id: f.A.municipalityId, parent_id: null, name: 'Jobcenter Amstadt', name_key: 'jobcenter amstadt', description: '', contact_email: '', website: '' }).execute()).rejects.toThrow();
  });

  it('the importer matches existing actors the same way', async () => {
    const before = await count(env, 'actors');
    const planId = await env.services.importPlan(f.A.municipalityId, {
      plan: { title: 'Zweiter Plan' },
      fields: [{ title: 'Arbeit', visions: [], goals: [{ text: 'Mehr Arbeit', measures: [
        { number: '1', text: 'Kurse', actors: [{ name: 'jobcenter   AMSTADT', role: 'lead', parent: null }], status: { category: 'unknown', label: '', date: null }, notes: [] },
      ] }], furtherMeasures: [] }],
    }, system, { state: 'draft' });
    expect(await count(env, 'actors')).toBe(before);
    const tree = await env.services.plans.tree(f.A.municipalityId, planId);
    expect(tree.fields[0].goals[0].measures[0].actors.map((a) => a.name)).toEqual(['Jobcenter Amstadt']);
  });

  it('marks names kept apart by migration 012 as duplicates, and saving the later one under its name is refused', async () => {
    const mid = f.A.municipalityId;
    // As migration 012 leaves a pair it found: the later one's key carries its id.
    const row = await env.db.kysely.insertInto('actors').values({ municipality_id: mid, parent_id: null, name: 'jobcenter  AMSTADT', name_key: 'jobcenter amstadt#x', description: '', contact_email: '', website: '' }).returning('id').executeTakeFirstOrThrow();
    const directory = await client.get(paths.adminActors(f.A.slug));
    expect(directory.body.split('Gleicher Name wie ein anderer Akteur: zusammenführen').length - 1).toBe(2);
    expect(directory.body).toContain(`${paths.adminActorsMerge(f.A.slug)}?behalten=${row.id}`);
    const save = await client.post(paths.adminActor(f.A.slug, row.id), { name: 'jobcenter  AMSTADT' });
    expect(save.status).toBe(400);
    expect(save.body).toContain('„Jobcenter Amstadt“ öffnen');
    await env.services.actors.delete(mid, row.id, system);
  });

  it('merging into an actor that sits below the merged one keeps the tree free of cycles', async () => {
    const s = env.services;
    const mid = f.A.municipalityId;
    const top = await s.actors.create(mid, { ...blankActor, name: 'Landratsamt' }, system);
    const gone = await s.actors.create(mid, { ...blankActor, name: 'Sozialdezernat', parent_id: top }, system);
    const middle = await s.actors.create(mid, { ...blankActor, name: 'Sozialamt', parent_id: gone }, system);
    const keep = await s.actors.create(mid, { ...blankActor, name: 'Sozialamt, Abteilung Integration', parent_id: middle }, system);
    await s.actors.merge(mid, keep, gone, system);
    expect((await s.actors.get(mid, keep)).parent_id).toBe(top);
    expect((await s.actors.get(mid, middle)).parent_id).toBe(keep);
    for (const a of [middle, keep, top]) await s.actors.delete(mid, a, system);
  });

  it('deleting an actor ends its representatives\' membership (their account stays) and its round entries', async () => {
    const s = env.services;
    const mid = f.A.municipalityId;
    const club = await s.actors.create(mid, { ...blankActor, name: 'Kulturverein' }, system);
    await s.representatives.add(mid, { name: 'Karl Kultur', email: 'karl@kultur.example', actor_id: club }, system);
    const page = await client.get(paths.adminActorDelete(f.A.slug, club));
    expect(page.body).toContain('1 Person vertritt diesen Akteur');
    expect((await client.post(paths.adminActorDelete(f.A.slug, club), {})).status).toBe(303);
    const karl = (await s.auth.findUserByEmail('karl@kultur.example'))!;
    expect(karl).toBeDefined();
    expect(await env.db.kysely.selectFrom('memberships').select('id').where('user_id', '=', karl.id).execute()).toEqual([]);
  });

  it('the delete confirmation says what the actor touches', async () => {
    const page = await client.get(paths.adminActorDelete(f.A.slug, vhs));
    expect(page.status).toBe(200);
    expect(page.body).toContain('Das Löschen betrifft:');
    expect(page.body).toContain('Verknüpft mit 2 Maßnahmen in 2 Plänen');
    const amt = (await env.services.actors.list(f.A.municipalityId)).find((a) => a.name.startsWith('Amt für soziale Dienste'))!;
    const parent = await client.get(paths.adminActorDelete(f.A.slug, amt.id));
    expect(parent.body).toContain('Mit keiner Maßnahme verknüpft');
    expect(parent.body).toContain('1 untergeordnete Stelle verliert ihre Zuordnung: Kontaktstelle für Integration Amstadt');
  });

  it('lists unused actors and deletes the listed ones after confirmation', async () => {
    const s = env.services;
    const mid = f.A.municipalityId;
    const lonely = await s.actors.create(mid, { ...blankActor, name: 'Verein ohne Maßnahme' }, system);
    const directory = await client.get(paths.adminActors(f.A.slug));
    expect(directory.body).toContain('1 nicht verwendeter Akteur');
    expect(directory.body).toContain(`href="${paths.adminActorDelete(f.A.slug, lonely)}"`);
    const list = await client.get(paths.adminActorsUnused(f.A.slug));
    expect(list.body).toContain('Verein ohne Maßnahme');
    // A parent of a used actor and a used actor are not listed.
    expect(list.body).not.toContain('Amt für soziale Dienste');
    expect(list.body).not.toContain('VHS Amstadt');
    const confirm = await client.get(paths.adminActorsUnusedDelete(f.A.slug));
    expect(confirm.body).toContain('1 nicht verwendeten Akteur löschen?');
    expect(confirm.body).toContain(`name="actor_id" value="${lonely}"`);
    // An actor used meanwhile is not deleted even when posted.
    const res = await client.post(paths.adminActorsUnusedDelete(f.A.slug), { actor_id: [String(lonely), String(vhs)] });
    expect(res.status).toBe(303);
    expect((await client.get(res.location!)).body).toContain('1 Akteur wurde gelöscht.');
    expect((await s.actors.list(mid)).map((a) => a.id)).not.toContain(lonely);
    expect((await s.actors.list(mid)).map((a) => a.id)).toContain(vhs);
    expect((await client.get(paths.adminActorsUnused(f.A.slug))).body).toContain('Jeder Akteur ist mit mindestens einer Maßnahme verknüpft.');
  });

  it('deleting a draft plan offers the actors only it used, and deletes them when ticked', async () => {
    const s = env.services;
    const mid = f.A.municipalityId;
    const own = await s.actors.create(mid, { ...blankActor, name: 'Nur-im-Entwurf e.V.' }, system);
    const draft = await s.plans.tree(mid, f.A.draftPlanId);
    await s.plans.createMeasure(mid, draft.fields[0].id, { ...base, text: 'Entwurfsmaßnahme', number: '7', goal_id: draft.fields[0].goals[0].id, status_label: '', lead_actor_id: own }, system);
    const page = await client.get(paths.adminPlanDelete(f.A.slug, f.A.draftPlanId));
    expect(page.status).toBe(200);
    expect(page.body).toContain('Auch diesen Akteur aus dem Verzeichnis löschen: Nur-im-Entwurf e.V.');
    expect(page.body).toContain('name="with_actors"');
    const res = await client.post(paths.adminPlanDelete(f.A.slug, f.A.draftPlanId), { with_actors: '1' });
    expect(res.status).toBe(303);
    const left = (await s.actors.list(mid)).map((a) => a.id);
    expect(left).not.toContain(own);
    expect(left).toContain(vhs);
    const entry = await env.db.kysely.selectFrom('audit_log').selectAll().orderBy('id', 'desc').executeTakeFirstOrThrow();
    expect(entry.action).toBe('plan.delete');
    expect(JSON.parse(entry.before_json!).actors).toEqual(['Nur-im-Entwurf e.V.']);
  });

  it('without the tick, a deleted draft plan leaves its actors in the directory', async () => {
    const s = env.services;
    const mid = f.A.municipalityId;
    const planId = await s.plans.createPlan(mid, { title: 'Noch ein Entwurf', edition: '', period_start: null, period_end: null, intro: '' }, system);
    const fieldId = await s.plans.createField(mid, planId, { title: 'Feld', description: '' }, system);
    const own = await s.actors.create(mid, { ...blankActor, name: 'Bleibt e.V.' }, system);
    await s.plans.createMeasure(mid, fieldId, { ...base, is_further: true, text: 'Weitere', goal_id: null, status_label: '', lead_actor_id: own }, system);
    expect((await client.get(paths.adminPlanDelete(f.A.slug, planId))).body).toContain('Bleibt e.V.');
    expect((await client.post(paths.adminPlanDelete(f.A.slug, planId), {})).status).toBe(303);
    expect((await s.actors.list(mid)).map((a) => a.id)).toContain(own);
  });
});

describe.each(engines)('contact e-mails of the lead actors on one page on %s', (engine) => {
  let env: TestEnv;
  let f: Fixture;
  let client: Client;

  beforeAll(async () => {
    env = await createTestEnv(engine);
    f = await seedTwoMunicipalities(env);
    client = await officer(env, f.A.editorEmail);
  });
  afterAll(() => env.close());

  const emails = async () => Object.fromEntries((await env.services.actors.list(f.A.municipalityId)).map((a) => [a.name, a.contact_email]));

  it('lists the lead actors with a field each; an invalid address is marked at its row and nothing is saved', async () => {
    const actors = await env.services.actors.list(f.A.municipalityId);
    const vhs = actors.find((a) => a.name === 'VHS Amstadt')!;
    const kontakt = actors.find((a) => a.name.startsWith('Kontaktstelle'))!;
    const rounds = await client.get(paths.adminRounds(f.A.slug));
    expect(rounds.body).toContain(paths.adminRoundEmails(f.A.slug, f.A.planId));
    const page = await client.get(paths.adminRoundEmails(f.A.slug, f.A.planId));
    expect(page.status).toBe(200);
    expect(page.body).toContain('VHS Amstadt');
    expect(page.body).toContain('Kontaktstelle für Integration Amstadt');
    // Partners are not asked in a round.
    expect(page.body).not.toContain('Jobcenter Amstadt');
    const before = await emails();
    const bad = await client.post(paths.adminRoundEmails(f.A.slug, f.A.planId), { [`email_${vhs.id}`]: 'vhs@amstadt.example', [`email_${kontakt.id}`]: 'kontakt(at)amstadt' });
    expect(bad.status).toBe(400);
    expect(bad.body).toContain('kontakt(at)amstadt');
    expect(bad.body).toContain('vhs@amstadt.example');
    expect(bad.body).toMatch(/id="feld-email_\d+-error"/);
    expect(bad.body).toContain(`feld-email_${kontakt.id}-error`);
    expect(bad.body).not.toContain(`feld-email_${vhs.id}-error`);
    expect(await emails()).toEqual(before);
    const ok = await client.post(paths.adminRoundEmails(f.A.slug, f.A.planId), { [`email_${vhs.id}`]: 'vhs@amstadt.example', [`email_${kontakt.id}`]: 'kontakt@amstadt.example' });
    expect(ok.status).toBe(303);
    expect((await client.get(ok.location!)).body).toContain('2 Adressen wurden gespeichert.');
    expect(await emails()).toMatchObject({ 'VHS Amstadt': 'vhs@amstadt.example', 'Kontaktstelle für Integration Amstadt': 'kontakt@amstadt.example' });
    const entry = await env.db.kysely.selectFrom('audit_log').selectAll().orderBy('id', 'desc').executeTakeFirstOrThrow();
    expect(entry).toMatchObject({ action: 'actor.contact_emails', user_name: 'Redaktion Amstadt' });
  });
});

describe.each(engines)('actor clean-up routes refuse a representative on %s', (engine) => {
  let env: TestEnv;
  let f: Fixture;

  beforeAll(async () => {
    env = await createTestEnv(engine);
    f = await seedTwoMunicipalities(env);
  });
  afterAll(() => env.close());

  it('answers 403 and writes nothing', async () => {
    const s = env.services;
    await s.representatives.add(f.A.municipalityId, { name: 'Vera Vertretung', email: 'vera@amstadt.example', actor_id: f.A.actorId }, system);
    const vera = (await s.auth.findUserByEmail('vera@amstadt.example'))!;
    await s.auth.setPassword(vera.id, PASSWORD);
    const rep = await officer(env, 'vera@amstadt.example');
    const job = (await s.actors.list(f.A.municipalityId)).find((a) => a.name.startsWith('Jobcenter'))!;
    const before = await count(env, 'audit_log');
    for (const path of [paths.adminActorsMerge(f.A.slug), `${paths.adminActorsMerge(f.A.slug)}?behalten=${f.A.actorId}&aufnehmen=${job.id}`, paths.adminActorsUnused(f.A.slug), paths.adminActorsUnusedDelete(f.A.slug), paths.adminRoundEmails(f.A.slug, f.A.planId)]) {
      expect((await rep.get(path)).status, path).toBe(403);
    }
    expect((await rep.post(paths.adminActorsMerge(f.A.slug), { keep_id: String(f.A.actorId), merge_id: String(job.id) })).status).toBe(403);
    expect((await rep.post(paths.adminActorsUnusedDelete(f.A.slug), { actor_id: String(job.id) })).status).toBe(403);
    expect((await rep.post(paths.adminRoundEmails(f.A.slug, f.A.planId), {})).status).toBe(403);
    expect(await count(env, 'audit_log')).toBe(before);
  });
});
