// Static assets ship with the package: KERN's CSS and fonts from node_modules, our own CSS from public/.
// No CDN, no network: files are read once, compressed once (brotli and gzip), and linked with their content's
// hash (`?v=`), so that a linked asset may be kept a year: a changed file gets another address.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import zlib from 'node:zlib';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const kernDist = path.join(path.dirname(require.resolve('@kern-ux/native/package.json')), 'dist');
const publicDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../public');

const TYPES: Record<string, string> = {
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.woff2': 'font/woff2',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
};

// Only files that exist are remembered: names that do not exist are answered from the disk each time, so that
// requests for made-up names cannot grow the process.
export interface Asset {
  body: Buffer;
  type: string;
  /** The content's hash (16 hex digits): the `v` of the asset's address. */
  version: string;
  /** Compressed once, for text assets (fonts are compressed already). */
  br: Buffer | null;
  gzip: Buffer | null;
}

const cache = new Map<string, Asset>();

/** Maps an asset path to a file; only names inside the two folders, never "..". */
function locate(asset: string): string | null {
  if (!/^[a-zA-Z0-9._/-]+$/.test(asset) || asset.includes('..')) return null;
  if (asset === 'kern.min.css') return path.join(kernDist, 'kern.min.css');
  if (asset.startsWith('fonts/')) return path.join(kernDist, asset);
  return path.join(publicDir, asset);
}

export function readAsset(asset: string): Asset | null {
  const cached = cache.get(asset);
  if (cached) return cached;
  const file = locate(asset);
  const type = file ? TYPES[path.extname(file)] : undefined;
  if (!file || !type || !fs.existsSync(file) || !fs.statSync(file).isFile()) return null;
  const body = fs.readFileSync(file);
  const text = /^(text\/|image\/svg)/.test(type);
  const found: Asset = {
    body, type, version: createHash('sha256').update(body).digest('hex').slice(0, 16),
    br: text ? zlib.brotliCompressSync(body, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }) : null,
    gzip: text ? zlib.gzipSync(body, { level: 9 }) : null,
  };
  cache.set(asset, found);
  return found;
}

/** An asset's address with its content's hash, for pages to link. */
export function assetUrl(asset: string): string {
  const found = readAsset(asset);
  return found ? `/assets/${asset}?v=${found.version}` : `/assets/${asset}`;
}

/** How many assets are held in memory (the files that exist and were asked for). */
export function cachedAssetCount(): number {
  return cache.size;
}
