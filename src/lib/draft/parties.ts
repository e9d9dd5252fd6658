/**
 * Who is involved: the parties the text names with a role it states
 * ("Projektägare:", "ansöker om … tillsammans med", "ingår en överenskommelse
 * med … om finansiering"), and an organisationsnummer written beside a
 * party's name when its check digit is valid.
 */
import { luhnValid } from '../core/luhn.ts';
import type { Role } from '../core/vocabulary.ts';
import { findPersonnummer } from '../validate/personnummer.ts';
import { type DraftParty, type DraftText, propose, type Proposal, type SourceRef } from './proposal.ts';
import { normalise, words } from './text.ts';

/** A name as documents write one: capitalised words, `AB`, `i Lunds kommun`, `kommun`, `stad`. */
export const NAME = String.raw`(?:AB\s+)?\p{Lu}[\p{L}\d&-]*(?:\s+(?:\p{Lu}[\p{L}\d&-]*|AB|i\s+\p{Lu}[\p{L}-]*|kommun|stad|län|region))*`;
const NAME_ONLY = new RegExp(String.raw`^${NAME}$`, 'u');

/** `Försäkringskassan, Arbetsförmedlingen och Region Uppsala` → three names; anything that is not a name stops the list. */
export function namesInList(text: string): string[] {
  const parts = text
    .replace(/[.;]\s*$/u, '')
    .split(/\s*,\s*|\s+(?:och|samt)\s+/u)
    .map((p) => p.trim());
  const names: string[] = [];
  for (const p of parts) {
    if (!NAME_ONLY.test(p)) break;
    names.push(p);
  }
  return names;
}

const LABELLED_ROLES: [RegExp, Role][] = [
  [/^(?:projektägare|insatsägare)\s*:\s*(.+)$/iu, 'owner'],
  [/^(?:samverkanspart(?:er|ner)?|medsökande)\s*:\s*(.+)$/iu, 'partner'],
  [/^(?:sökande(?: organisation)?)\s*:\s*(.+)$/iu, 'applicant'],
  [/^(?:finansiär(?:er)?)\s*:\s*(.+)$/iu, 'funder'],
  [/^(?:mottagare|stödmottagare)\s*:\s*(.+)$/iu, 'recipient'],
];

const APPLIES = words(new RegExp(String.raw`^(${NAME})\s+ansöker\s+om\b.*?\btillsammans\s+med\s+(.+)$`, 'u'));
const APPLIES_ALONE = words(new RegExp(String.raw`^(${NAME})\s+ansöker\s+om\b`, 'u'));
const OWNER_AND_PARTNERS = words(
  new RegExp(String.raw`\b(${NAME})\s+är\s+insatsägare\s+och\s+(.+?)\s+är\s+samverkansparter\b`, 'u'),
);
const PARTNERSHIP = new RegExp(
  String.raw`^(${NAME})\s+och\s+(${NAME})\s+(?:ingick|ingår|har ingått|tecknade)\s+(?:ett|en)\s+(?:idéburet\s+offentligt\s+)?partnerskap`,
  'u',
);
const AGREEMENT_WITH = words(
  new RegExp(
    String.raw`\b(?:ingår|ingå|tecknar|teckna|träffar|träffa|godkänna|godkänner|godkänns)\s+(?:en\s+|ett\s+)?(?:överenskommelse(?:n)?|avtal(?:et)?|samverkansavtal(?:et)?|IOP|(?:idéburet\s+offentligt\s+)?partnerskap(?:et)?)\s+med\s+(${NAME})(?:\s*\([^)]*\))?(\s+om\s+(?:finansiering|att\s+finansiera|bidrag|stöd))?`,
    'u',
  ),
);
const MONEY_TO = words(
  new RegExp(
    String.raw`\b(?:tillskjuta|tillskjuter|anvisa|betala|betalar|utbetala)\s+(?:medel|ersättning|bidrag)\s+till\s+(${NAME})`,
    'u',
  ),
);
/** `att bevilja Stiftelsen Activa 2,4 mnkr`, `beviljar föreningen X ett bidrag`: X receives. */
const GRANT_TO = words(
  new RegExp(
    String.raw`\b(?:bevilja|beviljar|beviljas|tilldela|tilldelar)\s+(?:föreningen\s+|stiftelsen\s+|bolaget\s+)?(${NAME})(?:\s*\([^)]*\))?\s+(?:ett\s+|en\s+)?(?:bidrag|stöd|medel|ersättning|högst|maximalt|\d)`,
    'u',
  ),
);
/** `Ansökan till Finsam för …`, `Ansökan om medel från Samordningsförbundet X`: the funder asked. */
const APPLICATION_TO = words(
  new RegExp(
    String.raw`^[Aa]nsökan\s+(?:till|(?:om\s+(?:medel|stöd|bidrag|finansiering)\s+)(?:från|hos))\s+(${NAME})(?=\s+(?:för|om|avseende)\b|$)`,
    'u',
  ),
);

/** Names compared without case and white space. */
export const sameName = (a: string, b: string) => normalise(a) === normalise(b);

export class PartyList {
  readonly proposals: Proposal[] = [];

  /** Adds a party unless one of the same name is there; the first role stated wins. */
  add(name: string, role: Role | undefined, ...sources: SourceRef[]): void {
    const clean = name.trim();
    if (clean.length < 2 || clean.length > 200) return;
    const existing = this.find(clean);
    if (existing) {
      if (existing.role === undefined && role !== undefined) existing.role = role;
      return;
    }
    this.proposals.push(propose('parties', { name: clean, role }, ...sources));
  }

  find(name: string): DraftParty | undefined {
    return this.proposals.map((p) => p.value as DraftParty).find((p) => sameName(p.name, name));
  }

  /** The spelling already used for this name (`Linköpings stadsmission` → `Linköpings Stadsmission`). */
  spelling(name: string): string {
    return this.find(name)?.name ?? name;
  }

  withRole(role: Role): DraftParty[] {
    return this.proposals.map((p) => p.value as DraftParty).filter((p) => p.role === role);
  }
}

/**
 * The parties the text names with their roles. `points` are the decision points'
 * sentences; `titleText` the title, which names the funder of an application
 * ("Ansökan till Finsam för …").
 */
export function namedParties(text: DraftText, points: readonly SourceRef[], titleText: string | undefined): PartyList {
  const list = new PartyList();
  for (const u of text.units) {
    for (const [re, role] of LABELLED_ROLES) {
      const m = re.exec(u.text);
      if (m) for (const name of namesInList(m[1]!)) list.add(name, role, u);
    }
  }
  for (const s of text.sentences) {
    const applies = APPLIES.exec(s.text);
    if (applies) {
      list.add(applies[1]!, 'applicant', s);
      for (const name of namesInList(applies[2]!)) list.add(name, 'partner', s);
    } else {
      const alone = APPLIES_ALONE.exec(s.text);
      if (alone) list.add(alone[1]!, 'applicant', s);
    }
    const owner = OWNER_AND_PARTNERS.exec(s.text);
    if (owner) {
      list.add(owner[1]!, 'owner', s);
      for (const name of namesInList(owner[2]!)) list.add(name, 'partner', s);
    }
    const partnership = PARTNERSHIP.exec(s.text);
    if (partnership) list.add(partnership[2]!, 'partner', s);
  }
  for (const p of points) {
    const agreement = AGREEMENT_WITH.exec(p.text);
    if (agreement) list.add(agreement[1]!, agreement[2] ? 'recipient' : 'partner', p);
    const to = MONEY_TO.exec(p.text) ?? GRANT_TO.exec(p.text);
    if (to) list.add(to[1]!, 'recipient', p);
  }
  const addressee = titleText ? APPLICATION_TO.exec(titleText) : null;
  if (addressee) list.add(addressee[1]!, 'funder', { text: titleText!, page: 1 });
  return list;
}

/** `556024-3532` when the digits form a valid organisationsnummer (not a personnummer). */
export function orgNumberOf(candidate: string): string | undefined {
  const m = /^(\d{6})-?(\d{4})$/u.exec(candidate);
  if (!m) return undefined;
  const text = `${m[1]}-${m[2]}`;
  if (Number(text.slice(2, 4)) < 20) return undefined;
  if (!luhnValid(`${m[1]}${m[2]}`) || findPersonnummer(text).length > 0) return undefined;
  return text;
}

/** Organisationsnummer written in the same sentence as a party's name, just after it. */
export function attachOrgNumbers(text: DraftText, list: PartyList): void {
  for (const proposal of list.proposals) {
    const party = proposal.value as DraftParty;
    for (const s of text.sentences) {
      const at = s.text.indexOf(party.name);
      if (at < 0) continue;
      const after = s.text.slice(at + party.name.length, at + party.name.length + 60);
      const m = /^[\s,(]*(?:org(?:anisations)?\.?\s?(?:nr|nummer)\.?:?\s*)?(\d{6}-?\d{4})/iu.exec(after);
      if (!m) continue;
      const number = orgNumberOf(m[1]!);
      if (number === undefined) continue;
      party.orgNumber = number;
      if (!proposal.sources.some((r) => r.text === s.text)) proposal.sources.push({ text: s.text, page: s.page });
      break;
    }
  }
}
