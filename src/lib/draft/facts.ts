/**
 * The facts around the decision: the period the work runs, promised reports
 * and when they are due, targets and results with numbers, the target group's
 * ages, the documents the decision rests on and the officials who signed it.
 */
import { type DraftRange, type DraftText, propose, type Proposal, type SourceRef } from './proposal.ts';
import { findDates, findRanges, type Found } from './swedish.ts';
import { isOtherSection } from './decision.ts';
import { type Sentence, words } from './text.ts';

const RUNS_SINCE = words(
  /\b(?:pågått|pågår|bedrivits|drivits|startade|startat|har funnits)\s+(?:sedan|från)\s*$|\bfrån\s+starten\s+i\s*$|\bsedan\s+starten\s+i\s*$/iu,
);
const RUNS_UNTIL = words(
  /\b(?:pågå|löpa|gälla|fortsätta)\s+(?:enligt plan\s+)?(?:till och med|t\.o\.m\.|fram till|till)\s*$/iu,
);
const PERIOD_WORDS = words(/\b(?:period(?:en)?|projektperiod(?:en)?|gälla|gäller|pågå|pågår|löptid|avser|under)\b/iu);

/**
 * The period: where the text says how long the work has run ("har pågått sedan 1 okt
 * 2018, och planeras att pågå till och med december 2020"), else the first range in a
 * decision point, else the first range in a sentence about the period.
 */
export function period(text: DraftText, points: readonly SourceRef[]): Proposal | undefined {
  for (const s of text.sentences) {
    const dates = findDates(s.text);
    const start = dates.find((d) => RUNS_SINCE.test(s.text.slice(0, d.index)));
    if (!start) continue;
    const end = dates.find((d) => d.index > start.index && RUNS_UNTIL.test(s.text.slice(start.end, d.index)));
    const value: DraftRange =
      end && end.value >= start.value ? { start: start.value, end: end.value } : { start: start.value };
    return propose('period', value, s);
  }
  for (const p of points) {
    const [r] = findRanges(p.text);
    if (r) return propose('period', r.value, p);
  }
  for (const s of text.sentences) {
    const r = findRanges(s.text).find((x) => PERIOD_WORDS.test(s.text.slice(Math.max(0, x.index - 40), x.index)));
    if (r) return propose('period', r.value, s);
  }
  return undefined;
}

const REPORTS = words(
  /\b(?:presentera[sr]?|redovisa[sr]?|återrapportera[sr]?|rapportera[sr]?|avrapportera[sr]?|återredovisa[sr]?|lämnas|följs upp|delrapport\w*|slutrapport\w*|redovisning\w*)\b/iu,
);

/** The report promised: the sentence up to the words that give its date. */
function whatOf(sentence: string, first: Found<string>): string {
  return sentence
    .slice(0, first.index)
    .replace(/\s+(?:i|den|senast|under|per|till och med|före|efter)(?:\s+(?:den|i|slutet av|början av))?\s*$/iu, '')
    .replace(/[\s,;:]+$/u, '')
    .trim();
}

/** Promised reports: a sentence that says something is reported, with the dates it is due (not a period). */
export function followUps(text: DraftText, points: readonly SourceRef[]): Proposal[] {
  const out: Proposal[] = [];
  const seen = new Set<string>();
  const candidates: SourceRef[] = [...points, ...text.sentences];
  for (const s of candidates) {
    if (!REPORTS.test(s.text)) continue;
    const ranges = findRanges(s.text);
    const dates = findDates(s.text).filter((d) => !ranges.some((r) => d.index >= r.index && d.index < r.end));
    if (dates.length === 0) continue;
    const what = whatOf(s.text, dates[0]!);
    if (what.length < 5) continue;
    for (const d of dates) {
      if (seen.has(d.value)) continue;
      seen.add(d.value);
      out.push(propose('followUps', { due: d.value, what }, s));
    }
  }
  return out;
}

const COUNT_UNIT = words(
  /(?<![\d,.])(\d{1,3}(?: \d{3})*|\d+)\s+(?:st\.?\s+)?(personer|deltagare|individer|ungdomar|unga|elever|anställningar|platser)\b/giu,
);
const TARGET = words(
  /\b(?:mål(?:et|en|sättning\w*)?|projektmål\w*|planerad för|planeras för|ska nå|ska minst|förväntas)\b/iu,
);
const ACTUAL = words(
  /\b(?:utfall på|har\s+\d[\d ]*\s+(?:st\.?\s+)?\w+\s+(?:anvisats|deltagit|påbörjat|fått)|hade\s+(?:projektet|insatsen|verksamheten)\b|fanns\s+(?:totalt\s+)?\d+|hanterat)\b/iu,
);

/** The figure's date: a month or day written before it in the sentence ("I november 2019 hade …"). */
function asOfIn(sentence: string, before: number): string | undefined {
  const ranges = findRanges(sentence);
  const dates = findDates(sentence).filter(
    (d) => d.end <= before && !ranges.some((r) => d.index >= r.index && d.index < r.end),
  );
  const d = dates.at(-1);
  return d && d.value.length >= 7 ? d.value : undefined;
}

/** Targets and results: a count of people in a sentence that states a goal, or a result reached. */
export function outcomes(text: DraftText): Proposal[] {
  const out: Proposal[] = [];
  const seen = new Set<string>();
  for (const s of text.sentences) {
    const isTarget = TARGET.test(s.text);
    const isActual = !isTarget && ACTUAL.test(s.text);
    if (!isTarget && !isActual) continue;
    const [m] = [...s.text.matchAll(COUNT_UNIT)];
    if (!m) continue;
    const value = Number(m[1]!.replace(/ /gu, ''));
    const key = `${isTarget ? 't' : 'a'}${value}`;
    if (seen.has(key) || value === 0) continue;
    seen.add(key);
    const indicator = s.text.length <= 300 ? s.text.replace(/\.$/u, '') : `${s.text.slice(0, 297)}…`;
    const asOf = isActual ? asOfIn(s.text, m.index ?? 0) : undefined;
    out.push(
      propose(
        'outcomes',
        { indicator, ...(isTarget ? { target: value } : { actual: value }), unit: 'personer', asOf },
        s,
      ),
    );
  }
  return out;
}

/** Ages, only where the text speaks of age: `i åldersspannet 20 – 60 år`, `i åldern 16–24 år`. */
export function ages(text: DraftText): Proposal | undefined {
  const re = words(
    /\b(?:ålder|åldern|åldrarna|åldersspann\w*|åldersgrupp\w*|åldersintervall\w*)\s+(?:mellan\s+)?(\d{1,3})\s*(?:[–—-]|till|och)\s*(\d{1,3})\s*år\b/iu,
  );
  for (const s of text.sentences) {
    const m = re.exec(s.text);
    if (!m) continue;
    const ageFrom = Number(m[1]);
    const ageTo = Number(m[2]);
    if (ageFrom <= ageTo && ageTo <= 120) return propose('targetGroup', { ageFrom, ageTo }, s);
  }
  return undefined;
}

const DOCUMENT_HEADING = /^(?:beslutsunderlag|bilagor?|underlag|handlingar i ärendet|handlingar)\s*:?(?:\s+(.+))?$/iu;
/** Lines of a protocol's foot that end a list: signatures, attestation. */
const PROTOCOL_FOOT =
  /^(?:justerandes? signatur|justerare|justeras|utdragsbestyrkande|vid protokollet|sekreterare|ordförande|signatur|underskrift)\b/iu;
const FILE_EXTENSION = /\.(?:docx?|pdf|xlsx?|pptx?|odt|ods|txt|rtf)$/iu;

/** The documents listed under `Beslutsunderlag` or `Bilagor`, file extensions taken off. */
export function documents(text: DraftText): Proposal[] {
  const out: Proposal[] = [];
  const units = text.units;
  for (let i = 0; i < units.length; i++) {
    const m = DOCUMENT_HEADING.exec(units[i]!.text);
    if (!m) continue;
    const titles: { title: string; unit: SourceRef }[] = [];
    if (m[1]) titles.push({ title: m[1], unit: units[i]! });
    for (let j = i + 1; j < units.length; j++) {
      const u = units[j]!;
      const t = u.text;
      const looksLikeTitle = t.length <= 150 && (!/[.!?]$/u.test(t) || FILE_EXTENSION.test(t)) && !isOtherSection(t);
      if (!looksLikeTitle || PROTOCOL_FOOT.test(t) || (t.includes(':') && !FILE_EXTENSION.test(t))) break;
      // The signature after the list: a name over a title or an office ("Anna Berg" / "Förvaltningschef").
      const next = units[j + 1]?.text ?? '';
      if (ROLE_LINE.test(t) || (PERSON.test(t) && (ROLE_LINE.test(next) || OFFICE.test(next)))) break;
      titles.push({ title: t, unit: u });
    }
    for (const { title, unit } of titles) {
      const clean = title
        .replace(FILE_EXTENSION, '')
        .replace(/^bilaga\s*\d*\s*[:.–-]?\s*/iu, '')
        .trim();
      if (clean.length >= 3) out.push(propose('documents', { title: clean }, unit));
    }
    if (out.length > 0) break;
  }
  return out;
}

const PERSON = /^\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?(?:\s+\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?){1,2}$/u;
const OFFICE = /^\p{Lu}[\p{L}-]*(?:kontoret|förvaltningen|avdelningen|enheten|sektionen|staben|kansliet|centrum)$/u;
/** A job title on a line of its own, as under a signature. */
const ROLE_LINE =
  /^(?:[\p{L}-]*(?:chef|direktör|handläggare|sekreterare|ordförande|samordnare|strateg|utvecklare|utvecklingsledare|controller|konsulent|ansvarig)|kommundirektör|stadsdirektör)$/iu;

/**
 * The officials named at the end: an office on a line of its own ("Utbildningskontoret")
 * followed by lines that are names only, before `Beslutet skickas till` or the end.
 */
export function signedBy(text: DraftText): Proposal[] {
  const units = text.units;
  let end = units.findIndex((u) =>
    words(/^(?:beslutet skickas till|expedieras till|beslutet ska skickas till)\b/iu).test(u.text),
  );
  if (end < 0) end = units.length;
  const names: Sentence[] = [];
  let i = end - 1;
  while (i >= 0 && PERSON.test(units[i]!.text) && !OFFICE.test(units[i]!.text)) {
    names.unshift({ text: units[i]!.text, page: units[i]!.page, unit: i });
    i--;
  }
  if (names.length === 0 || names.length > 4 || i < 0 || !OFFICE.test(units[i]!.text)) return [];
  const office = units[i]!;
  return names.map((n) => propose('signedBy', { name: n.text, unit: office.text }, office, n));
}
