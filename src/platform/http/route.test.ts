import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { NotFoundError } from './errors.js';
import { idOf, route } from './route.js';

const measure = route('/:slug/verwaltung/massnahmen/:id');
const change = route('/:slug/verwaltung/sachstand/:id/aenderungen/:changeId/annehmen');
const report = route('/:slug/plaene/:id/bericht.:format', { format: ['pdf', 'docx'] });
const link = route('/:slug/sachstand/:token');

/** What `params` returns for a request to `url` routed by `r` (or the error it throws). */
async function paramsOf<P extends string>(r: ReturnType<typeof route<P>>, url: string): Promise<unknown> {
  const app = new Hono();
  let seen: unknown = 'not routed';
  for (const p of r.patterns) {
    app.get(p, (c) => {
      try {
        seen = r.params(c);
      } catch (e) {
        seen = e;
      }
      return c.text('ok');
    });
  }
  await app.request(url);
  return seen;
}

describe('route table', () => {
  it('builds links from the one definition, encoding every part', () => {
    expect(measure('musterstadt', 17)).toBe('/musterstadt/verwaltung/massnahmen/17');
    expect(change('a b', 3, 9)).toBe('/a%20b/verwaltung/sachstand/3/aenderungen/9/annehmen');
    expect(link('x', 'tok/en?')).toBe('/x/sachstand/tok%2Fen%3F');
    expect(report('x', 1, 'pdf')).toBe('/x/plaene/1/bericht.pdf');
  });

  it('gives Hono the pattern, and one pattern per choice inside a segment', () => {
    expect(measure.pattern).toBe('/:slug/verwaltung/massnahmen/:id');
    expect(measure.patterns).toEqual(['/:slug/verwaltung/massnahmen/:id']);
    expect(report.patterns).toEqual(['/:slug/plaene/:id/bericht.pdf', '/:slug/plaene/:id/bericht.docx']);
  });

  it('validates parameters: ids are positive integers, choices are one of their words', async () => {
    expect(await paramsOf(measure, '/m%C3%BCnster/verwaltung/massnahmen/17')).toEqual({ slug: 'münster', id: 17 });
    expect(await paramsOf(change, '/a/verwaltung/sachstand/3/aenderungen/9/annehmen')).toEqual({ slug: 'a', id: 3, changeId: 9 });
    expect(await paramsOf(report, '/a/plaene/2/bericht.docx')).toEqual({ slug: 'a', id: 2, format: 'docx' });
    expect(await paramsOf(link, '/a/sachstand/abc')).toEqual({ slug: 'a', token: 'abc' });
    for (const bad of ['0', '-1', '1.5', '01', '1e3', '99999999999', 'abc']) {
      expect(await paramsOf(measure, `/a/verwaltung/massnahmen/${bad}`), bad).toBeInstanceOf(NotFoundError);
    }
    expect(await paramsOf(report, '/a/plaene/2/bericht.txt')).toBe('not routed');
  });

  it('reads one id of a shared handler the same way', async () => {
    const app = new Hono();
    const seen: unknown[] = [];
    app.get('/r/:participantId', (c) => {
      try {
        seen.push(idOf(c, 'participantId'));
      } catch (e) {
        seen.push(e);
      }
      return c.text('ok');
    });
    await app.request('/r/12');
    await app.request('/r/x1');
    expect(seen[0]).toBe(12);
    expect(seen[1]).toBeInstanceOf(NotFoundError);
  });
});
