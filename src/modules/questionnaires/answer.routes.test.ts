// Answering a questionnaire on a real database (SQLite and PostgreSQL): the pages in order with conditions,
// errors at the fields, continue later, one response per walk however often it is sent, nothing stored while
// answering, a sealed walk neither altered nor carried elsewhere, nothing identifying stored, access codes
// single-use and unlinkable, the bot and rate limits, and no way across municipalities.
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, createTestEnv, engines, PASSWORD, seedTwoMunicipalities, type Fixture, type Side, type TestEnv } from '../../../test/support.js';
import { everyTypeSpec } from '../../../test/questionnaire.fixture.js';
import type { QuestionnaireSpec } from './questionnaire.service.js';
import type { Definition, Question } from './questionnaire.model.js';
import { questionnairesPaths as paths } from './questionnaires.paths.js';

const by = { userId: null, name: 'Test' };
type Form = Record<string, string | string[]>;

const walkOf = (body: string) => /name="walk" value="([^"]+)"/.exec(body)?.[1] ?? '';
const linkTokenOf = (body: string) => /\/weiter\/([A-Za-z0-9_-]+)"/.exec(body)?.[1] ?? '';

/** Posts the answer pages as a browser does: every form carries the sealed walk of the page it came from. */
class Walker {
  walk = '';
  constructor(
    readonly client: Client,
    readonly answer: string,
  ) {}

  async post(form: Form) {
    const res = await this.client.post(this.answer, this.walk ? { walk: this.walk, ...form } : form);
    const next = walkOf(res.body);
    if (next) this.walk = next;
    return res;
  }
}
const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&').replace(/\s+/g, ' ');

describe.each(engines)('answering a questionnaire on %s', (engine) => {
  let env: TestEnv;
  let f: Fixture;

  beforeAll(async () => {
    env = await createTestEnv(engine);
    f = await seedTwoMunicipalities(env);
  });
  afterAll(() => env.close());

  async function make(side: Side, overrides: Partial<QuestionnaireSpec> = {}): Promise<Definition> {
    const id = await env.services.questionnaires.createFromSpec(side.municipalityId, side.planId, everyTypeSpec(overrides), by);
    return (await env.services.questionnaires.definition(side.municipalityId, id))!;
  }
  const qs = (def: Definition) => {
    const [sprache, kurs, wuensche] = def.sections;
    const [besucht, welcher, angebote] = sprache.questions;
    const [zufrieden, matrix] = kurs.questions;
    const [ranking, wunsch, personen, seit, alter] = wuensche.questions;
    return { sprache, kurs, wuensche, besucht, welcher, angebote, zufrieden, matrix, ranking, wunsch, personen, seit, alter };
  };
  const opt = (q: Question, label: string) => String(q.options.find((o) => o.label === label)!.id);

  /** Starts a draft and answers the pages of `def` (kurs: Ja), up to the review. */
  async function walkToReview(client: Client, side: Side, def: Definition, extra: Form = {}) {
    const q = qs(def);
    const answer = paths.publicAnswer(side.slug, def.questionnaire.id);
    const walker = new Walker(client, answer);
    const start = await walker.post({ nav: 'start', ...extra });
    expect(start.status, start.body.slice(0, 400)).toBe(200);
    expect(walker.walk).not.toBe('');
    const p1 = await walker.post({
      section: String(q.sprache.id), nav: 'next',
      [`q${q.besucht.id}`]: opt(q.besucht, 'Ja'), [`q${q.welcher.id}`]: 'Abendkurs B1',
      [`q${q.angebote.id}`]: [opt(q.angebote, 'Sprachcafé'), opt(q.angebote, 'Anderes')], [`q${q.angebote.id}_other`]: 'Nachbarschaftstreff',
    });
    expect(p1.status, p1.body.slice(0, 400)).toBe(200);
    expect(text(p1.body)).toContain('Seite 2 von 4');
    const p2 = await walker.post({
      section: String(q.kurs.id), nav: 'next',
      [`q${q.zufrieden.id}`]: '4', [`q${q.matrix.id}_r${q.matrix.rows[0].id}`]: String(q.matrix.columns[0].id), [`q${q.matrix.id}_r${q.matrix.rows[1].id}`]: String(q.matrix.columns[2].id),
    });
    expect(text(p2.body)).toContain('Seite 3 von 4');
    const p3 = await walker.post({
      section: String(q.wuensche.id), nav: 'next',
      [`q${q.ranking.id}_o${q.ranking.options[0].id}`]: '2', [`q${q.ranking.id}_o${q.ranking.options[1].id}`]: '1', [`q${q.ranking.id}_o${q.ranking.options[2].id}`]: '3',
      [`q${q.wunsch.id}`]: 'Mehr Abendkurse, bitte.', [`q${q.personen.id}`]: '4', [`q${q.seit.id}`]: '2019-09-01', [`q${q.alter.id}`]: opt(q.alter, '18 bis 64'),
    });
    expect(p3.status, p3.body.slice(0, 400)).toBe(200);
    expect(text(p3.body)).toContain('Ihre Antworten prüfen');
    expect(text(p3.body)).toContain('Seite 4 von 4');
    return { walker, answer, review: p3 };
  }

  it('walks the pages, shows a section only when its condition holds, and stores one response with its rows', async () => {
    const def = await make(f.A);
    const q = qs(def);
    const client = new Client(env);
    const startPage = await client.get(paths.publicStart(f.A.slug, def.questionnaire.id));
    expect(startPage.status).toBe(200);
    const start = text(startPage.body);
    for (const s of ['Willkommen!', 'Datenschutzhinweis (Fassung 1)', 'Wir speichern Ihre Antworten anonym', 'Dauer: etwa', 'Befragung beginnen']) expect(start).toContain(s);
    expect(startPage.body).toContain('<details');

    const { walker, review } = await walkToReview(client, f.A, def);
    // nothing is stored while answering: the answers so far travel sealed with the pages
    expect(await env.db.kysely.selectFrom('questionnaire_drafts').select('id').where('questionnaire_id', '=', def.questionnaire.id).execute()).toEqual([]);
    expect(Buffer.from(walker.walk, 'base64url').toString('latin1')).not.toContain('Abendkurs');
    // The review names what was answered, in words.
    for (const s of ['Abendkurs B1', 'Sprachcafé; Anderes: Nachbarschaftstreff', '1. Arbeit; 2. Wohnung; 3. Schule', 'Kinderbetreuung: gut; Kurszeiten: schlecht']) expect(text(review.body)).toContain(s);
    const sent = await walker.post({ section: '0', nav: 'submit' });
    expect(sent.status).toBe(303);
    expect(sent.location).toBe(paths.publicThanks(f.A.slug, def.questionnaire.id));
    const thanks = await client.get(sent.location!);
    expect(text(thanks.body)).toContain('Vielen Dank für Ihre Antworten!');
    expect(text(thanks.body)).toContain('Danke, dass Sie mitgemacht haben.');

    const responses = await env.db.kysely.selectFrom('questionnaire_responses').selectAll().where('questionnaire_id', '=', def.questionnaire.id).execute();
    expect(responses).toHaveLength(1);
    expect(responses[0]).toMatchObject({ source: 'online', privacy_version: 1, lang: 'de', submitted_on: '2026-03-01', municipality_id: f.A.municipalityId });
    const rows = await env.db.kysely.selectFrom('questionnaire_answers').selectAll().where('response_id', '=', responses[0].id).execute();
    const of = (question: Question) => rows.filter((r) => r.question_id === question.id);
    expect(of(q.welcher).map((r) => r.value_text)).toEqual(['Abendkurs B1']);
    expect(of(q.angebote).map((r) => r.value_text).sort()).toEqual(['Nachbarschaftstreff', null].sort());
    expect(of(q.zufrieden).map((r) => r.value_number)).toEqual([4]);
    expect(of(q.matrix)).toHaveLength(2);
    expect(of(q.ranking).map((r) => Number(r.value_number)).sort()).toEqual([1, 2, 3]);
    expect(of(q.seit).map((r) => r.value_text)).toEqual(['2019-09-01']);
    // the draft is gone with the submit
    expect(await env.db.kysely.selectFrom('questionnaire_drafts').select('id').where('questionnaire_id', '=', def.questionnaire.id).execute()).toEqual([]);
  });

  it('the start page is the same for everyone (no token, no cookie, kept); its post is checked by its origin instead', async () => {
    const def = await make(f.A, { title: 'Befragung für alle' });
    const start = paths.publicStart(f.A.slug, def.questionnaire.id);
    const answer = paths.publicAnswer(f.A.slug, def.questionnaire.id);
    const page = await env.app.request(start);
    const html = await page.text();
    expect(html).toContain('Befragung für alle');
    expect(html).toContain(`action="${answer}"`);
    expect(html).not.toContain('name="_csrf"');
    expect(page.headers.get('set-cookie')).toBeNull();
    expect(page.headers.get('cache-control')).toBe('public, no-cache');
    // a visitor holding a CSRF cookie from another page gets the same page: nothing of theirs in it
    const withCookie = await env.app.request(start, { headers: { cookie: 'teilhabe_csrf=mein-eigenes-token' } });
    expect(await withCookie.text()).not.toContain('mein-eigenes-token');

    const post = (headers: Record<string, string>, body = 'nav=start') => env.app.request(answer, { method: 'POST', body, headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers } });
    const host = 'localhost';
    // from a page of this site (Fetch Metadata, or the Origin where a browser sends none): the walk starts
    for (const headers of <Array<Record<string, string>>>[{ 'sec-fetch-site': 'same-origin' }, { origin: `http://${host}`, host }, { 'sec-fetch-site': 'same-origin', cookie: 'teilhabe_csrf=mein-eigenes-token' }]) {
      const res = await post(headers);
      expect(res.status, JSON.stringify(headers)).toBe(200);
      expect(walkOf(await res.text())).not.toBe('');
    }
    // from another site, or without any evidence, or with a wrong token: refused
    for (const headers of <Array<Record<string, string>>>[{ 'sec-fetch-site': 'cross-site' }, { 'sec-fetch-site': 'same-site' }, { origin: 'https://angreifer.example', host }, { origin: 'null', host }, {}]) {
      expect((await post(headers)).status, JSON.stringify(headers)).toBe(403);
    }
    expect((await post({ 'sec-fetch-site': 'same-origin', cookie: 'teilhabe_csrf=mein-eigenes-token' }, 'nav=start&_csrf=falsch')).status).toBe(403);
    // someone signed in always sends their token, whatever the origin says
    const officer = new Client(env);
    await officer.signIn(f.A.adminEmail, PASSWORD);
    const cookie = [...officer.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    expect((await post({ 'sec-fetch-site': 'same-origin', cookie })).status).toBe(403);
    expect(await (await env.app.request(start, { headers: { cookie } })).text()).toContain('name="_csrf"');
  });

  it('a double submit (second click, back button, resent form) stores one response and shows the thanks again', async () => {
    const def = await make(f.A);
    const client = new Client(env);
    const { walker } = await walkToReview(client, f.A, def);
    const [one, two] = await Promise.all([walker.post({ section: '0', nav: 'submit' }), walker.post({ section: '0', nav: 'submit' })]);
    const three = await walker.post({ section: '0', nav: 'submit' });
    for (const r of [one, two, three]) {
      expect(r.status).toBe(303);
      expect(r.location).toBe(paths.publicThanks(f.A.slug, def.questionnaire.id));
    }
    expect(await env.services.questionnaires.responses(f.A.municipalityId, def.questionnaire.id)).toBe(1);
    // the back button: the review page's form sent again after going back a page, then submitted once more
    const back = await walker.post({ section: '0', nav: 'back' });
    expect(back.status).toBe(200);
    expect((await walker.post({ section: String(qs(def).wuensche.id), nav: 'next' })).status).toBe(200);
    expect((await walker.post({ section: '0', nav: 'submit' })).location).toBe(paths.publicThanks(f.A.slug, def.questionnaire.id));
    expect(await env.services.questionnaires.responses(f.A.municipalityId, def.questionnaire.id)).toBe(1);
  });

  it('a sealed walk cannot be altered, nor carried to another questionnaire or municipality', async () => {
    const def = await make(f.A);
    const other = await make(f.A);
    const foreign = await make(f.B);
    const client = new Client(env);
    const { walker } = await walkToReview(client, f.A, def);
    const flipped = walker.walk.slice(0, 20) + (walker.walk[20] === 'A' ? 'B' : 'A') + walker.walk.slice(21);
    for (const [answer, walk] of [
      [walker.answer, flipped],
      [walker.answer, 'bm90LXNlYWxlZA'],
      [paths.publicAnswer(f.A.slug, other.questionnaire.id), walker.walk],
      [paths.publicAnswer(f.B.slug, foreign.questionnaire.id), walker.walk],
    ]) {
      const res = await client.post(answer, { walk, section: '0', nav: 'submit' });
      expect(res.status, answer).toBe(410);
      expect(text(res.body)).toContain('Link nicht mehr gültig');
    }
    for (const [side, d] of [[f.A, def], [f.A, other], [f.B, foreign]] as const) expect(await env.services.questionnaires.responses(side.municipalityId, d.questionnaire.id)).toBe(0);
    // the walk expires with the day a draft would: 30 days after its last page
    env.now.value = new Date('2026-04-01T10:00:00Z');
    try {
      expect((await walker.post({ section: '0', nav: 'submit' })).status).toBe(410);
    } finally {
      env.now.value = new Date('2026-03-01T10:00:00Z');
    }
    expect((await walker.post({ section: '0', nav: 'submit' })).status).toBe(303);
  });

  it('errors at the field and in the summary, in the reader\'s language, with what was typed kept', async () => {
    const def = await make(f.A);
    const q = qs(def);
    const client = new Client(env);
    const walker = new Walker(client, paths.publicAnswer(f.A.slug, def.questionnaire.id));
    await walker.post({ nav: 'start' });
    const res = await walker.post({ section: String(q.sprache.id), nav: 'next', [`q${q.welcher.id}`]: 'Mein getippter Kurs', [`q${q.angebote.id}`]: opt(q.angebote, 'Anderes') });
    expect(res.status).toBe(400);
    const body = text(res.body);
    expect(body).toContain('Bitte korrigieren Sie die markierten Angaben.');
    expect(body).toContain('Bitte beantworten Sie diese Frage.');
    expect(body).toContain('Bitte ergänzen Sie Ihre Angabe bei „Anderes“.');
    expect(res.body).toContain('value="Mein getippter Kurs"');
    expect(res.body).toContain(`href="#feld-q${q.besucht.id}"`);
    expect(res.body).toContain(`id="feld-q${q.besucht.id}"`);
    // the same in English
    await client.get(`${paths.publicStart(f.A.slug, def.questionnaire.id)}?lang=en`);
    const en = await walker.post({ section: String(q.sprache.id), nav: 'next', [`q${q.welcher.id}`]: 'typed' });
    expect(en.status).toBe(400);
    expect(text(en.body)).toContain('Please answer this question.');
    expect(text(en.body)).toContain('Page 1 of 3');
    // ranks given twice are refused
    await client.get(`${paths.publicStart(f.A.slug, def.questionnaire.id)}?lang=de`);
    await walker.post({ section: String(q.sprache.id), nav: 'next', [`q${q.besucht.id}`]: opt(q.besucht, 'Nein') });
    const ranks = await walker.post({ section: String(q.wuensche.id), nav: 'next', [`q${q.ranking.id}_o${q.ranking.options[0].id}`]: '1', [`q${q.ranking.id}_o${q.ranking.options[1].id}`]: '1', [`q${q.personen.id}`]: '2,5' });
    expect(ranks.status).toBe(400);
    expect(text(ranks.body)).toContain('Jeder Platz darf nur einmal vergeben werden.');
    expect(text(ranks.body)).toContain('Bitte geben Sie eine ganze Zahl ein.');
  });

  it('a question whose condition is on the same page is shown with a note, and its answer dropped when the condition does not hold', async () => {
    const def = await make(f.A);
    const q = qs(def);
    const client = new Client(env);
    const walker = new Walker(client, paths.publicAnswer(f.A.slug, def.questionnaire.id));
    const start = await walker.post({ nav: 'start' });
    expect(text(start.body)).toContain('Nur beantworten, wenn Sie bei „Haben Sie einen Sprachkurs besucht?“ „Ja“ gewählt haben.');
    const p1 = await walker.post({ section: String(q.sprache.id), nav: 'next', [`q${q.besucht.id}`]: opt(q.besucht, 'Nein'), [`q${q.welcher.id}`]: 'sollte wegfallen' });
    // "Nein" skips the course's section: the next page is the wishes, page 2 of 3
    expect(text(p1.body)).toContain('Wünsche');
    expect(text(p1.body)).toContain('Seite 2 von 3');
    await walker.post({ section: String(q.wuensche.id), nav: 'next' });
    expect((await walker.post({ section: '0', nav: 'submit' })).status).toBe(303);
    const stored = await env.db.kysely
      .selectFrom('questionnaire_answers as a')
      .innerJoin('questionnaire_responses as r', 'r.id', 'a.response_id')
      .select(['a.question_id', 'a.value_text'])
      .where('r.questionnaire_id', '=', def.questionnaire.id)
      .execute();
    expect(stored.map((r) => r.question_id)).toEqual([q.besucht.id]);
  });

  it('continue later: a personal link shows the answers so far; the draft keeps a day, no time', async () => {
    const def = await make(f.A);
    const q = qs(def);
    const client = new Client(env);
    const answer = paths.publicAnswer(f.A.slug, def.questionnaire.id);
    const walker = new Walker(client, answer);
    await walker.post({ nav: 'start' });
    const later = await walker.post({ section: String(q.sprache.id), nav: 'later', [`q${q.besucht.id}`]: opt(q.besucht, 'Ja'), [`q${q.welcher.id}`]: 'Halb getippt' });
    expect(later.status).toBe(200);
    const token = linkTokenOf(later.body);
    expect(token).not.toBe('');
    const link = paths.publicContinue(f.A.slug, def.questionnaire.id, token);
    expect(later.body).toContain(link);
    expect(text(later.body)).toContain('Der Link gilt bis 31. März 2026.');
    const drafts = await env.db.kysely.selectFrom('questionnaire_drafts').selectAll().where('questionnaire_id', '=', def.questionnaire.id).execute();
    expect(drafts).toHaveLength(1);
    expect(drafts[0].expires_at).toBe('2026-03-31T00:00:00.000Z');
    // only the token's hash is stored
    expect(JSON.stringify(drafts[0])).not.toContain(token);
    const again = await new Client(env).get(link);
    expect(again.status).toBe(200);
    expect(again.body).toContain('value="Halb getippt"');
    expect(walkOf(again.body)).not.toBe('');
    expect(walkOf(again.body)).not.toContain(token);
    // the language switch of a page keeps the place: it links to the personal link
    const english = await new Client(env).get(`${link}?lang=en`);
    expect(text(english.body)).toContain('Page 1 of 4');
    expect(again.body).toContain(`href="${link}?lang=en"`);
    // an unknown link is refused with a clear page
    const unknown = await new Client(env).get(paths.publicContinue(f.A.slug, def.questionnaire.id, 'nicht-da'));
    expect(unknown.status).toBe(410);
    expect(text(unknown.body)).toContain('Link nicht mehr gültig');

    // going on from the link saves the draft page by page; "continue later" again keeps the same link
    const resumed = new Walker(new Client(env), answer);
    resumed.walk = walkOf(again.body);
    await resumed.post({ section: String(q.sprache.id), nav: 'next', [`q${q.besucht.id}`]: opt(q.besucht, 'Ja'), [`q${q.welcher.id}`]: 'Fertig getippt' });
    const saved = await env.db.kysely.selectFrom('questionnaire_drafts').select(['answers_json', 'page']).where('questionnaire_id', '=', def.questionnaire.id).executeTakeFirstOrThrow();
    expect(saved.answers_json).toContain('Fertig getippt');
    expect(saved.page).toBe(q.kurs.id);
    const laterAgain = await resumed.post({ section: String(q.kurs.id), nav: 'later' });
    expect(linkTokenOf(laterAgain.body)).toBe(token);
    expect(await env.db.kysely.selectFrom('questionnaire_drafts').select('id').where('questionnaire_id', '=', def.questionnaire.id).execute()).toHaveLength(1);
    // sent: the draft is gone with the response, and the personal link leads to the thanks
    expect((await resumed.post({ section: String(q.kurs.id), nav: 'next', [`q${q.zufrieden.id}`]: '4', [`q${q.matrix.id}_r${q.matrix.rows[0].id}`]: String(q.matrix.columns[0].id), [`q${q.matrix.id}_r${q.matrix.rows[1].id}`]: String(q.matrix.columns[2].id) })).status).toBe(200);
    expect((await resumed.post({ section: String(q.wuensche.id), nav: 'next' })).status).toBe(200);
    const sent = await resumed.post({ section: '0', nav: 'submit' });
    expect(sent.status, text(sent.body).slice(0, 600)).toBe(303);
    expect(await env.db.kysely.selectFrom('questionnaire_drafts').select('id').where('questionnaire_id', '=', def.questionnaire.id).execute()).toEqual([]);
    const afterwards = await new Client(env).get(link);
    expect(afterwards.status).toBe(303);
    expect(afterwards.location).toBe(paths.publicThanks(f.A.slug, def.questionnaire.id));
    // a page of the draft's walk sent after the submit leads to the thanks as well, and stores nothing
    const stale = await new Client(env).post(answer, { walk: walkOf(again.body), section: String(q.sprache.id), nav: 'next' });
    expect(stale.location).toBe(paths.publicThanks(f.A.slug, def.questionnaire.id));
    expect(await env.services.questionnaires.responses(f.A.municipalityId, def.questionnaire.id)).toBe(1);
  });

  it('stores nothing identifying: no address, agent or time columns; the day only', async () => {
    const tables = await env.db.kysely.introspection.getTables();
    const columns = (name: string) => tables.find((t) => t.name === name)!.columns.map((c) => c.name).sort();
    expect(columns('questionnaire_responses')).toEqual(['id', 'is_demo', 'lang', 'municipality_id', 'privacy_version', 'questionnaire_id', 'source', 'submission_key', 'submitted_on'].sort());
    expect(columns('questionnaire_answers')).toEqual(['id', 'municipality_id', 'option_id', 'question_id', 'response_id', 'row_option_id', 'value_number', 'value_text'].sort());
    expect(columns('questionnaire_drafts')).toEqual(['answers_json', 'code_id', 'expires_at', 'id', 'lang', 'municipality_id', 'page', 'questionnaire_id', 'submission_key', 'token_hash'].sort());
    for (const t of ['questionnaire_responses', 'questionnaire_answers', 'questionnaire_drafts', 'questionnaire_codes']) {
      const suspicious = columns(t).filter((c) => /(^|_)(ip|agent|address|created|updated|time|timestamp)(_|$)|_at$/i.test(c) && c !== 'expires_at');
      expect(suspicious, t).toEqual([]);
    }
    const days = await env.db.kysely.selectFrom('questionnaire_responses').select('submitted_on').execute();
    expect(days.length).toBeGreaterThan(0);
    for (const d of days) expect(d.submitted_on).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    // A response leaves no audit entry (it would carry the time).
    expect(await env.db.kysely.selectFrom('audit_log').select('id').where('entity_type', 'like', 'questionnaire_response%').execute()).toEqual([]);
  });

  it('access codes: single-use, unlinkable, and only for their own questionnaire', async () => {
    const def = await make(f.A, { access: 'codes' });
    const other = await make(f.B, { access: 'codes' });
    const insertCode = (side: Side, questionnaireId: number, code: string) =>
      env.db.kysely.insertInto('questionnaire_codes').values({ municipality_id: side.municipalityId, questionnaire_id: questionnaireId, code, batch: 1, used: 0 }).returning('id').executeTakeFirstOrThrow();
    const one = await insertCode(f.A, def.questionnaire.id, 'KQ7M-2XPA');
    const two = await insertCode(f.A, def.questionnaire.id, 'ZR4D-9HWE');
    await insertCode(f.B, other.questionnaire.id, 'BBBB-1111');

    const client = new Client(env);
    // the QR link fills the code in
    const start = await client.get(`${paths.publicStart(f.A.slug, def.questionnaire.id)}?code=KQ7M-2XPA`);
    expect(start.body).toContain('value="KQ7M-2XPA"');
    const answer = paths.publicAnswer(f.A.slug, def.questionnaire.id);
    const none = await client.post(answer, { nav: 'start', code: '' });
    expect(none.status).toBe(400);
    expect(text(none.body)).toContain('Bitte geben Sie Ihren Zugangscode ein.');
    // B's code does not open A's questionnaire, nor A's code B's
    const foreign = await client.post(answer, { nav: 'start', code: 'BBBB-1111' });
    expect(foreign.status).toBe(400);
    expect(text(foreign.body)).toContain('Dieser Zugangscode gilt nicht (mehr).');
    expect((await client.post(paths.publicAnswer(f.B.slug, other.questionnaire.id), { nav: 'start', code: 'KQ7M-2XPA' })).status).toBe(400);

    // The first code, typed in lower case with a blank for the dash, opens a draft; a second draft with the same code may start,
    // but only one of them can be sent.
    const first = await walkToReview(client, f.A, def, { code: ' kq7m 2xpa ' });
    const second = await walkToReview(new Client(env), f.A, def, { code: 'KQ7M-2XPA' });
    expect((await first.walker.post({ section: '0', nav: 'submit' })).status).toBe(303);
    const refused = await second.walker.post({ section: '0', nav: 'submit' });
    expect(refused.status).toBe(409);
    expect(text(refused.body)).toContain('Zugangscode schon verwendet');
    // used now: it opens nothing more
    const reuse = await new Client(env).post(answer, { nav: 'start', code: 'KQ7M-2XPA' });
    expect(reuse.status).toBe(400);
    // the second code answers too
    const third = await walkToReview(new Client(env), f.A, def, { code: 'ZR4D-9HWE' });
    expect((await third.walker.post({ section: '0', nav: 'submit' })).status).toBe(303);
    // the first walk sent again (a second click) finds its response
    expect((await first.walker.post({ section: '0', nav: 'submit' })).location).toBe(paths.publicThanks(f.A.slug, def.questionnaire.id));

    const codes = await env.db.kysely.selectFrom('questionnaire_codes').selectAll().where('questionnaire_id', '=', def.questionnaire.id).orderBy('id').execute();
    expect(codes.map((c) => [c.id, c.used])).toEqual([[one.id, 1], [two.id, 1]]);
    const responses = await env.db.kysely.selectFrom('questionnaire_responses').selectAll().where('questionnaire_id', '=', def.questionnaire.id).execute();
    expect(responses).toHaveLength(2);
    // Unlinkable: nothing in a response or its answers refers to a code, and the two responses differ in
    // nothing but their own id, key and answers.
    const codeValues = new Set(codes.flatMap((c) => [String(c.id), c.code, c.code.toLowerCase()]));
    for (const r of responses) {
      for (const [k, v] of Object.entries(r)) if (k !== 'id' && k !== 'municipality_id' && k !== 'questionnaire_id' && k !== 'privacy_version') expect(codeValues.has(String(v)), `${k}=${v}`).toBe(false);
    }
    const { id: _a, submission_key: _ka, ...restA } = responses[0];
    const { id: _b, submission_key: _kb, ...restB } = responses[1];
    expect(restA).toEqual(restB);
    // no draft was saved, so nothing stored knows which code opened which walk
    expect(await env.db.kysely.selectFrom('questionnaire_drafts').select('code_id').where('questionnaire_id', '=', def.questionnaire.id).execute()).toEqual([]);
  });

  it('refuses bots: the hidden field filled, or too many starts from one client', async () => {
    const def = await make(f.A);
    const client = new Client(env);
    const answer = paths.publicAnswer(f.A.slug, def.questionnaire.id);
    const bot = await client.post(answer, { nav: 'start', website: 'http://spam.example' });
    expect(bot.status).toBe(400);
    expect(text(bot.body)).toContain('Antwort nicht angenommen');
    const count = async () => (await env.db.kysely.selectFrom('questionnaire_drafts').select('id').where('questionnaire_id', '=', def.questionnaire.id).execute()).length;
    expect(await count()).toBe(0);
    const STARTS_PER_WINDOW = env.config.questionnaireRateLimit;
    expect(STARTS_PER_WINDOW).toBe(20);
    for (let i = 0; i < STARTS_PER_WINDOW; i++) expect((await client.post(answer, { nav: 'start' })).status).toBe(200);
    const limited = await client.post(answer, { nav: 'start' });
    expect(limited.status).toBe(429);
    expect(text(limited.body)).toContain('Bitte versuchen Sie es in etwa zehn Minuten noch einmal.');
    // starting stores nothing: the limit is counted in memory only
    expect(await count()).toBe(0);
    // after the window, the client may start again
    env.now.value = new Date(env.now.value.getTime() + 11 * 60_000);
    try {
      expect((await client.post(answer, { nav: 'start' })).status).toBe(200);
    } finally {
      env.now.value = new Date('2026-03-01T10:00:00Z');
    }
  });

  it('QUESTIONNAIRE_RATE_LIMIT=0 switches the limit off (a load test from one address)', async () => {
    const own = await createTestEnv(engine, { QUESTIONNAIRE_RATE_LIMIT: '0' });
    try {
      const side = (await seedTwoMunicipalities(own)).A;
      const id = await own.services.questionnaires.createFromSpec(side.municipalityId, side.planId, everyTypeSpec(), by);
      const client = new Client(own);
      for (let i = 0; i < 25; i++) expect((await client.post(paths.publicAnswer(side.slug, id), { nav: 'start' })).status).toBe(200);
    } finally {
      await own.close();
    }
  });

  it('a questionnaire of A can be neither read nor answered under B, nor can a draft be seen', async () => {
    const def = await make(f.A, { title: 'Nur für Amstadt Apfelbefragung' });
    const client = new Client(env);
    const id = def.questionnaire.id;
    expect((await client.get(paths.publicStart(f.B.slug, id))).status).toBe(404);
    expect((await client.post(paths.publicAnswer(f.B.slug, id), { nav: 'start' })).status).toBe(404);
    expect((await client.get(paths.publicThanks(f.B.slug, id))).status).toBe(404);
    const list = await client.get(paths.publicList(f.B.slug));
    expect(list.body).not.toContain('Apfelbefragung');
    // A's personal link does not work under B either
    const walker = new Walker(client, paths.publicAnswer(f.A.slug, id));
    await walker.post({ nav: 'start' });
    const token = linkTokenOf((await walker.post({ section: String(def.sections[0].id), nav: 'later' })).body);
    expect(token).not.toBe('');
    expect((await client.get(paths.publicContinue(f.B.slug, id, token))).status).toBe(404);
    // a questionnaire still being built is not public
    const building = await make(f.A, { state: 'draft', title: 'Noch im Aufbau' });
    expect((await client.get(paths.publicStart(f.A.slug, building.questionnaire.id))).status).toBe(404);
    expect((await client.get(paths.publicList(f.A.slug))).body).not.toContain('Noch im Aufbau');
  });

  it('a closed or not yet open questionnaire refuses answers with a clear page; the list and start page say so', async () => {
    const closed = await make(f.A, { title: 'Alte Befragung', state: 'closed' });
    const passed = await make(f.A, { title: 'Abgelaufene Befragung', closesAt: '2026-02-01T00:00:00.000Z' });
    const upcoming = await make(f.A, { title: 'Kommende Befragung', opensAt: '2026-04-01T08:00:00.000Z' });
    const open = await make(f.A, { title: 'Laufende Befragung', closesAt: '2026-05-01T00:00:00.000Z' });
    const client = new Client(env);
    for (const def of [closed, passed]) {
      const res = await client.post(paths.publicAnswer(f.A.slug, def.questionnaire.id), { nav: 'start' });
      expect(res.status).toBe(410);
      expect(text(res.body)).toContain('Diese Befragung ist beendet. Antworten sind nicht mehr möglich.');
    }
    const early = await client.post(paths.publicAnswer(f.A.slug, upcoming.questionnaire.id), { nav: 'start' });
    expect(early.status).toBe(403);
    expect(text(early.body)).toContain('Diese Befragung beginnt am 1. April 2026 um 10:00.');
    const startPage = await client.get(paths.publicStart(f.A.slug, upcoming.questionnaire.id));
    expect(startPage.status).toBe(200);
    expect(startPage.body).not.toContain('Befragung beginnen</span>');
    const list = text((await client.get(paths.publicList(f.A.slug))).body);
    expect(list).toContain('Laufende Befragung Mitmachen bis 1. Mai 2026');
    expect(list).toContain('Kommende Befragung Beginnt am 1. April 2026');
    expect(list).toContain('Ergebnisse: Alte Befragung');
    // the municipality's start page invites to the open ones only
    const home = text((await client.get(`/${f.A.slug}`)).body);
    expect(home).toContain('Ihre Meinung ist gefragt');
    expect(home).toContain('Laufende Befragung');
    expect(home).not.toContain('Kommende Befragung');
    expect(home).not.toContain('Alte Befragung');
    expect(open.questionnaire.state).toBe('published');
  });

  it('the cleanup job deletes expired drafts and drafts of closed questionnaires', async () => {
    const def = await make(f.B);
    const closing = await make(f.B, { closesAt: '2026-03-05T00:00:00.000Z' });
    for (const d of [def, closing]) {
      const walker = new Walker(new Client(env), paths.publicAnswer(f.B.slug, d.questionnaire.id));
      await walker.post({ nav: 'start' });
      expect((await walker.post({ section: String(d.sections[0].id), nav: 'later' })).status).toBe(200);
    }
    const count = async (id: number) => (await env.db.kysely.selectFrom('questionnaire_drafts').select('id').where('questionnaire_id', '=', id).execute()).length;
    await env.services.jobs.runDueJobs(new Date('2026-03-02T01:00:00Z'));
    expect([await count(def.questionnaire.id), await count(closing.questionnaire.id)]).toEqual([1, 1]);
    await env.services.jobs.runDueJobs(new Date('2026-03-06T01:00:00Z'));
    expect([await count(def.questionnaire.id), await count(closing.questionnaire.id)]).toEqual([1, 0]);
    await env.services.jobs.runDueJobs(new Date('2026-04-01T01:00:00Z'));
    expect(await count(def.questionnaire.id)).toBe(0);
  });

  it('shows the texts in the reader\'s language where translated, German elsewhere', async () => {
    const def = await make(f.A);
    const q = qs(def);
    const hash = (s: string) => createHash('sha256').update(s).digest('hex');
    const tr = (entity_type: string, entity_id: number, field: string, german: string, t: string) => ({ municipality_id: f.A.municipalityId, entity_type, entity_id, field, lang: 'en', text: t, source_hash: hash(german), updated_at: '2026-03-01T00:00:00Z' });
    await env.db.kysely.insertInto('translations').values([
      tr('questionnaire', def.questionnaire.id, 'title', def.questionnaire.title, 'Living together 2026'),
      tr('questionnaire_question', q.besucht.id, 'text', q.besucht.text, 'Have you attended a language course?'),
      tr('questionnaire_option', q.besucht.options[0].id, 'label', 'Ja', 'Yes'),
      // made from a German text that has changed since: not shown
      tr('questionnaire_option', q.besucht.options[1].id, 'label', 'Nein, nie', 'No, never'),
    ]).execute();
    const client = new Client(env);
    const start = await client.get(`${paths.publicStart(f.A.slug, def.questionnaire.id)}?lang=en`);
    expect(text(start.body)).toContain('Living together 2026');
    const page = text((await client.post(paths.publicAnswer(f.A.slug, def.questionnaire.id), { nav: 'start' })).body);
    expect(page).toContain('Have you attended a language course?');
    expect(page).toContain('Yes');
    // untranslated or outdated: German
    expect(page).toContain('Nein');
    expect(page).not.toContain('No, never');
    expect(page).toContain('Welche Angebote kennen Sie?');
  });

  describe('the officer', () => {
    it('an actor representative may neither preview nor type in paper answers (403), nothing stored', async () => {
      const def = await make(f.A);
      const q = qs(def);
      const user = await env.services.auth.createUser({ email: 'vertretung@amstadt.example', name: 'Vertretung', password: PASSWORD });
      await env.services.auth.addMembership(f.A.municipalityId, user, 'actor_rep');
      const rep = new Client(env);
      await rep.signIn('vertretung@amstadt.example', PASSWORD);
      expect((await rep.get(paths.adminPreview(f.A.slug, def.questionnaire.id))).status).toBe(403);
      expect((await rep.post(paths.adminPreview(f.A.slug, def.questionnaire.id), { nav: 'start', state: '{}' })).status).toBe(403);
      expect((await rep.get(paths.adminPaper(f.A.slug, def.questionnaire.id))).status).toBe(403);
      const res = await rep.post(paths.adminPaper(f.A.slug, def.questionnaire.id), { key: 'vertretung-0001-abcdef', [`q${q.besucht.id}`]: opt(q.besucht, 'Nein') });
      expect(res.status).toBe(403);
      expect(await env.services.questionnaires.responses(f.A.municipalityId, def.questionnaire.id)).toBe(0);
    });

    it('previews every page without storing anything; only with the permission, only in their municipality', async () => {
      const def = await make(f.A, { state: 'draft' });
      const q = qs(def);
      const admin = new Client(env);
      await admin.signIn(f.A.adminEmail, PASSWORD);
      const preview = paths.adminPreview(f.A.slug, def.questionnaire.id);
      const before = await env.db.kysely.selectFrom('questionnaire_drafts').select('id').execute();
      const start = await admin.get(preview);
      expect(start.status).toBe(200);
      expect(text(start.body)).toContain('Vorschau');
      let res = await admin.post(preview, { nav: 'start', state: '{}' });
      expect(text(res.body)).toContain('Seite 1 von 3');
      const state = () => /name="state" value="([^"]*)"/.exec(res.body)![1].replace(/&quot;/g, '"');
      res = await admin.post(preview, { state: state(), section: String(q.sprache.id), nav: 'next', [`q${q.besucht.id}`]: opt(q.besucht, 'Ja') });
      expect(text(res.body)).toContain('Seite 2 von 4');
      res = await admin.post(preview, { state: state(), section: String(q.kurs.id), nav: 'next' });
      expect(res.status).toBe(400);
      res = await admin.post(preview, { state: state(), section: String(q.kurs.id), nav: 'next', [`q${q.zufrieden.id}`]: '5' });
      res = await admin.post(preview, { state: state(), section: String(q.wuensche.id), nav: 'next' });
      expect(text(res.body)).toContain('Ihre Antworten prüfen');
      res = await admin.post(preview, { state: state(), section: '0', nav: 'submit' });
      expect(res.status).toBe(200);
      expect(text(res.body)).toContain('nichts wurde gespeichert');
      expect(await env.db.kysely.selectFrom('questionnaire_drafts').select('id').execute()).toEqual(before);
      expect(await env.services.questionnaires.responses(f.A.municipalityId, def.questionnaire.id)).toBe(0);

      // not signed in: to the sign-in; another municipality's admin: 404; bad input: an unknown questionnaire
      const anon = await new Client(env).post(preview, { nav: 'start', state: '{}' });
      expect(anon.status).toBe(303);
      expect(anon.location).toMatch(/^\/anmelden/);
      const adminB = new Client(env);
      await adminB.signIn(f.B.adminEmail, PASSWORD);
      expect((await adminB.post(paths.adminPreview(f.B.slug, def.questionnaire.id), { nav: 'start', state: '{}' })).status).toBe(404);
      expect((await admin.post(paths.adminPreview(f.A.slug, 999999), { nav: 'start', state: '{}' })).status).toBe(404);
      // a broken state is read as no answers
      expect((await admin.post(preview, { state: '{"1":', section: '0', nav: 'back' })).status).toBe(200);
    });

    it('types in a paper answer: marked paper, stored once per sheet, audited without its content', async () => {
      const def = await make(f.A);
      const q = qs(def);
      const admin = new Client(env);
      await admin.signIn(f.A.adminEmail, PASSWORD);
      const paper = paths.adminPaper(f.A.slug, def.questionnaire.id);
      const form = await admin.get(paper);
      expect(form.status).toBe(200);
      // all sections on one page, conditions named
      for (const s of ['Sprache', 'Zum Kurs', 'Wünsche', 'Nur beantworten, wenn']) expect(text(form.body)).toContain(s);
      const key = /name="key" value="([^"]+)"/.exec(form.body)![1];
      const sheet = { key, [`q${q.besucht.id}`]: opt(q.besucht, 'Nein'), [`q${q.wunsch.id}`]: 'Geheimer Wunsch auf Papier' };
      const first = await admin.post(paper, sheet);
      expect(first.status).toBe(303);
      const second = await admin.post(paper, sheet);
      expect(second.status).toBe(303);
      const responses = await env.db.kysely.selectFrom('questionnaire_responses').selectAll().where('questionnaire_id', '=', def.questionnaire.id).execute();
      expect(responses.map((r) => r.source)).toEqual(['paper']);
      const audit = await env.db.kysely.selectFrom('audit_log').selectAll().where('action', '=', 'questionnaire.paper_response').execute();
      expect(audit.length).toBeGreaterThan(0);
      for (const a of audit) expect(JSON.stringify(a)).not.toContain('Geheimer Wunsch');
    });
  });
});
