/**
 * The lines a search hit shows, from its display row and the facet table: the
 * same in the page's HTML (the first page, rendered by the build) and in the
 * browser (every later change). Pure, for the browser bundle.
 */
import type { FilterKey } from './fields.ts';
import type { DisplayRow, FacetTable } from './table-format.ts';

export interface HitLines {
  slug: string;
  title: string;
  /** Organisation · body · kind, status. */
  who: string;
  /** Date line · amounts · period. */
  facts: string;
}

/** The filters whose values a hit shows from the facet table: their columns are always in it. */
export const HIT_FILTERS = ['typ', 'status'] as const satisfies readonly FilterKey[];

const value = (table: FacetTable, key: (typeof HIT_FILTERS)[number], row: number) =>
  table.values[key][table.facets[key][row] as number];

export function hitLines(table: FacetTable, row: number, shown: DisplayRow): HitLines {
  const [slug, title, dateLine, amountLine, periodLine, organisation, body] = shown;
  const kindStatus = [value(table, 'typ', row), value(table, 'status', row)].filter(Boolean).join(', ');
  return {
    slug,
    title,
    who: [organisation, body, kindStatus].filter(Boolean).join(' · '),
    facts: [dateLine, amountLine, periodLine && `Period: ${periodLine}`].filter(Boolean).join(' · '),
  };
}
