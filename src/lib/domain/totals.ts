/**
 * Totals over the cases: stated money per year and per organisation, and
 * cases per kind and status. Amounts are summed per basis and never mixed:
 * an amount for a whole period, an amount per year, a ceiling for the whole
 * period and a ceiling per year are four different things.
 *
 * How years are counted (the pages say so too):
 * - the years of a funding entry are those of its own `period`, else the
 *   case's `period`, else the year of `decided`; without any, "år ej angivet";
 * - an amount per year (and a ceiling per year) is counted once in each year
 *   its period covers (an open-ended period: only its first year);
 * - an amount for a whole period (and a ceiling for it) is counted once, in
 *   the year its period starts, since the source does not say how it is split.
 */
import type { CaseData } from '../schema/case.ts';
import { type CaseEntry, moneyTotals } from './cases.ts';
import { BASIS_LABEL } from '../core/money.ts';
import {
  BASES,
  type Basis,
  KINDS,
  type Kind,
  STATUSES,
  type Status,
  YEARLY_BASES,
  zeroRecord,
} from '../core/vocabulary.ts';
import { yearOf } from '../core/partial-date.ts';

/** Sums per basis, all zero. */
export const zeroByBasis = (): Record<Basis, number> => zeroRecord(BASES);

/** One money flow a case states, with the years it concerns. */
export interface MoneyFlow<T extends CaseEntry = CaseEntry> {
  entry: T;
  from: string;
  to: string | undefined;
  amount: number | undefined;
  basis: Basis;
  period: { start: string; end?: string | undefined } | undefined;
  /** Calendar years the flow concerns (see the module comment); empty when unknown. */
  years: number[];
  /** The organisation slugs of payer and payee, where a page has resolved them (by organisationsnummer). */
  fromSlug?: string;
  toSlug?: string;
}

/** The years a funding entry concerns: its period, the case's period, else the decision year. */
export function fundingYears(data: CaseData, entryPeriod?: { start: string; end?: string | undefined }): number[] {
  const period = entryPeriod ?? data.period;
  if (period) {
    const first = yearOf(period.start);
    const last = period.end !== undefined ? yearOf(period.end) : first;
    return Array.from({ length: last - first + 1 }, (_, i) => first + i);
  }
  return data.decided !== undefined ? [yearOf(data.decided)] : [];
}

/** Every funding entry of every case as a flow (with or without an amount). */
export function moneyFlows<T extends CaseEntry>(cases: readonly T[]): MoneyFlow<T>[] {
  return cases.flatMap((entry) =>
    (entry.data.funding ?? []).map((f) => ({
      entry,
      from: f.from,
      to: f.to,
      amount: f.amount,
      basis: f.basis,
      period: f.period ?? entry.data.period,
      years: fundingYears(entry.data, f.period),
    })),
  );
}

/** True for bases stated once per year. */
export const isYearly = (basis: Basis): boolean => YEARLY_BASES.has(basis);

/** Flows summed per basis (amounts as stated, each counted once), and how many had no amount. */
export function sumFlows(flows: readonly MoneyFlow[]): {
  byBasis: Record<Basis, number>;
  withAmount: number;
  withoutAmount: number;
} {
  const byBasis = zeroByBasis();
  let withAmount = 0;
  for (const f of flows) {
    if (f.amount === undefined) continue;
    byBasis[f.basis] += f.amount;
    withAmount++;
  }
  return { byBasis, withAmount, withoutAmount: flows.length - withAmount };
}

/** One row of money per year; `year` undefined collects flows with no known year. */
export interface YearRow {
  year: number | undefined;
  byBasis: Record<Basis, number>;
}

/** Stated money per calendar year and basis, oldest first, "år ej angivet" last. */
export function moneyByYear(flows: readonly MoneyFlow[]): YearRow[] {
  const rows = new Map<number | undefined, Record<Basis, number>>();
  const add = (year: number | undefined, basis: Basis, amount: number) => {
    let row = rows.get(year);
    if (!row) rows.set(year, (row = zeroByBasis()));
    row[basis] += amount;
  };
  for (const f of flows) {
    if (f.amount === undefined) continue;
    if (f.years.length === 0) add(undefined, f.basis, f.amount);
    else if (isYearly(f.basis)) for (const y of f.years) add(y, f.basis, f.amount);
    else add(f.years[0], f.basis, f.amount);
  }
  return [...rows.entries()]
    .map(([year, byBasis]) => ({ year, byBasis }))
    .sort((a, b) => (a.year ?? Infinity) - (b.year ?? Infinity));
}

/** Money one organisation gives and receives, by basis. */
export interface OrgMoneyRow {
  slug: string;
  name: string;
  given: Record<Basis, number>;
  received: Record<Basis, number>;
}

/**
 * Stated money per organisation (payer `from` and payee `to`, resolved to
 * an organisation by `slugOf` with the flow's case), by basis, amounts as
 * stated. Sorted by name.
 */
export function moneyByOrganisation(
  flows: readonly MoneyFlow[],
  slugOf: (name: string, data: CaseData) => string,
  nameOf: (slug: string) => string,
): OrgMoneyRow[] {
  const rows = new Map<string, OrgMoneyRow>();
  const row = (name: string, data: CaseData): OrgMoneyRow => {
    const slug = slugOf(name, data);
    let r = rows.get(slug);
    if (!r) rows.set(slug, (r = { slug, name: nameOf(slug), given: zeroByBasis(), received: zeroByBasis() }));
    return r;
  };
  for (const f of flows) {
    if (f.amount === undefined) continue;
    row(f.from, f.entry.data).given[f.basis] += f.amount;
    if (f.to !== undefined) row(f.to, f.entry.data).received[f.basis] += f.amount;
  }
  return [...rows.values()].sort((a, b) => a.name.localeCompare(b.name, 'sv-SE'));
}

/**
 * The organisations that give (or receive) any stated money, largest first:
 * ordered by the largest amount on any one basis (bases are not added up),
 * then name.
 */
export function rankOrganisations(rows: readonly OrgMoneyRow[], side: 'given' | 'received'): OrgMoneyRow[] {
  const peak = (r: OrgMoneyRow) => Math.max(...BASES.map((b) => r[side][b]));
  return rows.filter((r) => peak(r) > 0).sort((a, b) => peak(b) - peak(a) || a.name.localeCompare(b.name, 'sv-SE'));
}

/** Number of cases per kind and per status (every value listed, zeros included). */
export function caseCounts(cases: readonly CaseEntry[]): {
  byKind: Record<Kind, number>;
  byStatus: Record<Status, number>;
} {
  const byKind = zeroRecord(KINDS);
  const byStatus = zeroRecord(STATUSES);
  for (const c of cases) {
    byKind[c.data.kind]++;
    byStatus[c.data.status]++;
  }
  return { byKind, byStatus };
}

/** The honest notes' figures: cases with and without a stated amount, flows counted per year, flows without a year. */
export interface TotalsNotes {
  cases: number;
  casesWithAmount: number;
  casesWithoutAmount: number;
  flowsWithoutAmount: number;
  yearlyFlows: number;
  multiYearTotals: number;
  flowsWithoutYear: number;
}

export function totalsNotes(cases: readonly CaseEntry[], flows: readonly MoneyFlow[]): TotalsNotes {
  const t = moneyTotals(cases);
  const stated = flows.filter((f) => f.amount !== undefined);
  return {
    cases: cases.length,
    casesWithAmount: t.casesWithAmount,
    casesWithoutAmount: t.casesWithoutAmount,
    flowsWithoutAmount: flows.length - stated.length,
    yearlyFlows: stated.filter((f) => isYearly(f.basis)).length,
    multiYearTotals: stated.filter((f) => !isYearly(f.basis) && f.years.length > 1).length,
    flowsWithoutYear: stated.filter((f) => f.years.length === 0).length,
  };
}

/** Column headings for the bases ("Totalt för perioden", "Per år" …). */
export const BASIS_HEADING: Record<Basis, string> = Object.fromEntries(
  BASES.map((b) => [b, BASIS_LABEL[b].charAt(0).toUpperCase() + BASIS_LABEL[b].slice(1)]),
) as Record<Basis, string>;
