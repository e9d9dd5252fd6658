/**
 * What the benchmark measures in a built site: case pages out, total size,
 * the Pagefind index (size and records), and the weight of a case page
 * (gzipped HTML, shared CSS gzipped, JavaScript a case page loads).
 */
import { existsSync, lstatSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

/** Total bytes of the files under a directory (0 if it does not exist). */
export function dirSize(dir: string): number {
  return diskUsage([dir]).bytes;
}

export interface DiskUsage {
  /** Sum of the files' sizes. */
  bytes: number;
  /** Blocks allocated on disk, as `du` counts them (st_blocks × 512; a hard-linked file once). */
  allocated: number;
  files: number;
}

/** Files under the given directories (missing ones count 0), as sizes and as blocks on disk. */
export function diskUsage(dirs: string[]): DiskUsage {
  const seen = new Set<string>();
  const usage: DiskUsage = { bytes: 0, allocated: 0, files: 0 };
  for (const dir of dirs) {
    if (!existsSync(dir)) continue;
    for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true }) as import('node:fs').Dirent[]) {
      const stat = lstatSync(join(entry.parentPath, entry.name));
      const id = `${stat.dev}:${stat.ino}`;
      if (seen.has(id)) continue;
      seen.add(id);
      usage.allocated += stat.blocks * 512;
      if (entry.isFile()) {
        usage.bytes += stat.size;
        usage.files++;
      }
    }
  }
  return usage;
}

/**
 * The Pagefind indexes in a built site: every directory holding a
 * `pagefind-entry.json` (one today, `pagefind/`; several when the index is
 * sharded), with their records (page_count summed over languages) and bytes.
 * Looks at most `depth` directories down, skipping the case pages.
 */
export function pagefindIndexes(outDir: string, depth = 3): { dir: string; records: number; bytes: number }[] {
  const found: { dir: string; records: number; bytes: number }[] = [];
  const visit = (dir: string, level: number) => {
    let entries: import('node:fs').Dirent[];
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    if (entries.some((e) => e.isFile() && e.name === 'pagefind-entry.json')) {
      const json = JSON.parse(readFileSync(join(dir, 'pagefind-entry.json'), 'utf8')) as {
        languages?: Record<string, { page_count?: number }>;
      };
      const records = Object.values(json.languages ?? {}).reduce((sum, l) => sum + (l.page_count ?? 0), 0);
      found.push({ dir, records, bytes: dirSize(dir) });
    }
    if (level >= depth) return;
    for (const e of entries)
      if (e.isDirectory() && !(level === 0 && e.name === 'arenden')) visit(join(dir, e.name), level + 1);
  };
  visit(outDir, 0);
  return found.sort((a, b) => a.dir.localeCompare(b.dir));
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

/** Records in the site's Pagefind indexes (sum over indexes and languages), or null when there is none. */
export function pagefindRecords(outDir: string): number | null {
  const indexes = pagefindIndexes(outDir);
  return indexes.length === 0 ? null : indexes.reduce((sum, i) => sum + i.records, 0);
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
