/**
 * What a commit changed in a case, in Swedish: compares the frontmatter of
 * two consecutive versions of a file and describes changes to the amounts,
 * periods, follow-ups, status and decision date ("Beloppet ändrades från
 * 2 400 000 kr till 2 500 000 kr"). Pure and tolerant: a version whose
 * frontmatter does not parse yields no descriptions, never an error.
 */
import { CORE_SCHEMA, load } from 'js-yaml';
import { STATUS_LABEL } from '../core/labels.ts';
import { BASIS_LABEL, formatAmount, formatKronor, UNKNOWN_AMOUNT } from '../core/money.ts';
import type { Basis } from '../core/vocabulary.ts';
import { formatPartialDate, formatPeriod, isPartialDate } from '../core/partial-date.ts';
import { splitFrontmatter } from '../content/parse-case.ts';
import { isRecord } from '../schema/issue.ts';

type Json = Record<string, unknown>;

/** The frontmatter's YAML text of a case file, or undefined when it has none. */
export function frontmatterText(source: string): string | undefined {
  return splitFrontmatter(source)?.yaml;
}

/** Parses frontmatter YAML as plain data (core schema: dates stay text), or undefined when it does not parse. */
export function parseFrontmatter(yaml: string): Json | undefined {
  try {
    const data: unknown = load(yaml, { schema: CORE_SCHEMA });
    return isRecord(data) ? data : undefined;
  } catch {
    return undefined;
  }
}

const str = (v: unknown): string | undefined =>
  typeof v === 'string' ? v : typeof v === 'number' ? String(v) : undefined;
const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);
const list = (v: unknown): Json[] => (Array.isArray(v) ? v.filter(isRecord) : []);

const dateText = (v: unknown): string => {
  const s = str(v);
  return s !== undefined && isPartialDate(s) ? formatPartialDate(s) : (s ?? 'inget datum');
};

function periodText(v: unknown): string | undefined {
  if (!isRecord(v)) return undefined;
  const start = str(v['start']);
  const end = str(v['end']);
  if (start === undefined || !isPartialDate(start)) return undefined;
  if (end !== undefined && !isPartialDate(end)) return undefined;
  return formatPeriod({ start, end });
}

const BASES = new Set(Object.keys(BASIS_LABEL));
const basisOf = (v: unknown): Basis => (typeof v === 'string' && BASES.has(v) ? (v as Basis) : 'total');
const kronor = (v: unknown): string => {
  const n = num(v);
  return n === undefined ? UNKNOWN_AMOUNT : formatKronor(n);
};

/** Describes how a funding entry is named in a sentence: "från Linköpings kommun till AB Stångåstaden". */
function flowName(f: Json): string {
  const from = str(f['from']);
  const to = str(f['to']);
  return [from && `från ${from}`, to && `till ${to}`].filter(Boolean).join(' ');
}

function describePeriod(label: string, before: unknown, after: unknown): string[] {
  const a = periodText(before);
  const b = periodText(after);
  if (a === b) return [];
  if (a === undefined) return b === undefined ? [] : [`${label} angavs: ${b}`];
  if (b === undefined) return [`${label} togs bort (var ${a})`];
  return [`${label} ändrades från ${a} till ${b}`];
}

function describeFunding(before: Json[], after: Json[]): string[] {
  const out: string[] = [];
  const many = Math.max(before.length, after.length) > 1;
  const common = Math.min(before.length, after.length);
  for (let i = 0; i < common; i++) {
    const a = before[i]!;
    const b = after[i]!;
    const which = many ? ` ${flowName(b)}` : '';
    if (num(a['amount']) !== num(b['amount']))
      out.push(`Beloppet${which} ändrades från ${kronor(a['amount'])} till ${kronor(b['amount'])}`);
    if (basisOf(a['basis']) !== basisOf(b['basis']))
      out.push(
        `Beloppets grund${which} ändrades från ${BASIS_LABEL[basisOf(a['basis'])]} till ${BASIS_LABEL[basisOf(b['basis'])]}`,
      );
    if (str(a['from']) !== str(b['from']) || str(a['to']) !== str(b['to']))
      out.push(
        `Betalare och mottagare ändrades från ${flowName(a) || 'ej angivet'} till ${flowName(b) || 'ej angivet'}`,
      );
    out.push(...describePeriod(`Perioden för beloppet${which}`, a['period'], b['period']));
  }
  for (const b of after.slice(common))
    out.push(`Ett belopp lades till: ${formatAmount(num(b['amount']), basisOf(b['basis']))} ${flowName(b)}`.trim());
  for (const a of before.slice(common))
    out.push(`Ett belopp togs bort: ${formatAmount(num(a['amount']), basisOf(a['basis']))} ${flowName(a)}`.trim());
  return out;
}

function describeFollowUps(before: Json[], after: Json[]): string[] {
  const out: string[] = [];
  const remaining = [...before];
  const takeMatch = (b: Json, index: number): Json | undefined => {
    // Same text first; else the entry at the same position if its text is not used later.
    let at = remaining.findIndex((a) => str(a['what']) === str(b['what']));
    if (at === -1) {
      const sameIndex = before[index];
      if (
        sameIndex !== undefined &&
        remaining.includes(sameIndex) &&
        !after.some((x) => str(x['what']) === str(sameIndex['what']))
      )
        at = remaining.indexOf(sameIndex);
    }
    return at === -1 ? undefined : remaining.splice(at, 1)[0];
  };
  after.forEach((b, i) => {
    const what = str(b['what']) ?? 'uppföljning';
    const a = takeMatch(b, i);
    if (!a) {
      out.push(`En uppföljning lades till: ${what} (ska komma ${dateText(b['due'])})`);
      return;
    }
    if (str(a['due']) !== str(b['due']))
      out.push(`Uppföljningen "${what}" flyttades från ${dateText(a['due'])} till ${dateText(b['due'])}`);
    if (str(a['done']) !== str(b['done'])) {
      if (b['done'] === undefined) out.push(`Uppföljningen "${what}" markeras inte längre som rapporterad`);
      else out.push(`Uppföljningen "${what}" rapporterades ${dateText(b['done'])}`);
    }
    if (str(a['what']) !== str(b['what']))
      out.push(`Uppföljningens beskrivning ändrades från "${str(a['what']) ?? ''}" till "${what}"`);
  });
  for (const a of remaining)
    out.push(`En uppföljning togs bort: ${str(a['what']) ?? 'uppföljning'} (skulle komma ${dateText(a['due'])})`);
  return out;
}

const statusText = (v: unknown): string => {
  const s = str(v);
  return s !== undefined && s in STATUS_LABEL
    ? STATUS_LABEL[s as keyof typeof STATUS_LABEL].toLowerCase()
    : (s ?? 'ingen');
};

/**
 * The changes between two versions' frontmatter, in Swedish sentences.
 * Only amounts, periods, follow-ups, status and decision date are described.
 */
export function describeChanges(before: Json | undefined, after: Json | undefined): string[] {
  if (!before || !after) return [];
  const out: string[] = [];
  if (str(before['status']) !== str(after['status']))
    out.push(`Status ändrades från ${statusText(before['status'])} till ${statusText(after['status'])}`);
  if (str(before['decided']) !== str(after['decided'])) {
    if (after['decided'] === undefined) out.push(`Beslutsdatumet togs bort (var ${dateText(before['decided'])})`);
    else if (before['decided'] === undefined) out.push(`Beslutsdatum angavs: ${dateText(after['decided'])}`);
    else out.push(`Beslutsdatumet ändrades från ${dateText(before['decided'])} till ${dateText(after['decided'])}`);
  }
  out.push(...describePeriod('Perioden', before['period'], after['period']));
  out.push(...describeFunding(list(before['funding']), list(after['funding'])));
  out.push(...describeFollowUps(list(before['followUps']), list(after['followUps'])));
  return out;
}
