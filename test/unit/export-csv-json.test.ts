/**
 * CSV and JSON exports from the fixture cases (test/fixtures/open-data):
 * BOM, RFC 4180 quoting that parses back to the same values with csv-parse,
 * one row per case or entry, dates at their own precision, plain integers.
 */
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { validateAll } from '../../src/lib/content/collection.ts';
import { newestFirst } from '../../src/lib/domain/cases.ts';
import {
  casesTable,
  followUpsTable,
  fundingItemsTable,
  fundingTable,
  neutraliseFormula,
  outcomesTable,
  type Table,
  toCsv,
} from '../../src/lib/export/csv.ts';
import { caseJson, casesFile } from '../../src/lib/export/json.ts';
import { ROOT } from '../helpers/site.ts';

const { cases: parsed, errors } = validateAll(ROOT, 'test/fixtures/open-data/cases');
const cases = newestFirst(parsed.map((p) => ({ id: p.slug, data: p.data })));
const urlOf = (slug: string) => `https://insyn.example.se/arenden/${slug}/`;
const BUILD = new Date('2026-11-23T12:00:00Z');
const bySlug = (slug: string) => cases.find((c) => c.id === slug)!;

/** Parses CSV text (BOM kept by csv-parse only when asked) into header + records. */
function parseCsv(text: string): { header: string[]; records: string[][] } {
  const rows = parse(text, { bom: true, relax_column_count: false }) as string[][];
  return { header: rows[0]!, records: rows.slice(1) };
}

/** The table's rows as the strings a CSV reader should get back (text that would start a formula neutralised). */
function expected(table: Table): string[][] {
  return table.rows.map((r) =>
    table.columns.map((c) => {
      const v = r[c];
      return v === undefined ? '' : typeof v === 'number' ? String(v) : neutraliseFormula(v);
    }),
  );
}

describe('fixture cases', () => {
  it('are valid', () => {
    expect(errors).toEqual([]);
    expect(cases).toHaveLength(9);
  });
});

describe('CSV', () => {
  const tables: [string, Table][] = [
    ['arenden', casesTable(cases, urlOf)],
    ['finansiering', fundingTable(cases)],
    ['finansiering-poster', fundingItemsTable(cases)],
    ['uppfoljningar', followUpsTable(cases, BUILD)],
    ['utfall', outcomesTable(cases)],
  ];

  it.each(tables)(
    '%s.csv starts with a UTF-8 BOM, ends lines with CRLF and parses back to the same values',
    (_name, table) => {
      const text = toCsv(table);
      expect(text.charCodeAt(0)).toBe(0xfeff);
      expect(text.endsWith('\r\n')).toBe(true);
      const { header, records } = parseCsv(text);
      expect(header).toEqual([...table.columns]);
      expect(records).toEqual(expected(table));
    },
  );

  it('neutralises text that would start a formula (=, +, -, @, tab, CR) with a leading quote, as OWASP recommends', () => {
    for (const start of ['=', '+', '-', '@', '\t', '\r']) expect(neutraliseFormula(`${start}1+1`)).toBe(`'${start}1+1`);
    for (const safe of ['Jobb', '2019-12', "'redan citerad", ' =mellanslag först', ''])
      expect(neutraliseFormula(safe)).toBe(safe);
    const { header, records } = parseCsv(toCsv(casesTable(cases, urlOf)));
    const row = records.find((r) => r[0] === 'utan-datum')!;
    expect(row[header.indexOf('decisionPoints')]).toBe(
      '\'=HYPERLINK("https://example.invalid";"Klicka") står så i underlaget.\nNämnden noterar informationen.',
    );
    expect(row[header.indexOf('topics')]).toBe("'+46 13 20 00 00\n@kansliet\n-samverkan");
    const table: Table = { columns: ['text', 'number'], rows: [{ text: '-5', number: -5 }] };
    expect(parseCsv(toCsv(table)).records).toEqual([["'-5", '-5']]);
  });

  it('keeps the exact text in JSON', () => {
    expect(caseJson(bySlug('utan-datum'), 'u').decisionPoints![0]).toBe(
      '=HYPERLINK("https://example.invalid";"Klicka") står så i underlaget.',
    );
  });

  it('has one row per case, per funding entry, per item, per follow-up and per outcome', () => {
    const count = (f: (d: (typeof cases)[number]['data']) => unknown[] | undefined) =>
      cases.reduce((n, c) => n + (f(c.data)?.length ?? 0), 0);
    expect(casesTable(cases, urlOf).rows).toHaveLength(cases.length);
    expect(fundingTable(cases).rows).toHaveLength(count((d) => d.funding));
    expect(fundingItemsTable(cases).rows).toHaveLength(
      cases.reduce((n, c) => n + (c.data.funding ?? []).reduce((m, f) => m + (f.items?.length ?? 0), 0), 0),
    );
    expect(followUpsTable(cases, BUILD).rows).toHaveLength(count((d) => d.followUps));
    expect(outcomesTable(cases).rows).toHaveLength(count((d) => d.outcomes));
    expect(fundingTable(cases).rows).toHaveLength(7);
    expect(fundingItemsTable(cases).rows).toHaveLength(2);
    expect(followUpsTable(cases, BUILD).rows).toHaveLength(5);
  });

  it('quotes commas, quotes and line breaks (RFC 4180) and keeps dates at their own precision', () => {
    const text = toCsv(casesTable(cases, urlOf));
    expect(text).toContain('"Jobb & ""framtid"", steg 1 <pilot>"');
    const { header, records } = parseCsv(text);
    const row = records.find((r) => r[0] === 'beslut-med-orgnr')!;
    const cell = (name: string) => row[header.indexOf(name)];
    expect(cell('title')).toBe('Jobb & "framtid", steg 1 <pilot>');
    expect(cell('decided')).toBe('2021-03-15');
    expect(cell('period.start')).toBe('2021-04');
    expect(cell('period.end')).toBe('2022-03');
    expect(cell('decisionPoints')).toBe(
      'Nämnden beviljar Föreningen Exempel 500 000 kr.\nRapport lämnas i juni 2021, i januari 2022 och under 2023.',
    );
    expect(cell('parties')).toBe('Föreningen Exempel (recipient, 802400-0005)\nExempelkommun (funder, 212000-0142)');
    expect(cell('url')).toBe(urlOf('beslut-med-orgnr'));
  });

  it('writes amounts as plain integers and an unknown amount as an empty cell, never 0', () => {
    const { header, records } = parseCsv(toCsv(fundingTable(cases)));
    const amount = header.indexOf('amount');
    const rows = records.filter((r) => r[0] === 'beslut-maximum-utan-orgnr');
    expect(rows.map((r) => r[amount])).toEqual(['', '750000']);
    expect(records.find((r) => r[0] === 'beslut-med-orgnr')![amount]).toBe('500000');
    const items = parseCsv(toCsv(fundingItemsTable(cases)));
    expect(items.records).toEqual([
      ['beslut-med-orgnr', '1', '1', 'Coacher', '400000'],
      ['beslut-med-orgnr', '1', '2', 'Lokal, "liten"', '100000'],
    ]);
  });

  it('gives each follow-up its state on the build date and keeps decimals in outcomes', () => {
    const { records } = parseCsv(toCsv(followUpsTable(cases, BUILD)));
    expect(records.filter((r) => r[0] === 'beslut-med-orgnr').map((r) => [r[2], r[6]])).toEqual([
      ['2021-06-30', 'reported'],
      ['2022-01', 'overdue'],
      ['2023', 'overdue'],
    ]);
    const outcomes = parseCsv(toCsv(outcomesTable(cases)));
    expect(outcomes.records).toEqual([
      ['beslut-med-orgnr', '1', 'Deltagare i arbete', '20', '12.5', 'procent', '2021-12'],
    ]);
  });
});

describe('JSON', () => {
  it('one case: slug, URL, then exactly the case data', () => {
    for (const c of cases) {
      const { slug, url, ...data } = JSON.parse(JSON.stringify(caseJson(c, urlOf(c.id))));
      expect(slug).toBe(c.id);
      expect(url).toBe(urlOf(c.id));
      expect(data).toEqual(c.data);
    }
  });

  it('lists fields in the case format order', () => {
    expect(Object.keys(caseJson(bySlug('beslut-med-orgnr'), 'u'))).toEqual([
      'slug',
      'url',
      'title',
      'summary',
      'kind',
      'status',
      'organisation',
      'body',
      'decided',
      'reference',
      'decisionPoints',
      'parties',
      'period',
      'funding',
      'followUps',
      'outcomes',
      'places',
      'topics',
      'documents',
      'signedBy',
    ]);
  });

  it('all cases: licence, build date, count and every case in order', () => {
    const file = casesFile(cases, urlOf, BUILD, {
      commit: undefined,
      short: undefined,
      committed: undefined,
      uncommitted: false,
      buildDate: '2026-11-23',
    });
    expect(file.version).toEqual({
      id: 'okänd/2026-11-23',
      commit: null,
      committed: null,
      uncommitted: false,
      buildDate: '2026-11-23',
    });
    expect(file.license.url).toBe('https://creativecommons.org/publicdomain/zero/1.0/');
    expect(file.buildDate).toBe('2026-11-23');
    expect(file.count).toBe(9);
    expect(file.cases.map((c) => c.slug)).toEqual(cases.map((c) => c.id));
  });
});
