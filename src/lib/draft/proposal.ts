/**
 * What the drafter proposes: one value for one field of the case format (or
 * one item of a list field), with the sentences it was read from. A proposal
 * is never a guess: each extractor proposes only what the text states, and a
 * field it cannot find is left for the person.
 */
import type { Basis, Kind, Role, Status } from '../core/vocabulary.ts';
import type { Sentence, Unit } from './text.ts';

/** Where a proposal was read: the sentence as written, and its page. */
export interface SourceRef {
  text: string;
  page: number;
}

export interface DraftRange {
  start: string;
  end?: string | undefined;
}

export interface DraftParty {
  name: string;
  role?: Role | undefined;
  orgNumber?: string | undefined;
}

export interface DraftFunding {
  from?: string | undefined;
  to?: string | undefined;
  amount?: number | undefined;
  basis?: Basis | undefined;
  period?: DraftRange | undefined;
  items?: { label: string; amount: number }[] | undefined;
}

export interface DraftOutcome {
  indicator: string;
  target?: number | undefined;
  actual?: number | undefined;
  unit: string;
  asOf?: string | undefined;
}

/** The value each field's proposal holds: list fields propose one item at a time. */
export interface ProposalValues {
  title: string;
  kind: Kind;
  status: Status;
  organisation: string;
  body: string;
  decided: string;
  reference: string;
  decisionPoints: string;
  parties: DraftParty;
  period: DraftRange;
  funding: DraftFunding;
  followUps: { due: string; what: string };
  outcomes: DraftOutcome;
  targetGroup: { ageFrom?: number | undefined; ageTo?: number | undefined };
  documents: { title: string };
  signedBy: { name: string; unit?: string | undefined };
}

export type ProposalField = keyof ProposalValues;

/** Fields whose proposals are items of a list. */
export const LIST_FIELDS: ReadonlySet<ProposalField> = new Set([
  'decisionPoints',
  'parties',
  'funding',
  'followUps',
  'outcomes',
  'documents',
  'signedBy',
]);

export type Proposal = {
  [F in ProposalField]: { field: F; value: ProposalValues[F]; sources: SourceRef[] };
}[ProposalField];

/** What every extractor reads: the document's units and sentences. */
export interface DraftText {
  units: readonly Unit[];
  sentences: readonly Sentence[];
}

export const sourceOf = (s: { text: string; page: number }): SourceRef => ({ text: s.text, page: s.page });

export function propose<F extends ProposalField>(
  field: F,
  value: ProposalValues[F],
  ...sources: { text: string; page: number }[]
): Proposal {
  const seen = new Set<string>();
  const refs = sources.map(sourceOf).filter((s) => !seen.has(s.text) && seen.add(s.text));
  return { field, value, sources: refs } as Proposal;
}
