/**
 * Reads a built site's facet table (src/lib/search/table-format.ts) back, for
 * tests that check the search index against it.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  type ColumnFile,
  columnPath,
  type DisplayRow,
  displayChunkPath,
  type FacetTable,
  TABLE_PATH,
  chunkCount,
  withColumn,
  yearOfCode,
} from '../../src/lib/search/table-format.ts';

export interface TableRow {
  slug: string;
  /** The decision year, or undefined for a case without a decision day. */
  year: number | undefined;
}

/** The built facet table of `siteDir`, with its deferred columns put in from their files, as the browser does. */
export function readTable(siteDir: string): FacetTable {
  const file = join(siteDir, TABLE_PATH);
  if (!existsSync(file)) throw new Error(`Söktabellen saknas: ${file}. Bygg webbplatsen först (npm run build).`);
  let table = JSON.parse(readFileSync(file, 'utf8')) as FacetTable;
  for (const key of table.deferred ?? [])
    table = withColumn(table, key, JSON.parse(readFileSync(join(siteDir, columnPath(key)), 'utf8')) as ColumnFile);
  return table;
}

/** Every row of the built facet table, in row order (row index = array index). */
export function readTableRows(siteDir: string): TableRow[] {
  const table = readTable(siteDir);
  const rows: TableRow[] = [];
  for (let k = 0; k < chunkCount(table.count, table.chunkSize); k++) {
    const chunk = JSON.parse(readFileSync(join(siteDir, displayChunkPath(k)), 'utf8')) as DisplayRow[];
    for (const [slug] of chunk) {
      const decided = table.decided[rows.length] ?? 0;
      rows.push({ slug, year: decided === 0 ? undefined : yearOfCode(decided) });
    }
  }
  if (rows.length !== table.count)
    throw new Error(`Söktabellen har ${table.count} rader men dess radfiler ${rows.length}.`);
  return rows;
}
