/**
 * The search index step of the build (src/postbuild/search-index.ts), with
 * Pagefind's API replaced by a fake that writes fragments as Pagefind does:
 * shards and rows.json from the table's rows, unchanged shards kept, every
 * error Pagefind reports failing with its message and the step, the
 * service closed whatever happens, and the index checked against the table.
 */
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import {
  buildSearchIndex,
  checked,
  linkShardPages,
  type PagefindApi,
  PagefindBuildError,
  SearchIndexMismatchError,
  summaryLine,
} from '../../src/postbuild/search-index.ts';
import type { RowsFile, ShardsFile, IndexRow } from '../../src/lib/search/shards.ts';

const work = mkdtempSync(join(tmpdir(), 'insyn-pagefind-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

interface FakeOptions {
  createErrors?: string[];
  noIndex?: boolean;
  addErrors?: string[];
  writeErrors?: string[];
  throwIn?: 'addDirectory';
  /** Leave this page out of the written index. */
  drop?: string;
}

function fakeApi(o: FakeOptions = {}) {
  const calls: string[] = [];
  let ids = 0;
  const api = {
    createIndex: async () => {
      calls.push('createIndex');
      if (o.noIndex || o.createErrors) return { errors: o.createErrors ?? [] };
      const urls: string[] = [];
      return {
        errors: [],
        index: {
          addDirectory: async ({ path, glob }: { path: string; glob: string }) => {
            // The case pages in the folder Pagefind is given, as it would read them with this glob.
            expect(glob).toBe('arenden/*/index.html');
            const slugs = readdirSync(join(path, 'arenden'))
              .filter((slug) => existsSync(join(path, 'arenden', slug, 'index.html')))
              .sort();
            calls.push(`addDirectory ${slugs.join(',')}`);
            if (o.throwIn === 'addDirectory') throw new Error('tjänsten avslutades oväntat');
            urls.push(...slugs.map((slug) => `/arenden/${slug}/`));
            return { errors: o.addErrors ?? [], page_count: slugs.length };
          },
          writeFiles: async ({ outputPath }: { outputPath: string }) => {
            calls.push('writeFiles');
            if (o.writeErrors) return { errors: o.writeErrors, outputPath };
            mkdirSync(join(outputPath, 'fragment'), { recursive: true });
            for (const url of urls) {
              if (o.drop && url === `/arenden/${o.drop}/`) continue;
              const body = Buffer.concat([Buffer.from('pagefind_dcd'), Buffer.from(JSON.stringify({ url }))]);
              writeFileSync(join(outputPath, 'fragment', `sv_${(ids++).toString(16)}.pf_fragment`), gzipSync(body));
            }
            writeFileSync(join(outputPath, 'pagefind-entry.json'), '{}');
            for (const file of ['pagefind.js', 'pagefind-worker.js', 'pagefind-ui.js', 'pagefind-component-ui.css'])
              writeFileSync(join(outputPath, file), '');
            return { errors: [], outputPath };
          },
          deleteIndex: async () => {
            calls.push('deleteIndex');
            return null;
          },
        },
      };
    },
    close: async () => {
      calls.push('close');
      return null;
    },
  } as unknown as PagefindApi;
  return { api, calls };
}

let sites = 0;
/** A site folder with one page per row (the page's text is its slug, or `texts[slug]`). */
function site(rows: IndexRow[], texts: Record<string, string> = {}): string {
  const dir = join(work, `site-${sites++}`);
  for (const { slug } of rows) writePage(dir, slug, texts[slug] ?? slug);
  return dir;
}
function writePage(dir: string, slug: string, text: string) {
  mkdirSync(join(dir, 'arenden', slug), { recursive: true });
  writeFileSync(join(dir, 'arenden', slug, 'index.html'), `<html lang="sv"><main data-pagefind-body>${text}</main>`);
}

const ROWS: IndexRow[] = [
  { slug: 'c', year: 2020 },
  { slug: 'a', year: 2019 },
  { slug: 'b', year: 2021 },
  { slug: 'd', year: undefined },
];
const readShards = (dir: string) => JSON.parse(readFileSync(join(dir, 'pagefind/shards.json'), 'utf8')) as ShardsFile;
/** The rows of each bundle, as rows.json gives them. */
const rowsByBundle = (dir: string, bundles: number) => {
  const file = JSON.parse(readFileSync(join(dir, 'pagefind', 'rows.json'), 'utf8')) as RowsFile;
  return Array.from({ length: bundles }, (_, k) => file.bundles.flatMap((b, row) => (b === k ? [row] : [])));
};

describe('checked', () => {
  it('passes a response without errors through and throws one with errors', () => {
    const ok = { errors: [], page_count: 3 };
    expect(checked('addDirectory', ok)).toBe(ok);
    expect(() => checked('writeFiles', { errors: ['disken är full', 'fel 2'] })).toThrow(
      'Sökindexet kunde inte byggas: Pagefind rapporterade fel i steget writeFiles:\n  - disken är full\n  - fel 2',
    );
  });
});

describe('buildSearchIndex', () => {
  it('indexes each shard, writes rows.json and shards.json, frees each index and closes the service', async () => {
    const dir = site(ROWS);
    const { api, calls } = fakeApi();
    const summary = await buildSearchIndex(dir, ROWS, { api, cap: 2, version: '1.6.0' });
    expect(summaryLine(summary)).toBe('Sökindex: 4 ärendesidor i 3 delar, 3 byggda om');
    const manifest = readShards(dir);
    expect(manifest.version).toBe(3);
    expect(manifest.shards.map((s) => [s.bundle.replace(/-[0-9a-f]{12}\/$/, ''), s.pages])).toEqual([
      ['2019-2020', 2],
      ['2021', 1],
      ['utan-ar', 1],
    ]);
    // Every page in exactly one bundle, mapped to its row.
    expect(rowsByBundle(dir, 3)).toEqual([[0, 1], [2], [3]]);
    expect(readdirSync(join(dir, 'pagefind')).sort()).toEqual(
      [...manifest.shards.map((s) => s.bundle.slice(0, -1)), 'rows.json', 'shards.json'].sort(),
    );
    // Pagefind's search interfaces are not kept; its search API is.
    const files = readdirSync(join(dir, 'pagefind', manifest.shards[0]!.bundle));
    expect(files).toEqual(expect.arrayContaining(['pagefind.js', 'pagefind-worker.js']));
    expect(files).not.toContain('pagefind-ui.js');
    expect(files).not.toContain('pagefind-component-ui.css');
    expect(calls.filter((c) => c === 'createIndex')).toHaveLength(3);
    expect(calls.filter((c) => c === 'deleteIndex')).toHaveLength(3);
    expect(calls.at(-1)).toBe('close');
  });

  it('keeps unchanged shards, re-indexes a changed one, and removes what is no longer used', async () => {
    const dir = site(ROWS);
    await buildSearchIndex(dir, ROWS, { api: fakeApi().api, cap: 2, version: '1.6.0' });
    const before = readShards(dir);
    mkdirSync(join(dir, 'pagefind', '.gammal.tmp'));
    writeFileSync(join(dir, 'pagefind', 'pagefind.js'), '// the single index of earlier versions');

    const again = fakeApi();
    const unchanged = await buildSearchIndex(dir, ROWS, { api: again.api, cap: 2, version: '1.6.0' });
    expect(unchanged.rebuilt).toBe(0);
    expect(again.calls).toEqual(['close']);
    expect(readShards(dir)).toEqual(before);
    expect(existsSync(join(dir, 'pagefind', 'pagefind.js'))).toBe(false);
    expect(existsSync(join(dir, 'pagefind', '.gammal.tmp'))).toBe(false);

    writePage(dir, 'b', 'b, ändrad');
    const changed = fakeApi();
    const summary = await buildSearchIndex(dir, ROWS, { api: changed.api, cap: 2, version: '1.6.0' });
    expect(summary.rebuilt).toBe(1);
    expect(changed.calls.filter((c) => c.startsWith('addDirectory'))).toEqual(['addDirectory b']);
    const after = readShards(dir);
    expect(after.shards[0]).toEqual(before.shards[0]);
    expect(after.shards[1]!.bundle).not.toBe(before.shards[1]!.bundle);
    expect(after.shards[2]).toEqual(before.shards[2]);
    expect(existsSync(join(dir, 'pagefind', before.shards[1]!.bundle))).toBe(false);

    // Another Pagefind version indexes everything again.
    const upgraded = await buildSearchIndex(dir, ROWS, { api: fakeApi().api, cap: 2, version: '1.7.0' });
    expect(upgraded.rebuilt).toBe(3);
  });

  it('rewrites rows.json when the pages of kept shards move to other rows', async () => {
    const dir = site(ROWS);
    await buildSearchIndex(dir, ROWS, { api: fakeApi().api, cap: 2, version: '1.6.0' });
    const moved = [ROWS[3]!, ROWS[2]!, ROWS[1]!, ROWS[0]!];
    const summary = await buildSearchIndex(dir, moved, { api: fakeApi().api, cap: 2, version: '1.6.0' });
    expect(summary.rebuilt).toBe(0);
    expect(rowsByBundle(dir, 3)).toEqual([[2, 3], [1], [0]]);
  });

  const failures: [string, FakeOptions, string, string][] = [
    ['createIndex reports an error', { createErrors: ['okänd inställning'] }, 'createIndex', 'okänd inställning'],
    ['createIndex gives no index', { noIndex: true }, 'createIndex', 'Pagefind gav inget index tillbaka'],
    ['addDirectory reports an error', { addErrors: ['ogiltig HTML'] }, 'addDirectory (2019-2021)', 'ogiltig HTML'],
    [
      'writeFiles reports an error',
      { writeErrors: ['behörighet saknas'] },
      'writeFiles (2019-2021)',
      'behörighet saknas',
    ],
    ['a step throws', { throwIn: 'addDirectory' }, 'addDirectory (2019-2021)', 'tjänsten avslutades oväntat'],
  ];

  for (const [name, options, step, cause] of failures) {
    it(`fails the build when ${name}, and still closes Pagefind`, async () => {
      const rows = ROWS.filter((r) => r.year !== undefined);
      const dir = site(rows);
      const { api, calls } = fakeApi(options);
      const error = await buildSearchIndex(dir, rows, { api, version: '1.6.0' }).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(PagefindBuildError);
      expect((error as PagefindBuildError).step).toBe(step);
      expect((error as PagefindBuildError).message).toBe(
        `Sökindexet kunde inte byggas: Pagefind rapporterade fel i steget ${step}:\n  - ${cause}`,
      );
      expect(calls.at(-1)).toBe('close');
      if (!step.startsWith('writeFiles')) expect(calls).not.toContain('writeFiles');
      expect(existsSync(join(dir, 'pagefind/shards.json'))).toBe(false);
    });
  }

  it('fails when a page of the table is missing from the index, and writes no shards.json', async () => {
    const dir = site(ROWS);
    const error = await buildSearchIndex(dir, ROWS, {
      api: fakeApi({ drop: 'b' }).api,
      version: '1.6.0',
    }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(SearchIndexMismatchError);
    expect((error as Error).message).toBe(
      'Sökindexet stämmer inte med ärendena: delen 2019-2021 indexerade 2 sidor av 3; saknas: b',
    );
    expect(existsSync(join(dir, 'pagefind/shards.json'))).toBe(false);
  });

  it('fails when a row of the table has no case page', async () => {
    const dir = site(ROWS.slice(1));
    const { api, calls } = fakeApi();
    await expect(buildSearchIndex(dir, ROWS, { api, version: '1.6.0' })).rejects.toThrow(
      'Sökindexet stämmer inte med ärendena: ärendesidan arenden/c/index.html finns inte',
    );
    expect(calls.at(-1)).toBe('close');
  });

  it('gives Pagefind each shard as a folder of just its pages, and removes the folder', async () => {
    const dir = site(ROWS);
    const { api, calls } = fakeApi();
    await buildSearchIndex(dir, ROWS, { api, cap: 2, version: '1.6.0' });
    expect(calls.filter((c) => c.startsWith('addDirectory'))).toEqual([
      'addDirectory a,c',
      'addDirectory b',
      'addDirectory d',
    ]);
    expect(readdirSync(join(dir, 'pagefind')).filter((name) => name.startsWith('.'))).toEqual([]);
  });

  it('removes the folder of pages when Pagefind fails', async () => {
    const dir = site(ROWS);
    await expect(
      buildSearchIndex(dir, ROWS, { api: fakeApi({ throwIn: 'addDirectory' }).api, version: '1.6.0' }),
    ).rejects.toThrow('tjänsten avslutades oväntat');
    expect(readdirSync(join(dir, 'pagefind')).filter((name) => name.endsWith('.pages'))).toEqual([]);
  });
});

describe('linkShardPages', () => {
  const shard = (slugs: string[]) => ({ label: '2024', pages: slugs.map((slug, row) => ({ slug, row })) });
  it('links each page of the shard at its path in the site, and nothing else', () => {
    const dir = site([...ROWS, { slug: 'e', year: 2024 }]);
    const pages = join(work, `pages-${sites++}`);
    mkdirSync(join(pages, 'arenden', 'gammal'), { recursive: true });
    linkShardPages(dir, pages, shard(['a', 'e']));
    expect(readdirSync(join(pages, 'arenden')).sort()).toEqual(['a', 'e']);
    const page = join(pages, 'arenden', 'e', 'index.html');
    expect(readFileSync(page, 'utf8')).toBe(readFileSync(join(dir, 'arenden', 'e', 'index.html'), 'utf8'));
    // A hard link: the same file, not a copy.
    expect(statSync(page).ino).toBe(statSync(join(dir, 'arenden', 'e', 'index.html')).ino);
  });

  it('keeps what is right in a folder from an earlier build: pages still linked stay, the rest is made right', () => {
    const dir = site([...ROWS, { slug: 'e', year: 2024 }]);
    const pages = join(work, `pages-${sites++}`);
    linkShardPages(dir, pages, shard(['a', 'b', 'e']));
    writeFileSync(join(pages, 'stray.txt'), 'from an earlier version');
    const folderOf = (slug: string) => statSync(join(pages, 'arenden', slug)).ino;
    const [a, e] = [folderOf('a'), folderOf('e')];
    // The site writes e's page anew (a new file), and b leaves the shard.
    rmSync(join(dir, 'arenden', 'e', 'index.html'));
    writeFileSync(join(dir, 'arenden', 'e', 'index.html'), '<html lang="sv"><body>ny</body></html>');
    linkShardPages(dir, pages, shard(['a', 'e']));
    expect(readdirSync(pages)).toEqual(['arenden']);
    expect(readdirSync(join(pages, 'arenden')).sort()).toEqual(['a', 'e']);
    expect([folderOf('a'), folderOf('e')]).toEqual([a, e]);
    for (const slug of ['a', 'e'])
      expect(statSync(join(pages, 'arenden', slug, 'index.html')).ino).toBe(
        statSync(join(dir, 'arenden', slug, 'index.html')).ino,
      );
    expect(readFileSync(join(pages, 'arenden', 'e', 'index.html'), 'utf8')).toContain('ny');
  });

  it('fails with the file system error when a page is missing', () => {
    const dir = site(ROWS);
    expect(() => linkShardPages(dir, join(work, `pages-${sites++}`), shard(['a', 'saknas']))).toThrow(/ENOENT/);
  });
});
