/**
 * CSV downloads, built from the validated cases.
 *
 * Every file is UTF-8 with a byte-order mark (so Swedish Excel reads å, ä, ö
 * right) and RFC 4180 (comma separated, CRLF line ends, quoting by
 * csv-stringify, never by hand). Dates are written as the case file gives
 * them, at their own precision (`2019-12`, `2018`, `2019-12-18`); amounts
 * and numbers as plain integers or decimals with a point, no spaces, no
 * "kr". An absent value is an empty cell, never 0. A list inside one cell
 * (decision points, places …) has one value per line.
 *
 * A text cell that a spreadsheet program would run as a formula (one that
 * begins with =, +, -, @, a tab or a carriage return) is neutralised the way
 * OWASP recommends for CSV injection: a single quote (') is put before it,
 * so the program shows it as text. The same rule applies to every text cell
 * of every CSV file; numbers are written as numbers and never changed. JSON
 * and the workbooks (which type every cell) keep the exact text.
 *
 * Column names are the case format's field names (`period.start`,
 * `targetGroup.ageFrom`), so the data dictionary on /data/ describes them.
 * Rows come out in the order the cases come in, one row per case, funding
 * entry, item, follow-up or outcome; `index` numbers entries from 1 in the
 * order of the case file.
 */
import { stringify } from 'csv-stringify/sync';
import type { CaseEntry } from '../domain/cases.ts';
import { followUpState } from '../domain/follow-up.ts';
import type { CaseData } from '../schema/case.ts';

/** A cell value before stringifying: text, a number, or absent. */
export type Cell = string | number | undefined;
export type Row = Record<string, Cell>;

/** One CSV table: its columns in order and its rows. */
export interface Table {
  columns: readonly string[];
  rows: Row[];
}

/** Separator between several values in one cell. */
export const LIST_SEPARATOR = '\n';

const list = (values: readonly string[] | undefined): string | undefined =>
  values && values.length > 0 ? values.join(LIST_SEPARATOR) : undefined;

/** The characters that make a spreadsheet program read a cell as a formula (OWASP, CSV injection). */
export const FORMULA_START = /^[=+\-@\t\r]/;

/** A text cell as written to CSV: with a leading `'` when it would otherwise start a formula. */
export function neutraliseFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** A row's cells as written: empty when absent, numbers as they are, formula-like text neutralised. */
function cells(table: Table, row: Row): string[] {
  return table.columns.map((c) => {
    const v = row[c];
    return v === undefined ? '' : typeof v === 'number' ? String(v) : neutraliseFormula(v);
  });
}

const RECORD_DELIMITER = '\r\n';

/**
 * A table's CSV in parts: the header line (with the BOM) and each row's line
 * (with its CRLF), quoted by csv-stringify. The search page's download of the
 * hits joins the same lines, so it matches `/data/arenden.csv` byte for byte.
 */
export function csvParts(table: Table): { header: string; rows: string[] } {
  return {
    header: stringify([], { bom: true, header: true, columns: [...table.columns], record_delimiter: RECORD_DELIMITER }),
    rows: table.rows.map((row) => stringify([cells(table, row)], { record_delimiter: RECORD_DELIMITER })),
  };
}

/** Serialises a table: BOM, header row, RFC 4180 quoting, CRLF, formula-like text neutralised. */
export function toCsv(table: Table): string {
  return stringify(
    table.rows.map((row) => cells(table, row)),
    { bom: true, header: true, columns: [...table.columns], record_delimiter: RECORD_DELIMITER },
  );
}

export const CASE_COLUMNS = [
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
  'period.start',
  'period.end',
  'fundingEntries',
  'amountsStated',
  'followUps',
  'outcomes',
  'targetGroup.description',
  'targetGroup.ageFrom',
  'targetGroup.ageTo',
  'places',
  'topics',
  'documents',
  'signedBy',
] as const;

/** "AB Stångåstaden (recipient, 556000-0000)". */
export function partyText(p: CaseData['parties'][number]): string {
  return `${p.name} (${p.role}${p.orgNumber ? `, ${p.orgNumber}` : ''})`;
}

/** `arenden.csv`: one row per case; lists in one cell, one value per line; counts of the detail rows. */
export function casesTable(cases: readonly CaseEntry[], urlOf: (slug: string) => string): Table {
  const rows = cases.map(({ id, data: d }): Row => ({
    slug: id,
    url: urlOf(id),
    title: d.title,
    summary: d.summary,
    kind: d.kind,
    status: d.status,
    organisation: d.organisation,
    body: d.body,
    decided: d.decided,
    reference: d.reference,
    decisionPoints: list(d.decisionPoints),
    parties: list(d.parties.map(partyText)),
    'period.start': d.period?.start,
    'period.end': d.period?.end,
    fundingEntries: d.funding?.length ?? 0,
    amountsStated: (d.funding ?? []).filter((f) => f.amount !== undefined).length,
    followUps: d.followUps?.length ?? 0,
    outcomes: d.outcomes?.length ?? 0,
    'targetGroup.description': d.targetGroup?.description,
    'targetGroup.ageFrom': d.targetGroup?.ageFrom,
    'targetGroup.ageTo': d.targetGroup?.ageTo,
    places: list(d.places),
    topics: list(d.topics),
    documents: list(d.documents?.map((doc) => (doc.href ? `${doc.title} <${doc.href}>` : doc.title))),
    signedBy: list(d.signedBy?.map((s) => (s.unit ? `${s.name}, ${s.unit}` : s.name))),
  }));
  return { columns: CASE_COLUMNS, rows };
}

export const FUNDING_COLUMNS = [
  'slug',
  'index',
  'from',
  'to',
  'amount',
  'basis',
  'period.start',
  'period.end',
  'items',
  'note',
] as const;

/** `finansiering.csv`: one row per funding entry; `items` is the number of rows in `finansiering-poster.csv`. */
export function fundingTable(cases: readonly CaseEntry[]): Table {
  const rows = cases.flatMap(({ id, data }) =>
    (data.funding ?? []).map((f, i): Row => ({
      slug: id,
      index: i + 1,
      from: f.from,
      to: f.to,
      amount: f.amount,
      basis: f.basis,
      'period.start': f.period?.start,
      'period.end': f.period?.end,
      items: f.items?.length ?? 0,
      note: f.note,
    })),
  );
  return { columns: FUNDING_COLUMNS, rows };
}

export const FUNDING_ITEM_COLUMNS = ['slug', 'fundingIndex', 'index', 'label', 'amount'] as const;

/** `finansiering-poster.csv`: one row per item of a funding entry's breakdown. */
export function fundingItemsTable(cases: readonly CaseEntry[]): Table {
  const rows = cases.flatMap(({ id, data }) =>
    (data.funding ?? []).flatMap((f, i) =>
      (f.items ?? []).map((item, j): Row => ({
        slug: id,
        fundingIndex: i + 1,
        index: j + 1,
        label: item.label,
        amount: item.amount,
      })),
    ),
  );
  return { columns: FUNDING_ITEM_COLUMNS, rows };
}

export const FOLLOW_UP_COLUMNS = ['slug', 'index', 'due', 'what', 'done', 'report', 'state'] as const;

/** `uppfoljningar.csv`: one row per promised follow-up, with its state on the build date. */
export function followUpsTable(cases: readonly CaseEntry[], buildDate: Date): Table {
  const rows = cases.flatMap(({ id, data }) =>
    (data.followUps ?? []).map((f, i): Row => ({
      slug: id,
      index: i + 1,
      due: f.due,
      what: f.what,
      done: f.done,
      report: f.report,
      state: followUpState(f, buildDate),
    })),
  );
  return { columns: FOLLOW_UP_COLUMNS, rows };
}

export const OUTCOME_COLUMNS = ['slug', 'index', 'indicator', 'target', 'actual', 'unit', 'asOf'] as const;

/** `utfall.csv`: one row per target or result. */
export function outcomesTable(cases: readonly CaseEntry[]): Table {
  const rows = cases.flatMap(({ id, data }) =>
    (data.outcomes ?? []).map((o, i): Row => ({
      slug: id,
      index: i + 1,
      indicator: o.indicator,
      target: o.target,
      actual: o.actual,
      unit: o.unit,
      asOf: o.asOf,
    })),
  );
  return { columns: OUTCOME_COLUMNS, rows };
}
