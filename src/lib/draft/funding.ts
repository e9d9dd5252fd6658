/**
 * The money: each sum the decision grants or the application asks for, with
 * its basis where words beside it say one (högst/maximalt, per år, totalt,
 * sammanlagd), who pays and who receives, and a breakdown when the document
 * lists rows that add up to a stated total.
 */
import type { Basis } from '../core/vocabulary.ts';
import { NAME, type PartyList } from './parties.ts';
import {
  type DraftFunding,
  type DraftRange,
  type DraftText,
  propose,
  type Proposal,
  type SourceRef,
} from './proposal.ts';
import { findAmounts, findRanges } from './swedish.ts';
import { words } from './text.ts';

const CEILING = words(/\b(?:högst|maximalt|max|maxbelopp|upp till|som mest|ett tak)\b/iu);
const YEARLY = words(/\b(?:per år|om året|årligen|per kalenderår|årlig[ta]?)\b|\/år\b/iu);
const TOTAL = words(
  /\b(?:totalt|total[a]? kostnad\w*|sammanlag[dt]\w*|för hela (?:projekt)?perioden|för projektperioden)\b/iu,
);

/** The basis the words of one sentence state, or undefined. */
export function basisIn(sentence: string): Basis | undefined {
  const ceiling = CEILING.test(sentence);
  const yearly = YEARLY.test(sentence);
  if (ceiling) return yearly ? 'maximum-per-year' : 'maximum';
  if (yearly) return 'per-year';
  if (TOTAL.test(sentence)) return 'total';
  return undefined;
}

/** The basis for a sum: from its own sentence, or from the one other sentence that states the same sum with a basis. */
function basisFor(amount: number, own: SourceRef, text: DraftText): { basis?: Basis; source?: SourceRef } {
  const here = basisIn(own.text);
  if (here) return { basis: here };
  const found = new Map<Basis, SourceRef>();
  for (const s of text.sentences) {
    if (s.text === own.text || !findAmounts(s.text).some((a) => a.value === amount)) continue;
    const b = basisIn(s.text);
    if (b && !found.has(b)) found.set(b, s);
  }
  if (found.size !== 1) return {};
  const [[basis, source]] = [...found.entries()] as [[Basis, SourceRef]];
  return { basis, source };
}

const PAYS = words(
  /\b(?:finansiering|finansiera|finansierar|bevilja|beviljar|beviljas|bidrag|bidra|stöd|medel|tilldela|anslå|ersättning)\b/iu,
);
const TO = words(new RegExp(String.raw`\b(?:till|med)\s+(${NAME})(?=\s+(?:om|för|under|med|att)\b|[,.]|$)`, 'u'));

interface FundingInput {
  points: readonly SourceRef[];
  organisation: string | undefined;
  parties: PartyList;
}

/** Rows just above a `Totalt …` row that end in a sum, when they add up to it exactly. */
function itemsAbove(
  text: DraftText,
  unitIndex: number,
  total: number,
): { label: string; amount: number }[] | undefined {
  const items: { label: string; amount: number }[] = [];
  for (let i = unitIndex - 1; i >= 0; i--) {
    const u = text.units[i]!;
    const amounts = findAmounts(u.text);
    const last = amounts.at(-1);
    if (!last || u.text.slice(last.end).trim() !== '' || words(/^totalt?\b/iu).test(u.text)) break;
    const label = u.text
      .slice(0, last.index)
      .replace(/[\s:–-]+$/u, '')
      .trim();
    if (label === '') break;
    items.unshift({ label: label.slice(0, 300), amount: last.value });
  }
  const sum = items.reduce((n, item) => n + item.amount, 0);
  return items.length >= 2 && sum === total ? items : undefined;
}

/**
 * The funding entries:
 * - a sum in a decision point that grants, finances or agrees money: paid by the
 *   organisation, to the party the point names (`med AB Stångåstaden om finansiering`)
 *   or the one applicant or recipient;
 * - a `Totalt från <part> per år: <sum>` row, with the rows above it as its breakdown;
 * - an `Ansökt belopp: <sum>` line: paid by the funder the application is addressed
 *   to, to its owner or applicant.
 * A period written beside the sum is the entry's own period.
 */
export function fundingEntries(text: DraftText, input: FundingInput): Proposal[] {
  const out: Proposal[] = [];
  const seen = new Set<number>();
  const { parties } = input;
  const receiver = () => {
    const candidates = [
      ...parties.withRole('recipient'),
      ...parties.withRole('applicant'),
      ...parties.withRole('owner'),
    ];
    return candidates.length === 1 ? candidates[0]!.name : undefined;
  };
  const rangeIn = (s: string): DraftRange | undefined => findRanges(s)[0]?.value;

  for (const point of input.points) {
    const applied = words(/^(?:ansökt belopp|sökt belopp|vi ansöker om)\b/iu).test(point.text);
    if (!applied && !PAYS.test(point.text)) continue;
    const [first] = findAmounts(point.text);
    if (!first || seen.has(first.value)) continue;
    seen.add(first.value);
    const { basis, source } = basisFor(first.value, point, text);
    const named = TO.exec(point.text);
    const from = applied ? parties.withRole('funder')[0]?.name : input.organisation;
    const to = !applied && named && named[1] !== input.organisation ? parties.spelling(named[1]!) : receiver();
    const entry: DraftFunding = { from, to, amount: first.value, basis, period: rangeIn(point.text) };
    out.push(propose('funding', entry, point, ...(source ? [source] : [])));
  }

  text.units.forEach((u, i) => {
    const m = /^totalt?\s+från\s+(.+?)(?:\s+per\s+år|\s+årligen)?\s*:/iu.exec(u.text);
    const amount = findAmounts(u.text).at(-1);
    if (!m || !amount || seen.has(amount.value)) return;
    seen.add(amount.value);
    const entry: DraftFunding = { from: parties.spelling(m[1]!.trim()), amount: amount.value, basis: basisIn(u.text) };
    const items = itemsAbove(text, i, amount.value);
    if (items) entry.items = items;
    out.push(propose('funding', entry, u));
  });
  return out;
}
