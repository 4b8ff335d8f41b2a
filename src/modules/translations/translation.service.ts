// Content translations per language: what is missing, outdated, a draft or current; saving a language's texts
// all at once (a text marked reviewed is recorded with who reviewed it, when); machine drafts from the
// configured provider, never shown publicly before a person's review.
import type { Kysely } from 'kysely';
import type { AuditedWrites } from '../../platform/audit/audited.js';
import type { Writer } from '../../platform/audit/audit.js';
import type { Database } from '../../platform/db/schema.js';
import { PermanentJobError, type JobContext, type JobQueue } from '../../platform/jobs/jobs.js';
import { InvalidInputError } from '../../platform/http/errors.js';
import { sourceHash } from '../../platform/i18n/content.js';
import { LANGUAGES, type Lang } from '../../platform/i18n/i18n.js';
import type { TranslatableSource, TranslatableText } from '../../platform/module.js';
import { TranslateError, type TranslationProvider } from '../../platform/translate/translate.js';
import type { FieldErrors, FormValues } from '../../platform/views/page.js';
import { deleteText, listStored, storedKey, upsertText, type StoredText, type TextWrite } from './translation.repository.js';

export type TextState = 'missing' | 'outdated' | 'draft' | 'current';
export const TEXT_STATES: readonly TextState[] = ['missing', 'outdated', 'draft', 'current'];
/** The languages content is translated into: every interface language but German, the source. */
export const TARGET_LANGS = LANGUAGES.filter((l) => l !== 'de') as Exclude<Lang, 'de'>[];
export const isTargetLang = (v: string): v is Exclude<Lang, 'de'> => (TARGET_LANGS as string[]).includes(v);

export const MAX_TEXT = 20000;

export interface TextRow extends TranslatableText {
  /** The form field's name part: unique per text. */
  key: string;
  sourceLabel: string;
  fieldLabel: string;
  state: TextState;
  text: string;
  /** The German the stored translation was made from, when it differs from today's. */
  oldSource: string | null;
  origin: string | null;
  provider: string;
  reviewer: string | null;
  reviewedAt: string | null;
}

export interface LanguageCounts {
  lang: Exclude<Lang, 'de'>;
  counts: Record<TextState, number>;
}

/** Whether a stored translation fits today's German, is a draft, or is missing. */
export function stateOf(source: string, stored: Pick<StoredText, 'text' | 'state' | 'source_hash'> | undefined): TextState {
  if (!stored || !stored.text.trim()) return 'missing';
  if (stored.state === 'draft') return 'draft';
  return stored.source_hash === sourceHash(source) ? 'current' : 'outdated';
}

const formKey = (t: { entityType: string; entityId: number; field: string }) => `${t.entityType}_${t.entityId}_${t.field}`;

export type MachineFailure = TranslateError['reason'] | 'none';
const MACHINE_FAILURES: readonly MachineFailure[] = ['unreachable', 'rejected', 'quota', 'failed', 'none'];

export class MachineTranslationError extends Error {
  constructor(readonly reason: MachineFailure) {
    super(`machine:${reason}`);
  }
}

/** The job that fetches a language's machine drafts: a whole language can take the provider minutes. */
export const JOB_MACHINE_DRAFTS = 'translation.machineDrafts';

interface MachineJob {
  lang: string;
  slug: string;
  by: Writer;
}

/** Where a language's machine drafts stand: being prepared, or the last request failed (and why). */
export interface MachineStatus {
  preparing: boolean;
  failed: MachineFailure | null;
}

export class TranslationService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly audit: AuditedWrites,
    private readonly sources: () => TranslatableSource[],
    readonly provider: TranslationProvider | null,
    private readonly jobs: JobQueue,
  ) {}

  /** Every translatable text of the municipality, with its kind's and field's labels. */
  private async texts(municipalityId: number, slug: string) {
    const out: Array<TranslatableText & { key: string; sourceLabel: string; fieldLabel: string }> = [];
    for (const s of this.sources()) {
      for (const item of await s.list(municipalityId, slug)) {
        out.push({ ...item, key: formKey(item), sourceLabel: s.label, fieldLabel: s.fields[`${item.entityType}.${item.field}`] ?? s.label });
      }
    }
    return out;
  }

  /** Per language: how many texts are missing, outdated, drafts, current. */
  async overview(municipalityId: number, slug: string): Promise<LanguageCounts[]> {
    const [texts, stored] = await Promise.all([this.texts(municipalityId, slug), listStored(this.db, municipalityId, null)]);
    const byLang = new Map<string, Map<string, StoredText>>();
    for (const s of stored) {
      if (!byLang.has(s.lang)) byLang.set(s.lang, new Map());
      byLang.get(s.lang)!.set(storedKey(s), s);
    }
    return TARGET_LANGS.map((lang) => {
      const counts: Record<TextState, number> = { missing: 0, outdated: 0, draft: 0, current: 0 };
      const mine = byLang.get(lang) ?? new Map<string, StoredText>();
      for (const t of texts) counts[stateOf(t.source, mine.get(`${t.entityType}:${t.entityId}:${t.field}`))]++;
      return { lang, counts };
    });
  }

  /** Every text with its translation into `lang`. */
  async rows(municipalityId: number, slug: string, lang: string): Promise<TextRow[]> {
    const [texts, stored] = await Promise.all([this.texts(municipalityId, slug), listStored(this.db, municipalityId, lang)]);
    const byKey = new Map(stored.map((s) => [storedKey(s), s]));
    return texts.map((t) => {
      const s = byKey.get(`${t.entityType}:${t.entityId}:${t.field}`);
      const state = stateOf(t.source, s);
      return {
        ...t, state, text: s?.text ?? '',
        oldSource: s && s.source_hash !== sourceHash(t.source) && s.source_text && s.source_text !== t.source ? s.source_text : null,
        origin: s?.origin ?? null, provider: s?.provider ?? '', reviewer: s?.reviewer ?? null, reviewedAt: s?.reviewed_at ?? null,
      };
    });
  }

  /**
   * Saves the texts of one language at once. Each posted text: `t_<key>` its translation, `h_<key>` the hash of
   * the German it was shown beside, `r_<key>` = "1" when the person marks it reviewed. Emptied: removed. All or
   * nothing: a text too long names its field and nothing is written. Returns how many texts changed.
   */
  async save(municipalityId: number, slug: string, lang: string, values: FormValues, by: Writer): Promise<number> {
    const rows = await this.rows(municipalityId, slug, lang);
    const stored = new Map((await listStored(this.db, municipalityId, lang)).map((s) => [storedKey(s), s]));
    const posted = rows.filter((r) => `t_${r.key}` in values);
    const errors: FieldErrors = {};
    for (const r of posted) if ((values[`t_${r.key}`] ?? '').length > MAX_TEXT) errors[`t_${r.key}`] = `errors.tooLongMax|max=${MAX_TEXT}`;
    if (Object.keys(errors).length) throw new InvalidInputError(errors);
    const reviewed: string[] = [];
    return this.audit.write(
      municipalityId,
      by,
      () => ({ action: 'translation.save', entityType: 'translation', after: { lang, reviewed } }),
      async ({ trx, now }) => {
        let changed = 0;
        for (const r of posted) {
          const s = stored.get(`${r.entityType}:${r.entityId}:${r.field}`);
          // Browsers send a textarea's line breaks as CRLF.
          const text = (values[`t_${r.key}`] ?? '').replace(/\r\n?/g, '\n').trim();
          if (!text) {
            if (s) {
              await deleteText(trx, municipalityId, s.id);
              changed++;
            }
            continue;
          }
          const currentHash = sourceHash(r.source);
          // The German the person saw: if it changed meanwhile, the translation stays made from the older one.
          const shownHash = /^[0-9a-f]{64}$/.test(values[`h_${r.key}`] ?? '') ? values[`h_${r.key}`]! : currentHash;
          const shownSource = shownHash === currentHash ? r.source : (s?.source_text ?? '');
          const markReviewed = values[`r_${r.key}`] === '1' || values[`r_${r.key}`] === 'on';
          const sameText = s !== undefined && s.text === text;
          if (sameText && s.state === 'reviewed' && (r.state === 'outdated' ? !markReviewed : markReviewed)) continue;
          if (sameText && s.state === 'draft' && !markReviewed) continue;
          if (!markReviewed && sameText && r.state === 'outdated') continue;
          const keepsMachine = sameText && s.origin === 'machine';
          await upsertText(
            trx,
            municipalityId,
            s?.id ?? null,
            {
              entityType: r.entityType, entityId: r.entityId, field: r.field, lang, text,
              sourceHash: markReviewed || !sameText ? shownHash : s.source_hash,
              sourceText: markReviewed || !sameText ? shownSource : s.source_text,
              state: markReviewed ? 'reviewed' : 'draft',
              origin: keepsMachine ? 'machine' : 'person',
              provider: keepsMachine ? s.provider : '',
              reviewedBy: markReviewed ? by.userId : null,
              reviewedAt: markReviewed ? now : null,
            },
            now,
          );
          if (markReviewed) reviewed.push(`${r.entityType}:${r.entityId}:${r.field}`);
          changed++;
        }
        return changed;
      },
    );
  }

  /**
   * Asks for machine drafts of `lang`: the jobs worker fetches them (machineDrafts), the screen meanwhile says
   * they are being prepared. A request while one is waiting or running adds nothing.
   */
  async requestMachineDrafts(municipalityId: number, slug: string, lang: string, by: Writer): Promise<void> {
    if (!this.provider) throw new MachineTranslationError('none');
    if ((await this.machineStatus(municipalityId, lang)).preparing) return;
    const payload: MachineJob = { lang, slug, by };
    await this.jobs.enqueue(this.db, { kind: JOB_MACHINE_DRAFTS, municipalityId, payload });
  }

  /** The state of the latest request for `lang`'s machine drafts. */
  async machineStatus(municipalityId: number, lang: string): Promise<MachineStatus> {
    const latest = (await this.jobs.recent(municipalityId, JOB_MACHINE_DRAFTS)).find((j) => (j.payload as MachineJob).lang === lang);
    if (!latest) return { preparing: false, failed: null };
    if (latest.state === 'queued' || latest.state === 'running') return { preparing: true, failed: null };
    if (latest.state !== 'failed') return { preparing: false, failed: null };
    const reason = latest.lastError?.replace(/^machine:/, '') as MachineFailure | undefined;
    return { preparing: false, failed: reason && MACHINE_FAILURES.includes(reason) ? reason : 'failed' };
  }

  jobHandlers() {
    return {
      [JOB_MACHINE_DRAFTS]: {
        run: async (job: JobContext) => {
          const { lang, slug, by } = job.payload as MachineJob;
          try {
            await this.machineDrafts(job.municipalityId!, slug, lang, by);
          } catch (e) {
            // A refused key or a used-up quota stays so on the next try; a service away or in error may come back.
            if (e instanceof MachineTranslationError && e.reason !== 'unreachable' && e.reason !== 'failed') throw new PermanentJobError(e.message);
            throw e;
          }
        },
        options: { maxAttempts: 3 },
      },
    };
  }

  /**
   * Fills every missing or outdated text of `lang` with a machine translation, as a draft. The provider is asked
   * before anything is written: when it fails, nothing changes. Returns how many drafts were written.
   */
  async machineDrafts(municipalityId: number, slug: string, lang: string, by: Writer): Promise<number> {
    if (!this.provider) throw new MachineTranslationError('none');
    const open = (await this.rows(municipalityId, slug, lang)).filter((r) => r.state === 'missing' || r.state === 'outdated');
    if (open.length === 0) return 0;
    let texts: string[];
    try {
      texts = await this.provider.translate(open.map((r) => r.source), lang);
    } catch (e) {
      if (e instanceof TranslateError) throw new MachineTranslationError(e.reason);
      throw e;
    }
    const stored = new Map((await listStored(this.db, municipalityId, lang)).map((s) => [storedKey(s), s]));
    const provider = this.provider.name;
    return this.audit.write(municipalityId, by, { action: 'translation.machine', entityType: 'translation', after: { lang, provider, count: open.length } }, async ({ trx, now }) => {
      let written = 0;
      for (const [i, r] of open.entries()) {
        const text = texts[i].trim();
        if (!text) continue;
        await upsertText(
          trx,
          municipalityId,
          stored.get(`${r.entityType}:${r.entityId}:${r.field}`)?.id ?? null,
          { entityType: r.entityType, entityId: r.entityId, field: r.field, lang, text, sourceHash: sourceHash(r.source), sourceText: r.source, state: 'draft', origin: 'machine', provider, reviewedBy: null, reviewedAt: null },
          now,
        );
        written++;
      }
      return written;
    });
  }

  /** Writes translations as given (the demo's); a reviewed one without a reviewer is recorded as reviewed now. */
  async seed(municipalityId: number, writes: TextWrite[], by: Writer): Promise<void> {
    await this.audit.write(municipalityId, by, { action: 'translation.seed', entityType: 'translation', after: { count: writes.length } }, async ({ trx, now }) => {
      for (const w of writes) await upsertText(trx, municipalityId, null, { ...w, reviewedAt: w.state === 'reviewed' ? (w.reviewedAt ?? now) : null }, now);
    });
  }
}
