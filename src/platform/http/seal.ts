// Sealing: data that travels through the browser (a cookie, a hidden form field) encrypted and authenticated
// with AES-256-GCM under the instance's key, so that it can be neither read nor altered on the way. A purpose
// gives each use its own key (HKDF), so that a value sealed for one use is never accepted by another.
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

const IV = 12;
const TAG = 16;

const derived = new WeakMap<Buffer, Map<string, Buffer>>();

/** The key for one purpose ("questionnaire-walk"), derived from the instance's key once. */
export function purposeKey(key: Buffer, purpose: string): Buffer {
  let byPurpose = derived.get(key);
  if (!byPurpose) derived.set(key, (byPurpose = new Map()));
  let k = byPurpose.get(purpose);
  if (!k) byPurpose.set(purpose, (k = Buffer.from(hkdfSync('sha256', key, Buffer.alloc(0), `teilhabe:${purpose}`, 32))));
  return k;
}

/** `plain` sealed: iv, tag and ciphertext in one base64url string. */
export function seal(key: Buffer, plain: Buffer | string): string {
  const iv = randomBytes(IV);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const body = Buffer.concat([cipher.update(typeof plain === 'string' ? Buffer.from(plain, 'utf8') : plain), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url');
}

/** What was sealed with this key, or null for anything forged, altered, malformed or longer than `maxBytes`. */
export function unseal(key: Buffer, sealed: string, maxBytes: number): Buffer | null {
  try {
    if (sealed.length > Math.ceil((maxBytes * 4) / 3) + 4) return null;
    const bytes = Buffer.from(sealed, 'base64url');
    if (bytes.length < IV + TAG || bytes.length > maxBytes) return null;
    const decipher = createDecipheriv('aes-256-gcm', key, bytes.subarray(0, IV));
    decipher.setAuthTag(bytes.subarray(IV, IV + TAG));
    return Buffer.concat([decipher.update(bytes.subarray(IV + TAG)), decipher.final()]);
  } catch {
    return null;
  }
}

/** A JSON value sealed for a purpose. */
export function sealJson(key: Buffer, purpose: string, value: unknown): string {
  return seal(purposeKey(key, purpose), JSON.stringify(value));
}

/** The JSON value sealed for this purpose, or null (see unseal). */
export function unsealJson(key: Buffer, purpose: string, sealed: string, maxBytes: number): unknown {
  const bytes = unseal(purposeKey(key, purpose), sealed, maxBytes);
  if (!bytes) return null;
  try {
    return JSON.parse(bytes.toString('utf8')) as unknown;
  } catch {
    return null;
  }
}
