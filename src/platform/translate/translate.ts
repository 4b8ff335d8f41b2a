// Machine translation behind one interface, with adapters for DeepL (API v2) and LibreTranslate. Only ever
// used for drafts a person reviews before anything is published. Configured by URL and key (config.ts).
export type ProviderKind = 'deepl' | 'libretranslate';

export interface TranslationProvider {
  /** The provider's name, recorded with every draft it wrote. */
  readonly name: string;
  /** The texts from German into `target` (an interface language code), in the same order. */
  translate(texts: string[], target: string): Promise<string[]>;
}

/** Why a provider gave no translation: not reachable, key refused, quota used up, or any other answer. */
export type TranslateFailure = 'unreachable' | 'rejected' | 'quota' | 'failed';

export class TranslateError extends Error {
  constructor(
    readonly reason: TranslateFailure,
    detail: string,
  ) {
    super(`machine translation ${reason}: ${detail}`);
  }
}

export interface ProviderSettings {
  kind: ProviderKind;
  url: string;
  key: string;
  timeoutMs?: number;
}

// DeepL's target codes where they differ from the interface languages.
const DEEPL_TARGET: Record<string, string> = { en: 'EN-GB', pt: 'PT-PT' };
const BATCH = 50;

async function post(url: string, headers: Record<string, string>, body: unknown, timeoutMs: number): Promise<unknown> {
  let res: Response;
  try {
    res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body), signal: AbortSignal.timeout(timeoutMs) });
  } catch (e) {
    throw new TranslateError('unreachable', (e as Error).message);
  }
  if (res.status === 401 || res.status === 403) throw new TranslateError('rejected', `HTTP ${res.status}`);
  // DeepL answers 456 when the quota is used up; both answer 429 when asked too often.
  if (res.status === 456 || res.status === 429) throw new TranslateError('quota', `HTTP ${res.status}`);
  if (!res.ok) throw new TranslateError('failed', `HTTP ${res.status}`);
  try {
    return await res.json();
  } catch {
    throw new TranslateError('failed', 'not JSON');
  }
}

function strings(value: unknown, n: number): string[] {
  if (!Array.isArray(value) || value.length !== n || !value.every((v) => typeof v === 'string')) throw new TranslateError('failed', 'unexpected answer');
  return value as string[];
}

export function deeplProvider(s: ProviderSettings): TranslationProvider {
  const endpoint = new URL('/v2/translate', s.url).toString();
  return {
    name: 'DeepL',
    async translate(texts, target) {
      const out: string[] = [];
      for (let i = 0; i < texts.length; i += BATCH) {
        const chunk = texts.slice(i, i + BATCH);
        const body = await post(endpoint, { authorization: `DeepL-Auth-Key ${s.key}` }, { text: chunk, source_lang: 'DE', target_lang: DEEPL_TARGET[target] ?? target.toUpperCase() }, s.timeoutMs ?? 30000);
        const list = (body as { translations?: Array<{ text?: unknown }> }).translations;
        out.push(...strings(Array.isArray(list) ? list.map((t) => t?.text) : null, chunk.length));
      }
      return out;
    },
  };
}

export function libreTranslateProvider(s: ProviderSettings): TranslationProvider {
  const endpoint = new URL('translate', s.url.endsWith('/') ? s.url : `${s.url}/`).toString();
  return {
    name: 'LibreTranslate',
    async translate(texts, target) {
      const out: string[] = [];
      for (let i = 0; i < texts.length; i += BATCH) {
        const chunk = texts.slice(i, i + BATCH);
        const body = await post(endpoint, {}, { q: chunk, source: 'de', target, format: 'text', ...(s.key ? { api_key: s.key } : {}) }, s.timeoutMs ?? 30000);
        out.push(...strings((body as { translatedText?: unknown }).translatedText, chunk.length));
      }
      return out;
    },
  };
}

/** The configured provider, or null when machine translation is not set up. */
export function translationProvider(s: ProviderSettings | null): TranslationProvider | null {
  if (!s) return null;
  return s.kind === 'deepl' ? deeplProvider(s) : libreTranslateProvider(s);
}
