import { describe, expect, it } from 'vitest';
import { CHART_WIDTH, layoutBarChart } from '../../src/lib/charts/bar-chart.ts';
import { countChart, yearChart } from '../../src/lib/charts/statistics.ts';
import { KIND_LABEL } from '../../src/lib/core/labels.ts';

describe('bar chart layout', () => {
  it('draws one series without a legend, bars proportional to the values, zeros without a bar', () => {
    const layout = layoutBarChart(
      countChart({ agreement: 4, grant: 2, partnership: 0, application: 1, report: 0 }, KIND_LABEL),
    );
    expect(layout.legend).toEqual([]);
    expect(layout.labels.map((l) => l.text)).toEqual(Object.values(KIND_LABEL));
    expect(layout.bars.map((b) => b.text)).toEqual(['4 ärenden', '2 ärenden', '0 ärenden', '1 ärende', '0 ärenden']);
    const [a, g, p] = layout.bars;
    expect(a!.width).toBeGreaterThan(0);
    expect(g!.width).toBe(Math.round(a!.width / 2));
    expect(p!.width).toBe(0);
    expect(layout.width).toBe(CHART_WIDTH);
  });

  it('names the series in each value text when there are several, and keeps every text inside the chart', () => {
    const layout = layoutBarChart(
      yearChart([
        { year: 2020, byBasis: { total: 3240000, 'per-year': 2080500, maximum: 0, 'maximum-per-year': 0 } },
        { year: undefined, byBasis: { total: 0, 'per-year': 0, maximum: 1965000, 'maximum-per-year': 0 } },
      ]),
    );
    expect(layout.legend.map((l) => l.label)).toEqual(['för hela perioden', 'per år', 'tak, hela perioden']);
    expect(layout.labels.map((l) => l.text)).toEqual(['2020', 'År ej angivet']);
    expect(layout.bars.map((b) => [b.text, b.seriesIndex])).toEqual([
      ['3\u00a0240\u00a0000\u00a0kr (för hela perioden)', 0],
      ['2\u00a0080\u00a0500\u00a0kr (per år)', 1],
      ['1\u00a0965\u00a0000\u00a0kr (tak, hela perioden)', 2],
    ]);
    for (const b of layout.bars) expect(b.textX + b.text.length * 8.5).toBeLessThanOrEqual(layout.width);
    // Bars do not overlap each other or the labels.
    const ys = layout.bars.map((b) => b.y);
    expect([...ys].sort((x, y) => x - y)).toEqual(ys);
    expect(layout.height).toBeGreaterThan(ys.at(-1)! + 18);
  });

  it('is empty when there is nothing to draw', () => {
    expect(layoutBarChart(yearChart([])).empty).toBe(true);
  });
});
