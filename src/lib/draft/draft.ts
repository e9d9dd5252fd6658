/**
 * A draft case from a decision document: every field the text states,
 * proposed with the sentence and page it was read from, and the fields it
 * does not state listed for the person to fill. Personnummer are masked in the
 * text before anything is read, so none can be proposed or quoted.
 *
 * `draftCase` is pure and runs in Node (`npm run new -- --fran`) and in the
 * browser (/redigera/fran-dokument/); `readDocument` (read.ts) gives it the text.
 */
import type { Status } from '../core/vocabulary.ts';
import { maskPersonnummer } from '../validate/personnummer.ts';
import {
  decided,
  decisionPoints,
  deciding,
  kind as kindOf,
  organisation as organisationOf,
  reference,
  status as statusOf,
  title as titleOf,
} from './decision.ts';
import { ages, documents, followUps, outcomes, period, signedBy } from './facts.ts';
import { fundingEntries } from './funding.ts';
import { attachOrgNumbers, namedParties } from './parties.ts';
import {
  type DraftFunding,
  type DraftParty,
  type DraftText,
  LIST_FIELDS,
  type Proposal,
  type ProposalField,
  type SourceRef,
} from './proposal.ts';
import type { SourceDocument } from './read.ts';
import { sentencesOf, unitsOf } from './text.ts';

export interface Draft {
  document: { name: string; format: SourceDocument['format']; pages: number };
  /** In the case format's field order. */
  proposals: Proposal[];
  /** Fields of the case format the text does not state, in the format's order. */
  missing: CaseField[];
}

/** The case format's fields in its order; `summary`, `places` and `topics` are the person's own words. */
export const CASE_FIELDS = [
  'title',
  'summary',
  'kind',
  'status',
  'organisation',
  'body',
  'decided',
  'reference',
  'decisionPoints',
  'parties',
  'period',
  'funding',
  'followUps',
  'outcomes',
  'targetGroup',
  'places',
  'topics',
  'documents',
  'signedBy',
] as const;
export type CaseField = (typeof CASE_FIELDS)[number];

/** Fields a case file must have. */
export const REQUIRED_FIELDS: ReadonlySet<CaseField> = new Set([
  'title',
  'summary',
  'kind',
  'status',
  'organisation',
  'body',
  'decisionPoints',
  'parties',
]);

/** Reads the document's text as the extractors need it. */
export function draftText(document: SourceDocument): DraftText {
  const masked: SourceDocument = { ...document, pages: document.pages.map(maskPersonnummer) };
  const units = unitsOf(masked);
  return { units, sentences: sentencesOf(units) };
}

export function draftCase(document: SourceDocument): Draft {
  const text = draftText(document);
  const facts = decisionPoints(text);
  const points: SourceRef[] = facts.points.map((p) => ({ text: p.value as string, page: p.sources[0]!.page }));
  const title = titleOf(text);
  const status = statusOf(text, facts);
  const statusValue = status?.value as Status | undefined;
  const kind = kindOf(facts, title, statusValue);
  const body = deciding(text, facts);
  const organisation = organisationOf(text, body?.value as string | undefined);
  const organisationName = organisation?.value as string | undefined;

  const parties = namedParties(text, points, title?.value as string | undefined);
  const funding = fundingEntries(text, { points, organisation: organisationName, parties });
  // The organisation is a party when it pays; who receives is named in the entry.
  for (const f of funding) {
    const entry = f.value as DraftFunding;
    if (entry.from === undefined) continue;
    if (!parties.find(entry.from)) parties.add(entry.from, 'funder', ...f.sources);
    if (entry.to && !parties.find(entry.to)) parties.add(entry.to, 'recipient', ...f.sources);
  }
  attachOrgNumbers(text, parties);

  const periodProposal = period(text, points);
  // A funding entry's own period is kept only where it differs from the case's.
  const casePeriod = periodProposal?.value as { start: string; end?: string } | undefined;
  for (const f of funding) {
    const entry = f.value as DraftFunding;
    if (entry.period && casePeriod && entry.period.start === casePeriod.start && entry.period.end === casePeriod.end) {
      delete entry.period;
    }
  }

  const proposals: Proposal[] = [
    title,
    kind,
    status,
    organisation,
    body,
    decided(text, statusValue),
    reference(text),
    ...facts.points,
    ...parties.proposals.filter((p) => (p.value as DraftParty).name !== ''),
    periodProposal,
    ...funding,
    ...followUps(text, points),
    ...outcomes(text),
    ages(text),
    ...documents(text),
    ...signedBy(text),
  ].filter((p): p is Proposal => p !== undefined);

  const order = (f: ProposalField) => CASE_FIELDS.indexOf(f);
  proposals.sort((a, b) => order(a.field) - order(b.field));
  const found = new Set<string>(proposals.map((p) => p.field));
  return {
    document: { name: document.name, format: document.format, pages: document.pages.length },
    proposals,
    missing: CASE_FIELDS.filter((f) => !found.has(f)),
  };
}

/**
 * The case's frontmatter values from the proposals a person accepted: scalar fields
 * take their value, list fields one item per proposal, in the proposals' order.
 */
export function valuesOf(proposals: readonly Proposal[]): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const p of proposals) {
    if (LIST_FIELDS.has(p.field)) {
      const list = (values[p.field] ??= []) as unknown[];
      list.push(p.field === 'decisionPoints' ? p.value : stripUndefined(p.value));
    } else if (p.field === 'targetGroup' || p.field === 'period') {
      values[p.field] = { ...((values[p.field] as object | undefined) ?? {}), ...stripUndefined(p.value) };
    } else {
      values[p.field] = p.value;
    }
  }
  return values;
}

function stripUndefined<T>(value: T): T {
  if (Array.isArray(value)) return value.map(stripUndefined) as T;
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => [k, stripUndefined(v)]),
  ) as T;
}
