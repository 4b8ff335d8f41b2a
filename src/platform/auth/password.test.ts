import { describe, expect, it, vi } from 'vitest';

// Counts the key derivations the password check runs; the derivation itself is the real one.
const derivations = vi.hoisted(() => ({ count: 0 }));
vi.mock('node:crypto', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:crypto')>();
  return {
    ...real,
    scrypt: (...args: Parameters<typeof real.scrypt>) => {
      derivations.count++;
      return (real.scrypt as (...a: unknown[]) => void)(...args);
    },
  };
});

// The test setup has loaded the app once already; load this file again, with the counting derivation.
vi.resetModules();
const { hashPassword, verifyPassword } = await import('./password.js');

describe('password check', () => {
  it('accepts the right password and refuses a wrong one', async () => {
    const stored = await hashPassword('richtig');
    expect(await verifyPassword('richtig', stored)).toBe(true);
    expect(await verifyPassword('falsch', stored)).toBe(false);
  });

  it('does the same work for an unknown address as for a known one, so timing tells nothing', async () => {
    const stored = await hashPassword('richtig');
    await verifyPassword('egal', null); // the first call makes the decoy hash once
    derivations.count = 0;
    expect(await verifyPassword('falsch', stored)).toBe(false);
    const known = derivations.count;
    derivations.count = 0;
    expect(await verifyPassword('falsch', null)).toBe(false);
    expect(derivations.count).toBe(known);
    expect(known).toBe(1);
  });
});
