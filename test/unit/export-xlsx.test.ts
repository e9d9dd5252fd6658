/**
 * The Excel workbooks, read back with exceljs from the bytes the build
 * writes: same rows as the CSV files, Swedish headings, a frozen header,
 * amounts as numbers in kronor, whole days as dates and other dates as text
 * at their own precision, formula-like text kept as text, the column sheet
 * from the data dictionary, and the same bytes for the same data.
 */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { validateAll } from '../../src/lib/content/collection.ts';
import { newestFirst } from '../../src/lib/domain/cases.ts';
import { columnDefinitions } from '../../src/lib/export/columns.ts';
import { TABLE_DOWNLOADS, TABLE_NAMES, type TableName, workbookInfo } from '../../src/lib/export/tables.ts';
import { ABOUT_SHEET, COLUMNS_SHEET, DAY_FORMAT, KRONOR_FORMAT, toXlsx } from '../../src/lib/export/xlsx.ts';
import type { DataVersion } from '../../src/lib/history/data-version.ts';
import { ROOT } from '../helpers/site.ts';

const { cases: parsed } = validateAll(ROOT, 'test/fixtures/open-data/cases');
const cases = newestFirst(parsed.map((p) => ({ id: p.slug, data: p.data })));
const SITE = 'https://insyn.example.se';
const BUILD = new Date('2026-11-23T12:00:00Z');
const VERSION: DataVersion = {
  commit: 'a'.repeat(40),
  short: 'aaaaaaaa',
  committed: '2026-11-20',
  uncommitted: false,
  buildDate: '2026-11-23',
};
const context = { urlOf: (slug: string) => `${SITE}/arenden/${slug}/`, buildDate: BUILD };

async function workbook(name: TableName) {
  const { spec, build } = TABLE_DOWNLOADS[name];
  const table = build(cases, context);
  const bytes = await toXlsx(
    table,
    spec,
    workbookInfo(spec, table, VERSION, BUILD, (p) => `${SITE}${p}`),
  );
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return { wb, table, spec, bytes };
}

/** The values of a sheet's rows, from row 1, without exceljs's empty slot 0. */
const values = (ws: ExcelJS.Worksheet) =>
  ws
    .getSheetValues()
    .slice(1)
    .map((r) => (Array.isArray(r) ? r.slice(1) : []));

describe('Excel workbooks', () => {
  it.each(TABLE_NAMES)(
    '%s.xlsx: one row per CSV row, Swedish headings, frozen header, column and about sheets',
    async (name) => {
      const { wb, table, spec } = await workbook(name);
      expect(wb.worksheets.map((w) => w.name)).toEqual([spec.title, COLUMNS_SHEET, ABOUT_SHEET]);
      const sheet = wb.worksheets[0]!;
      expect(sheet.rowCount).toBe(table.rows.length + 1);
      expect(sheet.getRow(1).values).toEqual([
        undefined,
        ...table.columns.map((c) => (spec.columns as Record<string, { heading: string }>)[c]!.heading),
      ]);
      expect(sheet.getRow(1).font?.bold).toBe(true);
      expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
      const defs = values(wb.getWorksheet(COLUMNS_SHEET)!);
      expect(defs[0]).toEqual(['Kolumn', 'Namn i CSV-filen', 'Typ', 'Beskrivning']);
      expect(defs.slice(1)).toEqual(
        columnDefinitions(table, spec).map((d) => [d.heading, d.column, d.type, d.description]),
      );
      const about = new Map(values(wb.getWorksheet(ABOUT_SHEET)!).map(([k, v]) => [k, v]));
      expect(about.get('Dataversion')).toBe('aaaaaaaa (2026-11-20), byggd 2026-11-23');
      expect(about.get('Rader')).toBe(String(table.rows.length));
    },
  );

  it('every table has a Swedish heading and a definition for every column', () => {
    for (const name of TABLE_NAMES) {
      const { spec, build } = TABLE_DOWNLOADS[name];
      const table = build(cases, context);
      for (const d of columnDefinitions(table, spec)) {
        expect(d.heading, `${name}.${d.column}`).not.toBe('');
        expect(d.description, `${name}.${d.column}`).not.toBe('');
      }
    }
    const table = TABLE_DOWNLOADS.finansiering.build(cases, context);
    expect(columnDefinitions(table, TABLE_DOWNLOADS.finansiering.spec).find((d) => d.column === 'amount')).toEqual({
      column: 'amount',
      heading: 'Belopp (kr)',
      type: 'belopp i kronor (tal)',
      description: expect.stringMatching(/^Belopp i hela kronor\..*\(fältet funding\[\]\.amount\)$/),
    });
  });

  it('amounts are numbers formatted as kronor; an unknown amount is an empty cell', async () => {
    const { wb, table } = await workbook('finansiering');
    const sheet = wb.worksheets[0]!;
    const col = table.columns.indexOf('amount') + 1;
    const row = table.rows.findIndex((r) => r['slug'] === 'beslut-med-orgnr') + 2;
    expect(sheet.getCell(row, col).value).toBe(500000);
    expect(sheet.getCell(row, col).numFmt).toBe(KRONOR_FORMAT);
    const empty = table.rows.findIndex((r) => r['amount'] === undefined) + 2;
    expect(empty).toBeGreaterThan(1);
    expect(sheet.getCell(empty, col).value).toBeNull();
  });

  it('a whole day is a date; a month or a year stays text at its own precision', async () => {
    const { wb, table } = await workbook('arenden');
    const sheet = wb.worksheets[0]!;
    const cell = (slug: string, column: string) =>
      sheet.getCell(table.rows.findIndex((r) => r['slug'] === slug) + 2, table.columns.indexOf(column) + 1);
    expect(cell('beslut-med-orgnr', 'decided').value).toEqual(new Date('2021-03-15T00:00:00Z'));
    expect(cell('beslut-med-orgnr', 'decided').numFmt).toBe(DAY_FORMAT);
    expect(cell('beslut-manad', 'decided').value).toBe('2021-05');
    expect(cell('beslut-med-orgnr', 'period.start').value).toBe('2021-04');
    expect(cell('beslut-med-orgnr', 'fundingEntries').value).toBe(1);
  });

  it('keeps text that looks like a formula as exact text, never a formula', async () => {
    const { wb, table } = await workbook('arenden');
    const sheet = wb.worksheets[0]!;
    const row = table.rows.findIndex((r) => r['slug'] === 'utan-datum') + 2;
    const points = sheet.getCell(row, table.columns.indexOf('decisionPoints') + 1);
    expect(points.type).toBe(ExcelJS.ValueType.String);
    expect(points.value).toBe(
      '=HYPERLINK("https://example.invalid";"Klicka") står så i underlaget.\nNämnden noterar informationen.',
    );
    expect(sheet.getCell(row, table.columns.indexOf('topics') + 1).value).toBe(
      '+46 13 20 00 00\n@kansliet\n-samverkan',
    );
  });

  it('gives the same bytes for the same data (no clock in the file)', async () => {
    const a = (await workbook('utfall')).bytes;
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const b = (await workbook('utfall')).bytes;
    expect(Buffer.compare(a, b)).toBe(0);
  });
});
