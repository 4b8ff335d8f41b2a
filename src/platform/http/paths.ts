// The platform's own addresses: the start, signing in and out, assets, and the roots of a municipality's
// public and admin areas. Modules define theirs with the same `route` in their own paths file.
import { assetUrl } from './assets.js';
import { route } from './route.js';

export const platformPaths = {
  home: route('/'),
  signIn: route('/anmelden'),
  signOut: route('/abmelden'),
  /** The signed-in person's own account: their password (accounts module). */
  account: route('/konto'),
  forgotPassword: route('/konto/passwort-vergessen'),
  health: route('/healthz'),
  ready: route('/readyz'),
  accessibility: route('/barrierefreiheit'),
  /** A municipality's own accessibility statement (the accessibility module serves it), linked from every footer. */
  municipalityAccessibility: route('/:slug/barrierefreiheit'),
  /** A static asset's address, with its content's hash: kept a year by browsers and caches. */
  asset: (file: string) => assetUrl(file),
  instanceAdmin: route('/verwaltung'),
  municipality: route('/:slug'),
  admin: route('/:slug/verwaltung'),
  /** The Leichte Sprache start page; `von` names the page the reader came from (the easy-language module). */
  easyLanguage: (slug: string, from?: string) => `/${encodeURIComponent(slug)}/leichte-sprache${from ? `?von=${encodeURIComponent(from)}` : ''}`,
  /** The start page in German Sign Language (the easy-language module). */
  signLanguage: route('/:slug/gebaerdensprache'),
};

/** Segments that can never be a municipality's slug because top-level routes use them. */
export const RESERVED_SLUGS = ['anmelden', 'abmelden', 'verwaltung', 'assets', 'healthz', 'readyz', 'barrierefreiheit', 'konto', 'api', 'favicon.ico', 'robots.txt'];
