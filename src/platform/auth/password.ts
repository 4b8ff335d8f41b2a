// scrypt from node:crypto (DESIGN allows argon2id or scrypt): no native addon, the same on every Node version.
import { randomBytes, scrypt as scryptCb, timingSafeEqual, type ScryptOptions } from 'node:crypto';

/** scrypt's cost as log2 of N: 2^15 with r = 8 is 32 MiB and about 0.1 s a derivation (config PASSWORD_HASH_COST). */
export const PASSWORD_HASH_COST = 15;
const PARAMS = { r: 8, p: 1, maxmem: 64 * 1024 * 1024 } as const;
const KEYLEN = 64;

function scrypt(password: string, salt: Buffer, keylen: number, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scryptCb(password.normalize('NFKC'), salt, keylen, options, (err, key) => (err ? reject(err) : resolve(key))),
  );
}

/** A new hash; its cost is stored with it, so a hash keeps verifying when the configured cost changes. */
export async function hashPassword(password: string, cost: number = PASSWORD_HASH_COST): Promise<string> {
  const salt = randomBytes(16);
  const N = 2 ** cost;
  const key = await scrypt(password, salt, KEYLEN, { ...PARAMS, N });
  return `scrypt$${N}$${PARAMS.r}$${PARAMS.p}$${salt.toString('base64')}$${key.toString('base64')}`;
}

// A hash of nothing anyone knows, made once per cost: an unknown address (or an account without a password) is
// checked against it, so that sign-in takes the same time whether or not the address exists.
const decoys = new Map<number, Promise<string>>();

/** Checks a password against a stored hash; without one, does the same work against a decoy of `cost`. */
export async function verifyPassword(password: string, stored: string | null, cost: number = PASSWORD_HASH_COST): Promise<boolean> {
  if (!stored) {
    let decoy = decoys.get(cost);
    if (!decoy) decoys.set(cost, (decoy = hashPassword(randomBytes(16).toString('base64'), cost)));
    await verifyPassword(password, await decoy);
    return false;
  }
  const [scheme, n, r, p, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64');
  const key = await scrypt(password, Buffer.from(salt, 'base64'), expected.length, {
    N: Number(n), r: Number(r), p: Number(p), maxmem: PARAMS.maxmem,
  });
  return key.length === expected.length && timingSafeEqual(key, expected);
}

/** A password that is readable aloud: printed once at first start. */
export function generatePassword(): string {
  const alphabet = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  const bytes = randomBytes(20);
  return Array.from(bytes, (b) => alphabet[b % alphabet.length]).join('').replace(/(.{5})(?!$)/g, '$1-');
}
