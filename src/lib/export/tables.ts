/**
 * The table downloads, each as a CSV file and an Excel workbook built from
 * the same rows: which table function makes a table, its column
 * descriptions, and what a workbook's "Om filen" sheet says (title, source,
 * licence, data version).
 */
import type { CaseEntry } from '../domain/cases.ts';
import type { DataVersion } from '../history/data-version.ts';
import { versionId, versionText } from '../history/data-version.ts';
import { url } from '../site.ts';
import {
  CASES_SPEC,
  FOLLOW_UPS_SPEC,
  FUNDING_ITEMS_SPEC,
  FUNDING_SPEC,
  OUTCOMES_SPEC,
  type TableSpec,
} from './columns.ts';
import {
  CASE_COLUMNS,
  casesTable,
  FOLLOW_UP_COLUMNS,
  followUpsTable,
  FUNDING_COLUMNS,
  FUNDING_ITEM_COLUMNS,
  fundingItemsTable,
  fundingTable,
  OUTCOME_COLUMNS,
  outcomesTable,
  type Table,
} from './csv.ts';
import { DATA_LICENSE } from './json.ts';
import type { Absolutize } from './links.ts';
import type { WorkbookInfo } from './xlsx.ts';

export interface TableContext {
  /** Absolute URL of a case's page. */
  urlOf: (slug: string) => string;
  buildDate: Date;
}

export interface TableDownload {
  spec: TableSpec;
  /** The table's columns, in order: the same for every set of cases. */
  columns: Table['columns'];
  build: (cases: readonly CaseEntry[], context: TableContext) => Table;
}

/** The table names: each is `/data/<name>.csv` and `/data/<name>.xlsx` (`tablePath`). */
export const TABLE_NAMES = ['arenden', 'finansiering', 'finansiering-poster', 'uppfoljningar', 'utfall'] as const;
export type TableName = (typeof TABLE_NAMES)[number];

/** A table's file as a site path without the base: `/data/<name>.csv` or `/data/<name>.xlsx`. */
export const tablePath = (name: string, format: 'csv' | 'xlsx'): string => `/data/${name}.${format}`;

export const TABLE_DOWNLOADS: Record<TableName, TableDownload> = {
  arenden: { spec: CASES_SPEC, columns: CASE_COLUMNS, build: (cases, c) => casesTable(cases, c.urlOf) },
  finansiering: { spec: FUNDING_SPEC, columns: FUNDING_COLUMNS, build: (cases) => fundingTable(cases) },
  'finansiering-poster': {
    spec: FUNDING_ITEMS_SPEC,
    columns: FUNDING_ITEM_COLUMNS,
    build: (cases) => fundingItemsTable(cases),
  },
  uppfoljningar: {
    spec: FOLLOW_UPS_SPEC,
    columns: FOLLOW_UP_COLUMNS,
    build: (cases, c) => followUpsTable(cases, c.buildDate),
  },
  utfall: { spec: OUTCOMES_SPEC, columns: OUTCOME_COLUMNS, build: (cases) => outcomesTable(cases) },
};

/** The "Om filen" sheet and timestamps of a table's workbook. */
export function workbookInfo(
  spec: TableSpec,
  table: Table,
  version: DataVersion,
  buildDate: Date,
  absolute: Absolutize,
): WorkbookInfo {
  return {
    buildDate,
    about: [
      ['Titel', `Insyn – ${spec.title}`],
      ['Rader', String(table.rows.length)],
      ['Dataversion', versionText(version)],
      ['Version (id)', versionId(version)],
      ['Byggd', version.buildDate],
      ['Licens', `${DATA_LICENSE.name}, ${DATA_LICENSE.url}`],
      ['Samma rader som CSV', absolute(url(tablePath(spec.name, 'csv')))],
      ['Om filerna', absolute(url('/data/'))],
    ],
  };
}
