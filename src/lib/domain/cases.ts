/**
 * Pure helpers over validated cases: ordering, the amounts a case states,
 * and the key figures on the start page.
 */
import type { CaseData, FundingEntry } from '../schema/case.ts';
import { formatAmount, UNKNOWN_AMOUNT } from '../core/money.ts';
import { BASES, type Basis, zeroRecord } from '../core/vocabulary.ts';
import { sortKey } from '../core/partial-date.ts';

/** The minimal shape of a case entry as pages see it. */
export interface CaseEntry {
  id: string;
  data: CaseData;
}

/** The date a case is ordered by: `decided`, else the period's start. */
export function caseDate(data: CaseData): string | undefined {
  return data.decided ?? data.period?.start;
}

/** Newest first by `decided` (else period start); undated cases last; ties by slug. */
export function newestFirst<T extends CaseEntry>(cases: readonly T[]): T[] {
  const keyed = cases.map((c) => {
    const date = caseDate(c.data);
    return { c, key: date === undefined ? undefined : sortKey(date) };
  });
  keyed.sort((a, b) => {
    if (a.key !== b.key) {
      if (a.key === undefined) return 1;
      if (b.key === undefined) return -1;
      return a.key < b.key ? 1 : -1;
    }
    return a.c.id.localeCompare(b.c.id);
  });
  return keyed.map((k) => k.c);
}

/** The funding entries that state an amount. */
export function statedFunding(data: CaseData): (FundingEntry & { amount: number })[] {
  return (data.funding ?? []).filter((f): f is FundingEntry & { amount: number } => f.amount !== undefined);
}

/** True when the case states at least one amount. */
export function hasStatedAmount(data: CaseData): boolean {
  return statedFunding(data).length > 0;
}

/** A case's amounts as shown in lists: each stated amount with its basis, or "belopp ej angivet". */
export function amountLabels(data: CaseData): string[] {
  const stated = statedFunding(data);
  if (stated.length === 0) return [UNKNOWN_AMOUNT];
  return stated.map((f) => formatAmount(f.amount, f.basis));
}

/** Stated money summed per basis, never mixing per-year, ceilings and totals. */
export interface MoneyTotals {
  byBasis: Record<Basis, number>;
  casesWithAmount: number;
  casesWithoutAmount: number;
}

export function moneyTotals(cases: readonly CaseEntry[]): MoneyTotals {
  const byBasis: Record<Basis, number> = zeroRecord(BASES);
  let casesWithAmount = 0;
  for (const c of cases) {
    const stated = statedFunding(c.data);
    if (stated.length > 0) casesWithAmount++;
    for (const f of stated) byBasis[f.basis] += f.amount;
  }
  return { byBasis, casesWithAmount, casesWithoutAmount: cases.length - casesWithAmount };
}
