/**
 * The facet table /sok/ filters, counts and sorts over: built by the build's
 * code from cases, asked by the browser's code (query.ts), and the download
 * of hits made of the same lines as /data/arenden.csv.
 */
import { describe, expect, it } from 'vitest';
import { newestFirst } from '../../src/lib/domain/cases.ts';
import { casesTable, csvParts, toCsv } from '../../src/lib/export/csv.ts';
import { caseSchema } from '../../src/lib/schema/case.ts';
import { FILTER_FIELDS, type FilterKey, SORT_OPTIONS } from '../../src/lib/search/fields.ts';
import { columnsNeeded, type Query, type Ranges, select } from '../../src/lib/search/query.ts';
import { parseState, tableQuery } from '../../src/lib/search/state.ts';
import { HIT_FILTERS } from '../../src/lib/search/hit.ts';
import { chunks, exportChunk, facetTable, splitTable } from '../../src/lib/search/table.ts';
import {
  type ColumnFile,
  dateCode,
  type FacetTable,
  type FilterColumnFile,
  firstDayCode,
  lastDayCode,
  withColumn,
} from '../../src/lib/search/table-format.ts';
import { seededRandom } from '../helpers/generator.ts';

const BUILD_DAY = new Date('2026-11-23T12:00:00Z');

function entry(id: string, over: Record<string, unknown>) {
  return {
    id,
    data: caseSchema.parse({
      title: `Ärende ${id}`,
      summary: 'Ett ärende.',
      kind: 'agreement',
      status: 'decided',
      organisation: 'Linköpings kommun',
      body: 'Arbetsmarknadsnämnden',
      decisionPoints: ['Nämnden beslutar.'],
      parties: [{ name: 'AB Stångåstaden', role: 'recipient' }],
      ...over,
    }),
  };
}

const cases = newestFirst([
  entry('a', {
    decided: '2019-12-18',
    funding: [{ from: 'AB Stångåstaden', amount: 2_400_000, basis: 'total' }],
    places: ['Ryd'],
  }),
  entry('b', { decided: '2020', organisation: 'Lunds kommun', kind: 'grant', places: ['Ryd', 'Berga'] }),
  entry('c', { decided: '2019-06', funding: [{ from: 'AB Stångåstaden', amount: 500_000, basis: 'per-year' }] }),
  entry('d', { period: { start: '2018-01' }, funding: [{ from: 'AB Stångåstaden', amount: 500_000, basis: 'total' }] }),
  entry('e', { organisation: 'Lunds kommun', status: 'proposed', places: ['Berga'] }),
]);
const { table, display } = facetTable(cases, BUILD_DAY, 2);
const slugs = (rows: number[]) => rows.map((r) => display[r]![0]);
const ask = (query: string, hits?: number[]) => select(table, tableQuery(parseState(query)), hits);

describe('date codes', () => {
  it('order partial dates as the case list does and know the days they stand for', () => {
    expect([dateCode('2019'), dateCode('2019-06'), dateCode('2019-06-18'), dateCode('nej')]).toEqual([
      20190000, 20190600, 20190618, 0,
    ]);
    expect(dateCode('2019') < dateCode('2019-01') && dateCode('2019-01') < dateCode('2019-01-01')).toBe(true);
    expect([firstDayCode(20190000), lastDayCode(20190000)]).toEqual([20190101, 20191231]);
    expect([firstDayCode(20240200), lastDayCode(20240200)]).toEqual([20240201, 20240229]);
    expect([firstDayCode(20190618), lastDayCode(20190618)]).toEqual([20190618, 20190618]);
  });
});

describe('the table', () => {
  it('has one row per case in the case list order, in every column and chunk', () => {
    expect(table.count).toBe(5);
    expect(slugs([0, 1, 2, 3, 4])).toEqual(['b', 'a', 'c', 'd', 'e']);
    for (const column of [...Object.values(table.facets), table.decided, table.start, table.amount])
      expect(column).toHaveLength(5);
    expect(table.chunkSize).toBe(2);
  });

  it('stores values once, most frequent first, as indexes; several values as a list; none as -1', () => {
    expect(table.values.organisation).toEqual(['Linköpings kommun', 'Lunds kommun']);
    expect(table.facets.organisation).toEqual([1, 0, 0, 0, 1]);
    expect(table.values.plats).toEqual(['Berga', 'Ryd']);
    expect(table.facets.plats).toEqual([[1, 0], [1], [], [], [0]]);
    expect(table.facets.ar).toEqual([table.values.ar.indexOf('2020'), table.values.ar.indexOf('2019'), 0, -1, -1]);
  });

  it('keeps dates and amounts as numbers, with no amount as -1, never 0', () => {
    expect(table.decided).toEqual([20200000, 20191218, 20190600, 0, 0]);
    expect(table.start).toEqual([0, 0, 0, 20180100, 0]);
    expect(table.amount).toEqual([-1, 2_400_000, 500_000, 500_000, -1]);
    expect(table.stated).toBe('01110');
  });
});

describe('asking the table', () => {
  it('takes any value within a filter and all filters together', () => {
    expect(slugs(ask('?plats=Ryd&plats=Berga').rows)).toEqual(['b', 'a', 'e']);
    expect(slugs(ask('?plats=Berga&organisation=Lunds+kommun').rows)).toEqual(['b', 'e']);
    expect(ask('?plats=Okänd').rows).toEqual([]);
  });

  it('counts each value with the other filters as they are', () => {
    const { counts } = ask('?plats=Berga&organisation=Lunds+kommun');
    const count = (key: 'plats' | 'organisation', value: string) => counts[key][table.values[key].indexOf(value)];
    // Places among Lunds kommun's cases; organisations among the cases in Berga.
    expect([count('plats', 'Berga'), count('plats', 'Ryd')]).toEqual([2, 1]);
    expect([count('organisation', 'Lunds kommun'), count('organisation', 'Linköpings kommun')]).toEqual([2, 0]);
  });

  it('sorts by date and amount with missing values last in both directions', () => {
    expect(slugs(ask('').rows)).toEqual(['b', 'a', 'c', 'd', 'e']);
    expect(slugs(ask('?sortering=aldst').rows)).toEqual(['d', 'c', 'a', 'b', 'e']);
    expect(slugs(ask('?sortering=belopp-hogst').rows)).toEqual(['a', 'c', 'd', 'b', 'e']);
    expect(slugs(ask('?sortering=belopp-lagst').rows)).toEqual(['c', 'd', 'a', 'b', 'e']);
    expect(ask('?sortering=belopp-hogst').withoutAmount).toBe(2);
  });

  it('filters by a decision-day range (a partial date counts when it overlaps) and an amount range', () => {
    expect(slugs(ask('?beslutat-fran=2019-07&beslutat-till=2020-01').rows)).toEqual(['b', 'a']);
    expect(slugs(ask('?beslutat-till=2019-06-01').rows)).toEqual(['c']);
    expect(slugs(ask('?belopp-fran=500000&belopp-till=500000').rows)).toEqual(['c', 'd']);
    expect(ask('?belopp-fran=0').withoutAmount).toBe(0);
  });

  it('keeps the hits of words in relevance order, or sorts them when asked', () => {
    expect(slugs(ask('?q=x', [3, 0, 4]).rows)).toEqual(['d', 'b', 'e']);
    expect(slugs(ask('?q=x&sortering=nyast', [3, 0, 4]).rows)).toEqual(['b', 'd', 'e']);
    expect(slugs(ask('?q=x&organisation=Lunds+kommun', [3, 0, 4]).rows)).toEqual(['b', 'e']);
  });
});

/**
 * select() against the plain reading of its rules (query.ts's header) on random tables:
 * a value of a filter in use counts the hits it would give with the other filters as
 * they are; rows in the chosen order, hits in relevance order when sorted by relevance.
 */
describe('asking a random table', () => {
  // Seeded, so a failure can be run again.
  const next = seededRandom(7);
  const random = (n: number) => Math.floor(next() * n);
  const pick = <T>(list: readonly T[]) => list[random(list.length)]!;

  function randomTable(count: number): FacetTable {
    const values = Object.fromEntries(
      FILTER_FIELDS.map((f) => [f.key, Array.from({ length: 1 + random(12) }, (_, i) => `${f.key} ${i}`)]),
    ) as FacetTable['values'];
    const facets = Object.fromEntries(
      FILTER_FIELDS.map((f) => {
        const n = values[f.key].length;
        const cell = () =>
          f.multi ? [...new Set(Array.from({ length: random(4) }, () => random(n)))] : random(n + 1) - 1;
        return [f.key, Array.from({ length: count }, cell)];
      }),
    ) as FacetTable['facets'];
    const day = () => (random(5) === 0 ? 0 : 20150000 + random(12) * 10000 + random(13) * 100 + random(29));
    const amount = Array.from({ length: count }, () => (random(4) === 0 ? -1 : 1000 * (1 + random(50))));
    return {
      ...table,
      count,
      values,
      facets,
      decided: Array.from({ length: count }, day),
      start: Array.from({ length: count }, day),
      amount,
      stated: amount.map((a) => (a < 0 ? '0' : '1')).join(''),
    };
  }

  function plainSelect(t: FacetTable, query: Query, hits?: readonly number[]) {
    const holds = (key: FilterKey, row: number, wanted: readonly string[]) =>
      [t.facets[key][row]!].flat().some((i) => i >= 0 && wanted.includes(t.values[key][i]!));
    const active = FILTER_FIELDS.filter((f) => (query.filters[f.key]?.length ?? 0) > 0);
    const passes = (row: number, except?: FilterKey) =>
      active.every((f) => f.key === except || holds(f.key, row, query.filters[f.key]!));
    const inRange = (row: number) => select(t, { filters: {}, ranges: query.ranges, sort: 'nyast' }, [row]).rows.length;
    const candidates = (hits ?? Array.from({ length: t.count }, (_, i) => i)).filter(inRange);
    const counts = Object.fromEntries(
      FILTER_FIELDS.map((f) => [
        f.key,
        t.values[f.key].map(
          (_, i) => candidates.filter((row) => passes(row, f.key) && [t.facets[f.key][row]!].flat().includes(i)).length,
        ),
      ]),
    );
    const matching = new Set(candidates.filter((row) => passes(row)));
    const inOrder = select(t, { filters: {}, ranges: {}, sort: query.sort }, hits).rows;
    return { rows: inOrder.filter((row) => matching.has(row)), counts };
  }

  it('gives the rows and counts of the plain reading, with and without words', () => {
    for (let round = 0; round < 60; round++) {
      const t = randomTable(1 + random(300));
      const filters: Query['filters'] = {};
      for (const f of FILTER_FIELDS)
        if (random(3) === 0)
          filters[f.key] = [pick(t.values[f.key]), random(4) === 0 ? 'okänt' : pick(t.values[f.key])];
      const ranges: Ranges =
        random(3) === 0 ? { amountMin: 1000 * random(30) } : random(3) === 0 ? { decidedFrom: '2018' } : {};
      const sort = pick(SORT_OPTIONS).id;
      const hits =
        random(2) === 0 ? undefined : [...new Set(Array.from({ length: random(t.count) }, () => random(t.count)))];
      const query = { filters, ranges, sort };
      const got = select(t, query, hits);
      const want = plainSelect(t, query, hits);
      expect(got.rows, `round ${round}`).toEqual(want.rows);
      expect(got.counts, `round ${round}`).toEqual(want.counts);
    }
  });

  it('answers the same from /sok/tabell.json with long groups and dates deferred, and with their columns put in', () => {
    let deferredSeen = 0;
    for (let round = 0; round < 40; round++) {
      const t = randomTable(1 + random(200));
      const { file: written, columns } = splitTable(t);
      const file = JSON.parse(JSON.stringify(written)) as FacetTable;
      const long = FILTER_FIELDS.filter((f) => t.values[f.key].length > 6).map((f) => f.key);
      const shown: readonly string[] = HIT_FILTERS;
      expect(file.deferred).toEqual([...long.filter((k) => !shown.includes(k)), 'datum', 'belopp']);
      expect(columns.map(([k]) => k)).toEqual(file.deferred);
      deferredSeen += columns.length - 2;
      for (const key of long.filter((k) => !shown.includes(k)))
        expect([file.values[key], file.facets[key]]).toEqual([[], []]);
      expect([file.decided, file.start, file.amount]).toEqual([[], [], []]);

      const filters: Query['filters'] = {};
      for (const f of FILTER_FIELDS) if (random(3) === 0) filters[f.key] = [pick(t.values[f.key])];
      const ranges: Ranges = [{}, {}, { decidedTo: '2020' }, { amountMax: 20_000 }][random(4)]!;
      const query: Query = { filters, ranges, sort: pick(SORT_OPTIONS).id };
      const full = select(t, query);
      const needed: string[] = FILTER_FIELDS.filter((f) => filters[f.key]).map((f) => f.key);
      if (query.sort === 'aldst' || ranges.decidedTo) needed.push('datum');
      if (query.sort.startsWith('belopp') || ranges.amountMax) needed.push('belopp');
      expect(columnsNeeded(query)).toEqual(needed);
      if (needed.some((k) => (file.deferred as string[]).includes(k)))
        expect(() => select(file, query)).toThrow(/Sökkolumnen .* är inte inläst/);
      else {
        const partial = select(file, query);
        expect(partial.rows).toEqual(full.rows);
        expect(partial.withoutAmount).toBe(full.withoutAmount);
        for (const f of FILTER_FIELDS)
          expect(partial.counts[f.key]).toEqual(file.deferred!.includes(f.key) ? [] : full.counts[f.key]);
      }
      let put = file;
      for (const [key, column] of [...columns].reverse())
        put = withColumn(put, key, JSON.parse(JSON.stringify(column)) as ColumnFile);
      expect(put.deferred).toEqual([]);
      expect(select(put, query)).toEqual(full);
    }
    expect(deferredSeen).toBeGreaterThan(0);
  });

  it('refuses a deferred column whose rows do not match the table', () => {
    const t = randomTable(50);
    t.values.part = Array.from({ length: 9 }, (_, i) => `part ${i}`);
    const { file, columns } = splitTable(t);
    const [key, found] = columns.find(([k]) => k === 'part')!;
    const column = found as FilterColumnFile;
    expect(() => withColumn(file, key, { ...column, facet: column.facet.slice(1) })).toThrow(
      /49 rader, söktabellen 50/,
    );
    expect(() => withColumn(file, 'datum', { decided: t.decided, start: t.start.slice(1) })).toThrow(
      /50\/49 rader, söktabellen 50/,
    );
    expect(() => withColumn(file, 'datum', column)).toThrow(/söktabellen 50/);
  });
});

describe('the download of hits', () => {
  it('is made of the same header and lines as /data/arenden.csv', () => {
    const urlOf = (slug: string) => `https://example.org/arenden/${slug}/`;
    const whole = casesTable(cases, urlOf);
    const { header, rows } = csvParts(whole);
    expect(header + rows.join('')).toBe(toCsv(whole));
    // Each chunk made from its own cases, as the route makes it.
    const parts = chunks(cases, 2).map((part) => exportChunk(part, urlOf));
    expect(parts.map((c) => c.csv.length)).toEqual([2, 2, 1]);
    expect(parts.flatMap((c) => c.csv)).toEqual(rows);
    expect(parts.flatMap((c) => c.json).map((c) => (c as { slug: string }).slug)).toEqual(['b', 'a', 'c', 'd', 'e']);
  });
});

describe('facetTable', () => {
  it('is built once for the same collection, as each route gets it (new entry objects, the same data)', () => {
    const again = facetTable(
      cases.map((c) => ({ ...c })),
      BUILD_DAY,
      2,
    );
    expect(again.table).toBe(table);
    const changed = cases.map((c, i) => (i === 0 ? { ...c, data: { ...c.data, title: 'Nytt namn' } } : c));
    expect(facetTable(changed, BUILD_DAY, 2).table).not.toBe(table);
  });
});
