// The flash message travels to the next page in a cookie, sealed (AES-256-GCM with the instance's key): a
// message may name a person ("Willkommen, Erika Mustermann."), and a cookie is stored and logged by browsers
// and proxies, so it carries nothing readable, and nothing forged or altered is shown.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

const IV = 12;
const TAG = 16;

export function sealFlash(key: Buffer, message: string, maxChars = 300): string {
  const iv = randomBytes(IV);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const body = Buffer.concat([cipher.update(message.slice(0, maxChars), 'utf8'), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url');
}

/** The message, or null for a cookie that was not sealed with this key (forged, altered, or malformed). */
export function openFlash(key: Buffer, sealed: string, maxBytes = 2048): string | null {
  try {
    const bytes = Buffer.from(sealed, 'base64url');
    if (bytes.length < IV + TAG || bytes.length > maxBytes) return null;
    const decipher = createDecipheriv('aes-256-gcm', key, bytes.subarray(0, IV));
    decipher.setAuthTag(bytes.subarray(IV, IV + TAG));
    return Buffer.concat([decipher.update(bytes.subarray(IV + TAG)), decipher.final()]).toString('utf8');
  } catch {
    return null;
  }
}
