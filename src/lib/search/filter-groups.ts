/**
 * How the search page lists a filter's values, the same in the HTML the build
 * writes and in the browser: years newest first, everything else in Swedish
 * alphabetical order; short groups start open.
 */
import type { FilterKey } from './fields.ts';

/** Filter groups with at most this many values start open (and are in the page's HTML). */
export const SHORT_GROUP = 6;

export const isShortGroup = (values: number): boolean => values <= SHORT_GROUP;

/** The indexes of `values` in the order the page lists them. */
export function filterGroupOrder(key: FilterKey, values: readonly string[]): number[] {
  const collator = new Intl.Collator('sv');
  const indexes = values.map((_, i) => i);
  return key === 'ar'
    ? indexes.sort((a, b) => values[b]!.localeCompare(values[a]!))
    : indexes.sort((a, b) => collator.compare(values[a]!, values[b]!));
}
