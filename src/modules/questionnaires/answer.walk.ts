// A resident's way through the answering pages, carried from page to page in one sealed hidden field: the
// answers so far, the page, the access code that opened it and the walk's secret token. Nothing is written while
// a resident answers; only "continue later" stores a draft (found again by the token's hash through the personal
// link), and the submit stores the response (its key is made from the token, so the same walk sent twice is
// stored once). Sealed with the instance's key for this purpose only: it can be neither read nor altered in the
// browser, and a walk of one questionnaire or municipality is refused by any other.
import { randomBytes } from 'node:crypto';
import { sealJson, unsealJson } from '../../platform/http/seal.js';
import type { Answers } from './questionnaire.model.js';

export const WALK_PURPOSE = 'questionnaire-walk';
/** The longest sealed walk taken (answers of a long questionnaire with long free texts fit many times). */
export const MAX_WALK_BYTES = 512 * 1024;

export interface Walk {
  /** The municipality and questionnaire it belongs to. */
  m: number;
  q: number;
  /** The walk's secret: the response's submission key and the draft's personal link are made from it. */
  t: string;
  /** The access code that opened it (spent when the response is stored). */
  c: number | null;
  /** The draft saved for "continue later", once there is one. */
  d: number | null;
  /** The answers so far. */
  a: Answers;
  /** The page reached: a section's id, 0 for the review. */
  p: number;
  /** The last day it is taken (ISO date-time of that day's start, as a draft's expiry). */
  e: string;
}

export const newWalkToken = () => randomBytes(24).toString('base64url');

export function sealWalk(key: Buffer, walk: Walk): string {
  return sealJson(key, WALK_PURPOSE, walk);
}

/** The walk sealed in `raw` for this municipality and questionnaire and not yet expired, or null. */
export function openWalk(key: Buffer, raw: string | undefined, municipalityId: number, questionnaireId: number, now: Date): Walk | null {
  if (!raw) return null;
  const w = unsealJson(key, WALK_PURPOSE, raw, MAX_WALK_BYTES) as Partial<Walk> | null;
  if (!w || typeof w !== 'object' || w.m !== municipalityId || w.q !== questionnaireId) return null;
  if (typeof w.t !== 'string' || typeof w.e !== 'string' || typeof w.p !== 'number' || !w.a || typeof w.a !== 'object') return null;
  if (new Date(w.e).getTime() <= now.getTime()) return null;
  return { m: w.m, q: w.q, t: w.t, c: typeof w.c === 'number' ? w.c : null, d: typeof w.d === 'number' ? w.d : null, a: w.a, p: w.p, e: w.e };
}
