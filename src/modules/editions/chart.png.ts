// Charts for Word: Word shows SVG only beside a PNG fallback, so the report embeds a PNG rendered with resvg. resvg
// reads fonts from files only, and KERN ships Noto Sans as WOFF, so the font is unpacked once into the temporary
// directory; Noto Sans Arabic comes as TrueType with its package. System fonts are not loaded, so the chart looks
// the same on every server.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import { woffToSfnt } from '../exports/index.js';

const require = createRequire(import.meta.url);
const NOTO_SANS = require.resolve('@kern-ux/native/dist/fonts/noto-sans/NotoSans-Regular.woff');
const NOTO_SANS_ARABIC = require.resolve('@expo-google-fonts/noto-sans-arabic/400Regular/NotoSansArabic_400Regular.ttf');

let fontFile: string | undefined;

function chartFont(): string {
  if (fontFile) return fontFile;
  const sfnt = woffToSfnt(readFileSync(NOTO_SANS));
  const dir = join(tmpdir(), 'teilhabe-fonts');
  const file = join(dir, `NotoSans-Regular-${createHash('sha256').update(sfnt).digest('hex').slice(0, 12)}.ttf`);
  if (!existsSync(file)) {
    mkdirSync(dir, { recursive: true });
    // Written under another name first, so that a second process never reads half a file.
    const partial = `${file}.${process.pid}.part`;
    writeFileSync(partial, sfnt);
    renameSync(partial, file);
  }
  fontFile = file;
  return file;
}

const fonts = () => ({ loadSystemFonts: false, fontFiles: [chartFont(), NOTO_SANS_ARABIC], defaultFontFamily: 'Noto Sans' });

/** The chart as PNG at `scale` times its SVG size, with its pixel size. */
export function svgToPng(svg: string, scale = 2): { png: Buffer; width: number; height: number } {
  const width = Number(/<svg[^>]*\swidth="(\d+(?:\.\d+)?)"/.exec(svg)?.[1] ?? 640);
  const resvg = new Resvg(svg, { fitTo: { mode: 'width', value: Math.round(width * scale) }, background: '#ffffff', font: fonts() });
  const image = resvg.render();
  return { png: image.asPng(), width: image.width, height: image.height };
}
