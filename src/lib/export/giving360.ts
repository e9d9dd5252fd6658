/**
 * The 360Giving data package (`/data/360giving.json`, 360Giving Data
 * Standard 1.4): money the cases show as awarded, as 360Giving grants.
 *
 * The standard requires every grant to have `amountAwarded` and an
 * `awardDate` written YYYY-MM-DD (or a full date-time). Insyn never
 * invents a day or an award, so one funding entry becomes one grant only
 * when all of this holds; every other entry with a stated amount is left
 * out, with the reason, counted on /data/ and listed on /data/utelamnade-belopp/:
 *
 * - the case is `decided` or `noted` (a proposal, an application, a
 *   rejection or a withdrawal awards nothing; `amountAppliedFor` alone is
 *   not a valid grant record);
 * - the amount is for the whole period (`total`, or `maximum`). A per-year
 *   amount is left out: 360Giving wants the total, which the document does
 *   not state;
 * - the receiver (`to`) is named;
 * - `decided` is a whole day (`2021-03-15`); `2021-03` or no date is left
 *   out.
 *
 * A decided ceiling ("högst", basis `maximum`) is the amountAwarded. The
 * standard's own definitions (the vendored 360-giving-schema.json) separate
 * the award from the payments: `amountAwarded` is the "total amount
 * awarded", `amountDisbursed` the "total amount disbursed (paid) to this
 * grantee when this record was last updated", and `awardDate` is "when the
 * decision to award this grant was made". A decision of "högst 750 000 kr"
 * is that decision: it commits the funder to at most that sum, and what is
 * paid under it is a disbursement, which the case files do not record (so
 * `amountDisbursed` is left out). The grant's description says that the
 * amount is a ceiling, so no reader takes it for a sum paid.
 *
 * The package is published only when it has at least one grant (the
 * package schema's `grants` has `minItems: 1`) and validates against the
 * standard's schemas (`giving360Publication`); otherwise there is no file
 * and /data/ says why.
 *
 * Mapping: id `360G-insyn-<slug>-<n>` (n = the entry's position in the
 * case's `funding` list, from 1, so it is stable as long as the list is
 * only appended to); title and description from the case; currency SEK;
 * `plannedDates` from the entry's period, else the case's, at its own
 * precision (the standard's Event dates allow YYYY and YYYY-MM);
 * organisations get `SE-ON-NNNNNN-NNNN` when the organisation has an
 * organisationsnummer by the site's identity rule (a party of the case with
 * that name, else the one number the name has elsewhere) (org-id.guide's list SE-ON gives its identifiers in
 * the form `556091-2148`, hyphen included), else
 * `360G-insyn-org-<organisation slug>`;
 * `beneficiaryLocation` from `places`; `classifications` the case's kind;
 * `relatedDocument` the source documents with a link; `url` the case page;
 * `dataSource` the case's JSON.
 */
import { YEARLY_BASES } from '../core/vocabulary.ts';
import { slugify } from '../core/slug.ts';
import type { CaseEntry } from '../domain/cases.ts';
import { KIND_LABEL } from '../core/labels.ts';
import { isoDay, parsePartialDate } from '../core/partial-date.ts';
import type { CaseData, FundingEntry } from '../schema/case.ts';
import { formatKronor } from '../core/money.ts';
import { uriOf } from '../core/web-address.ts';
import { linkHref } from '../site.ts';
import { DATA_LICENSE } from './json.ts';
import { giving360SchemaErrors } from './giving360-validate.ts';
import { type DataVersion, versionText } from '../history/data-version.ts';

/** The prefix of every grant id (360Giving asks publishers for a stable prefix). */
export const GRANT_ID_PREFIX = '360G-insyn';

/** The 360Giving standard version the package follows. */
export const GIVING360_VERSION = '1.4';

export interface Giving360Organization {
  id: string;
  name: string;
  department?: string;
}

export interface Giving360Grant {
  id: string;
  title: string;
  description: string;
  currency: 'SEK';
  amountAwarded: number;
  awardDate: string;
  plannedDates?: { startDate: string; endDate?: string }[];
  recipientOrganization: Giving360Organization[];
  fundingOrganization: Giving360Organization[];
  beneficiaryLocation?: { name: string; countryCode: 'SE' }[];
  classifications: { vocabulary: string; code: string; title: string }[];
  relatedDocument?: { id: string; title: string; url: string }[];
  url: string;
  dataSource: string;
}

/** Why an entry with a stated amount is not in the package, in the order leftOutReason tries them. */
export const LEFT_OUT_REASONS = ['not-awarded', 'per-year', 'no-recipient', 'no-award-day'] as const;
export type LeftOutReason = (typeof LEFT_OUT_REASONS)[number];

export const LEFT_OUT_LABEL: Record<LeftOutReason, string> = {
  'not-awarded': 'inget beviljat: ärendet är ett förslag, en ansökan, ett avslag eller återkallat',
  'per-year': 'beloppet gäller per år; 360Giving kräver hela beloppet, som dokumentet inte anger',
  'no-recipient': 'mottagaren (to) anges inte',
  'no-award-day': 'beslutsdatum anges inte på dagen; 360Giving kräver ett datum ÅÅÅÅ-MM-DD',
};

/** The site path of the list of amounts left out, in pages (without the base; wrap in `url()`). */
export const LEFT_OUT_PATH = '/data/utelamnade-belopp/';

export interface LeftOut {
  slug: string;
  title: string;
  /** The funding entry's position in the case (from 1). */
  index: number;
  amount: number;
  reason: LeftOutReason;
}

export interface Giving360Options {
  buildDate: Date;
  /** Absolute URL of a site path (base included). */
  absolute: (sitePath: string) => string;
  /** Site path (with base) of a case's page and of its JSON. */
  caseUrl: (slug: string) => string;
  caseJsonPath: (slug: string) => string;
  /** Site paths (with base) of the start page, the /data/ page and the package. */
  homePath: string;
  dataPagePath: string;
  packagePath: string;
  /** The slug of an organisation name (alias-aware where available). */
  orgSlugOf?: (name: string) => string;
  /**
   * The organisationsnummer of the organisation a name in a case stands for,
   * by the site's identity rule (src/lib/domain/organisations.ts: the case's
   * party, else the one number that name has elsewhere).
   */
  orgNumberOf?: (name: string, data: CaseData) => string | undefined;
  /** The data version, in the package's identifier and description. */
  version?: DataVersion;
}

export interface Giving360Result {
  package: {
    grants: Giving360Grant[];
    version: string;
    title: string;
    description: string;
    issued: string;
    identifier: string;
    publisher: { name: string; website: string };
    license: string;
    accessURL: string;
    downloadURL: string;
  };
  leftOut: LeftOut[];
}

/** Said in the description of a grant whose amount is a decided ceiling. */
export const CEILING_NOTE = (amount: number): string =>
  `Beviljat belopp är ett tak: högst ${formatKronor(amount)} för hela perioden; vad som betalas ut anges inte.`;

const AWARDED = new Set<CaseData['status']>(['decided', 'noted']);

/** Why an entry with a stated amount cannot be a grant, or undefined when it can. */
export function leftOutReason(data: CaseData, entry: FundingEntry): LeftOutReason | undefined {
  if (!AWARDED.has(data.status)) return 'not-awarded';
  if (YEARLY_BASES.has(entry.basis)) return 'per-year';
  if (entry.to === undefined) return 'no-recipient';
  if (data.decided === undefined || parsePartialDate(data.decided)?.precision !== 'day') return 'no-award-day';
  return undefined;
}

/** The grant id of a case's n-th funding entry. */
export function grantId(slug: string, n: number): string {
  return `${GRANT_ID_PREFIX}-${slug}-${n}`;
}

/** The org-id.guide list of Swedish organisationsnummer. */
export const ORG_ID_LIST = 'SE-ON';

/** The org-id of an organisationsnummer, in the form the SE-ON list gives: `SE-ON-556091-2148`. */
export function orgIdOf(orgNumber: string): string {
  const digits = orgNumber.replace(/\D/g, '');
  return `${ORG_ID_LIST}-${digits.slice(0, 6)}-${digits.slice(6)}`;
}

/** The organisationsnummer of a party with exactly this name in the case, if any. */
function partyNumber(name: string, data: CaseData): string | undefined {
  const key = name.trim().toLowerCase();
  return data.parties.find((p) => p.orgNumber !== undefined && p.name.trim().toLowerCase() === key)?.orgNumber;
}

/** An organisation's id: `SE-ON-NNNNNN-NNNN` from its organisationsnummer, else a publisher-prefixed id. */
export function organisationId(
  name: string,
  data: CaseData,
  orgSlugOf: (name: string) => string = slugify,
  orgNumberOf: (name: string, data: CaseData) => string | undefined = partyNumber,
): string {
  const number = orgNumberOf(name, data);
  if (number) return orgIdOf(number);
  return `${GRANT_ID_PREFIX}-org-${orgSlugOf(name) || 'namnlos'}`;
}

function toGrant(
  entry: CaseEntry,
  f: FundingEntry & { amount: number; to: string },
  n: number,
  options: Giving360Options,
): Giving360Grant {
  const d = entry.data;
  const orgSlugOf = options.orgSlugOf ?? slugify;
  const orgNumberOf = options.orgNumberOf ?? partyNumber;
  const period = f.period ?? d.period;
  const documents = (d.documents ?? []).filter((doc): doc is { title: string; href: string } => doc.href !== undefined);
  const funder: Giving360Organization = { id: organisationId(f.from, d, orgSlugOf, orgNumberOf), name: f.from };
  if (f.from.trim() === d.organisation.trim()) funder.department = d.body;
  return {
    id: grantId(entry.id, n),
    title: d.title,
    description: [d.summary, f.note, f.basis === 'maximum' ? CEILING_NOTE(f.amount) : undefined]
      .filter(Boolean)
      .join(' '),
    currency: 'SEK',
    amountAwarded: f.amount,
    awardDate: d.decided!,
    ...(period ? { plannedDates: [{ startDate: period.start, ...(period.end ? { endDate: period.end } : {}) }] } : {}),
    recipientOrganization: [{ id: organisationId(f.to, d, orgSlugOf, orgNumberOf), name: f.to }],
    fundingOrganization: [funder],
    ...(d.places && d.places.length > 0
      ? { beneficiaryLocation: d.places.map((name) => ({ name, countryCode: 'SE' as const })) }
      : {}),
    classifications: [{ vocabulary: 'insyn-kind', code: d.kind, title: KIND_LABEL[d.kind] }],
    ...(documents.length > 0
      ? {
          relatedDocument: documents.map((doc, i) => ({
            id: `${grantId(entry.id, n)}-doc-${i + 1}`,
            title: doc.title,
            // Where the case page links (a site path under the base), as a URI, which the
            // standard's schema checks: the case file may hold å, ä and ö.
            url: uriOf(options.absolute(linkHref(doc.href))),
          })),
        }
      : {}),
    url: options.absolute(options.caseUrl(entry.id)),
    dataSource: options.absolute(options.caseJsonPath(entry.id)),
  };
}

/** The funding entries with a stated amount that are not grants in the package, and why, in the cases' order. */
export function giving360LeftOut(cases: readonly CaseEntry[]): LeftOut[] {
  const leftOut: LeftOut[] = [];
  for (const c of cases) {
    (c.data.funding ?? []).forEach((f, i) => {
      if (f.amount === undefined) return;
      const reason = leftOutReason(c.data, f);
      if (reason) leftOut.push({ slug: c.id, title: c.data.title, index: i + 1, amount: f.amount, reason });
    });
  }
  return leftOut;
}

/** Maps the cases to a 360Giving package and lists what was left out. */
export function giving360(cases: readonly CaseEntry[], options: Giving360Options): Giving360Result {
  const grants: Giving360Grant[] = [];
  for (const c of cases) {
    (c.data.funding ?? []).forEach((f, i) => {
      if (f.amount === undefined || leftOutReason(c.data, f)) return;
      grants.push(toGrant(c, f as FundingEntry & { amount: number; to: string }, i + 1, options));
    });
  }
  const leftOut = giving360LeftOut(cases);
  return {
    package: {
      grants,
      version: GIVING360_VERSION,
      title: 'Insyn – beviljade medel till arbetsmarknadsinsatser',
      description: [
        'Medel som beslut från kommuner och samordningsförbund visar som beviljade, ett bidrag per penningflöde. Förslag, ansökningar, belopp per år och beslut utan dag ingår inte; se sidan Öppna data.',
        ...(options.version ? [`Dataversion: ${versionText(options.version)}.`] : []),
      ].join(' '),
      issued: isoDay(options.buildDate),
      identifier: [GRANT_ID_PREFIX, options.version?.short, isoDay(options.buildDate)].filter(Boolean).join('-'),
      publisher: { name: 'Insyn', website: options.absolute(options.homePath) },
      license: DATA_LICENSE.url,
      accessURL: options.absolute(options.dataPagePath),
      downloadURL: options.absolute(options.packagePath),
    },
    leftOut,
  };
}

/** Whether the package is published, and why not. */
export type Giving360Publication = { publish: true } | { publish: false; reason: 'no-grants' };

/** Why there is no package, for /data/ (Swedish). */
export const NOT_PUBLISHED_LABEL: Record<'no-grants', string> = {
  'no-grants':
    'Ingen 360Giving-fil publiceras just nu: inget penningflöde uppfyller kraven ovan, och standarden kräver minst ett bidrag i en fil.',
};

/**
 * Decides whether `/data/360giving.json` is published: not when no entry
 * qualifies (the standard requires at least one grant). A package with
 * grants that still fails the standard's schemas is a fault in this
 * mapping, not in the case files: it stops the build with every schema
 * error, so an invalid file is never published.
 */
export function giving360Publication(
  result: Giving360Result,
  schemaErrors: (pkg: unknown) => string[] = giving360SchemaErrors,
): Giving360Publication {
  if (result.package.grants.length === 0) return { publish: false, reason: 'no-grants' };
  const errors = schemaErrors(result.package);
  if (errors.length > 0) {
    throw new Error(
      `360Giving-filen följer inte standardens schema, så den publiceras inte och bygget stoppas (fel i src/lib/export/giving360.ts, inte i ärendefilerna):\n${errors.map((e) => `  ${e}`).join('\n')}`,
    );
  }
  return { publish: true };
}
