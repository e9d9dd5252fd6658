/**
 * `/data/datapackage.json`: the table downloads described as a Frictionless
 * Tabular Data Package (https://specs.frictionlessdata.io/), so tools can
 * read the CSV files with their types, and so the CSV files, which as RFC
 * 4180 tables have no room for it, carry the data version too: the
 * package's `version` is the same as every other download's.
 *
 * Each resource lists its columns with their type, Swedish title and
 * definition (src/lib/export/columns.ts). Dates are strings, since a date
 * may be a month or a year (`2019-12`, `2019`); amounts are integers in
 * kronor.
 */
import type { DataVersion } from '../history/data-version.ts';
import { versionId } from '../history/data-version.ts';
import { url } from '../site.ts';
import { type ColumnKind, columnDefinitions, type ColumnSpec, type TableSpec } from './columns.ts';
import type { Table } from './csv.ts';
import { DATA_LICENSE } from './json.ts';
import type { Absolutize } from './links.ts';
import { tablePath } from './tables.ts';

const FIELD_TYPE: Record<ColumnKind, { type: string; format?: string }> = {
  text: { type: 'string' },
  integer: { type: 'integer' },
  number: { type: 'number' },
  kronor: { type: 'integer' },
  date: { type: 'string' },
  url: { type: 'string' },
};

export function dataPackage(
  tables: readonly { spec: TableSpec; columns: Table['columns'] }[],
  version: DataVersion,
  absolute: Absolutize,
): Record<string, unknown> {
  return {
    profile: 'tabular-data-package',
    name: 'insyn',
    title: 'Insyn – ärenden om pengar till arbetsmarknadsinsatser',
    version: versionId(version),
    created: version.buildDate,
    homepage: absolute(url('/data/')),
    licenses: [{ name: 'CC0-1.0', title: `Creative Commons Zero (${DATA_LICENSE.name})`, path: DATA_LICENSE.url }],
    resources: tables.map(({ spec, columns }) => ({
      profile: 'tabular-data-resource',
      name: spec.name,
      title: spec.title,
      description:
        'Text som ett kalkylprogram skulle köra som en formel (börjar med =, +, -, @, tabb eller vagnretur) har ett enkelt citattecken först; se /data/.',
      path: absolute(url(tablePath(spec.name, 'csv'))),
      format: 'csv',
      mediatype: 'text/csv',
      encoding: 'utf-8-sig',
      dialect: { delimiter: ',', lineTerminator: '\r\n', quoteChar: '"', doubleQuote: true, header: true },
      schema: {
        fields: columnDefinitions({ columns }, spec).map((d) => {
          const kind = (spec.columns as Record<string, ColumnSpec>)[d.column]!.kind;
          return { name: d.column, title: d.heading, ...FIELD_TYPE[kind], description: d.description };
        }),
      },
    })),
  };
}
