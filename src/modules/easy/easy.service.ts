// Leichte Sprache texts: written by the officer for a subject (the start page, the plan overview, a field of
// action, a chosen measure, event or questionnaire), checked by the checker while writing, checked by a group of
// test readers (recorded: which group, on which day, recorded by whom), and published. A published text is
// labelled Leichte Sprache only while the checked body is the body shown; after a change the record stays (who
// checked an earlier version, and when) and the text is labelled Einfache Sprache until the next check.
import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Writer } from '../../platform/audit/audit.js';
import type { AuditedWrites } from '../../platform/audit/audited.js';
import type { Database } from '../../platform/db/schema.js';
import { checkVideoUpload } from '../../platform/files/upload.js';
import { InvalidInputError, NotFoundError } from '../../platform/http/errors.js';
import type { Services } from '../../platform/module.js';
import { checkEasyLanguage, DEFAULT_CHECK_OPTIONS, type CheckOptions, type CheckResult } from './checker.js';
import * as repo from './easy.repository.js';

export const SUBJECT_TYPES = ['start', 'plan', 'field', 'measure', 'event', 'questionnaire'] as const;
export type SubjectType = (typeof SUBJECT_TYPES)[number];
export interface Subject {
  type: SubjectType;
  /** 0 for the start page */
  id: number;
}

export const isSubjectType = (v: string): v is SubjectType => (SUBJECT_TYPES as readonly string[]).includes(v);

/** Leichte Sprache (checked by test readers, for this very body) or Einfache Sprache (not, or not since a change). */
export type EasyLabel = 'leichte' | 'einfache';
/** Where a text stands for the officer. */
export type EasyState = 'none' | 'draft' | 'published';

export const VIDEO_MAX_BYTES = 10 * 1024 * 1024;

export interface EasyText {
  id: number;
  subject: Subject;
  title: string;
  body: string;
  published: boolean;
  check: { group: string; on: string; recordedBy: string; current: boolean } | null;
  label: EasyLabel;
  updatedAt: string;
}

export interface SubjectInfo extends Subject {
  /** the subject's own title (a field's name, a measure's number and title); empty for the start page */
  name: string;
  /** whether the public may see the subject itself */
  isPublic: boolean;
}

export interface SubjectRow extends SubjectInfo {
  text: EasyText | null;
  hasVideo: boolean;
}

export interface EasySettings {
  maxWords: number;
  maxWordLength: number;
  /** "Wort: Erklärung", one a line */
  glossary: string;
}

/** "7 Integrationskurs mit Kinderbetreuung" (the start of a long measure text). */
const measureName = (m: { number: string | null; text: string }) => {
  const text = m.text.length > 90 ? `${m.text.slice(0, 89)}…` : m.text;
  return m.number !== null ? `${m.number} ${text}` : text;
};

export const bodyHash = (body: string) => createHash('sha256').update(normalizeBody(body)).digest('hex');
/** Line ends and trailing blanks do not change a text. */
export const normalizeBody = (body: string) => body.replace(/\r\n?/g, '\n').split('\n').map((l) => l.trimEnd()).join('\n').trim();

function toText(row: repo.EasyTextRow): EasyText {
  const current = row.check_group !== null && row.checked_hash === bodyHash(row.body);
  return {
    id: row.id,
    subject: { type: row.subject_type as SubjectType, id: row.subject_id },
    title: row.title,
    body: row.body,
    published: row.is_published === 1,
    check: row.check_group !== null ? { group: row.check_group, on: row.checked_on ?? '', recordedBy: row.check_recorded_by ?? '', current } : null,
    label: current ? 'leichte' : 'einfache',
    updatedAt: row.updated_at,
  };
}

/** A day as typed, "1.3.2026" or "2026-03-01", as YYYY-MM-DD; null when it is no real day. */
export function parseDay(text: string): string | null {
  const t = text.trim();
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(t);
  const german = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(t);
  const parts = iso ? [iso[1], iso[2], iso[3]] : german ? [german[3], german[2], german[1]] : null;
  if (!parts) return null;
  const [y, m, d] = parts;
  const day = `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;
  const date = new Date(`${day}T12:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === day ? day : null;
}

/** The words a glossary explains (the part before the colon of each line). */
export function glossaryWords(glossary: string): string[] {
  return glossary.split('\n').map((l) => l.split(':')[0].trim()).filter(Boolean);
}

export class EasyService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly audit: AuditedWrites,
    private readonly before: Services,
  ) {}

  async settings(municipalityId: number): Promise<EasySettings> {
    const row = await repo.findSettings(this.db, municipalityId);
    return row
      ? { maxWords: row.max_words, maxWordLength: row.max_word_length, glossary: row.glossary }
      : { maxWords: DEFAULT_CHECK_OPTIONS.maxWords, maxWordLength: DEFAULT_CHECK_OPTIONS.maxWordLength, glossary: '' };
  }

  async saveSettings(municipalityId: number, input: EasySettings, by: Writer): Promise<void> {
    const errors: Record<string, string> = {};
    if (!Number.isInteger(input.maxWords) || input.maxWords < 3 || input.maxWords > 40) errors.maxWords = 'easy.errors.maxWords';
    if (!Number.isInteger(input.maxWordLength) || input.maxWordLength < 6 || input.maxWordLength > 40) errors.maxWordLength = 'easy.errors.maxWordLength';
    if (input.glossary.length > 20000) errors.glossary = 'errors.tooLongMax|max=20000';
    if (Object.keys(errors).length) throw new InvalidInputError(errors);
    const before = await this.settings(municipalityId);
    await this.audit.write(municipalityId, by, { action: 'easy.settings', entityType: 'easy_settings', entityId: null, before, after: input }, ({ trx }) =>
      repo.saveSettings(trx, municipalityId, { max_words: input.maxWords, max_word_length: input.maxWordLength, glossary: input.glossary }));
  }

  /** The checker with the municipality's thresholds and glossary. */
  async check(municipalityId: number, body: string): Promise<CheckResult> {
    const s = await this.settings(municipalityId);
    const options: CheckOptions = { maxWords: s.maxWords, maxWordLength: s.maxWordLength, glossary: glossaryWords(s.glossary) };
    return checkEasyLanguage(body, options);
  }

  async findText(municipalityId: number, subject: Subject): Promise<EasyText | null> {
    const row = await repo.findText(this.db, municipalityId, subject);
    return row ? toText(row) : null;
  }

  /** A subject the officer may write for: it must exist in this municipality (404 otherwise). */
  async subject(municipalityId: number, subject: Subject): Promise<SubjectInfo> {
    const s = this.before;
    const isPublic = async (fn: () => Promise<unknown>) => {
      try {
        await fn();
        return true;
      } catch (e) {
        if (e instanceof NotFoundError) return false;
        throw e;
      }
    };
    switch (subject.type) {
      case 'start':
        if (subject.id !== 0) throw new NotFoundError('subject');
        return { ...subject, name: '', isPublic: true };
      case 'plan': {
        const plan = await s.plans.getPlan(municipalityId, subject.id);
        return { ...subject, name: plan.title, isPublic: await isPublic(() => s.plans.getPublicPlan(municipalityId, plan.id)) };
      }
      case 'field': {
        const field = await s.plans.getField(municipalityId, subject.id);
        return { ...subject, name: field.title, isPublic: await isPublic(() => s.plans.getPublicPlan(municipalityId, field.plan_id)) };
      }
      case 'measure': {
        const m = await s.plans.getMeasure(municipalityId, subject.id);
        return { ...subject, name: measureName(m), isPublic: await isPublic(() => s.plans.getPublicPlan(municipalityId, m.plan_id)) };
      }
      case 'event': {
        const e = await s.events.get(municipalityId, subject.id);
        return { ...subject, name: e.title, isPublic: await isPublic(() => s.events.publicEvent(municipalityId, subject.id)) };
      }
      case 'questionnaire': {
        const q = await s.questionnaires.get(municipalityId, subject.id);
        if (!q) throw new NotFoundError('questionnaire');
        return { ...subject, name: q.title, isPublic: q.state !== 'draft' };
      }
    }
  }

  /**
   * The officer's list: the start page, the current plan's overview and its fields always; measures, events and
   * questionnaires once a text was begun for them.
   */
  async subjects(municipalityId: number): Promise<SubjectRow[]> {
    const texts = (await repo.listTexts(this.db, municipalityId)).map(toText);
    const videos = await repo.listVideoHeads(this.db, municipalityId);
    const keyOf = (x: Subject) => `${x.type}:${x.id}`;
    const textOf = new Map(texts.map((t) => [keyOf(t.subject), t]));
    const videoOf = new Set(videos.map((v) => `${v.subject_type}:${v.subject_id}`));
    const wanted: Subject[] = [{ type: 'start', id: 0 }];
    const plan = await this.currentPlan(municipalityId);
    if (plan) {
      wanted.push({ type: 'plan', id: plan.id });
      for (const f of (await this.before.plans.tree(municipalityId, plan.id)).fields) wanted.push({ type: 'field', id: f.id });
    }
    for (const t of texts) if (!wanted.some((w) => keyOf(w) === keyOf(t.subject))) wanted.push(t.subject);
    const rows: SubjectRow[] = [];
    for (const w of wanted) {
      try {
        const info = await this.subject(municipalityId, w);
        rows.push({ ...info, text: textOf.get(keyOf(w)) ?? null, hasVideo: videoOf.has(keyOf(w)) });
      } catch (e) {
        // A text whose subject was deleted is not listed (its measure, event or questionnaire is gone).
        if (!(e instanceof NotFoundError)) throw e;
      }
    }
    return rows;
  }

  /** The plan the public sees, else the newest plan (for the officer's list before publishing). */
  async currentPlan(municipalityId: number) {
    return (await this.before.plans.findCurrentPublishedPlan(municipalityId)) ?? (await this.before.plans.listPlans(municipalityId))[0] ?? null;
  }

  /** Measures, events and questionnaires the officer may choose to write a text for. */
  async choices(municipalityId: number): Promise<Array<{ type: SubjectType; id: number; name: string }>> {
    const out: Array<{ type: SubjectType; id: number; name: string }> = [];
    const plan = await this.currentPlan(municipalityId);
    if (plan) {
      const tree = await this.before.plans.tree(municipalityId, plan.id);
      for (const f of tree.fields) for (const m of [...f.goals.flatMap((g) => g.measures), ...f.furtherMeasures]) out.push({ type: 'measure', id: m.id, name: measureName(m) });
    }
    for (const e of await this.before.events.list(municipalityId)) out.push({ type: 'event', id: e.id, name: e.title });
    for (const q of await this.before.questionnaires.list(municipalityId)) out.push({ type: 'questionnaire', id: q.id, name: q.title });
    return out;
  }

  /** Saves a text (made on its first save). A changed body keeps the test readers' record, which then needs renewing. */
  async save(municipalityId: number, subject: Subject, input: { title: string; body: string }, by: Writer): Promise<number> {
    await this.subject(municipalityId, subject);
    const title = input.title.trim();
    const body = normalizeBody(input.body);
    const errors: Record<string, string> = {};
    if (!title) errors.title = 'errors.textRequired';
    else if (title.length > 200) errors.title = 'errors.tooLongMax|max=200';
    if (body.length > 50000) errors.body = 'errors.tooLongMax|max=50000';
    if (Object.keys(errors).length) throw new InvalidInputError(errors);
    const found = await repo.findText(this.db, municipalityId, subject);
    const entity = { entityType: 'easy_text' };
    if (!found) {
      return this.audit.write(municipalityId, by, (id: number) => ({ action: 'easy.text.create', ...entity, entityId: id, after: { subject, title } }), ({ trx, now }) =>
        repo.insertText(trx, municipalityId, subject, { title, body }, now));
    }
    await this.audit.write(municipalityId, by, { action: 'easy.text.update', ...entity, entityId: found.id, before: { title: found.title, body: found.body }, after: { title, body } }, ({ trx, now }) =>
      repo.updateText(trx, municipalityId, found.id, { title, body }, now));
    return found.id;
  }

  /** Records the check by a group of test readers for the body as it is now. */
  async recordCheck(municipalityId: number, subject: Subject, input: { group: string; on: string }, by: Writer): Promise<void> {
    const found = await this.requireText(municipalityId, subject);
    const group = input.group.trim();
    const errors: Record<string, string> = {};
    if (!group) errors.group = 'errors.textRequired';
    else if (group.length > 200) errors.group = 'errors.tooLongMax|max=200';
    const on = parseDay(input.on);
    if (!on) errors.on = 'easy.errors.date';
    if (!found.body.trim()) errors.group = 'easy.errors.emptyBody';
    if (Object.keys(errors).length) throw new InvalidInputError(errors);
    await this.audit.write(municipalityId, by, { action: 'easy.text.checked', entityType: 'easy_text', entityId: found.id, after: { group, on } }, ({ trx, now }) =>
      repo.updateText(trx, municipalityId, found.id, { check_group: group, checked_on: on, check_recorded_by: by.name, checked_hash: bodyHash(found.body) }, now));
  }

  async setPublished(municipalityId: number, subject: Subject, published: boolean, by: Writer): Promise<void> {
    const found = await this.requireText(municipalityId, subject);
    if (published && !found.body.trim()) throw new InvalidInputError({ body: 'easy.errors.emptyBody' });
    await this.audit.write(municipalityId, by, { action: published ? 'easy.text.publish' : 'easy.text.unpublish', entityType: 'easy_text', entityId: found.id }, ({ trx, now }) =>
      repo.updateText(trx, municipalityId, found.id, { is_published: published ? 1 : 0 }, now));
  }

  private async requireText(municipalityId: number, subject: Subject) {
    const found = await repo.findText(this.db, municipalityId, subject);
    if (!found) throw new NotFoundError('easy text');
    return found;
  }

  /** A text the public may read: published, of a subject the public may see. Anything else is unknown (404). */
  async publicText(municipalityId: number, subject: Subject): Promise<EasyText & { name: string }> {
    const row = await repo.findText(this.db, municipalityId, subject);
    if (!row || row.is_published !== 1) throw new NotFoundError('easy text');
    const info = await this.subject(municipalityId, subject);
    if (!info.isPublic) throw new NotFoundError('easy text');
    return { ...toText(row), name: info.name };
  }

  /** Every text the public may read, the start page's first. */
  async publicTexts(municipalityId: number): Promise<Array<EasyText & { name: string }>> {
    const out: Array<EasyText & { name: string }> = [];
    for (const row of await repo.listTexts(this.db, municipalityId, true)) {
      try {
        const info = await this.subject(municipalityId, { type: row.subject_type as SubjectType, id: row.subject_id });
        if (info.isPublic) out.push({ ...toText(row), name: info.name });
      } catch (e) {
        if (!(e instanceof NotFoundError)) throw e;
      }
    }
    const order = (t: EasyText) => SUBJECT_TYPES.indexOf(t.subject.type);
    return out.sort((a, b) => order(a) - order(b) || a.id - b.id);
  }

  /** Whether a subject has a sign-language video (and its type and size). */
  videoOf(municipalityId: number, subject: Subject) {
    return repo.findVideoHead(this.db, municipalityId, subject);
  }

  /** A video the public may play: of the start page, or of a published text the public may read. */
  async publicVideo(municipalityId: number, subject: Subject) {
    if (subject.type !== 'start') await this.publicText(municipalityId, subject);
    const video = await repo.findVideo(this.db, municipalityId, subject);
    if (!video) throw new NotFoundError('video');
    return video;
  }

  async officerVideo(municipalityId: number, subject: Subject) {
    await this.subject(municipalityId, subject);
    const video = await repo.findVideo(this.db, municipalityId, subject);
    if (!video) throw new NotFoundError('video');
    return video;
  }

  /** Stores (or replaces) a subject's sign-language video: MP4 or WebM by content, at most VIDEO_MAX_BYTES. */
  async uploadVideo(municipalityId: number, subject: Subject, input: { fileName: string; content: Buffer }, by: Writer): Promise<void> {
    await this.subject(municipalityId, subject);
    const checked = checkVideoUpload(input.fileName, input.content, VIDEO_MAX_BYTES);
    if (!checked.ok) throw new InvalidInputError({ file: `easy.video.errors.${checked.error}` });
    await this.audit.write(municipalityId, by, { action: 'easy.video.upload', entityType: 'easy_video', entityId: null, after: { subject, type: checked.type.ext, size: input.content.length } }, ({ trx, now }) =>
      repo.putVideo(trx, municipalityId, subject, { mime_type: checked.type.mime, size: input.content.length, content: input.content, created_by_name: by.name }, now));
  }

  async removeVideo(municipalityId: number, subject: Subject, by: Writer): Promise<void> {
    await this.subject(municipalityId, subject);
    await this.audit.write(municipalityId, by, { action: 'easy.video.delete', entityType: 'easy_video', entityId: null, before: { subject } }, ({ trx }) => repo.deleteVideo(trx, municipalityId, subject));
  }
}
