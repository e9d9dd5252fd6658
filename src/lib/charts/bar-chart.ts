/**
 * Horizontal bar charts laid out at build time, as plain numbers for a
 * static SVG (src/components/BarChart.astro): no chart JavaScript in the
 * browser. Each group (a year, an organisation, a kind) has a label line and
 * one bar per series with a value text after it; with several series the
 * text names the series too, so nothing is told by colour alone. Every chart
 * has a data table beside it on the page.
 */

export interface ChartSeries {
  key: string;
  /** Short label, used in the legend and after each value ("per år"). */
  label: string;
}

export interface ChartGroup {
  label: string;
  values: { series: string; value: number; valueLabel: string }[];
}

export interface BarChartInput {
  series: readonly ChartSeries[];
  groups: readonly ChartGroup[];
}

export interface LaidOutBar {
  x: number;
  y: number;
  width: number;
  height: number;
  /** Index of the series (for the colour class). */
  seriesIndex: number;
  text: string;
  textX: number;
  textY: number;
}

export interface BarChartLayout {
  width: number;
  height: number;
  legend: { x: number; y: number; seriesIndex: number; label: string }[];
  labels: { x: number; y: number; text: string }[];
  bars: LaidOutBar[];
  /** True when there is nothing to draw. */
  empty: boolean;
}

/** The chart's least coordinate width; text is 14 units, so it stays legible when scaled to a phone. Wider when its texts need it. */
export const CHART_WIDTH = 420;
/** Estimated width of one character at font size 14 (generous, so text is never clipped). */
const CHAR_WIDTH = 8.5;
const MIN_BAR_ROOM = 120;
const BAR = 18;
const BAR_GAP = 4;
const LABEL_LINE = 20;
const GROUP_GAP = 14;
const LEGEND_LINE = 22;

/** Lays out a horizontal bar chart. Zero values get no bar but keep their text. */
export function layoutBarChart(input: BarChartInput): BarChartLayout {
  const many = input.series.length > 1;
  const index = new Map(input.series.map((s, i) => [s.key, i]));
  const max = Math.max(0, ...input.groups.flatMap((g) => g.values.map((v) => v.value)));
  const textOf = (v: ChartGroup['values'][number]) =>
    many ? `${v.valueLabel} (${input.series[index.get(v.series) ?? 0]?.label ?? ''})` : v.valueLabel;
  const longestValue = Math.max(0, ...input.groups.flatMap((g) => g.values.map((v) => textOf(v).length)));
  const longestLabel = Math.max(
    0,
    ...input.groups.map((g) => g.label.length),
    ...input.series.map((s) => s.label.length + 3),
  );
  const textRoom = Math.ceil(longestValue * CHAR_WIDTH) + 8;
  const room = Math.max(MIN_BAR_ROOM, CHART_WIDTH - textRoom);
  const width = Math.max(CHART_WIDTH, room + textRoom, Math.ceil(longestLabel * CHAR_WIDTH));
  const legend = many ? input.series.map((s, i) => ({ x: 0, y: i * LEGEND_LINE, seriesIndex: i, label: s.label })) : [];
  let y = legend.length * LEGEND_LINE + (many ? 6 : 0);
  const labels: BarChartLayout['labels'] = [];
  const bars: LaidOutBar[] = [];
  for (const g of input.groups) {
    labels.push({ x: 0, y: y + 15, text: g.label });
    y += LABEL_LINE;
    for (const v of g.values) {
      const seriesIndex = index.get(v.series) ?? 0;
      const barWidth = max > 0 ? Math.max(v.value > 0 ? 2 : 0, Math.round((v.value / max) * room)) : 0;
      bars.push({
        x: 0,
        y,
        width: barWidth,
        height: BAR,
        seriesIndex,
        text: textOf(v),
        textX: barWidth + 6,
        textY: y + 14,
      });
      y += BAR + BAR_GAP;
    }
    y += GROUP_GAP;
  }
  return { width, height: Math.max(y, 1), legend, labels, bars, empty: bars.length === 0 };
}
