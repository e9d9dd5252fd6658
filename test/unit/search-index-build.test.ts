/**
 * The search index step with the real Pagefind, over a tiny site of
 * hand-written case pages (no Astro build): one bundle per shard with
 * Pagefind's own files and rows.json, and after changing one page only that
 * page's shard is written again, every other file kept byte for byte.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fragmentUrls, INDEX_CHUNK_SIZE } from '../../src/postbuild/pagefind-format.ts';
import { buildSearchIndex, summaryLine } from '../../src/postbuild/search-index.ts';
import { readRows, type RowsFile, type ShardsFile, type IndexRow } from '../../src/lib/search/shards.ts';
import { listFiles } from '../helpers/site.ts';

const dir = mkdtempSync(join(tmpdir(), 'insyn-search-index-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const ROWS: IndexRow[] = [
  { slug: 'ny-ang', year: 2024 },
  { slug: 'stod-2019', year: 2019 },
  { slug: 'partnerskap-2020', year: 2020 },
  { slug: 'utan-datum', year: undefined },
  { slug: 'belopp-2021', year: 2021 },
];
const TEXTS: Record<string, string> = {
  'ny-ang': 'Ängarna vid ån sköts av föreningen.',
  'stod-2019': 'Försörjningsstöd till deltagarna.',
  'partnerskap-2020': 'Ett idéburet offentligt partnerskap med kommunen.',
  'utan-datum': 'Beslutsdatum är inte angivet i källan.',
  'belopp-2021': 'Beloppet anges i kronor.',
};

function writePage(slug: string, text: string) {
  mkdirSync(join(dir, 'arenden', slug), { recursive: true });
  writeFileSync(
    join(dir, 'arenden', slug, 'index.html'),
    `<!doctype html><html lang="sv"><head><meta charset="utf-8"><title>${slug}</title></head>` +
      `<body><main data-pagefind-body><h1>${slug}</h1><p>${text}</p></main></body></html>`,
  );
}

/** Every file of the index and a hash of its bytes. */
function snapshot(): Map<string, string> {
  const files = listFiles(join(dir, 'pagefind'));
  return new Map(
    files.map((f) => [
      f,
      createHash('sha1')
        .update(readFileSync(join(dir, 'pagefind', f)))
        .digest('hex'),
    ]),
  );
}

const build = () => buildSearchIndex(dir, ROWS, { cap: 2 });
const manifest = () => JSON.parse(readFileSync(join(dir, 'pagefind/shards.json'), 'utf8')) as ShardsFile;

describe('the sharded search index, built with Pagefind', () => {
  it('writes one Pagefind bundle per shard, with each result id mapped to its row', async () => {
    for (const [slug, text] of Object.entries(TEXTS)) writePage(slug, text);
    const summary = await build();
    expect(summaryLine(summary)).toBe('Sökindex: 5 ärendesidor i 3 delar, 3 byggda om');
    const { shards } = manifest();
    expect(shards.map((s) => [s.bundle.replace(/-[0-9a-f]{12}\/$/, ''), s.pages])).toEqual([
      ['2019-2020', 2],
      ['2021-2024', 2],
      ['utan-ar', 1],
    ]);
    const rowOf = new Map(ROWS.map((r, i) => [r.slug, i]));
    const find = readRows(
      JSON.parse(readFileSync(join(dir, 'pagefind', 'rows.json'), 'utf8')) as RowsFile,
      ROWS.length,
      shards.length,
    );
    shards.forEach(({ bundle, pages }, k) => {
      const files = listFiles(join(dir, 'pagefind', bundle));
      expect(files).toContain('pagefind.js');
      expect(files).toContain('pagefind-entry.json');
      const urls = fragmentUrls(join(dir, 'pagefind', bundle));
      expect(urls.size).toBe(pages);
      for (const [id, url] of urls) expect(find(id), url).toEqual({ row: rowOf.get(url.split('/')[2]!), bundle: k });
    });
  });

  it('re-indexes only the shard of a changed page and keeps every other file as it was', async () => {
    const before = snapshot();
    const old = manifest();
    const unchanged = await build();
    expect(unchanged.rebuilt).toBe(0);
    expect(snapshot()).toEqual(before);

    writePage('belopp-2021', 'Beloppet anges i kronor, ändrat i ett senare beslut.');
    const summary = await build();
    expect(summaryLine(summary)).toBe('Sökindex: 5 ärendesidor i 3 delar, 1 byggda om');
    const after = snapshot();
    const changedBundle = old.shards[1]!.bundle;
    const newBundle = manifest().shards[1]!.bundle;
    expect(newBundle).not.toBe(changedBundle);
    expect(newBundle.startsWith('2021-2024-')).toBe(true);
    const outside = (files: Map<string, string>, ...bundles: string[]) =>
      new Map(
        [...files].filter(([f]) => f !== 'shards.json' && f !== 'rows.json' && !bundles.some((b) => f.startsWith(b))),
      );
    expect(outside(after, newBundle)).toEqual(outside(before, changedBundle));
    expect([...after.keys()].some((f) => f.startsWith(changedBundle))).toBe(false);
    // The changed page has a new result id; rows.json says so.
    expect(after.get('rows.json')).not.toBe(before.get('rows.json'));
    // Written over the previous bundle: its unchanged fragment kept, the changed page's old one gone.
    const urls = fragmentUrls(join(dir, 'pagefind', newBundle));
    expect([...urls.values()].sort()).toEqual(['/arenden/belopp-2021/', '/arenden/ny-ang/']);
    const kept = [...before.keys()].filter((f) => f.startsWith(`${changedBundle}fragment/`));
    const now = [...after.keys()].filter((f) => f.startsWith(`${newBundle}fragment/`));
    expect(now.filter((f) => kept.includes(f.replace(newBundle, changedBundle)))).toHaveLength(1);
  });

  it('splits the word index into chunks of INDEX_CHUNK_SIZE, so a query loads less of it', async () => {
    const site = mkdtempSync(join(tmpdir(), 'insyn-search-chunks-'));
    try {
      // Each distinct word on one page counts 2 units: about 2.4 chunks at 5 000, one at Pagefind's 20 000.
      const words = Array.from({ length: 1.2 * INDEX_CHUNK_SIZE }, (_, i) => `ord${i.toString(36)}`);
      mkdirSync(join(site, 'arenden', 'manga-ord'), { recursive: true });
      writeFileSync(
        join(site, 'arenden', 'manga-ord', 'index.html'),
        `<!doctype html><html lang="sv"><head><title>Många ord</title></head><body><main data-pagefind-body><p>${words.join(' ')}</p></main></body></html>`,
      );
      const summary = await buildSearchIndex(site, [{ slug: 'manga-ord', year: 2024 }]);
      const chunks = listFiles(join(summary.outputPath, summary.shards[0]!.bundle, 'index'));
      expect(chunks.length).toBeGreaterThanOrEqual(2);
    } finally {
      rmSync(site, { recursive: true, force: true });
    }
  });
});
