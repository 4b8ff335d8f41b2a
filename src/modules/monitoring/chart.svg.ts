// Makes an ECharts SVG fit a page whose Content-Security-Policy forbids inline styles: <style> elements go,
// every style="" becomes presentation attributes (fill=, font-size= …) or is dropped, and the root <svg>
// becomes one image with a name (role="img", aria-labelledby pointing at the chart's text summary).

/** CSS properties that SVG also knows as presentation attributes; everything else in a style is dropped. */
const PRESENTATION = new Set([
  'fill', 'fill-opacity', 'fill-rule', 'stroke', 'stroke-width', 'stroke-opacity', 'stroke-dasharray', 'stroke-dashoffset',
  'stroke-linecap', 'stroke-linejoin', 'stroke-miterlimit', 'opacity', 'font-family', 'font-size', 'font-style',
  'font-weight', 'text-anchor', 'dominant-baseline', 'visibility', 'paint-order', 'display',
]);

const escapeAttr = (v: string) => v.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

function unescapeAttr(v: string): string {
  return v.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

/** The attributes a style="" stands for, leaving out what the element already sets itself. */
function styleToAttributes(style: string, existing: Set<string>): string {
  const out: string[] = [];
  for (const decl of unescapeAttr(style).split(';')) {
    const colon = decl.indexOf(':');
    if (colon < 0) continue;
    const prop = decl.slice(0, colon).trim().toLowerCase();
    const value = decl.slice(colon + 1).trim();
    if (!PRESENTATION.has(prop) || !value || existing.has(prop) || /url\(|expression|javascript:/i.test(value)) continue;
    existing.add(prop);
    out.push(`${prop}="${escapeAttr(value)}"`);
  }
  return out.join(' ');
}

function rewriteTag(tag: string): string {
  const names = new Set([...tag.matchAll(/\s([a-zA-Z_:][-a-zA-Z0-9_:.]*)=/g)].map((m) => m[1].toLowerCase()));
  return tag
    .replace(/\sstyle=("([^"]*)"|'([^']*)')/g, (_all, _q, dq: string | undefined, sq: string | undefined) => {
      const attrs = styleToAttributes(dq ?? sq ?? '', names);
      return attrs ? ` ${attrs}` : '';
    })
    // ECharts' hover classes and metadata mean nothing without its script and <style>.
    .replace(/\s(ecmeta_[a-z_]+|class)=("[^"]*"|'[^']*')/g, '');
}

export interface SvgA11y {
  /** id of the element (the chart's text summary) that names the image */
  labelledBy: string;
  /** a title inside the SVG, for when the SVG is used on its own (report, download) */
  title: string;
}

/** A clean, named, style-free SVG string. */
export function cleanSvg(svg: string, a11y: SvgA11y): string {
  let out = svg
    .replace(/<style[\s\S]*?<\/style>/gi, '')
    .replace(/<script[\s\S]*?<\/script>/gi, '')
    .replace(/<[a-zA-Z][^<>]*>/g, rewriteTag);
  out = out.replace(/<svg\b([^>]*)>/, (_m, attrs: string) =>
    `<svg${attrs} role="img" aria-labelledby="${escapeAttr(a11y.labelledBy)}" focusable="false" class="chart-svg"><title>${escapeAttr(a11y.title)}</title>`,
  );
  return out.replace(/\n\s*\n/g, '\n');
}
