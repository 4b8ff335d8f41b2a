// The shape every feature module has: one manifest, exported from the module's index.ts. The platform knows
// this shape and nothing of any module; the list in src/modules.ts says which modules make up the app.
import type { Hono } from 'hono';
import type { Child } from 'hono/jsx';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { Writer } from './audit/audit.js';
import type { AuditedWrites } from './audit/audited.js';
import type { AuthService, CurrentUser } from './auth/auth.service.js';
import type { Permission } from './auth/permissions.js';
import type { Clock } from './clock.js';
import type { Config } from './config.js';
import type { Db } from './db/db.js';
import type { Database } from './db/schema.js';
import type { AppEnv } from './http/env.js';
import type { Ctx } from './http/kit.js';
import type { ContentTextsLoader } from './i18n/content.js';
import type { Lang, Locale } from './i18n/i18n.js';
import type { JobHandler, HandlerOptions, JobQueue } from './jobs/jobs.js';
import type { Mailer } from './mail/mailer.js';
import type { Municipality } from './tenancy.js';
import type { SearchService } from './search/search.service.js';
import type { LinkItem, NavEntry } from './views/nav.js';
import type { PageContext } from './views/page.js';

export type { LinkItem, NavEntry } from './views/nav.js';

/** What the platform gives every module's service builder. */
export interface Platform {
  config: Config;
  db: Db;
  kysely: Kysely<Database>;
  clock: Clock;
  jobs: JobQueue;
  mailer: Mailer;
  audit: AuditedWrites;
  search: SearchService;
  auth: AuthService;
  /** Loads the reviewed translations of a page's content texts (one query a page). */
  content: ContentTextsLoader;
  /** Every module of the app, in order (the demo data walks them). */
  modules: readonly ModuleManifest[];
}

/**
 * The services of all modules, by name. Each module adds its own entries by declaration merging in its
 * index.ts (`declare module '../../platform/module.js' { interface ModuleServices { plans: PlanService } }`).
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface ModuleServices {}

export type { Writer } from './audit/audit.js';

export type Services = Pick<Platform, 'auth' | 'search' | 'jobs' | 'mailer' | 'audit' | 'content'> & ModuleServices;

/** Places on a page where other modules add links: the slot's owner declares it with its subject type. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface LinkSlots {}
/** Places on a page where other modules add a section of their own (monitoring: funding on the measure page). */
export interface SectionSlots {
  /** At the top of every page of a municipality, for a reader who chose Leichte Sprache (admin: an admin page). */
  'layout.easy': { admin: boolean };
}

export type LinkContributions = { [K in keyof LinkSlots]?: (ctx: PageContext, subject: LinkSlots[K]) => LinkItem[] };
export type SectionContributions = { [K in keyof SectionSlots]?: (c: Ctx, subject: SectionSlots[K]) => Promise<Child | null> };

/** What a module's routes receive once, at registration. */
export interface RouteContext {
  services: Services;
  config: Config;
  clock: Clock;
  slots: Slots;
  /** Signs a person in on this response (a new session), as the password sign-in does: for other ways in (SSO). */
  startSession(c: Ctx, userId: number): Promise<void>;
  /** Every module's part of the open API (manifest `api`), in module order. */
  api: ApiContribution[];
}

export interface Slots {
  links<K extends keyof LinkSlots>(slot: K, ctx: PageContext, subject: LinkSlots[K]): LinkItem[];
  sections<K extends keyof SectionSlots>(slot: K, c: Ctx, subject: SectionSlots[K]): Promise<Child[]>;
}

/** One public text of a content row that can be translated, with where it is shown. */
export interface TranslatableText {
  entityType: string;
  entityId: number;
  field: string;
  /** The German text, as it is now. */
  source: string;
  /** What the row is, in its own words ("1.2 Sprachkurse für Eltern"), for the translator. */
  name: string;
  /** The public page that shows it, or null. */
  link: string | null;
}

/** A kind of translatable texts a module declares: listed per municipality, without the lister knowing the module. */
export interface TranslatableSource {
  /** Its heading on the translation screen (an interface string key). */
  label: string;
  /** The interface string key of each field's name, by "entityType.field". */
  fields: Record<string, string>;
  list(municipalityId: number, slug: string): Promise<TranslatableText[]>;
}

export interface ModuleManifest {
  name: string;
  /** The module's strings: its own top-level keys, merged deeply into the interface's resources. */
  locales?: Record<Lang, Locale>;
  nav?: NavEntry[];
  /** Builds the module's services from the platform and the services of the modules listed before it. */
  services?(platform: Platform, before: Services): Partial<ModuleServices>;
  /** The module's routes as a Hono sub-app, mounted at the root; tenancy and the admin gate run before it. */
  routes?(context: RouteContext): Hono<AppEnv>;
  /** Routes outside any municipality (the instance admin), mounted before tenancy. */
  instanceRoutes?(context: RouteContext): Hono<AppEnv>;
  jobs?(services: Services): Record<string, { run: JobHandler; options?: HandlerOptions }>;
  links?: LinkContributions;
  /** Sections the module adds to other modules' pages, given the services once. */
  sections?(services: Services): SectionContributions;
  /** Where a signed-in person lands on the admin area's front page, when it is not the overview. */
  adminLanding?(user: CurrentUser, role: string | null, slug: string): string | null;
  /** The module's public texts that can be translated (see i18n/content.ts for how pages show them). */
  translatable?(services: Services): TranslatableSource[];
  /**
   * The module's resources in the open API (/api/v1/{slug}/…): read endpoints, write operations for personal
   * tokens, and script-free embed views; collected from every module by the module that serves the API.
   */
  api?(services: Services): ApiContribution;
  /** Routes served before the session (no cookie is read or set): the open API. Given every module's `api`. */
  apiRoutes?(context: RouteContext): Hono<AppEnv>;
  /**
   * Address prefixes followed by a municipality's slug (`/api/v1/` → `/api/v1/musterstadt/…`) whose public GET
   * answers (200, an ETag, `public, max-age=…`, no cookie) the app keeps in memory like public pages, under the
   * municipality's content version.
   */
  keptPrefixes?: readonly string[];
  /** Adds the module's part of the demo municipality (called in module order). */
  demo?(services: Services, demo: DemoContext): Promise<void>;
}

export interface DemoContext {
  municipalityId: number;
  /** Who the demo data is written by, in the audit log. */
  by: { userId: null; name: string };
}

// ---- the open API ---------------------------------------------------------------------------------------

/** What a read or write of the open API is given: the municipality of the path and the validated parameters. */
export interface ApiRequest<P = Record<string, unknown>, Q = Record<string, unknown>> {
  municipality: Municipality;
  params: P;
  query: Q;
  /** The app's public URL (links in answers, e.g. to a measure's public page). */
  publicUrl: string;
}

/** A page of a list: the items of the page and how many there are in all (the API adds `next` links). */
export interface ApiPage<T = unknown> {
  items: T[];
  total: number;
}

/**
 * A read endpoint: published content only, the same answer for everyone (no token is looked at). `path` is
 * below /api/v1/{slug} in OpenAPI's form ('/measures/{measureId}'); parameters ending in Id are positive integers.
 * A `list` is paginated (`limit`, `offset`); its `query` names its filters.
 */
export interface ApiRead {
  operationId: string;
  path: string;
  tag: string;
  summary: string;
  description?: string;
  kind: 'item' | 'list';
  query?: z.ZodObject;
  /** The schema of the answer (of one item for a list), named in the document's components. */
  schema: z.ZodType;
  schemaName: string;
  run(req: ApiRequest<Record<string, number | string>, Record<string, unknown>> & { limit: number; offset: number }): Promise<unknown>;
}

/** A write operation for personal tokens: allowed when the token's role (and its creator's) has `permission`. */
export interface ApiWrite {
  operationId: string;
  method: 'post' | 'patch';
  path: string;
  tag: string;
  summary: string;
  permission: Permission;
  body: z.ZodType;
  bodyName: string;
  schema: z.ZodType;
  schemaName: string;
  /** Answers the written resource; a NotFoundError is 404, an InvalidInputError 422 with its field errors. */
  run(req: ApiRequest<Record<string, number | string>> & { body: unknown; by: Writer }): Promise<{ status: 200 | 201; body: unknown }>;
}

/** A script-free view for the municipality's own website (/{slug}/einbetten/{name}), shown in an iframe. */
export interface EmbedView {
  /** The interface string key of its name (the settings page lists the embeds with their iframe code). */
  label: string;
  /** The full public page the view stands for (its "more" link). */
  page(slug: string): string;
  /** The view's content in the reader's language, or null when there is nothing to show (404). */
  render(c: Ctx): Promise<Child | null>;
}

export interface ApiContribution {
  reads?: ApiRead[];
  writes?: ApiWrite[];
  embeds?: Record<string, EmbedView>;
}
