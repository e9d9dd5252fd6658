/**
 * The outcomes overview: every target and reported result across all cases,
 * target against actual where both are given, and targets that have no
 * reported result flagged. Grouped per organisation (the one that decides),
 * so the page can offer one section per organisation without JavaScript.
 */
import type { Outcome } from '../schema/case.ts';
import { type CaseEntry, newestFirst } from './cases.ts';
import { formatNumber } from '../core/money.ts';

/** One outcome row with its case. */
export interface OutcomeRow<T extends CaseEntry = CaseEntry> {
  entry: T;
  outcome: Outcome;
  /** A target is given and no result for it is reported. */
  missingResult: boolean;
  /** actual ÷ target as a whole percentage, where both are given and the target is above 0. */
  percentOfTarget: number | undefined;
}

export function outcomeRow<T extends CaseEntry>(entry: T, outcome: Outcome): OutcomeRow<T> {
  const { target, actual } = outcome;
  return {
    entry,
    outcome,
    missingResult: target !== undefined && actual === undefined,
    percentOfTarget:
      target !== undefined && actual !== undefined && target > 0 ? Math.round((actual / target) * 100) : undefined,
  };
}

/** Every outcome of every case, cases newest first, outcomes in file order. */
export function outcomeRows<T extends CaseEntry>(cases: readonly T[]): OutcomeRow<T>[] {
  return newestFirst(cases).flatMap((entry) => (entry.data.outcomes ?? []).map((o) => outcomeRow(entry, o)));
}

/** Target against actual in words: "67 av 50 (134 %)", "mål 50, inget utfall rapporterat", "utfall 17 (inget mål angivet)". */
export function compareOutcome(row: OutcomeRow): string {
  const { target, actual, unit } = row.outcome;
  if (target !== undefined && actual !== undefined) {
    const pct = row.percentOfTarget !== undefined ? ` (${formatNumber(row.percentOfTarget)}\u00a0% av målet)` : '';
    return `${formatNumber(actual)} av ${formatNumber(target)} ${unit}${pct}`;
  }
  if (target !== undefined) return `mål ${formatNumber(target)} ${unit}, inget utfall rapporterat`;
  return `utfall ${formatNumber(actual!)} ${unit}, inget mål angivet`;
}

/** Rows grouped by a key (e.g. the deciding organisation's slug), in first-seen order. */
export function groupOutcomes<T extends CaseEntry>(
  rows: readonly OutcomeRow<T>[],
  keyOf: (entry: T) => string,
): Map<string, OutcomeRow<T>[]> {
  const groups = new Map<string, OutcomeRow<T>[]>();
  for (const r of rows) {
    const key = keyOf(r.entry);
    let list = groups.get(key);
    if (!list) groups.set(key, (list = []));
    list.push(r);
  }
  return groups;
}

/** Summary figures for the overview. */
export function outcomeSummary(rows: readonly OutcomeRow[]): {
  rows: number;
  cases: number;
  targets: number;
  results: number;
  missingResults: number;
  casesWithTargetsOnly: number;
} {
  const byCase = new Map<string, OutcomeRow[]>();
  for (const r of rows) byCase.set(r.entry.id, [...(byCase.get(r.entry.id) ?? []), r]);
  return {
    rows: rows.length,
    cases: byCase.size,
    targets: rows.filter((r) => r.outcome.target !== undefined).length,
    results: rows.filter((r) => r.outcome.actual !== undefined).length,
    missingResults: rows.filter((r) => r.missingResult).length,
    casesWithTargetsOnly: [...byCase.values()].filter(
      (list) => list.some((r) => r.outcome.target !== undefined) && list.every((r) => r.outcome.actual === undefined),
    ).length,
  };
}
