// Thousands of malformed catalogues through the real upload route and import service: no crash, a German
// message for every refusal, and never a partial write (a failure in the middle of a write rolls it all back).
import fs from 'node:fs';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { paths } from './paths.js';
import { translator } from '../src/platform/i18n/i18n.js';
import { Client, createTestEnv, engines, PASSWORD, seedTwoMunicipalities, type Fixture, type TestEnv } from './support.js';

const fixtures = ['seed-003.txt', 'per-sheet.xlsx', 'one-table.docx', 'windows-1252.csv', 'flattened.txt', 'per-table.docx', 'one-sheet.xlsx'].map((name) => ({
  name,
  bytes: fs.readFileSync(new URL(`./fixtures/import/${name}`, import.meta.url)),
}));

/** A small deterministic generator, so that a failure can be replayed. */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

function* malformed(count: number): Generator<{ name: string; bytes: Buffer }> {
  const r = rng(20261121);
  for (let i = 0; i < count; i++) {
    const base = fixtures[i % fixtures.length];
    const kind = i % 5;
    if (kind === 0) {
      yield { name: base.name, bytes: base.bytes.subarray(0, Math.floor(r() * base.bytes.length)) };
    } else if (kind === 1) {
      const b = Buffer.from(base.bytes);
      for (let k = 0; k < 1 + Math.floor(r() * 20); k++) b[Math.floor(r() * b.length)] = Math.floor(r() * 256);
      yield { name: base.name, bytes: b };
    } else if (kind === 2) {
      yield { name: `zufall-${i}.${['xlsx', 'docx', 'csv', 'txt'][i % 4]}`, bytes: Buffer.from(Array.from({ length: Math.floor(r() * 4000) }, () => Math.floor(r() * 256))) };
    } else if (kind === 3) {
      const cells = ['Nr.', 'Maßnahme', 'Ziel', 'Status', '\t', ';', '\n', '„', '→', 'Handlungsfeld', '12', '', '"', 'Vision:', '•', '<ul>'];
      yield { name: `text-${i}.txt`, bytes: Buffer.from(Array.from({ length: Math.floor(r() * 300) }, () => cells[Math.floor(r() * cells.length)]).join(' ')) };
    } else {
      const text = base.bytes.toString('latin1');
      const at = Math.floor(r() * text.length);
      yield { name: base.name, bytes: Buffer.from(text.slice(0, at) + '\u0000\uFFFF'.repeat(Math.floor(r() * 50)) + text.slice(at), 'latin1') };
    }
  }
}

async function counts(env: TestEnv) {
  const out: number[] = [];
  for (const t of ['plans', 'fields', 'goals', 'measures', 'actors', 'measure_actors', 'progress_notes', 'status_changes', 'audit_log'] as const) {
    out.push(Number((await env.db.kysely.selectFrom(t).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n));
  }
  return out;
}

describe.each(engines)('import fuzz on %s', (engine) => {
  let env: TestEnv;
  let f: Fixture;
  beforeAll(async () => {
    env = await createTestEnv(engine);
    f = await seedTwoMunicipalities(env);
  });
  afterAll(() => env.close());

  it('2,000 malformed files: the service never throws and writes nothing', async () => {
    const before = await counts(env);
    let refused = 0;
    for (const input of malformed(2000)) {
      const result = await env.services.imports.parse(f.A.municipalityId, input.name, input.bytes, {}, translator('de'));
      if (!result.ok) {
        refused++;
        expect(result.errors.length).toBeGreaterThan(0);
        for (const e of result.errors) expect(e.message).toMatch(/[a-zäöüß]/i);
      }
    }
    expect(refused).toBeGreaterThan(1000);
    expect(await counts(env)).toEqual(before);
    // Parsing 2,000 files is work for the CPU, shared with the files running beside this one: in a parallel run
    // on a busy machine it once took longer than the project's 60 s.
  }, 180_000);

  it('200 malformed uploads through the route: 303 to a preview or 400/413 with a message, never 500', async () => {
    const admin = new Client(env);
    await admin.signIn(f.A.adminEmail, PASSWORD);
    const before = await counts(env);
    let i = 0;
    for (const input of malformed(200)) {
      const res = await admin.upload(paths.adminImport(f.A.slug), { target: i++ % 3 === 0 ? String(f.A.planId) : '' }, { file: { name: input.name, content: input.bytes } });
      expect([303, 400, 413], input.name).toContain(res.status);
      if (res.status === 400) expect(res.body).toContain('Es wurde nichts gespeichert.');
    }
    expect(await counts(env)).toEqual(before);
  });

  it('a failure in the middle of writing a plan rolls the whole import back', async () => {
    // A trigger makes the database refuse one measure deep inside the import transaction.
    if (engine === 'sqlite') {
      await sql`create trigger refuse_boom before insert on measures when new.text = 'BOOM' begin select raise(abort, 'boom'); end`.execute(env.db.kysely);
    } else {
      await sql`create function refuse_boom() returns trigger language plpgsql as $$ begin if new.text = 'BOOM' then raise exception 'boom'; end if; return new; end $$`.execute(env.db.kysely);
      await sql`create trigger refuse_boom before insert on measures for each row execute function refuse_boom()`.execute(env.db.kysely);
    }
    const before = await counts(env);
    const plan = await env.services.plans.exchange(f.A.municipalityId, f.A.planId);
    plan.fields[0].furtherMeasures.push({ number: null, text: 'BOOM', actors: [{ name: 'Ganz neuer Träger', role: 'lead', parent: null }], status: { category: 'unknown', label: '', date: null }, notes: [] });
    await expect(env.services.importPlan(f.A.municipalityId, plan, { userId: null, name: 'Test' })).rejects.toThrow(/boom/);
    expect(await counts(env)).toEqual(before);
  });
});
