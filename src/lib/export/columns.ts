/**
 * What each column of the table downloads is: its Swedish heading (the
 * workbooks' header row), the kind of value (how a workbook types the cell)
 * and its definition. A column that is a field of the case format takes its
 * definition from the data dictionary (`field`, the dictionary's path), so a
 * field is described once, in the schema; a column the export derives
 * (`slug`, `url`, counts, `state`) says what it is here.
 */
import { dataDictionary } from './dictionary.ts';
import {
  CASE_COLUMNS,
  FOLLOW_UP_COLUMNS,
  FUNDING_COLUMNS,
  FUNDING_ITEM_COLUMNS,
  OUTCOME_COLUMNS,
  type Table,
} from './csv.ts';

/**
 * How a column's values are typed in a workbook: `kronor` and `integer` and
 * `number` as numbers, `date` as a date where the value names a whole day
 * and as text at its own precision otherwise (`2019-12`, `2019`), the rest as
 * text.
 */
export type ColumnKind = 'text' | 'integer' | 'number' | 'kronor' | 'date' | 'url';

export const COLUMN_KIND_LABEL: Record<ColumnKind, string> = {
  text: 'text',
  integer: 'heltal',
  number: 'tal',
  kronor: 'belopp i kronor (tal)',
  date: 'datum (en hel dag som datum, annars text: ÅÅÅÅ-MM eller ÅÅÅÅ)',
  url: 'webbadress (text)',
};

export interface ColumnSpec {
  /** The Swedish heading. */
  heading: string;
  kind: ColumnKind;
  /** The data dictionary's path of the field the column holds. */
  field?: string;
  /** The definition, for a column that is not a field of the case format. */
  description?: string;
}

/** One downloadable table: its file name (without extension), title and columns. */
export interface TableSpec<C extends string = string> {
  name: string;
  title: string;
  columns: Record<C, ColumnSpec>;
}

const SLUG: ColumnSpec = {
  heading: 'Ärende (slug)',
  kind: 'text',
  description: 'Ärendets permanenta id, samma som i ärendets webbadress och i arenden.csv.',
};
const INDEX = (what: string): ColumnSpec => ({
  heading: 'Nr',
  kind: 'integer',
  description: `Numret på ${what} i ärendet, från 1, i ordningen i ärendefilen.`,
});

export const CASES_SPEC: TableSpec<(typeof CASE_COLUMNS)[number]> = {
  name: 'arenden',
  title: 'Ärenden',
  columns: {
    slug: SLUG,
    url: { heading: 'Webbadress', kind: 'url', description: 'Adressen till ärendets sida på Insyn.' },
    title: { heading: 'Titel', kind: 'text', field: 'title' },
    summary: { heading: 'Sammanfattning', kind: 'text', field: 'summary' },
    kind: { heading: 'Typ av ärende', kind: 'text', field: 'kind' },
    status: { heading: 'Status', kind: 'text', field: 'status' },
    organisation: { heading: 'Organisation', kind: 'text', field: 'organisation' },
    body: { heading: 'Beslutande organ', kind: 'text', field: 'body' },
    decided: { heading: 'Beslutsdatum', kind: 'date', field: 'decided' },
    reference: { heading: 'Diarienummer', kind: 'text', field: 'reference' },
    decisionPoints: { heading: 'Beslutspunkter', kind: 'text', field: 'decisionPoints' },
    parties: {
      heading: 'Parter',
      kind: 'text',
      description: 'Parterna i ärendet, en per rad: namn (roll, organisationsnummer om det anges).',
    },
    'period.start': { heading: 'Period från', kind: 'date', field: 'period.start' },
    'period.end': { heading: 'Period till', kind: 'date', field: 'period.end' },
    fundingEntries: {
      heading: 'Antal penningflöden',
      kind: 'integer',
      description: 'Antal penningflöden i ärendet (rader i finansiering.csv).',
    },
    amountsStated: {
      heading: 'Antal angivna belopp',
      kind: 'integer',
      description: 'Antal penningflöden där källan anger ett belopp.',
    },
    followUps: {
      heading: 'Antal uppföljningar',
      kind: 'integer',
      description: 'Antal utlovade återrapporter (rader i uppfoljningar.csv).',
    },
    outcomes: {
      heading: 'Antal mål och resultat',
      kind: 'integer',
      description: 'Antal mål och resultat (rader i utfall.csv).',
    },
    'targetGroup.description': { heading: 'Målgrupp', kind: 'text', field: 'targetGroup.description' },
    'targetGroup.ageFrom': { heading: 'Ålder från', kind: 'integer', field: 'targetGroup.ageFrom' },
    'targetGroup.ageTo': { heading: 'Ålder till', kind: 'integer', field: 'targetGroup.ageTo' },
    places: { heading: 'Platser', kind: 'text', field: 'places' },
    topics: { heading: 'Ämnen', kind: 'text', field: 'topics' },
    documents: {
      heading: 'Dokument',
      kind: 'text',
      description: 'Källdokumenten, ett per rad: namn <webbadress>.',
    },
    signedBy: {
      heading: 'Undertecknat av',
      kind: 'text',
      description: 'Tjänstepersoner som står på dokumentet, en per rad: namn, enhet.',
    },
  },
};

export const FUNDING_SPEC: TableSpec<(typeof FUNDING_COLUMNS)[number]> = {
  name: 'finansiering',
  title: 'Penningflöden',
  columns: {
    slug: SLUG,
    index: INDEX('penningflödet'),
    from: { heading: 'Betalare', kind: 'text', field: 'funding[].from' },
    to: { heading: 'Mottagare', kind: 'text', field: 'funding[].to' },
    amount: { heading: 'Belopp (kr)', kind: 'kronor', field: 'funding[].amount' },
    basis: { heading: 'Grund', kind: 'text', field: 'funding[].basis' },
    'period.start': { heading: 'Period från', kind: 'date', field: 'funding[].period.start' },
    'period.end': { heading: 'Period till', kind: 'date', field: 'funding[].period.end' },
    items: {
      heading: 'Antal poster',
      kind: 'integer',
      description: 'Antal poster i beloppets uppdelning (rader i finansiering-poster.csv).',
    },
    note: { heading: 'Anmärkning', kind: 'text', field: 'funding[].note' },
  },
};

export const FUNDING_ITEMS_SPEC: TableSpec<(typeof FUNDING_ITEM_COLUMNS)[number]> = {
  name: 'finansiering-poster',
  title: 'Poster i penningflöden',
  columns: {
    slug: SLUG,
    fundingIndex: {
      heading: 'Penningflöde nr',
      kind: 'integer',
      description: 'Penningflödets nummer i ärendet (kolumnen Nr i finansiering.csv).',
    },
    index: INDEX('posten i penningflödet'),
    label: { heading: 'Post', kind: 'text', field: 'funding[].items[].label' },
    amount: { heading: 'Belopp (kr)', kind: 'kronor', field: 'funding[].items[].amount' },
  },
};

export const FOLLOW_UPS_SPEC: TableSpec<(typeof FOLLOW_UP_COLUMNS)[number]> = {
  name: 'uppfoljningar',
  title: 'Uppföljningar',
  columns: {
    slug: SLUG,
    index: INDEX('uppföljningen'),
    due: { heading: 'Ska komma', kind: 'date', field: 'followUps[].due' },
    what: { heading: 'Vad', kind: 'text', field: 'followUps[].what' },
    done: { heading: 'Rapporterad', kind: 'date', field: 'followUps[].done' },
    report: { heading: 'Rapport', kind: 'url', field: 'followUps[].report' },
    state: {
      heading: 'Läge (byggdagen)',
      kind: 'text',
      description:
        'Läget den dag filen byggdes: reported (rapporterad), overdue (försenad), due-soon (inom 60 dagar) eller later (senare).',
    },
  },
};

export const OUTCOMES_SPEC: TableSpec<(typeof OUTCOME_COLUMNS)[number]> = {
  name: 'utfall',
  title: 'Mål och resultat',
  columns: {
    slug: SLUG,
    index: INDEX('målet eller resultatet'),
    indicator: { heading: 'Indikator', kind: 'text', field: 'outcomes[].indicator' },
    target: { heading: 'Mål', kind: 'number', field: 'outcomes[].target' },
    actual: { heading: 'Utfall', kind: 'number', field: 'outcomes[].actual' },
    unit: { heading: 'Enhet', kind: 'text', field: 'outcomes[].unit' },
    asOf: { heading: 'Per', kind: 'date', field: 'outcomes[].asOf' },
  },
};

/** A column's definition as the workbooks' column sheet gives it. */
export interface ColumnDefinition {
  column: string;
  heading: string;
  type: string;
  description: string;
}

let dictionary: Map<string, string> | undefined;

/** The definitions of a table's columns, in column order (dictionary text for case-format fields). */
export function columnDefinitions(table: Pick<Table, 'columns'>, spec: TableSpec): ColumnDefinition[] {
  dictionary ??= new Map(dataDictionary().map((f) => [f.path, f.description]));
  return table.columns.map((column) => {
    const c = (spec.columns as Record<string, ColumnSpec | undefined>)[column];
    if (!c) throw new Error(`Kolumnen ${column} i ${spec.name} saknar beskrivning i src/lib/export/columns.ts.`);
    const description = c.description ?? (c.field ? dictionary!.get(c.field) : undefined);
    if (description === undefined)
      throw new Error(`Kolumnen ${column} i ${spec.name} pekar på fältet ${c.field}, som dataordlistan saknar.`);
    return {
      column,
      heading: c.heading,
      type: COLUMN_KIND_LABEL[c.kind],
      description: c.field ? `${description} (fältet ${c.field})` : description,
    };
  });
}
