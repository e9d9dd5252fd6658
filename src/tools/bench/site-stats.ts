/**
 * What the benchmark measures in a built site: case pages out, total size,
 * the Pagefind index (size and records), and the weight of a case page
 * (gzipped HTML, shared CSS gzipped, JavaScript a case page loads).
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

/** Total bytes of the files under a directory (0 if it does not exist). */
export function dirSize(dir: string): number {
  if (!existsSync(dir)) return 0;
  let total = 0;
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true }) as import('node:fs').Dirent[]) {
    if (entry.isFile()) total += statSync(join(entry.parentPath, entry.name)).size;
  }
  return total;
}

/** Slugs of the built case pages (`arenden/<slug>/index.html`). */
export function casePageSlugs(outDir: string): string[] {
  const dir = join(outDir, 'arenden');
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(dir, d.name, 'index.html')))
    .map((d) => d.name)
    .sort();
}

/** Records in the Pagefind index (sum over languages), or null when there is no index. */
export function pagefindRecords(outDir: string): number | null {
  const entry = join(outDir, 'pagefind', 'pagefind-entry.json');
  if (!existsSync(entry)) return null;
  const json = JSON.parse(readFileSync(entry, 'utf8')) as { languages?: Record<string, { page_count?: number }> };
  return Object.values(json.languages ?? {}).reduce((sum, l) => sum + (l.page_count ?? 0), 0);
}

/** Site-relative asset references in a page: stylesheets and scripts (external and inline). */
export function pageAssets(html: string): { css: string[]; scripts: string[]; inlineScriptBytes: number } {
  const css = [...html.matchAll(/<link\b[^>]*rel="stylesheet"[^>]*>/g)]
    .map((m) => /href="([^"]+)"/.exec(m[0])?.[1] ?? '')
    .filter(Boolean);
  const scripts: string[] = [];
  let inlineScriptBytes = 0;
  for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)) {
    const attrs = m[1] ?? '';
    if (/type="application\/(ld\+)?json"/.test(attrs)) continue; // data, not code
    const src = /src="([^"]+)"/.exec(attrs)?.[1];
    if (src) scripts.push(src);
    else inlineScriptBytes += Buffer.byteLength(m[2] ?? '');
  }
  return { css, scripts, inlineScriptBytes };
}

export interface PageWeights {
  /** Gzipped HTML bytes of the case pages: median and largest over the sample. */
  caseHtmlGzMedian: number;
  caseHtmlGzMax: number;
  /** Gzipped bytes of the stylesheets a case page loads. */
  sharedCssGz: number;
  /** Bytes of JavaScript any sampled case page loads (external + inline); must be 0. */
  caseJsBytes: number;
}

/** Resolves a site path (possibly under a base) to a file in the output directory. */
function assetFile(outDir: string, href: string, base: string): string {
  const path = href.startsWith(base) ? href.slice(base.length) : href.replace(/^\//, '');
  return join(outDir, path.split(/[?#]/)[0]!);
}

/** Page weights over up to `sample` case pages spread through the site. */
export function pageWeights(outDir: string, slugs: string[], sample = 200, base = '/'): PageWeights {
  const step = Math.max(1, Math.floor(slugs.length / sample));
  const sizes: number[] = [];
  const cssFiles = new Set<string>();
  let js = 0;
  for (let i = 0; i < slugs.length; i += step) {
    const html = readFileSync(join(outDir, 'arenden', slugs[i]!, 'index.html'));
    sizes.push(gzipSync(html, { level: 9 }).length);
    const assets = pageAssets(html.toString('utf8'));
    for (const c of assets.css) cssFiles.add(assetFile(outDir, c, base));
    for (const s of assets.scripts) {
      const f = assetFile(outDir, s, base);
      js += existsSync(f) ? statSync(f).size : 0;
    }
    js += assets.inlineScriptBytes;
  }
  sizes.sort((a, b) => a - b);
  let css = 0;
  for (const f of cssFiles) if (existsSync(f)) css += gzipSync(readFileSync(f), { level: 9 }).length;
  return {
    caseHtmlGzMedian: sizes.length ? sizes[Math.floor(sizes.length / 2)]! : 0,
    caseHtmlGzMax: sizes.length ? sizes[sizes.length - 1]! : 0,
    sharedCssGz: css,
    caseJsBytes: js,
  };
}
