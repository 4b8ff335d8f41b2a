import { describe, expect, it } from 'vitest';
import { loadConfig } from './config.js';

describe('config', () => {
  it('reads trusted proxies as addresses and networks, and refuses anything else', () => {
    expect(loadConfig({}).trustedProxies).toEqual([]);
    expect(loadConfig({ TRUSTED_PROXIES: '127.0.0.1, 10.0.0.0/8,fd00::/8' }).trustedProxies).toEqual(['127.0.0.1', '10.0.0.0/8', 'fd00::/8']);
    for (const wrong of ['localhost', '10.0.0.0/33', '1.2.3', '10.0.0.0/8/1']) {
      expect(() => loadConfig({ TRUSTED_PROXIES: wrong })).toThrow(/TRUSTED_PROXIES: muss eine durch Kommas getrennte Liste/);
    }
  });

  it('makes cookies Secure in production and behind https, unless told otherwise', () => {
    expect(loadConfig({}).secureCookies).toBe(false);
    expect(loadConfig({ NODE_ENV: 'production' }).secureCookies).toBe(true);
    expect(loadConfig({ PUBLIC_URL: 'https://teilhabe.example' }).secureCookies).toBe(true);
    expect(loadConfig({ PUBLIC_URL: 'https://teilhabe.example', SECURE_COOKIES: 'false' }).secureCookies).toBe(false);
  });
});
