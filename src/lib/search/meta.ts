/**
 * What the search knows of one case besides its words: filter values (Swedish
 * labels, as people read and pick them), the amount it sorts by, and the
 * lines a hit shows. Pure: the same case and build day give the same values.
 * The facet table (table.ts) is made of these, one row per case.
 */
import type { CaseData } from '../schema/case.ts';
import { amountLabels, statedFunding } from '../domain/cases.ts';
import { followUpState } from '../domain/follow-up.ts';
import { decidedLabel, KIND_LABEL, STATUS_LABEL } from '../core/labels.ts';
import { formatPartialDate, formatPeriod, yearOf } from '../core/partial-date.ts';
import { type FilterKey, OVERDUE_FILTER_VALUE } from './fields.ts';

export interface CaseSearchMeta {
  /** Filter values per key; a key with no values is left out. */
  filters: Partial<Record<FilterKey, string[]>>;
  /** The amount the case sorts and ranges by, or undefined when it states none. */
  amount: number | undefined;
  /** Shown in a hit: the date line, the amounts with their bases, the period. */
  dateLine: string;
  amountLine: string;
  periodLine: string;
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

/** The date line of a hit: "Beslutsdatum: 18 december 2019", or that none is given. */
export function dateLine(data: CaseData): string {
  return data.decided
    ? `${decidedLabel(data.status)}: ${formatPartialDate(data.decided)}`
    : 'Datum ej angivet i källan';
}

/** All search values of one case, relative to the build day. */
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
  return {
    filters,
    amount: sortAmount(data),
    dateLine: dateLine(data),
    amountLine: amountLabels(data).join(', '),
    periodLine: data.period ? formatPeriod(data.period) : '',
  };
}
