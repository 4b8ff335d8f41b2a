// One search interface over two engines: SQLite FTS5 with the trigram tokenizer, PostgreSQL pg_trgm. Both
// answer substring queries ("Sprachkurs" in "Sprachkursangebote") from an index; typos are caught by a
// second pass that looks for near words in the plan's own vocabulary.
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../db/schema.js';
import { allowedTypos, editDistance, queryWords, searchTextOf } from './normalize.js';

type Conn = Kysely<Database> | Transaction<Database>;

export type SearchKind = 'measure' | 'goal' | 'actor' | 'field';

export interface SearchDocument {
  kind: SearchKind;
  refId: number;
  text: string;
}

export interface SearchHits {
  /** ids per kind, best first */
  ids: Record<SearchKind, number[]>;
  /** The words actually searched when the query had typos; null when it matched as typed. */
  correctedWords: string[] | null;
}

const ACTORS_PLAN = 0;

/** A document as a module's source gives it: with the plan it belongs to (0: the municipality's, e.g. actors). */
export interface SourcedDocument extends SearchDocument {
  planId: number;
}

/**
 * Where the documents of some kinds come from. The module that owns the rows registers one: the platform
 * only knows how to store and query documents, not what a measure is.
 */
export interface SearchSource {
  kinds: SearchKind[];
  /** The current documents of these rows; a row that no longer exists simply has none. */
  documents(trx: Conn, municipalityId: number, kind: SearchKind, ids: number[]): Promise<SourcedDocument[]>;
  /** All documents of one plan, for a rebuild in one batch (import, copy, renumbering). */
  planDocuments?(trx: Conn, municipalityId: number, planId: number): Promise<SearchDocument[]>;
}

export class SearchService {
  private readonly sources: SearchSource[] = [];

  constructor(private readonly db: Kysely<Database>) {}

  registerSource(source: SearchSource): void {
    this.sources.push(source);
  }

  /** Rebuilds one plan's documents from the sources that know plans. */
  async rebuildPlan(trx: Conn, municipalityId: number, planId: number): Promise<void> {
    const docs: SearchDocument[] = [];
    for (const source of this.sources) if (source.planDocuments) docs.push(...(await source.planDocuments(trx, municipalityId, planId)));
    await this.indexPlan(trx, municipalityId, planId, docs);
  }

  /**
   * Refreshes exactly these documents: removes their old text and writes the current one. Documents of plans
   * in `rebuilt` are skipped, their plan was rebuilt whole in the same transaction.
   */
  async refresh(trx: Conn, municipalityId: number, refs: Array<{ kind: SearchKind; ids: number[] }>, rebuilt: ReadonlySet<number> = new Set()): Promise<void> {
    for (const { kind, ids } of refs) {
      const source = this.sources.find((s) => s.kinds.includes(kind));
      if (!source || ids.length === 0) continue;
      const docs = (await source.documents(trx, municipalityId, kind, ids)).filter((d) => !rebuilt.has(d.planId));
      await trx.deleteFrom('search_documents').where('municipality_id', '=', municipalityId).where('kind', '=', kind).where('ref_id', 'in', ids).execute();
      for (const [planId, group] of groupByPlan(docs)) await this.insert(trx, municipalityId, planId, group);
    }
  }

  /** Replaces the documents of one plan (measures, goals, fields) in the caller's transaction. */
  async indexPlan(trx: Conn, municipalityId: number, planId: number, docs: SearchDocument[]): Promise<void> {
    await trx.deleteFrom('search_documents').where('municipality_id', '=', municipalityId).where('plan_id', '=', planId).execute();
    await this.insert(trx, municipalityId, planId, docs);
  }

  /** Actors are the municipality's, not a plan's: they live under plan 0. */
  async indexActors(trx: Conn, municipalityId: number, docs: SearchDocument[]): Promise<void> {
    await this.indexPlan(trx, municipalityId, ACTORS_PLAN, docs);
  }

  async removePlan(trx: Conn, municipalityId: number, planId: number): Promise<void> {
    await trx.deleteFrom('search_documents').where('municipality_id', '=', municipalityId).where('plan_id', '=', planId).execute();
  }

  private async insert(trx: Conn, municipalityId: number, planId: number, docs: SearchDocument[]): Promise<void> {
    for (let i = 0; i < docs.length; i += 200) {
      const rows = docs.slice(i, i + 200).map((d) => ({
        municipality_id: municipalityId,
        plan_id: planId,
        kind: d.kind,
        ref_id: d.refId,
        search_text: searchTextOf(d.text),
      }));
      if (rows.length) await trx.insertInto('search_documents').values(rows).execute();
    }
  }

  async search(municipalityId: number, planId: number, query: string): Promise<SearchHits> {
    const words = queryWords(query);
    const empty: SearchHits = { ids: { measure: [], goal: [], actor: [], field: [] }, correctedWords: null };
    if (words.length === 0) return empty;
    const exact = await this.match(municipalityId, planId, words.map((w) => [w]));
    if (Object.values(exact.ids).some((l) => l.length > 0)) return exact;
    const alternatives = await this.nearWords(municipalityId, planId, words);
    if (alternatives.every((a) => a.length === 0)) return empty;
    const corrected = await this.match(municipalityId, planId, alternatives.map((a, i) => (a.length ? a : [words[i]])));
    return { ...corrected, correctedWords: alternatives.map((a, i) => a[0] ?? words[i]) };
  }

  /** Every word group must match (AND); any word inside a group may (OR). */
  private async match(municipalityId: number, planId: number, groups: string[][]): Promise<SearchHits> {
    // Query words are normalised to letters and digits, so they carry no LIKE wildcards to escape.
    const conditions = groups.map((group) => sql`(${sql.join(group.map((w) => sql`search_text like ${`%${w}%`}`), sql` or `)})`);
    const { rows } = await sql<{ kind: SearchKind; ref_id: number }>`select kind, ref_id from search_documents
      where municipality_id = ${municipalityId} and plan_id in (${planId}, ${ACTORS_PLAN})
        and ${sql.join(conditions, sql` and `)}
      limit 500`.execute(this.db);
    const ids: SearchHits['ids'] = { measure: [], goal: [], actor: [], field: [] };
    for (const r of rows) ids[r.kind]?.push(Number(r.ref_id));
    for (const k of Object.keys(ids) as SearchKind[]) ids[k].sort((a, b) => a - b);
    return { ids, correctedWords: null };
  }

  /** For each query word, the words of the plan within its typo allowance, nearest first. */
  private async nearWords(municipalityId: number, planId: number, words: string[]): Promise<string[][]> {
    const vocabulary = await this.vocabulary(municipalityId, planId);
    return words.map((w) => {
      const max = allowedTypos(w);
      if (max === 0) return [];
      const scored: Array<[string, number]> = [];
      for (const v of vocabulary) {
        // A typo inside the head of a compound ("Sprahkurs" in "sprachkursangebote") counts too.
        const candidate = v.length > w.length + max ? v.slice(0, w.length) : v;
        const d = editDistance(w, candidate, max);
        if (d <= max) scored.push([candidate, d]);
      }
      scored.sort((a, b) => a[1] - b[1] || a[0].localeCompare(b[0]));
      return [...new Set(scored.map(([s]) => s))].slice(0, 5);
    });
  }

  private async vocabulary(municipalityId: number, planId: number): Promise<Set<string>> {
    const rows = await this.db
      .selectFrom('search_documents')
      .select('search_text')
      .where('municipality_id', '=', municipalityId)
      .where('plan_id', 'in', [planId, ACTORS_PLAN])
      .execute();
    const words = new Set<string>();
    for (const r of rows) for (const w of r.search_text.split(' ')) if (w.length >= 4) words.add(w);
    return words;
  }
}

function groupByPlan(docs: SourcedDocument[]): Map<number, SearchDocument[]> {
  const groups = new Map<number, SearchDocument[]>();
  for (const d of docs) {
    const list = groups.get(d.planId) ?? [];
    list.push(d);
    groups.set(d.planId, list);
  }
  return groups;
}
