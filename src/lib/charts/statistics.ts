/**
 * The statistics page's charts, as bar-chart input: money per year and per
 * organisation (one series per basis, never added together) and cases per
 * kind and status.
 */
import { formatKronor, formatNumber } from '../core/money.ts';
import { BASES, type Basis } from '../core/vocabulary.ts';
import type { OrgMoneyRow, YearRow } from '../domain/totals.ts';
import type { BarChartInput, ChartSeries } from './bar-chart.ts';

/** Short names of the bases for legends and chart texts. */
export const BASIS_SHORT: Record<Basis, string> = {
  total: 'för hela perioden',
  'per-year': 'per år',
  maximum: 'tak, hela perioden',
  'maximum-per-year': 'tak per år',
};

/** The label of a year row ("2020", or "År ej angivet"). */
export const yearLabel = (year: number | undefined): string => (year === undefined ? 'År ej angivet' : String(year));

function basisChart(groups: { label: string; byBasis: Record<Basis, number> }[]): BarChartInput {
  const used = BASES.filter((b) => groups.some((g) => g.byBasis[b] > 0));
  const series: ChartSeries[] = used.map((b) => ({ key: b, label: BASIS_SHORT[b] }));
  return {
    series,
    groups: groups.map((g) => ({
      label: g.label,
      values: used
        .filter((b) => g.byBasis[b] > 0)
        .map((b) => ({ series: b, value: g.byBasis[b], valueLabel: formatKronor(g.byBasis[b]) })),
    })),
  };
}

/** Money per year, one bar per basis that has money that year. */
export function yearChart(rows: readonly YearRow[]): BarChartInput {
  return basisChart(rows.map((r) => ({ label: yearLabel(r.year), byBasis: r.byBasis })));
}

/** How many organisations a chart shows at most (the table beside it lists all). */
export const CHART_TOP = 15;

/** Money given (or received) per organisation, one bar per basis, for the first CHART_TOP rows (already ranked). */
export function organisationChart(rows: readonly OrgMoneyRow[], side: 'given' | 'received'): BarChartInput {
  return basisChart(rows.slice(0, CHART_TOP).map((r) => ({ label: r.name, byBasis: r[side] })));
}

/** Counts per category (kind, status), every category listed. */
export function countChart<K extends string>(counts: Record<K, number>, labels: Record<K, string>): BarChartInput {
  return {
    series: [{ key: 'n', label: 'ärenden' }],
    groups: (Object.keys(labels) as K[]).map((k) => ({
      label: labels[k],
      values: [
        {
          series: 'n',
          value: counts[k],
          valueLabel: `${formatNumber(counts[k])} ${counts[k] === 1 ? 'ärende' : 'ärenden'}`,
        },
      ],
    })),
  };
}
