// A machine translation service in the test process (node:http on 127.0.0.1, a free port) that speaks both wire
// formats: DeepL's /v2/translate (header "Authorization: DeepL-Auth-Key …", { text: [...], target_lang }) and
// LibreTranslate's /translate ({ q, target, api_key }). It answers "[tr:<target>] <text>" and keeps each request.
// `failWith(status)` makes the next requests fail; `close()` stops it.
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export const FAKE_KEY = 'test-key';

export interface FakeTranslator {
  url: string;
  requests: Array<{ path: string; auth: string | undefined; body: Record<string, unknown> }>;
  failWith(status: number | null): void;
  /** Env overrides for createTestEnv / startServer. */
  env(kind: 'deepl' | 'libretranslate'): Record<string, string>;
  close(): Promise<void>;
}

const readBody = (req: IncomingMessage) =>
  new Promise<string>((resolve, reject) => {
    let data = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (data += chunk));
    req.on('end', () => resolve(data));
    req.on('error', reject);
  });

export async function startFakeTranslator(): Promise<FakeTranslator> {
  let failure: number | null = null;
  const requests: FakeTranslator['requests'] = [];
  const server: Server = createServer(async (req, res) => {
    const body = JSON.parse((await readBody(req)) || '{}') as Record<string, unknown>;
    requests.push({ path: req.url ?? '', auth: req.headers.authorization, body });
    const send = (status: number, payload: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(payload));
    };
    if (failure !== null) return send(failure, { message: 'failure' });
    if (req.method === 'POST' && req.url === '/v2/translate') {
      if (req.headers.authorization !== `DeepL-Auth-Key ${FAKE_KEY}`) return send(403, { message: 'Forbidden' });
      const texts = body.text as string[];
      return send(200, { translations: texts.map((t) => ({ detected_source_language: 'DE', text: `[tr:${String(body.target_lang)}] ${t}` })) });
    }
    if (req.method === 'POST' && req.url === '/translate') {
      if (body.api_key !== FAKE_KEY) return send(403, { error: 'Invalid API key' });
      const q = body.q as string | string[];
      const one = (t: string) => `[tr:${String(body.target)}] ${t}`;
      return send(200, { translatedText: Array.isArray(q) ? q.map(one) : one(q) });
    }
    send(404, { error: 'not found' });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    requests,
    failWith: (status) => (failure = status),
    env: (kind) => ({ MT_PROVIDER: kind, MT_URL: url, MT_KEY: FAKE_KEY }),
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
