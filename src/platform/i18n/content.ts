// Content in the reader's language. German lives in each content row; a translation in `translations` is shown
// only when a person has reviewed it and it was made from the German as it is now (its source hash). Where
// there is none, the German stays, marked lang="de" so that screen readers pronounce it as German, and the page
// says once that some texts are shown in German. Knows no module: a page names the rows and fields it shows.
import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import type { Lang } from './i18n.js';

export const sourceHash = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

/** One text of a content row a page shows: which row and field, and its German. */
export interface TextRef {
  entityType: string;
  entityId: number;
  field: string;
  source: string | null | undefined;
}

const key = (entityType: string, entityId: number, field: string) => `${entityType}:${entityId}:${field}`;

/** The attributes that mark a German text on a page in another language. */
export const GERMAN = { lang: 'de', dir: 'ltr' } as const;

/** The texts of one page in one language: each looked up by row and field, German where none fits. */
export class ContentTexts {
  private readonly german = new Set<string>();

  constructor(
    readonly lang: Lang | string,
    private readonly texts: Map<string, string>,
    refs: TextRef[] = [],
  ) {
    if (lang !== 'de') for (const r of refs) if (r.source?.trim() && !texts.has(key(r.entityType, r.entityId, r.field))) this.german.add(key(r.entityType, r.entityId, r.field));
  }

  /** The text in the reader's language, or the German given. */
  text<S extends string | null | undefined>(entityType: string, entityId: number, field: string, source: S): S | string {
    if (this.lang === 'de' || !source) return source;
    return this.texts.get(key(entityType, entityId, field)) ?? source;
  }

  /** `{ lang: 'de', dir: 'ltr' }` for an element holding a German text on a page in another language, else nothing. */
  attrs(entityType: string, entityId: number, field: string): Partial<typeof GERMAN> {
    return this.german.has(key(entityType, entityId, field)) ? GERMAN : {};
  }

  /** True when a text the page shows is German although the reader chose another language. */
  get fallback(): boolean {
    return this.german.size > 0;
  }

  /** These texts and those of another part of the same page (a section another module adds), together. */
  with(other: ContentTexts | undefined): ContentTexts {
    if (!other || other === this) return this;
    const out = new ContentTexts(this.lang, new Map([...this.texts, ...other.texts]));
    for (const k of [...this.german, ...other.german]) out.german.add(k);
    return out;
  }

  /** The same texts, with the German fallback counted only among these (the texts a page in the end shows). */
  shown(refs: TextRef[]): ContentTexts {
    return new ContentTexts(this.lang, this.texts, refs);
  }
}

export const GERMAN_ONLY = new ContentTexts('de', new Map());

/** Loads the shown translations of a page's texts in one query. */
export class ContentTextsLoader {
  constructor(private readonly db: Kysely<Database>) {}

  async load(municipalityId: number, lang: Lang | string, refs: TextRef[]): Promise<ContentTexts> {
    const wanted = refs.filter((r) => r.source?.trim());
    if (lang === 'de' || wanted.length === 0) return new ContentTexts(lang, new Map(), []);
    const types = [...new Set(wanted.map((r) => r.entityType))];
    const ids = [...new Set(wanted.map((r) => r.entityId))];
    const rows = await this.db
      .selectFrom('translations')
      .select(['entity_type', 'entity_id', 'field', 'text', 'source_hash'])
      .where('municipality_id', '=', municipalityId)
      .where('lang', '=', lang)
      .where('state', '=', 'reviewed')
      .where('entity_type', 'in', types)
      .where('entity_id', 'in', ids)
      .execute();
    const stored = new Map(rows.map((r) => [key(r.entity_type, r.entity_id, r.field), r]));
    const texts = new Map<string, string>();
    for (const r of wanted) {
      const k = key(r.entityType, r.entityId, r.field);
      const t = stored.get(k);
      if (t && t.text.trim() && t.source_hash === sourceHash(r.source!)) texts.set(k, t.text);
    }
    return new ContentTexts(lang, texts, wanted);
  }
}

/** For a view: the attributes of the element that holds a content text (see ContentTexts.attrs). */
export const textLang = (ctx: { content?: ContentTexts | undefined }, entityType: string, entityId: number, field: string): Partial<typeof GERMAN> =>
  ctx.content?.attrs(entityType, entityId, field) ?? {};
