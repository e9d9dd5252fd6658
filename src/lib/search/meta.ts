/**
 * What a case page tells Pagefind besides its text: filter values (Swedish
 * labels, as people read and pick them), sort values and the few meta
 * fields a search result shows. Pure: the same case and build day give the
 * same metadata. src/components/CaseSearchMeta.astro writes it into the page.
 *
 * Sorting, and why every case carries every sort key: Pagefind removes
 * results that lack the key being sorted by, and sorts a key as numbers
 * only when every value parses as a 32-bit float (which rounds kronor
 * above 16 777 216). So each order gets its own key, its values are
 * strings that never parse as numbers and compare exactly, byte by byte:
 * - a case with a value gets `b:<value>` under the descending key and
 *   `a:<value>` under the ascending key;
 * - a case without one gets `a` (descending) and `b` (ascending), which
 *   sort after every real value in that key's direction.
 * Amounts are zero-padded to 16 digits so text order is numeric order; a
 * missing amount is never 0, it is simply last, whichever way one sorts.
 */
import type { CaseData } from '../schema/case.ts';
import { amountLabels, caseDate, statedFunding } from '../domain/cases.ts';
import { followUpState } from '../domain/follow-up.ts';
import { decidedLabel, KIND_LABEL, STATUS_LABEL } from '../core/labels.ts';
import { formatPartialDate, sortKey, yearOf } from '../core/partial-date.ts';
import { type FilterKey, META_KEYS, OVERDUE_FILTER_VALUE, SORT_KEYS, type SortKey } from './fields.ts';

export interface CaseSearchMeta {
  /** Filter values per key; a key with no values is left out. */
  filters: Partial<Record<FilterKey, string[]>>;
  /** One value for every sort key. */
  sort: Record<SortKey, string>;
  /** Shown in a result: organisation, date line, amounts. */
  meta: Record<(typeof META_KEYS)[keyof typeof META_KEYS], string>;
}

/** Digits amounts are padded to: every safe integer fits. */
const AMOUNT_DIGITS = 16;

/** Sort values for one order key pair, missing values last in both directions (see module comment). */
export function sortValues(value: string | undefined): { desc: string; asc: string } {
  return value === undefined ? { desc: 'a', asc: 'b' } : { desc: `b:${value}`, asc: `a:${value}` };
}

/** An amount as fixed-width digits, so text order is numeric order. */
export function paddedAmount(amount: number): string {
  if (!Number.isSafeInteger(amount) || amount < 0)
    throw new RangeError(`belopp måste vara ett heltal ≥ 0, fick ${amount}`);
  return String(amount).padStart(AMOUNT_DIGITS, '0');
}

/** The amount a case sorts by: its largest stated amount (bases are never summed), or undefined. */
export function sortAmount(data: CaseData): number | undefined {
  const amounts = statedFunding(data).map((f) => f.amount);
  return amounts.length > 0 ? Math.max(...amounts) : undefined;
}

/** Distinct non-empty values, in first-seen order. */
function distinct(values: readonly (string | undefined)[]): string[] {
  return [...new Set(values.map((v) => v?.trim()).filter((v): v is string => !!v))];
}

/** True when at least one promised report is overdue on the build day. */
export function hasOverdueReport(data: CaseData, buildDate: Date): boolean {
  return (data.followUps ?? []).some((f) => followUpState(f, buildDate) === 'overdue');
}

/** The date line of a result: "Beslutsdatum: 18 december 2019", or that none is given. */
export function dateLine(data: CaseData): string {
  return data.decided
    ? `${decidedLabel(data.status)}: ${formatPartialDate(data.decided)}`
    : 'Datum ej angivet i källan';
}

/** All search metadata of one case, relative to the build day. */
export function caseSearchMeta(data: CaseData, buildDate: Date): CaseSearchMeta {
  const filters: Partial<Record<FilterKey, string[]>> = {
    organisation: distinct([data.organisation]),
    organ: distinct([data.body]),
    typ: [KIND_LABEL[data.kind]],
    status: [STATUS_LABEL[data.status]],
    ar: data.decided ? [String(yearOf(data.decided))] : [],
    part: distinct(data.parties.map((p) => p.name)),
    amne: distinct(data.topics ?? []),
    plats: distinct(data.places ?? []),
    uppfoljning: hasOverdueReport(data, buildDate) ? [OVERDUE_FILTER_VALUE] : [],
  };
  for (const key of Object.keys(filters) as FilterKey[]) if (filters[key]?.length === 0) delete filters[key];

  const date = caseDate(data);
  const byDate = sortValues(date === undefined ? undefined : sortKey(date));
  const amount = sortAmount(data);
  const byAmount = sortValues(amount === undefined ? undefined : paddedAmount(amount));

  return {
    filters,
    sort: {
      [SORT_KEYS.dateDesc]: byDate.desc,
      [SORT_KEYS.dateAsc]: byDate.asc,
      [SORT_KEYS.amountDesc]: byAmount.desc,
      [SORT_KEYS.amountAsc]: byAmount.asc,
    },
    meta: {
      [META_KEYS.organisation]: data.organisation,
      [META_KEYS.date]: dateLine(data),
      [META_KEYS.amount]: amountLabels(data).join(', '),
    },
  };
}
