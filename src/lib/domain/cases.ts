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

/**
 * The same collection: the same entries in the same order. Astro's
 * `getCollection` makes new entry objects on every call, but each entry's
 * `data` is the content store's own object, the same for the whole build and
 * a new one whenever the entry changes (the dev server reloading a file, a
 * test passing other cases); the digest, where there is one, must match too.
 * What is computed once per build from the collection is kept by this test.
 */
export function sameEntries(a: readonly CaseEntry[], b: readonly CaseEntry[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i] as CaseEntry & { digest?: unknown };
    const y = b[i] as CaseEntry & { digest?: unknown };
    if (x.id !== y.id || x.data !== y.data || x.digest !== y.digest) return false;
  }
  return true;
}

/**
 * The last list ordered, and its order: in a build every route orders the same
 * collection, so the order is computed once for the same entries (sameEntries); each caller
 * gets a new array of its own entries.
 */
let lastOrdered: { input: readonly CaseEntry[]; order: readonly number[] } | undefined;

/** Newest first by `decided` (else period start); undated cases last; ties by slug. */
export function newestFirst<T extends CaseEntry>(cases: readonly T[]): T[] {
  if (!lastOrdered || !sameEntries(lastOrdered.input, cases)) {
    lastOrdered = { input: [...cases], order: orderNewestFirst(cases) };
  }
  return lastOrdered.order.map((i) => cases[i]!);
}

/** The indexes of `cases`, newest first. */
function orderNewestFirst(cases: readonly CaseEntry[]): number[] {
  const keyed = cases.map((c, i) => {
    const date = caseDate(c.data);
    return { i, id: c.id, key: date === undefined ? undefined : sortKey(date) };
  });
  keyed.sort((a, b) => {
    if (a.key !== b.key) {
      if (a.key === undefined) return 1;
      if (b.key === undefined) return -1;
      return a.key < b.key ? 1 : -1;
    }
    return a.id.localeCompare(b.id);
  });
  return keyed.map((k) => k.i);
}

/** The funding entries that state an amount. */
export function statedFunding(data: CaseData): (FundingEntry & { amount: number })[] {
  return (data.funding ?? []).filter((f): f is FundingEntry & { amount: number } => f.amount !== undefined);
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
