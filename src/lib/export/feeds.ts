/**
 * Atom feeds (RFC 4287) of cases: all cases (`/arenden.atom`) and one per
 * organisation (`/organisationer/<slug>/arenden.atom`).
 *
 * Entries are newest first by the case's date (`decided`, else the period's
 * start; see `newestFirst`); undated cases come last. Atom needs a full
 * timestamp for `updated`: a dated case uses the first day its date names
 * (at midnight UTC); an undated case the day its file was added to the
 * repository (from the git history, when the build has it), else the build
 * date. The entry id is the
 * absolute URL of the case page, which never changes (the slug is
 * permanent). Every text is XML-escaped, and characters XML 1.0 forbids are
 * dropped. The feed's `<generator>` carries the data version (the commit of
 * the case files and the build day), the same as every download.
 */
import { type CaseEntry, caseDate, newestFirst } from '../domain/cases.ts';
import type { SiteCorrection } from '../domain/case-links.ts';
import { KIND_LABEL, STATUS_LABEL } from '../core/labels.ts';
import { formatAmount } from '../core/money.ts';
import { firstDay } from '../core/partial-date.ts';

/** Characters XML 1.0 does not allow (the control characters named are the ones it does). */
// eslint-disable-next-line no-control-regex
const NOT_XML = /[^\u0009\u000A\u000D\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** Escapes text for XML content and attribute values; drops characters XML 1.0 does not allow. */
export function escapeXml(text: string): string {
  return text
    .replace(NOT_XML, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

export interface FeedOptions {
  title: string;
  /** Absolute URL of the feed itself (rel="self"). */
  selfUrl: string;
  /** Absolute URL of the HTML page the feed mirrors (rel="alternate"). */
  pageUrl: string;
  /** Absolute URL of a case's page. */
  urlOf: (slug: string) => string;
  buildDate: Date;
  subtitle?: string;
  /** The day (`YYYY-MM-DD`) a case's file was added to the repository, when known. */
  addedOf?: (entry: CaseEntry) => string | undefined;
  /** The data version (`versionId`), in the feed's `<generator version>`. */
  version?: string;
}

/** The `updated` timestamp of a case's entry. */
export function entryUpdated(data: CaseEntry['data'], buildDate: Date, added?: string): string {
  const date = caseDate(data);
  if (date) return `${firstDay(date)}T00:00:00Z`;
  if (added) return `${added}T00:00:00Z`;
  return timestamp(buildDate);
}

const timestamp = (date: Date): string => date.toISOString().replace(/\.\d{3}Z$/, 'Z');

function entry(c: CaseEntry, options: FeedOptions): string {
  const d = c.data;
  const link = options.urlOf(c.id);
  const amounts = (d.funding ?? []).filter((f) => f.amount !== undefined).map((f) => formatAmount(f.amount, f.basis));
  const facts = [
    `${KIND_LABEL[d.kind]} · ${STATUS_LABEL[d.status]}`,
    `${d.organisation}, ${d.body}`,
    ...(amounts.length > 0 ? [`Belopp: ${amounts.join('; ')}`] : []),
  ];
  return [
    '  <entry>',
    `    <id>${escapeXml(link)}</id>`,
    `    <title>${escapeXml(d.title)}</title>`,
    `    <link rel="alternate" type="text/html" href="${escapeXml(link)}"/>`,
    `    <updated>${entryUpdated(d, options.buildDate, options.addedOf?.(c))}</updated>`,
    `    <category term="${escapeXml(d.kind)}" label="${escapeXml(KIND_LABEL[d.kind])}"/>`,
    `    <summary type="text">${escapeXml(`${d.summary}\n\n${facts.join('\n')}`)}</summary>`,
    '  </entry>',
  ].join('\n');
}

/** An Atom feed of the given cases, newest first. */
export function atomFeed(cases: readonly CaseEntry[], options: FeedOptions): string {
  const sorted = newestFirst(cases);
  const updated =
    sorted
      .map((c) => entryUpdated(c.data, options.buildDate, options.addedOf?.(c)))
      .sort()
      .at(-1) ?? timestamp(options.buildDate);
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="sv">',
    `  <id>${escapeXml(options.selfUrl)}</id>`,
    `  <title>${escapeXml(options.title)}</title>`,
    ...(options.subtitle ? [`  <subtitle>${escapeXml(options.subtitle)}</subtitle>`] : []),
    `  <link rel="self" type="application/atom+xml" href="${escapeXml(options.selfUrl)}"/>`,
    `  <link rel="alternate" type="text/html" href="${escapeXml(options.pageUrl)}"/>`,
    `  <updated>${updated}</updated>`,
    '  <author><name>Insyn</name></author>',
    ...(options.version ? [`  <generator version="${escapeXml(options.version)}">Insyn</generator>`] : []),
    '  <rights>Uppgifterna är fria att använda (CC0 1.0).</rights>',
    ...sorted.map((c) => entry(c, options)),
    '</feed>',
    '',
  ].join('\n');
}

export interface CorrectionsFeedOptions {
  title: string;
  subtitle: string;
  /** Absolute URL of the feed itself (rel="self"). */
  selfUrl: string;
  /** Absolute URL of the site's start page (rel="alternate", and the base for links in the corrections' text). */
  pageUrl: string;
  /** Absolute URL of a case's page. */
  urlOf: (slug: string) => string;
  buildDate: Date;
}

/**
 * An Atom feed of every correction (`<Rättelse>` in case bodies), newest
 * first. An entry's id is its case page's URL with the anchor of the
 * correction (`#rattelse-1`, by its place in the file), its `updated` the
 * correction's day, its content the correction's text as HTML (site links in
 * it resolve against `xml:base`).
 */
export function correctionsFeed(corrections: readonly SiteCorrection[], options: CorrectionsFeedOptions): string {
  const updated = corrections[0] ? `${corrections[0].date}T00:00:00Z` : timestamp(options.buildDate);
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="sv" xml:base="${escapeXml(options.pageUrl)}">`,
    `  <id>${escapeXml(options.selfUrl)}</id>`,
    `  <title>${escapeXml(options.title)}</title>`,
    `  <subtitle>${escapeXml(options.subtitle)}</subtitle>`,
    `  <link rel="self" type="application/atom+xml" href="${escapeXml(options.selfUrl)}"/>`,
    `  <link rel="alternate" type="text/html" href="${escapeXml(options.pageUrl)}"/>`,
    `  <updated>${updated}</updated>`,
    '  <author><name>Insyn</name></author>',
    '  <rights>Uppgifterna är fria att använda (CC0 1.0).</rights>',
    ...corrections.map((c) => {
      const link = `${options.urlOf(c.slug)}#rattelse-${c.index}`;
      return [
        '  <entry>',
        `    <id>${escapeXml(link)}</id>`,
        `    <title>${escapeXml(`Rättelse: ${c.title}`)}</title>`,
        `    <link rel="alternate" type="text/html" href="${escapeXml(link)}"/>`,
        `    <updated>${c.date}T00:00:00Z</updated>`,
        `    <content type="html">${escapeXml(c.html)}</content>`,
        '  </entry>',
      ].join('\n');
    }),
    '</feed>',
    '',
  ].join('\n');
}
