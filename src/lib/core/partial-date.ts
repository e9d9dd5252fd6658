/**
 * Partial dates: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
 *
 * A partial date stands for the whole period it names (`2020-09` is
 * 2020-09-01 … 2020-09-30). It is kept as its original text everywhere in the
 * data, and printed at its own precision, never inventing a day.
 */

export type Precision = 'year' | 'month' | 'day';

export interface ParsedPartialDate {
  year: number;
  month?: number;
  day?: number;
  precision: Precision;
}

const PATTERN = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

const MONTHS_SV = [
  'januari',
  'februari',
  'mars',
  'april',
  'maj',
  'juni',
  'juli',
  'augusti',
  'september',
  'oktober',
  'november',
  'december',
] as const;

/** Days in a month of the proleptic Gregorian calendar (month 1–12). */
export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** True when the year, month and day name a real calendar day. */
export function isRealDay(year: number, month: number, day: number): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/**
 * Parses a partial date. Returns `null` for anything that is not `YYYY`,
 * `YYYY-MM` or `YYYY-MM-DD` naming a real calendar period (`2021-02-30` and
 * `2020-13` are `null`).
 */
export function parsePartialDate(text: string): Readonly<ParsedPartialDate> | null {
  let parsed = PARSED.get(text);
  if (parsed === undefined) {
    parsed = parseUncached(text);
    PARSED.set(text, parsed);
  }
  return parsed;
}

/**
 * Parsed dates by text. A site has few distinct dates but asks about them
 * very often (sorting 10 000 cases compares their dates ~130 000 times), so
 * each text is parsed once. The results are frozen: callers share them.
 */
const PARSED = new Map<string, Readonly<ParsedPartialDate> | null>();

function parseUncached(text: string): Readonly<ParsedPartialDate> | null {
  const m = PATTERN.exec(text);
  if (!m) return null;
  const year = Number(m[1]);
  if (m[2] === undefined) return Object.freeze({ year, precision: 'year' });
  const month = Number(m[2]);
  if (month < 1 || month > 12) return null;
  if (m[3] === undefined) return Object.freeze({ year, month, precision: 'month' });
  const day = Number(m[3]);
  if (!isRealDay(year, month, day)) return null;
  return Object.freeze({ year, month, day, precision: 'day' });
}

export function isPartialDate(text: string): boolean {
  return parsePartialDate(text) !== null;
}

function must(text: string): Readonly<ParsedPartialDate> {
  const parsed = parsePartialDate(text);
  if (!parsed) throw new RangeError(`Not a partial date: ${text}`);
  return parsed;
}

const pad = (n: number): string => String(n).padStart(2, '0');

/** First day of the period a partial date names, as `YYYY-MM-DD`. */
export function firstDay(text: string): string {
  const { year, month = 1, day = 1 } = must(text);
  return `${year}-${pad(month)}-${pad(day)}`;
}

/** Last day of the period a partial date names, as `YYYY-MM-DD`. */
export function lastDay(text: string): string {
  const p = must(text);
  const month = p.month ?? 12;
  const day = p.day ?? daysInMonth(p.year, month);
  return `${p.year}-${pad(month)}-${pad(day)}`;
}

/** The year of a partial date. */
export function yearOf(text: string): number {
  return must(text).year;
}

/**
 * True when `end` can be at or after `start`: the last day `end` names is
 * not before the first day `start` names. (`2020` ≥ `2020-06` holds.)
 */
export function endNotBeforeStart(start: string, end: string): boolean {
  return lastDay(end) >= firstDay(start);
}

/**
 * Sort key for "newest first" lists: a partial date sorts by its first day,
 * and a more precise date after a less precise one starting the same day.
 */
export function sortKey(text: string): string {
  const rank = { year: 0, month: 1, day: 2 }[must(text).precision];
  return `${firstDay(text)}:${rank}`;
}

/** Formats a partial date in Swedish at its own precision: "2018", "september 2020", "18 december 2019". */
export function formatPartialDate(text: string): string {
  const p = must(text);
  if (p.month === undefined) return String(p.year);
  const month = MONTHS_SV[p.month - 1];
  if (p.day === undefined) return `${month} ${p.year}`;
  return `${p.day} ${month} ${p.year}`;
}

/** Formats a period "start – end" in Swedish, or "från start" when open-ended. */
export function formatPeriod(period: { start: string; end?: string | undefined }): string {
  if (period.end === undefined) return `från ${formatPartialDate(period.start)}`;
  return `${formatPartialDate(period.start)} – ${formatPartialDate(period.end)}`;
}

/** A calendar day (`Date`) as `YYYY-MM-DD` in UTC. */
export function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** Adds whole days to a `YYYY-MM-DD` day. */
export function addDays(day: string, days: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return isoDay(d);
}

/** Formats a full calendar day ("23 november 2026"). */
export function formatDay(date: Date): string {
  return formatPartialDate(isoDay(date));
}
