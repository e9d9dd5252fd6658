/**
 * Which case pages go into which search index shard, and the file that names each search
 * result's row and bundle (src/lib/search/shards.ts).
 */
import { describe, expect, it } from 'vitest';
import {
  encodeRows,
  MAX_SHARDS,
  planShards,
  readRows,
  SHARD_CAP,
  shardCap,
  type IndexRow,
  type RowsFile,
} from '../../src/lib/search/shards.ts';

/** `count` rows of `year`, slugs `<prefix><n>`. */
const rowsOf = (year: number | undefined, count: number, prefix = `${year ?? 'x'}-`): IndexRow[] =>
  Array.from({ length: count }, (_, i) => ({ slug: `${prefix}${String(i).padStart(3, '0')}`, year }));

const labels = (rows: IndexRow[], cap: number) => planShards(rows, cap).map((s) => `${s.label}:${s.pages.length}`);

describe('shardCap', () => {
  it('keeps shards small on a small site and doubles the cap only when the shards would pass MAX_SHARDS', () => {
    expect(shardCap(0)).toBe(SHARD_CAP);
    expect(shardCap(10_000)).toBe(SHARD_CAP);
    expect(shardCap(SHARD_CAP * MAX_SHARDS)).toBe(SHARD_CAP);
    expect(shardCap(SHARD_CAP * MAX_SHARDS + 1)).toBe(2 * SHARD_CAP);
    expect(shardCap(100_000)).toBe(5_000);
    for (const n of [1, 999, 60_001, 100_000, 250_000, 1_000_000]) {
      const cap = shardCap(n);
      expect(Math.ceil(n / cap)).toBeLessThanOrEqual(MAX_SHARDS);
      // Never larger than it must be.
      if (cap > SHARD_CAP) expect(Math.ceil(n / (cap / 2))).toBeGreaterThan(MAX_SHARDS);
    }
  });

  it('is what planShards uses when no cap is given', () => {
    const rows = [...rowsOf(2019, 2_000), ...rowsOf(2020, 2_000), ...rowsOf(2021, 2_000)];
    expect(planShards(rows).map((s) => `${s.label}:${s.pages.length}`)).toEqual([
      '2019:2000',
      '2020:2000',
      '2021:2000',
    ]);
  });
});

describe('planShards', () => {
  it('packs consecutive years, oldest first, while a shard stays within the cap', () => {
    const rows = [...rowsOf(2021, 3), ...rowsOf(2019, 4), ...rowsOf(2020, 5), ...rowsOf(2022, 2)];
    expect(labels(rows, 10)).toEqual(['2019-2020:9', '2021-2022:5']);
    expect(labels(rows, 5)).toEqual(['2019:4', '2020:5', '2021-2022:5']);
  });

  it('splits a year with more pages than the cap into equal parts, and puts cases without a year apart', () => {
    const rows = [...rowsOf(2020, 7), ...rowsOf(undefined, 3), ...rowsOf(2021, 1)];
    expect(labels(rows, 3)).toEqual(['2020-del1:2', '2020-del2:2', '2020-del3:3', '2021:1', 'utan-ar:3']);
    expect(labels(rows, 2)).toEqual([
      '2020-del1:1',
      '2020-del2:2',
      '2020-del3:2',
      '2020-del4:2',
      '2021:1',
      'utan-ar-del1:1',
      'utan-ar-del2:2',
    ]);
  });

  it('puts every row in exactly one shard, with its row index, and never more pages than the cap', () => {
    const rows = [...rowsOf(2018, 40), ...rowsOf(undefined, 9), ...rowsOf(2019, 3), ...rowsOf(2024, 26)];
    for (const cap of [1, 4, 10, 25, 100]) {
      const shards = planShards(rows, cap);
      const all = shards.flatMap((s) => s.pages);
      expect(all.map((p) => p.row).sort((a, b) => a - b)).toEqual(rows.map((_, i) => i));
      for (const p of all) expect(rows[p.row]!.slug).toBe(p.slug);
      for (const s of shards) expect(s.pages.length).toBeLessThanOrEqual(cap);
    }
  });

  it('depends on the set of slugs and years, not on their order in the table', () => {
    const rows = [...rowsOf(2018, 12), ...rowsOf(undefined, 5), ...rowsOf(2020, 8)];
    const slugs = (r: IndexRow[]) => planShards(r, 6).map((s) => [s.label, s.pages.map((p) => p.slug)]);
    expect(slugs([...rows].reverse())).toEqual(slugs(rows));
  });

  it('keeps older shards when cases are added to the newest year', () => {
    const rows = [...rowsOf(2019, 4), ...rowsOf(2020, 4), ...rowsOf(2021, 3), ...rowsOf(2022, 2)];
    const before = planShards(rows, 8);
    const after = planShards([...rows, ...rowsOf(2022, 3, 'ny-')], 8);
    expect(after[0]).toEqual(before[0]);
    expect(before.map((s) => s.label)).toEqual(['2019-2020', '2021-2022']);
    expect(after.map((s) => s.label)).toEqual(['2019-2020', '2021-2022']);
  });

  it('refuses a cap below one', () => {
    expect(() => planShards([], 0)).toThrow('taket för sidor per del måste vara ≥ 1, fick 0');
    expect(planShards([])).toEqual([]);
  });
});

describe('rows.json (encodeRows, readRows)', () => {
  const path = (row: number) => `/arenden/fall-${row}/`;

  it('gives each result id its row and bundle, the ids in row order without their language', () => {
    const file = encodeRows(
      [
        { id: 'sv_01385b7', bundle: 1 },
        { id: 'sv_9f00a21', bundle: 0 },
        { id: 'sv_0c11f3e0', bundle: 1 },
      ],
      path,
    );
    expect(file).toEqual({
      version: 3,
      ids: expect.any(String),
      prefix: 'sv_',
      other: { 2: '0c11f3e0' },
      bundles: [1, 0, 1],
      collisions: {},
    });
    // Three 28-bit numbers in 6-bit characters.
    expect(file.ids).toMatch(/^[A-Za-z0-9_-]{14}$/);
    const find = readRows(file, 3, 2);
    expect(find('sv_01385b7')).toEqual({ row: 0, bundle: 1 });
    expect(find('sv_9f00a21')).toEqual({ row: 1, bundle: 0 });
    expect(find('sv_0c11f3e0')).toEqual({ row: 2, bundle: 1 });
    expect(find('sv_0c11f3e')).toBeUndefined();
    expect(find('01385b7')).toBeUndefined();
  });

  it('lists an id two bundles give with the case paths of its rows, to tell the hits apart by', () => {
    const file = encodeRows(
      [
        { id: 'sv_aaaaaaa', bundle: 0 },
        { id: 'sv_1234567', bundle: 0 },
        { id: 'sv_bbbbbbb', bundle: 1 },
        { id: 'sv_1234567', bundle: 2 },
      ],
      path,
    );
    expect(file.collisions).toEqual({ sv_1234567: ['/arenden/fall-1/', '/arenden/fall-3/'] });
    const find = readRows(file, 4, 3);
    expect(find('sv_1234567')).toEqual({
      candidates: [
        { row: 1, bundle: 0, path: '/arenden/fall-1/' },
        { row: 3, bundle: 2, path: '/arenden/fall-3/' },
      ],
    });
    expect(find('sv_bbbbbbb')).toEqual({ row: 2, bundle: 1 });
  });

  it('packs any 28-bit ids, so that each reads back as its row', () => {
    let seed = 1;
    const next = () => (seed = (seed * 48271) % 2147483647);
    for (const count of [1, 2, 3, 5, 6, 1000]) {
      const rows = Array.from({ length: count }, (_, i) => ({
        id: `sv_${i === 0 ? '0000000' : i === 1 ? 'fffffff' : (next() % 2 ** 28).toString(16).padStart(7, '0')}`,
        bundle: i % 3,
      }));
      const file = JSON.parse(JSON.stringify(encodeRows(rows, path))) as RowsFile;
      expect(file.ids).toHaveLength(Math.ceil((count * 28) / 6));
      const find = readRows(file, count, 3);
      rows.forEach(({ id }, row) => {
        const found = find(id);
        if (found && 'candidates' in found) expect(found.candidates.map((c) => c.row)).toContain(row);
        else expect(found).toEqual({ row, bundle: row % 3 });
      });
    }
  });

  it('reads an empty index, and refuses a file of another version or another number of rows or bundles', () => {
    const empty = encodeRows([], path);
    expect(empty).toEqual({ version: 3, ids: '', prefix: '', other: {}, bundles: [], collisions: {} });
    expect(readRows(empty, 0, 0)('sv_1234567')).toBeUndefined();
    const file = encodeRows([{ id: 'sv_1234567', bundle: 0 }], path);
    expect(() => readRows(file, 2, 1)).toThrow('Sökindexet kunde inte läsas: 1 rader av 2');
    expect(() => readRows(file, 1, 0)).toThrow('Sökindexet kunde inte läsas');
    expect(() => readRows({ ...file, ids: `${file.ids}A` }, 1, 1)).toThrow('Sökindexet kunde inte läsas: 6 tecken');
    expect(() => readRows({ ...file, ids: '!!!!!' }, 1, 1)).toThrow('Sökindexet kunde inte läsas: tecken 1');
    expect(() => readRows({ ...file, version: 2 as 3 }, 1, 1)).toThrow('Sökindexet har ett okänt format: version 2');
  });
});
