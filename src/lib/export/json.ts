/**
 * JSON downloads: every case with every field as validated (dates as text
 * at their own precision, amounts as integers), plus its slug and the
 * absolute URL of its page. `arenden.json` holds all cases with a small
 * header (licence, build date, data version); `/data/arenden/<slug>.json`
 * holds one, with the same data version.
 * Fields come in the case format's order, so files diff cleanly.
 */
import type { CaseEntry } from '../domain/cases.ts';
import { type DataVersion, versionId } from '../history/data-version.ts';
import { isoDay } from '../core/partial-date.ts';
import { caseFields, type CaseData } from '../schema/case.ts';

/** The licence of the data (Creative Commons Zero, public domain dedication). */
export const DATA_LICENSE = { name: 'CC0 1.0', url: 'https://creativecommons.org/publicdomain/zero/1.0/' } as const;

/** One case as exported: slug, page URL, then every frontmatter field that is given. */
export type CaseJson = { slug: string; url: string } & CaseData;

const FIELD_ORDER = Object.keys(caseFields.shape);

/** The case's data with its fields in schema order (absent fields left out). */
export function orderedData(data: CaseData): CaseData {
  const out: Record<string, unknown> = {};
  for (const key of FIELD_ORDER) {
    const value = (data as Record<string, unknown>)[key];
    if (value !== undefined) out[key] = value;
  }
  return out as CaseData;
}

export function caseJson(entry: CaseEntry, pageUrl: string): CaseJson {
  return { slug: entry.id, url: pageUrl, ...orderedData(entry.data) };
}

/**
 * The data version as the JSON files give it: `id` in one token
 * (`<commit>/<build day>`), the commit of the case files and its day, whether
 * the build had uncommitted changes, and the build day.
 */
export interface VersionJson {
  id: string;
  commit: string | null;
  committed: string | null;
  uncommitted: boolean;
  buildDate: string;
}

export function versionJson(v: DataVersion): VersionJson {
  return {
    id: versionId(v),
    commit: v.commit ?? null,
    committed: v.committed ?? null,
    uncommitted: v.uncommitted,
    buildDate: v.buildDate,
  };
}

/** One case's own file (`/data/arenden/<slug>.json`): the case as in `arenden.json`, then the data version. */
export type CaseFile = CaseJson & { version: VersionJson };

export function caseFile(c: CaseJson, version: VersionJson): CaseFile {
  return { ...c, version };
}

/** The content of `arenden.json`. */
export interface CasesFile {
  title: string;
  license: typeof DATA_LICENSE;
  buildDate: string;
  version: VersionJson;
  count: number;
  cases: CaseJson[];
}

/** `arenden.json` without its count and cases: the head a download of search hits shares. */
export type CasesFileHead = Omit<CasesFile, 'count' | 'cases'>;

export function casesFileHead(buildDate: Date, version: DataVersion): CasesFileHead {
  return {
    title: 'Insyn – alla ärenden',
    license: DATA_LICENSE,
    buildDate: isoDay(buildDate),
    version: versionJson(version),
  };
}

export function casesFile(
  cases: readonly CaseEntry[],
  urlOf: (slug: string) => string,
  buildDate: Date,
  version: DataVersion,
): CasesFile {
  return {
    ...casesFileHead(buildDate, version),
    count: cases.length,
    cases: cases.map((c) => caseJson(c, urlOf(c.id))),
  };
}

export { toJson } from '../core/json-text.ts';
