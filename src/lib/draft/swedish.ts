/**
 * How Swedish decision documents write dates, periods and sums of money, read
 * into the case format's values: partial dates (`2019-12-10`, `2019-12`) and
 * whole kronor. Each finder returns where in the text the value was written,
 * so that a caller can tell which words stand next to it. Nothing here
 * guesses: a date without a year, a sum without a currency, a day that is not
 * in the calendar is not found.
 */
import { isPartialDate } from '../core/partial-date.ts';

const MONTHS: Record<string, number> = {
  januari: 1,
  jan: 1,
  februari: 2,
  feb: 2,
  mars: 3,
  mar: 3,
  april: 4,
  apr: 4,
  maj: 5,
  juni: 6,
  jun: 6,
  juli: 7,
  jul: 7,
  augusti: 8,
  aug: 8,
  september: 9,
  sept: 9,
  sep: 9,
  oktober: 10,
  okt: 10,
  november: 11,
  nov: 11,
  december: 12,
  dec: 12,
};

const MONTH_WORD = Object.keys(MONTHS)
  .sort((a, b) => b.length - a.length)
  .join('|');

/** A value found in a text, with where it was written. */
export interface Found<T> {
  value: T;
  /** Index of the first character in the text. */
  index: number;
  /** Index just after the last character. */
  end: number;
}

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * Dates written as `2019-12-10`, `2019-12`, `den 10 december 2019`, `1 okt 2018`,
 * `10/12 2019` is not Swedish office style and is left alone. A year alone is a
 * date only where `years` is true ("under 2020" is too loose to read everywhere).
 */
const DATE_PATTERN = new RegExp(
  [
    // 2019-12-10, 2019-12
    String.raw`(?<!\d)(?<isoY>(?:19|20)\d{2})-(?<isoM>\d{2})(?:-(?<isoD>\d{2}))?(?!\d)`,
    // (den) 10 december 2019, 1 okt. 2018, december 2019
    String.raw`(?:(?<!\d)(?<d>[0-3]?\d)(?::e|:a)?\s+)?(?<mon>${MONTH_WORD})\.?\s+(?<y>(?:19|20)\d{2})(?!\d)`,
  ].join('|'),
  'giu',
);

export function findDates(text: string): Found<string>[] {
  const out: Found<string>[] = [];
  for (const m of text.matchAll(DATE_PATTERN)) {
    const g = m.groups ?? {};
    let value: string | undefined;
    if (g['isoY']) value = g['isoD'] ? `${g['isoY']}-${g['isoM']}-${g['isoD']}` : `${g['isoY']}-${g['isoM']}`;
    else if (g['mon'] && g['y']) {
      const month = MONTHS[g['mon'].toLowerCase()];
      if (month === undefined) continue;
      value = g['d'] ? `${g['y']}-${pad(month)}-${pad(Number(g['d']))}` : `${g['y']}-${pad(month)}`;
    }
    if (value === undefined || !isPartialDate(value)) continue;
    // A month word must stand as a word: "mars" yes, "marsch" no (the pattern has no \b for å/ä/ö).
    const end = (m.index ?? 0) + m[0].length;
    if (/^[\p{L}]/u.test(text.slice(end))) continue;
    const start = m.index ?? 0;
    if (start > 0 && /[\p{L}]$/u.test(text.slice(0, start)) && !/^\d/.test(m[0])) continue;
    out.push({ value, index: start, end });
  }
  return out;
}

/** The first date in the text, or undefined. */
export function firstDate(text: string): string | undefined {
  return findDates(text)[0]?.value;
}

export interface DateRange {
  start: string;
  end: string;
}

/** Words between two dates that make them a range. */
const RANGE_JOIN =
  /^\s*(?:[–—-]{1,2}|till\s+och\s+med|t\.?\s?o\.?\s?m\.?|fram\s+till(?:\s+och\s+med)?|till|och\s+med)\s*$/iu;

/**
 * Periods: two dates joined by a dash, `--`, "till", "till och med" or "fram
 * till" (`2020-01-01 – 2020-12-31`, `1 januari 2022 fram till 31 december 2022`,
 * `september 2020 till februari 2023`), and year ranges (`2020–2021`). The end
 * must not come before the start.
 */
export function findRanges(text: string): Found<DateRange>[] {
  const dates = findDates(text);
  const out: Found<DateRange>[] = [];
  for (let i = 0; i + 1 < dates.length; i++) {
    const a = dates[i]!;
    const b = dates[i + 1]!;
    if (!RANGE_JOIN.test(text.slice(a.end, b.index))) continue;
    if (b.value < a.value.slice(0, b.value.length)) continue;
    out.push({ value: { start: a.value, end: b.value }, index: a.index, end: b.end });
    i++;
  }
  for (const m of text.matchAll(/(?<![\d-])((?:19|20)\d{2})\s?[–—-]\s?((?:19|20)\d{2})(?![\d-])/gu)) {
    const index = m.index ?? 0;
    if (out.some((r) => index >= r.index && index < r.end)) continue;
    if (m[2]! < m[1]!) continue;
    out.push({ value: { start: m[1]!, end: m[2]! }, index, end: index + m[0].length });
  }
  return out.sort((x, y) => x.index - y.index);
}

/** A number as written in Swedish: `2 400 000`, `2 400 000`, `2.400.000`, `2,4`. */
const NUMBER = String.raw`\d{1,3}(?:[ \u00a0\u202f.]\d{3})+(?:,\d+)?|\d+(?:,\d+)?`;

const UNIT_FACTOR: [RegExp, number][] = [
  [/^(?:mnkr|mkr|msek|miljoner\s+kronor|miljoner\s+kr|milj\.?\s+kr|miljoner)$/iu, 1_000_000],
  [/^(?:tkr|tusen\s+kronor|tusen\s+kr|ksek)$/iu, 1_000],
  [/^(?:kr|kronor|sek|:-)$/iu, 1],
];

const AMOUNT_PATTERN = new RegExp(
  String.raw`(?<![\d,.])(?:SEK\s+(?<pre>${NUMBER})|(?<num>${NUMBER})\s*(?<unit>mnkr|mkr|msek|miljoner\s+kronor|miljoner\s+kr|milj\.?\s+kr|miljoner(?=\s+kronor)|tkr|tusen\s+kronor|tusen\s+kr|ksek|kronor|kr\b|sek\b|:-))`,
  'giu',
);

/** `2 400 000` → 2400000, `2,4` → 2.4. */
export function parseSwedishNumber(text: string): number {
  return Number(text.replace(/[ \u00a0\u202f.]/g, '').replace(',', '.'));
}

/**
 * Sums of money in whole kronor: `2 400 000 kr`, `1 965 000 kronor`, `2,4 mnkr`,
 * `2,4 miljoner kronor`, `300 tkr`, `SEK 500 000`, `50 000:-`. A number without
 * a currency is not money ("27 000/månad" stays a number).
 */
export function findAmounts(text: string): Found<number>[] {
  const out: Found<number>[] = [];
  for (const m of text.matchAll(AMOUNT_PATTERN)) {
    const g = m.groups ?? {};
    const numberText = g['pre'] ?? g['num'];
    if (numberText === undefined) continue;
    let factor = 1;
    if (g['unit']) {
      const unit = g['unit'].replace(/\s+/g, ' ').trim();
      factor = UNIT_FACTOR.find(([re]) => re.test(unit))?.[1] ?? 1;
    }
    const value = Math.round(parseSwedishNumber(numberText) * factor);
    if (!Number.isFinite(value) || value <= 0) continue;
    const index = m.index ?? 0;
    out.push({ value, index, end: index + m[0].length });
  }
  return out;
}

/** Whole numbers written as digits, with their position (`50`, `1 100`). */
export function findCounts(text: string): Found<number>[] {
  const out: Found<number>[] = [];
  for (const m of text.matchAll(/(?<![\d,.%/-])(\d{1,3}(?:[ \u00a0]\d{3})+|\d+)(?![\d,.]\d|\s?%|-\w)/gu)) {
    const index = m.index ?? 0;
    out.push({ value: parseSwedishNumber(m[1]!), index, end: index + m[0].length });
  }
  return out;
}

/** The month number of a Swedish month word, or undefined. */
export function monthNumber(word: string): number | undefined {
  return MONTHS[word.toLowerCase().replace(/\.$/, '')];
}

export const MONTH_WORDS = MONTH_WORD;
