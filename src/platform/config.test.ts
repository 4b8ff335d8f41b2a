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

  it('hashes passwords at full cost outside tests; only tests may make it cheaper', () => {
    expect(loadConfig({}).passwordHashCost).toBe(15);
    expect(loadConfig({ NODE_ENV: 'test', PASSWORD_HASH_COST: '10' }).passwordHashCost).toBe(10);
    expect(() => loadConfig({ NODE_ENV: 'production', PASSWORD_HASH_COST: '10' })).toThrow(/PASSWORD_HASH_COST: darf nur in Tests/);
    expect(() => loadConfig({ PASSWORD_HASH_COST: '14' })).toThrow(/PASSWORD_HASH_COST: darf nur in Tests/);
    expect(() => loadConfig({ NODE_ENV: 'test', PASSWORD_HASH_COST: '9' })).toThrow(/PASSWORD_HASH_COST/);
  });
});
