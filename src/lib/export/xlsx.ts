/**
 * Excel workbooks (.xlsx) of the table downloads, for people who open data
 * in a spreadsheet program: the CSV files are comma separated (RFC 4180,
 * for tools), which Excel with Swedish settings (list separator `;`) opens
 * as one column with amounts and dates as text.
 *
 * Each workbook has the same rows as its CSV file, in the same order:
 *
 * - sheet 1 (the table's title): Swedish column headings in a bold header
 *   row that stays in place when scrolling (frozen) and has filters;
 *   amounts are numbers shown as kronor (`# ##0 kr` with the reader's own
 *   digit grouping), counts and figures numbers; a date that names a whole
 *   day is an Excel date (`ÅÅÅÅ-MM-DD`), a month or a year stays text at
 *   its own precision (`2019-12`, `2019`), as in the case file; every other
 *   value is a text cell, never a formula, so the text reads back exactly;
 * - "Kolumner": every column's heading, name in the CSV file, type and
 *   definition (from the data dictionary);
 * - "Om filen": title, licence, data version and build date.
 *
 * Written with exceljs's streaming writer (chosen by measurement: see
 * README, "Spreadsheet downloads"). The zip entries and document properties
 * carry the build date, not the clock, so the same data gives the same
 * bytes (the incremental build compares builds byte for byte).
 */
import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { parsePartialDate } from '../core/partial-date.ts';
import { type ColumnSpec, columnDefinitions, type TableSpec } from './columns.ts';
import type { Cell, Table } from './csv.ts';

/** Excel's number format for kronor: digit grouping from the reader's settings, "kr" after. */
export const KRONOR_FORMAT = '#,##0 "kr"';
export const DAY_FORMAT = 'yyyy-mm-dd';

/** The sheet names (at most 31 characters, no []:*?/\). */
export const COLUMNS_SHEET = 'Kolumner';
export const ABOUT_SHEET = 'Om filen';

export interface WorkbookInfo {
  /** Rows of the "Om filen" sheet: label, value. */
  about: [string, string][];
  /** The day the data was built; every timestamp in the file is this day. */
  buildDate: Date;
}

/** A cell's value in the workbook: a number, a Date for a whole day, else text. */
export function workbookValue(value: Cell, spec: ColumnSpec): string | number | Date | null {
  if (value === undefined || value === '') return null;
  if (typeof value === 'number') return value;
  if (spec.kind === 'date') {
    const d = parsePartialDate(value);
    if (d?.precision === 'day') return new Date(`${value}T00:00:00Z`);
  }
  return value;
}

const WIDTH = { min: 8, max: 60 } as const;

type Zip = { append: (source: unknown, data: Record<string, unknown>) => unknown; insynDated?: boolean };

/**
 * exceljs's streaming writer, with every zip entry dated by the workbook's
 * `created` date instead of the clock (archiver's `date` option). The base
 * constructor already appends the theme in `addThemes`, so the zip is
 * patched there, before the first entry.
 */
class DatedWorkbookWriter extends ExcelJS.stream.xlsx.WorkbookWriter {
  override addThemes(): Promise<void> {
    const zip = (this as unknown as { zip: Zip }).zip;
    if (!zip.insynDated) {
      const append = zip.append.bind(zip);
      const date = this.created;
      zip.append = (source, data) => append(source, { ...data, date });
      zip.insynDated = true;
    }
    return super.addThemes();
  }
}

/** A workbook of one table, as bytes. */
export async function toXlsx(table: Table, spec: TableSpec, info: WorkbookInfo): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<void>((resolve, reject) => {
    out.on('end', resolve);
    out.on('error', reject);
  });
  // exceljs reads these document properties from the options; its types do not list them.
  const options = {
    stream: out,
    useStyles: true,
    useSharedStrings: false,
    created: info.buildDate,
    modified: info.buildDate,
    creator: 'Insyn',
    lastModifiedBy: 'Insyn',
  };
  const wb = new DatedWorkbookWriter(options);

  const columns = table.columns.map((c) => {
    const s = (spec.columns as Record<string, ColumnSpec | undefined>)[c];
    if (!s) throw new Error(`Kolumnen ${c} i ${spec.name} saknar beskrivning i src/lib/export/columns.ts.`);
    return s;
  });
  const sheet = wb.addWorksheet(spec.title, { views: [{ state: 'frozen', xSplit: 0, ySplit: 1 }] });
  const styles = columns.map((c) =>
    c.kind === 'kronor' ? { numFmt: KRONOR_FORMAT } : c.kind === 'date' ? { numFmt: DAY_FORMAT } : {},
  );
  sheet.columns = columns.map((c, i) => ({
    key: table.columns[i]!,
    width: Math.min(WIDTH.max, Math.max(WIDTH.min, c.heading.length + 2, c.kind === 'text' ? 24 : 0)),
    style: styles[i]!,
  }));
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
  const header = sheet.addRow(columns.map((c) => c.heading));
  header.font = { bold: true };
  header.commit();
  for (const row of table.rows) {
    const added = sheet.addRow(table.columns.map((c, i) => workbookValue(row[c], columns[i]!)));
    // exceljs gives every cell its own copy of the column's style and renders each copy
    // to XML to find its style id; the column's own object is looked up once (by identity).
    added.eachCell({ includeEmpty: true }, (cell, column) => (cell.style = styles[column - 1]!));
    added.commit();
  }
  sheet.commit();

  const defs = wb.addWorksheet(COLUMNS_SHEET, { views: [{ state: 'frozen', xSplit: 0, ySplit: 1 }] });
  defs.columns = [{ width: 26 }, { width: 26 }, { width: 30 }, { width: 90 }];
  const defsHeader = defs.addRow(['Kolumn', 'Namn i CSV-filen', 'Typ', 'Beskrivning']);
  defsHeader.font = { bold: true };
  defsHeader.commit();
  for (const d of columnDefinitions(table, spec)) defs.addRow([d.heading, d.column, d.type, d.description]).commit();
  defs.commit();

  const about = wb.addWorksheet(ABOUT_SHEET);
  about.columns = [{ width: 22 }, { width: 90 }];
  for (const [label, value] of info.about) about.addRow([label, value]).commit();
  about.commit();

  await wb.commit();
  await done;
  return Buffer.concat(chunks);
}
