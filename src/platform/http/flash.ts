// The flash message travels to the next page in a cookie, sealed (AES-256-GCM with the instance's key): a
// message may name a person ("Willkommen, Erika Mustermann."), and a cookie is stored and logged by browsers
// and proxies, so it carries nothing readable, and nothing forged or altered is shown.
import { seal, unseal } from './seal.js';

export function sealFlash(key: Buffer, message: string, maxChars = 300): string {
  return seal(key, message.slice(0, maxChars));
}

/** The message, or null for a cookie that was not sealed with this key (forged, altered, or malformed). */
export function openFlash(key: Buffer, sealed: string, maxBytes = 2048): string | null {
  return unseal(key, sealed, maxBytes)?.toString('utf8') ?? null;
}
