/**
 * The decision itself: the document's title, its decision section ("Förslag
 * till beslut", "Beslut") and the points in it, the deciding body, the
 * organisation, the kind and status where the wording says them, the
 * decision or proposal date and the diarienummer.
 */
import type { Kind, Status } from '../core/vocabulary.ts';
import { type DraftText, propose, type Proposal } from './proposal.ts';
import { findDates } from './swedish.ts';
import { normalise, splitSentences, type Unit, words } from './text.ts';

/** Headings of the parts of a tjänsteskrivelse or protocol that are not the decision. */
const OTHER_SECTIONS =
  /^(?:ärende(?:t|beskrivning)?|sammanfattning|bakgrund|beskrivning|bedömning|ekonomiska konsekvenser|ekonomi|finansiering(?: och andra resurser)?|beslutsunderlag|bilagor?|handlingar|kommunala mål|jämställdhet|samråd|uppföljning(?: och utvärdering)?|utvärdering|yttrande|konsekvenser|förvaltningens (?:bedömning|förslag)|juridisk bedömning|information eller förhandling.*|beslutet skickas till|expedieras till|mål och förväntat resultat|tidsplan|syfte|målgrupp(?:er)?.*|projektägare och samverkanspart.*|ansvarsfördelning.*)$/iu;

const DECISION_HEADING =
  /^(?:förslag till beslut|beslutsförslag|förslag till nämndens beslut|förslag till styrelsens beslut|beslut|nämndens beslut|styrelsens beslut|[\p{L}-]+(?:nämndens|styrelsens|utskottets|fullmäktiges) beslut|förslag)$/iu;

/** Words that name a deciding body. */
const ORGAN = String.raw`[\p{Lu}][\p{L}]*-\s+och\s+\p{Ll}[\p{L}-]*(?:nämnden|styrelsen|utskottet)|[\p{Lu}][\p{L}-]*(?:nämnden|styrelsen|fullmäktige|utskottet|direktionen)|[Ff]ullmäktige|[Dd]irektionen|[Ss]tyrelsen|[Nn]ämnden`;
const ORGAN_AT_START = words(new RegExp(String.raw`^(${ORGAN})s?\b`, 'u'));
const PROPOSES = words(
  new RegExp(
    String.raw`\bföreslår\s+(?:att\s+)?([\p{L}-]*(?:nämnden|styrelsen|fullmäktige|utskottet|direktionen))s?\s+(?:att\s+)?besluta|^(${ORGAN})\s+föreslås\s+(?:att\s+)?besluta`,
    'iu',
  ),
);
const DECIDES = words(new RegExp(String.raw`^(${ORGAN})\s+(?:beslutar|beslutade|har beslutat)\b`, 'u'));

export const isOtherSection = (text: string) => OTHER_SECTIONS.test(normalise(text));
export const isDecisionHeading = (text: string) => DECISION_HEADING.test(normalise(text));

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** `förbundsstyrelsens` → `Förbundsstyrelsen`. */
function organName(word: string): string {
  const base = /(?:nämnden|styrelsen|fullmäktige|utskottet|direktionen)s$/iu.test(word) ? word.slice(0, -1) : word;
  return capitalise(base);
}

/** The units of the decision section: from its heading to the next heading that is not part of it. */
export function decisionSection(units: readonly Unit[]): { heading: Unit; units: Unit[] } | undefined {
  // A heading may have its first line right under it, so any short line naming the section counts.
  const start = units.findIndex((u) => u.text.length <= 60 && !u.marker && isDecisionHeading(u.text));
  if (start < 0) return decidingLine(units);
  const out: Unit[] = [];
  for (const u of units.slice(start + 1)) {
    if (u.heading && !PROPOSES.test(u.text) && !DECIDES.test(u.text)) break;
    if (isOtherSection(u.text)) break;
    out.push(u);
  }
  return { heading: units[start]!, units: out };
}

/**
 * Minutes without a Beslut heading: the section starts at the line that says who decides
 * (`Förbundsstyrelsen beslutar`, `Arbetsmarknadsnämnden föreslås besluta`) when decision
 * items follow it, and that line is part of it.
 */
function decidingLine(units: readonly Unit[]): { heading: Unit; units: Unit[] } | undefined {
  const start = units.findIndex(
    (u) => !u.marker && u.text.length <= 120 && (DECIDES.test(u.text) || PROPOSES.test(u.text)),
  );
  if (start < 0) return undefined;
  const out: Unit[] = [units[start]!];
  for (const u of units.slice(start + 1)) {
    if (u.heading || isOtherSection(u.text)) break;
    out.push(u);
  }
  return out.some((u) => u.marker !== undefined) ? { heading: units[start]!, units: out } : undefined;
}

/** A decision point as the case format keeps it: without `att`, numbering or a trailing `;`/`, samt`. */
const cleanPoint = (text: string) =>
  text
    .replace(/^att\s+/iu, '')
    .replace(/[;,]\s*(?:samt|och)?\s*$/u, '')
    .replace(/\s+samt$/u, '')
    .trim();

export interface DecisionFacts {
  points: Proposal[];
  section: { heading: Unit; units: Unit[] } | undefined;
}

/**
 * The decision points: the numbered, bulleted or `att` items of the decision section,
 * or its sentences when it has no items. An application without a decision section
 * states what it asks for on an `Ansökt belopp:` or `Vi ansöker om` line: that is
 * its point.
 */
export function decisionPoints(text: DraftText): DecisionFacts {
  const section = decisionSection(text.units);
  if (section) {
    const body = section.units.filter((u) => !PROPOSES.test(u.text) && !DECIDES.test(u.text));
    const items = body.filter((u) => u.marker !== undefined);
    const chosen = items.length > 0 ? items : body.filter((u) => !u.heading);
    const points = chosen.map((u) => propose('decisionPoints', cleanPoint(u.text), u)).filter((p) => p.value !== '');
    if (points.length > 0) return { points, section };
  }
  const applied = text.units.find((u) => words(/^(?:ansökt belopp|sökt belopp|vi ansöker om)\b/iu).test(u.text));
  return { points: applied ? [propose('decisionPoints', cleanPoint(applied.text), applied)] : [], section };
}

/** The deciding body: the one asked to decide ("föreslår förbundsstyrelsen besluta"), or the subject of the first point. */
export function deciding(text: DraftText, facts: DecisionFacts): Proposal | undefined {
  for (const u of facts.section?.units ?? []) {
    const m = PROPOSES.exec(u.text) ?? DECIDES.exec(u.text);
    if (m) return propose('body', organName((m[1] ?? m[2])!), u);
  }
  for (const p of facts.points) {
    const m = ORGAN_AT_START.exec(p.value as string);
    if (m && /^\p{Lu}/u.test(m[1]!)) return propose('body', organName(m[1]!), ...p.sources);
  }
  const owner = ownerLine(text.units);
  if (owner?.unitName) return propose('body', owner.unitName, owner.unit);
  return undefined;
}

/** `Projektägare: Socialförvaltningen i Lunds kommun`: the unit and its organisation. */
export function ownerLine(
  units: readonly Unit[],
): { unit: Unit; name: string; unitName?: string; org?: string } | undefined {
  for (const unit of units) {
    const m = /^(?:projektägare|insatsägare|sökande(?: organisation)?)\s*:\s*(.+)$/iu.exec(unit.text);
    if (!m) continue;
    const name = m[1]!.trim().replace(/[.,;]$/u, '');
    const split = /^(\p{Lu}[\p{L}-]*(?:förvaltningen|kontoret|nämnden|avdelningen|enheten))\s+i\s+(.+)$/u.exec(name);
    return split ? { unit, name, unitName: split[1]!, org: split[2]! } : { unit, name };
  }
  return undefined;
}

const ORGANISATION = words(
  /\b(?:[\p{Lu}][\p{L}-]+s?\s+(?:kommun|stad)|Region\s+[\p{Lu}][\p{L}-]+|[\p{Lu}][\p{L}-]+\s+län)\b/gu,
);
const FEDERATION = words(/\bSamordningsförbundet(?:\s+(?:i\s+)?\p{Lu}[\p{L}-]+(?:\s+\p{Lu}[\p{L}-]+)?)?/gu);

/**
 * The organisation that decides: a coordination association when the deciding body is
 * one of its organs (förbundsstyrelsen) or the text names one as deciding; otherwise the
 * municipality or region the text names most often.
 */
export function organisation(text: DraftText, body: string | undefined): Proposal | undefined {
  const federationBody = body !== undefined && /^förbund|^förbundsstyrelsen$/iu.test(body);
  const count = (pattern: RegExp) => {
    const counts = new Map<string, { n: number; first: { text: string; page: number } }>();
    for (const s of text.sentences) {
      for (const m of s.text.matchAll(pattern)) {
        const name = m[0].trim();
        const entry = counts.get(name);
        if (entry) entry.n++;
        else counts.set(name, { n: 1, first: s });
      }
    }
    return [...counts.entries()].sort((a, b) => b[1].n - a[1].n);
  };
  if (federationBody) {
    const [best] = count(FEDERATION);
    if (best) return propose('organisation', best[0], best[1].first);
  }
  const owner = ownerLine(text.units);
  if (owner?.org) return propose('organisation', owner.org, owner.unit);
  const ranked = count(ORGANISATION);
  const [best, second] = ranked;
  if (best && (best[1].n >= 2 || ranked.length === 1) && (!second || best[1].n > second[1].n)) {
    return propose('organisation', best[0], best[1].first);
  }
  return undefined;
}

/** Lines at the top of a page that are letterhead, not a title. */
const LETTERHEAD =
  /^(?:tjänsteskrivelse|protokoll(?:sutdrag)?|sammanträdesprotokoll|beslut|ärende|missiv|kallelse|föredragningslista|sida \d+.*|\d+ \(\d+\)|datum.*|dnr.*|diarienummer.*|vår referens.*|handläggare.*|[\p{L}-]+(?:kontoret|förvaltningen|nämnden|styrelsen))$/iu;

/** The title: an `Ärende:`/`Rubrik:` label, a `§ 12 Title` line, or the first line that is not letterhead. */
export function title(text: DraftText): Proposal | undefined {
  const fit = (t: string) => t.length >= 3 && t.length <= 200;
  for (const u of text.units.slice(0, 40)) {
    const labelled = /^(?:ärende|ärendemening|rubrik|ämne)\s*:\s*(.+)$/iu.exec(u.text);
    if (labelled && fit(labelled[1]!.trim())) return propose('title', labelled[1]!.trim(), u);
    // `§ 245 Dnr KS 2018-597` carries the paragraph's number and reference; its title is
    // what follows them, on the line or on the next one.
    const paragraph = /^§\s*\d+\s*(.*)$/u.exec(u.text);
    if (paragraph) {
      const rest = paragraph[1]!.replace(REFERENCE_PREFIX, '').trim();
      if (fit(rest)) return propose('title', rest, u);
      const next = text.units[text.units.indexOf(u) + 1];
      if (next && next.heading && !next.marker && fit(next.text) && !isLetterhead(next.text))
        return propose('title', next.text, next);
    }
  }
  const first = text.units.find((u) => u.page === 1 && !u.marker && !isLetterhead(u.text));
  if (first && first.heading && fit(first.text)) return propose('title', first.text, first);
  return undefined;
}

function isLetterhead(text: string): boolean {
  if (LETTERHEAD.test(text)) return true;
  if (findDates(text).some((d) => d.index === 0 && d.end >= text.length - 1)) return true;
  return words(
    /^[\p{Lu}][\p{L}-]+s?\s+(?:kommun|stad)$|^Region\s+\p{Lu}[\p{L}-]+$|^Samordningsförbundet\b.{0,40}$/u,
  ).test(text);
}

/** The diarienummer, only where the text labels it as one (`Dnr KS 2018-597`, `Diarienummer: AMN 2019/123`). */
const REFERENCE = String.raw`(?:[\p{Lu}]{1,8}(?:[ .-][\p{Lu}]{1,8})?\s?)?(?:19|20)\d{2}[-/.:]\d{1,6}(?:[-/.:]\d{1,6})*|[\p{Lu}]{1,8}\s?\d{1,4}[-/.]\d{2,6}(?:[-/.]\d{1,6})*`;
const REFERENCE_LABEL = String.raw`(?:dnr|diarienr|diarienummer|ärendenummer|ärendenr|vårt dnr|vår beteckning)`;

/** A labelled reference at the start of a line, with what separates it from the rest. */
const REFERENCE_PREFIX = new RegExp(String.raw`^${REFERENCE_LABEL}\.?\s*:?\s*(?:${REFERENCE})[\s,–-]*`, 'iu');

export function reference(text: DraftText): Proposal | undefined {
  const labelled = new RegExp(String.raw`(?<![\p{L}])${REFERENCE_LABEL}\.?\s*:?\s*(${REFERENCE})(?![\p{L}\d/-])`, 'iu');
  const alone = new RegExp(String.raw`^${REFERENCE_LABEL}\.?:?$`, 'iu');
  const whole = new RegExp(String.raw`^(${REFERENCE})$`, 'u');
  for (let i = 0; i < text.units.length; i++) {
    const u = text.units[i]!;
    const m = labelled.exec(u.text);
    if (m) return propose('reference', m[1]!.trim(), u);
    const next = text.units[i + 1];
    if (alone.test(u.text) && next) {
      const n = whole.exec(next.text);
      if (n) return propose('reference', n[1]!, u, next);
    }
  }
  return undefined;
}

/**
 * The decision date (for a proposal or an application: its date), only where labelled
 * (`Datum 2019-12-10`, `Sammanträdesdatum`, `beslutade den 10 december 2019`) or,
 * for a proposal or application, a full date standing alone at the top of page 1.
 */
export function decided(text: DraftText, status: Status | undefined): Proposal | undefined {
  const label = words(
    /\b(?:sammanträdesdatum|beslutsdatum|sammanträde(?:t)?|mötesdatum|datum|daterad|beslutade(?:s)?(?: den)?|beslutat(?: den)?)\s*:?\s*(?:den\s+)?$/iu,
  );
  for (const s of text.sentences) {
    for (const d of findDates(s.text)) {
      if (label.test(s.text.slice(0, d.index)) && d.value.length >= 7) return propose('decided', d.value, s);
    }
  }
  // A decision in minutes was made on the meeting's day: `Protokoll 2019-12-10`,
  // `Protokollsutdrag från sammanträdet den 10 december 2019`.
  if (status === 'decided') {
    for (const u of text.units.slice(0, 12)) {
      if (u.page !== 1) break;
      if (!/^(?:sammanträdes)?protokoll(?:sutdrag)?\b/iu.test(u.text)) continue;
      const [d] = findDates(u.text);
      if (d && d.value.length === 10 && /^[^\d]{0,40}$/u.test(u.text.slice(0, d.index)))
        return propose('decided', d.value, u);
    }
  }
  if (status === 'proposed' || status === 'applied') {
    for (const u of text.units.slice(0, 12)) {
      if (u.page !== 1) break;
      const [d] = findDates(u.text);
      if (d && d.index === 0 && d.end === u.text.length && d.value.length === 10) return propose('decided', d.value, u);
    }
  }
  return undefined;
}

/** The status, from explicit wording only. */
export function status(text: DraftText, facts: DecisionFacts): Proposal | undefined {
  const points = facts.points.map((p) => ({ text: p.value as string, page: p.sources[0]!.page }));
  const noted = points.find((p) =>
    words(/\b(?:noterar|noteras|lägger .{0,30}till handlingarna|läggs till handlingarna)\b/iu).test(p.text),
  );
  if (noted && words(/\binformation/iu).test(noted.text)) return propose('status', 'noted', noted);
  if (facts.section) {
    const { heading } = facts.section;
    const proposes = facts.section.units.find((u) => PROPOSES.test(u.text));
    if (/förslag/iu.test(heading.text) || proposes) return propose('status', 'proposed', proposes ?? heading);
    const decides = facts.section.units.find((u) => DECIDES.test(u.text));
    if (decides) {
      const rejected = points.find((p) => words(/^(?:att\s+)?avslå\b/iu).test(p.text));
      return rejected ? propose('status', 'rejected', rejected) : propose('status', 'decided', decides);
    }
    return undefined;
  }
  const applies = text.units.find((u) => words(/^(?:ansökt belopp|sökt belopp)\b|\bansöker om\b/iu).test(u.text));
  if (applies) return propose('status', 'applied', applies);
  return undefined;
}

const KIND_WORDS: [Kind, RegExp][] = [
  ['partnership', words(/\bidéburet offentligt partnerskap\b|\bIOP\b/iu)],
  ['agreement', words(/\b(?:överenskommelse|samverkansavtal|avtal)\b/iu)],
  ['grant', words(/\b(?:bevilja|beviljar|beviljas)\b.{0,60}\b(?:stöd|bidrag|medel|finansiering)\b/iu)],
  ['application', words(/^ansökan\b|\bansökan till\b/iu)],
];

/**
 * The kind, from explicit wording: first what the decision points say they do
 * (an agreement, a partnership, granting support), then the title ("Idéburet
 * offentligt partnerskap …", "Ansökan …"), then a point that only notes
 * information, which makes it a report.
 */
export function kind(
  facts: DecisionFacts,
  titleProposal: Proposal | undefined,
  statusValue: Status | undefined,
): Proposal | undefined {
  for (const p of facts.points) {
    for (const sentence of splitSentences(p.value as string)) {
      for (const [k, re] of KIND_WORDS) {
        if (k !== 'application' && re.test(sentence))
          return propose('kind', k, { text: sentence, page: p.sources[0]!.page });
      }
    }
  }
  if (titleProposal) {
    const t = titleProposal.value as string;
    for (const [k, re] of KIND_WORDS)
      if (k !== 'grant' && re.test(t)) return propose('kind', k, ...titleProposal.sources);
  }
  if (statusValue === 'noted') return propose('kind', 'report', ...facts.points[0]!.sources);
  return undefined;
}
