// One route table: a route is defined once by its pattern; the same definition builds its links, gives Hono
// its pattern and validates its parameters (ids are positive integers, everything else a non-empty string).
import type { Context } from 'hono';
import { z } from 'zod';
import { NotFoundError } from './errors.js';

type ParamNames<P extends string> = P extends `${string}:${infer N}/${infer R}`
  ? [N, ...ParamNames<`/${R}`>]
  : P extends `${string}:${infer N}`
    ? [N]
    : [];
type ParamValue<N extends string> = N extends 'id' | `${string}Id` ? number : string;
export type RouteParams<P extends string> = { [N in ParamNames<P>[number]]: ParamValue<N> };
type Args<T extends string[]> = { [K in keyof T]: number | string };
type LinkArgs<P extends string> = Args<ParamNames<P>>;

export interface Route<P extends string> {
  (...args: LinkArgs<P>): string;
  /** Hono's pattern, e.g. "/:slug/verwaltung/massnahmen/:measureId". */
  readonly pattern: P;
  /**
   * The patterns to register: the pattern itself, or one per choice where a parameter is one of a few words
   * inside a path segment ("bericht.:format" with pdf or docx), which Hono's routers cannot all match.
   */
  readonly patterns: string[];
  /** The request's parameters, validated; an id that is not a positive integer is an unknown resource (404). */
  params(c: Context): RouteParams<P>;
}

const PARAM = /:([A-Za-z]+)/g;
const MAX_ID = 2_147_483_647;
const idSchema = z.string().regex(/^[1-9][0-9]{0,9}$/).transform(Number).pipe(z.number().max(MAX_ID));
const textSchema = z.string().min(1);

export function route<P extends string>(pattern: P, choices: Partial<Record<ParamNames<P>[number], readonly [string, ...string[]]>> = {}): Route<P> {
  const names = [...pattern.matchAll(PARAM)].map((m) => m[1]);
  const choiceOf = choices as Record<string, readonly [string, ...string[]] | undefined>;
  const schema = z.object(Object.fromEntries(names.map((n) => [n, choiceOf[n] ? z.enum(choiceOf[n]!) : n === 'id' || n.endsWith('Id') ? idSchema : textSchema])));
  const patterns = Object.entries(choiceOf).reduce<string[]>(
    (list, [name, words]) => list.flatMap((p) => (words ?? []).map((w) => p.replace(`:${name}`, w))),
    [pattern],
  );
  // Parameters are read from the path itself, so that a route registered once per choice reads the same.
  const matcher = new RegExp(`^${pattern.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/:[A-Za-z]+/g, '([^/]+)')}$`);
  const link = (...args: Array<number | string>) => {
    let i = 0;
    return pattern.replace(PARAM, () => encodeURIComponent(String(args[i++])));
  };
  return Object.assign(link, {
    pattern,
    patterns,
    params(c: Context) {
      const values = matcher.exec(c.req.path)?.slice(1).map((v) => safeDecode(v)) ?? [];
      const parsed = schema.safeParse(Object.fromEntries(names.map((n, i) => [n, values[i]])));
      if (!parsed.success) throw new NotFoundError('route parameter');
      return parsed.data as RouteParams<P>;
    },
  }) as unknown as Route<P>;
}

/** One id parameter of the request, validated as every route's ids are (for handlers shared by many routes). */
export function idOf(c: Context, name: string): number {
  const parsed = idSchema.safeParse(c.req.param(name));
  if (!parsed.success) throw new NotFoundError(name);
  return parsed.data;
}

function safeDecode(value: string): string | undefined {
  try {
    return decodeURIComponent(value);
  } catch {
    return undefined;
  }
}
