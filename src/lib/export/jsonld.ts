/**
 * JSON-LD (schema.org) for a case page: a `WebPage` about the case, with
 * one `MonetaryGrant` per funding entry that states an amount (funder,
 * funded organisation, amount in SEK; a ceiling is `maxValue`, a per-year
 * amount says so in its description; the period as `validFrom` /
 * `validThrough` at its own ISO 8601 precision). Nothing is invented: an
 * entry without an amount gets no grant.
 *
 * `jsonLdText` makes the JSON safe inside `<script type="application/ld+json">`:
 * `<`, `>`, `&` and the line separators are written as \u escapes, so the
 * text can never close the element.
 */
import type { CaseEntry } from '../domain/cases.ts';
import { STATUS_LABEL } from '../core/labels.ts';
import { BASIS_LABEL } from '../core/money.ts';
import { CEILING_BASES } from '../core/vocabulary.ts';

type Json = Record<string, unknown>;

function grant(
  entry: CaseEntry,
  f: NonNullable<CaseEntry['data']['funding']>[number] & { amount: number },
  pageUrl: string,
): Json {
  const d = entry.data;
  const period = f.period ?? d.period;
  const isCeiling = CEILING_BASES.has(f.basis);
  const amount: Json = {
    '@type': 'MonetaryAmount',
    currency: 'SEK',
    [isCeiling ? 'maxValue' : 'value']: f.amount,
    description: BASIS_LABEL[f.basis],
  };
  if (period) {
    amount['validFrom'] = period.start;
    if (period.end) amount['validThrough'] = period.end;
  }
  return {
    '@type': 'MonetaryGrant',
    name: d.title,
    description: `${d.summary} (${STATUS_LABEL[d.status]})`,
    url: pageUrl,
    amount,
    funder: { '@type': 'Organization', name: f.from },
    ...(f.to ? { fundedItem: { '@type': 'Organization', name: f.to } } : {}),
  };
}

/** The JSON-LD object for a case page. */
export function caseJsonLd(entry: CaseEntry, pageUrl: string): Json {
  const d = entry.data;
  const grants = (d.funding ?? [])
    .filter((f): f is typeof f & { amount: number } => f.amount !== undefined)
    .map((f) => grant(entry, f, pageUrl));
  return {
    '@context': 'https://schema.org',
    '@type': 'WebPage',
    url: pageUrl,
    name: d.title,
    description: d.summary,
    inLanguage: 'sv',
    about: { '@type': 'Organization', name: d.organisation, department: { '@type': 'Organization', name: d.body } },
    ...(d.topics && d.topics.length > 0 ? { keywords: d.topics.join(', ') } : {}),
    ...(grants.length > 0 ? { mainEntity: grants.length === 1 ? grants[0] : grants } : {}),
  };
}

/** JSON text safe to place inside a `<script type="application/ld+json">` element. */
export function jsonLdText(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}
