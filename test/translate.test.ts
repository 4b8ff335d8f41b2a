import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FAKE_KEY, startFakeTranslator, type FakeTranslator } from './translate.fake.js';
import { deeplProvider, libreTranslateProvider, TranslateError } from '../src/platform/translate/translate.js';

describe('machine translation adapters against a translation service over HTTP', () => {
  let fake: FakeTranslator;
  beforeAll(async () => {
    fake = await startFakeTranslator();
  });
  afterAll(() => fake.close());

  it('DeepL: /v2/translate with the DeepL-Auth-Key header, DeepL target codes, the texts in order', async () => {
    fake.failWith(null);
    const p = deeplProvider({ kind: 'deepl', url: fake.url, key: FAKE_KEY });
    expect(await p.translate(['Arbeit', 'Sprache'], 'en')).toEqual(['[tr:EN-GB] Arbeit', '[tr:EN-GB] Sprache']);
    expect(await p.translate(['Arbeit'], 'ar')).toEqual(['[tr:AR] Arbeit']);
    const last = fake.requests.at(-1)!;
    expect(last.path).toBe('/v2/translate');
    expect(last.auth).toBe(`DeepL-Auth-Key ${FAKE_KEY}`);
    expect(last.body).toMatchObject({ source_lang: 'DE', target_lang: 'AR', text: ['Arbeit'] });
  });

  it('LibreTranslate: /translate with api_key, source de, the texts in order; many texts go in batches', async () => {
    fake.failWith(null);
    const p = libreTranslateProvider({ kind: 'libretranslate', url: fake.url, key: FAKE_KEY });
    const texts = Array.from({ length: 120 }, (_, i) => `Text ${i}`);
    const out = await p.translate(texts, 'tr');
    expect(out).toHaveLength(120);
    expect(out[119]).toBe('[tr:tr] Text 119');
    expect(fake.requests.at(-1)!.body).toMatchObject({ source: 'de', target: 'tr', api_key: FAKE_KEY, format: 'text' });
  });

  it('a refused key, a used-up quota, an error answer and an unreachable service are told apart', async () => {
    const reason = async (f: () => Promise<unknown>) => {
      try {
        await f();
        return 'ok';
      } catch (e) {
        return e instanceof TranslateError ? e.reason : 'other';
      }
    };
    fake.failWith(null);
    expect(await reason(() => deeplProvider({ kind: 'deepl', url: fake.url, key: 'wrong' }).translate(['a'], 'en'))).toBe('rejected');
    expect(await reason(() => libreTranslateProvider({ kind: 'libretranslate', url: fake.url, key: 'wrong' }).translate(['a'], 'en'))).toBe('rejected');
    fake.failWith(456);
    expect(await reason(() => deeplProvider({ kind: 'deepl', url: fake.url, key: FAKE_KEY }).translate(['a'], 'en'))).toBe('quota');
    fake.failWith(429);
    expect(await reason(() => libreTranslateProvider({ kind: 'libretranslate', url: fake.url, key: FAKE_KEY }).translate(['a'], 'en'))).toBe('quota');
    fake.failWith(500);
    expect(await reason(() => libreTranslateProvider({ kind: 'libretranslate', url: fake.url, key: FAKE_KEY }).translate(['a'], 'en'))).toBe('failed');
    fake.failWith(null);
    const down = await startFakeTranslator();
    const url = down.url;
    await down.close();
    expect(await reason(() => deeplProvider({ kind: 'deepl', url, key: FAKE_KEY }).translate(['a'], 'en'))).toBe('unreachable');
  });
});
