/**
 * 360Giving, iCalendar, Atom, JSON-LD, sitemap and the data dictionary,
 * from the fixture cases (test/fixtures/open-data), each checked with a
 * real parser or validator: ajv with the 360Giving schemas, ical.js,
 * fast-xml-parser.
 */
import { XMLParser } from 'fast-xml-parser';
import { SyntaxValidator } from 'fast-xml-validator';
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { validateAll } from '../../src/lib/content/collection.ts';
import { newestFirst } from '../../src/lib/domain/cases.ts';
import { formatAmount } from '../../src/lib/core/money.ts';
import { caseFields } from '../../src/lib/schema/case.ts';
import { dataDictionary, PARTIAL_DATE_TYPE } from '../../src/lib/export/dictionary.ts';
import { atomFeed, escapeXml } from '../../src/lib/export/feeds.ts';
import {
  CEILING_NOTE,
  giving360,
  giving360Publication,
  type Giving360Options,
  NOT_PUBLISHED_LABEL,
  organisationId,
  orgIdOf,
} from '../../src/lib/export/giving360.ts';
import { giving360SchemaErrors } from '../../src/lib/export/giving360-validate.ts';
import { giving360Options } from '../../src/lib/export/downloads.ts';
import { buildOrganisations } from '../../src/lib/domain/organisations.ts';
import { followUpCalendar, followUpUid } from '../../src/lib/export/ical.ts';
import { caseJsonLd, jsonLdText } from '../../src/lib/export/jsonld.ts';
import { absolute } from '../../src/lib/export/links.ts';
import { htmlPagePaths, SITEMAP_MAX_URLS, sitemapFiles, sitemapXml } from '../../src/lib/export/sitemap.ts';
import { errorText, validateGrant, validatePackage } from '../helpers/giving360-validator.ts';
import { ROOT } from '../helpers/site.ts';

const { cases: parsed } = validateAll(ROOT, 'test/fixtures/open-data/cases');
const cases = newestFirst(parsed.map((p) => ({ id: p.slug, data: p.data })));
const bySlug = (slug: string) => cases.find((c) => c.id === slug)!;
const SITE = 'https://insyn.example.se';
const BUILD = new Date('2026-11-23T12:00:00Z');
const urlOf = (slug: string) => `${SITE}/arenden/${slug}/`;

const options: Giving360Options = {
  buildDate: BUILD,
  absolute: (p) => absolute(p, SITE),
  caseUrl: (slug) => `/arenden/${slug}/`,
  caseJsonPath: (slug) => `/data/arenden/${slug}.json`,
  homePath: '/',
  dataPagePath: '/data/',
  packagePath: '/data/360giving.json',
};

describe('360Giving', () => {
  const { package: pkg, leftOut } = giving360(cases, options);

  it('the package validates against the 360Giving package and grant schemas', () => {
    expect(validatePackage(pkg), errorText(validatePackage.errors)).toBe(true);
    for (const g of pkg.grants) expect(validateGrant(g), errorText(validateGrant.errors)).toBe(true);
  });

  it('holds exactly the awarded entries with an amount, a recipient and a day-precise decision', () => {
    expect(pkg.grants.map((g) => g.id)).toEqual([
      '360G-insyn-beslut-maximum-utan-orgnr-2',
      '360G-insyn-beslut-med-orgnr-1',
    ]);
  });

  it('maps a grant: amount, currency, award day, planned dates at their own precision, org ids, links', () => {
    const g = pkg.grants.find((x) => x.id === '360G-insyn-beslut-med-orgnr-1')!;
    expect(g).toMatchObject({
      title: 'Jobb & "framtid", steg 1 <pilot>',
      currency: 'SEK',
      amountAwarded: 500000,
      awardDate: '2021-03-15',
      plannedDates: [{ startDate: '2021-04', endDate: '2022-03' }],
      recipientOrganization: [{ id: 'SE-ON-802400-0005', name: 'Föreningen Exempel' }],
      fundingOrganization: [{ id: 'SE-ON-212000-0142', name: 'Exempelkommun', department: 'Arbetsmarknadsnämnden' }],
      beneficiaryLocation: [
        { name: 'Centrum', countryCode: 'SE' },
        { name: 'Norr', countryCode: 'SE' },
      ],
      relatedDocument: [
        {
          id: '360G-insyn-beslut-med-orgnr-1-doc-1',
          title: 'Beslut AMN 2021-12',
          url: 'https://example.se/beslut.pdf',
        },
      ],
      url: `${SITE}/arenden/beslut-med-orgnr/`,
      dataSource: `${SITE}/data/arenden/beslut-med-orgnr.json`,
    });
    expect(g).not.toHaveProperty('amountAppliedFor');
    const ceiling = pkg.grants.find((x) => x.id === '360G-insyn-beslut-maximum-utan-orgnr-2')!;
    expect(ceiling.amountAwarded).toBe(750000);
    expect(ceiling.description).toContain(CEILING_NOTE(750000));
    expect(CEILING_NOTE(750000)).toBe(
      'Beviljat belopp är ett tak: högst 750\u00a0000\u00a0kr för hela perioden; vad som betalas ut anges inte.',
    );
    expect(ceiling.plannedDates).toEqual([{ startDate: '2022-10' }]);
    expect(ceiling.recipientOrganization[0]!.id).toBe('360G-insyn-org-kommun-e');
  });

  it('links documents as URIs: å, ä and ö and what else a URI may not hold encoded, site paths made absolute', () => {
    const base = bySlug('beslut-med-orgnr');
    const withLinks = {
      id: 'lankar',
      data: {
        ...base.data,
        documents: [
          { title: 'Beslut', href: 'https://www.linköping.se/beslut/överenskommelse {2021}.pdf' },
          { title: 'Bilaga', href: '/dokument/bilaga-ä.pdf' },
        ],
      },
    };
    const [grant] = giving360([withLinks], options).package.grants;
    expect(grant!.relatedDocument!.map((d) => d.url)).toEqual([
      'https://www.xn--linkping-q4a.se/beslut/%C3%B6verenskommelse%20%7B2021%7D.pdf',
      `${SITE}/dokument/bilaga-%C3%A4.pdf`,
    ]);
    expect(validateGrant(grant), errorText(validateGrant.errors)).toBe(true);
  });

  it('lists every other stated amount with its reason', () => {
    expect(leftOut.map((l) => [l.slug, l.index, l.amount, l.reason])).toEqual([
      ['forslag-maximum', 1, 1000000, 'not-awarded'],
      ['beslut-manad', 1, 300000, 'no-award-day'],
      ['avslag', 1, 50000, 'not-awarded'],
      ['ansokan-per-ar', 1, 200000, 'not-awarded'],
    ]);
  });

  it('leaves out per-year amounts and entries without a recipient even when decided', () => {
    const base = bySlug('beslut-med-orgnr');
    const perYear = {
      id: 'x',
      data: { ...base.data, funding: [{ ...base.data.funding![0]!, basis: 'per-year' as const, items: undefined }] },
    };
    const noTo = {
      id: 'y',
      data: { ...base.data, funding: [{ from: 'Exempelkommun', amount: 5, basis: 'total' as const }] },
    };
    expect(giving360([perYear, noTo], options).leftOut.map((l) => l.reason)).toEqual(['per-year', 'no-recipient']);
  });

  it('uses the alias-aware slug for organisations without a number', () => {
    expect(
      organisationId('Stadsmissionen i Linköping', bySlug('beslut-manad').data, () => 'linkopings-stadsmission'),
    ).toBe('360G-insyn-org-linkopings-stadsmission');
  });

  it('gives an organisation named without a number in its case the org-id of its one number elsewhere', () => {
    const base = bySlug('beslut-med-orgnr');
    const nameOnly = {
      id: 'utan-nummer',
      data: { ...base.data, parties: [{ name: 'Föreningen Exempel', role: 'recipient' as const }] },
    };
    const index = buildOrganisations([...cases, nameOnly]);
    const withIndex = giving360(
      [nameOnly],
      giving360Options(BUILD, (p) => absolute(p, SITE), undefined, index),
    );
    expect(withIndex.package.grants[0]!.recipientOrganization[0]!.id).toBe('SE-ON-802400-0005');
    const without = giving360([nameOnly], options);
    expect(without.package.grants[0]!.recipientOrganization[0]!.id).toBe('360G-insyn-org-foreningen-exempel');
  });

  it("writes org-ids in the form org-id.guide's SE-ON list gives (556091-2148)", () => {
    expect(orgIdOf('556091-2148')).toBe('SE-ON-556091-2148');
    expect(orgIdOf('5560912148')).toBe('SE-ON-556091-2148');
  });

  it("is published when it has grants and the build's own schema check passes", () => {
    expect(giving360SchemaErrors(pkg)).toEqual([]);
    expect(giving360Publication({ package: pkg, leftOut })).toEqual({ publish: true });
  });

  it('is not published without a qualifying grant: the standard requires one (minItems 1)', () => {
    const none = giving360([bySlug('avslag'), bySlug('beslut-manad')], options);
    expect(none.package.grants).toEqual([]);
    expect(giving360SchemaErrors(none.package).join('\n')).toContain('/grants must NOT have fewer than 1 items');
    expect(giving360Publication(none)).toEqual({ publish: false, reason: 'no-grants' });
    expect(NOT_PUBLISHED_LABEL['no-grants']).toContain('Ingen 360Giving-fil publiceras just nu');
  });

  it('stops the build, naming every schema error, when a package with grants fails the schemas', () => {
    const broken = { ...pkg, grants: [{ ...pkg.grants[0]!, awardDate: '2021-03' }] };
    const errors = giving360SchemaErrors(broken);
    expect(errors.join('\n')).toContain('/grants/0/awardDate');
    expect(() => giving360Publication({ package: broken, leftOut })).toThrow(
      /360Giving-filen följer inte standardens schema, så den publiceras inte och bygget stoppas[\s\S]*\/grants\/0\/awardDate/,
    );
  });

  it('carries the package metadata: version, licence, publisher, addresses', () => {
    expect(pkg).toMatchObject({
      version: '1.4',
      issued: '2026-11-23',
      license: 'https://creativecommons.org/publicdomain/zero/1.0/',
      publisher: { name: 'Insyn', website: `${SITE}/` },
      accessURL: `${SITE}/data/`,
      downloadURL: `${SITE}/data/360giving.json`,
    });
  });
});

describe('iCalendar', () => {
  const ics = followUpCalendar(cases, { buildDate: BUILD, urlOf, host: 'insyn.example.se' });
  const events = new ICAL.Component(ICAL.parse(ics)).getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));

  it('parses with ical.js and has one all-day event per follow-up', () => {
    expect(events).toHaveLength(cases.reduce((n, c) => n + (c.data.followUps?.length ?? 0), 0));
    expect(events.every((e) => e.startDate.isDate && e.endDate.isDate)).toBe(true);
  });

  it('covers the day, month or year the due date names', () => {
    const span = (uid: string) => {
      const e = events.find((x) => x.uid === uid)!;
      return [e.startDate.toString(), e.endDate.toString()];
    };
    expect(span('beslut-med-orgnr-uppfoljning-1@insyn.example.se')).toEqual(['2021-06-30', '2021-07-01']);
    expect(span('beslut-med-orgnr-uppfoljning-2@insyn.example.se')).toEqual(['2022-01-01', '2022-02-01']);
    expect(span('beslut-med-orgnr-uppfoljning-3@insyn.example.se')).toEqual(['2023-01-01', '2024-01-01']);
  });

  it('has stable UIDs that do not depend on the other cases or the order', () => {
    const alone = followUpCalendar([bySlug('beslut-med-orgnr')], { buildDate: BUILD, urlOf, host: 'insyn.example.se' });
    const uids = (text: string) =>
      new ICAL.Component(ICAL.parse(text)).getAllSubcomponents('vevent').map((v) => v.getFirstPropertyValue('uid'));
    expect(uids(alone)).toEqual([1, 2, 3].map((n) => followUpUid('beslut-med-orgnr', n, 'insyn.example.se')));
    expect(new Set(events.map((e) => e.uid)).size).toBe(events.length);
    expect(followUpCalendar([...cases].reverse(), { buildDate: BUILD, urlOf, host: 'insyn.example.se' }).length).toBe(
      ics.length,
    );
  });

  it('says what is due, for which case, and whether it came', () => {
    const reported = events.find((e) => e.uid === 'beslut-med-orgnr-uppfoljning-1@insyn.example.se')!;
    expect(reported.summary).toBe('Rapporterad: Jobb & "framtid", steg 1 <pilot>');
    expect(reported.description).toContain('Rapporterad: 2 juli 2021.');
    const open = events.find((e) => e.uid === 'beslut-maximum-utan-orgnr-uppfoljning-1@insyn.example.se')!;
    expect(open.summary).toBe('Uppföljning: Beslut om högst 750 000 kr till Kommun E');
    expect(open.description).toContain('Status: försenad.');
    expect(open.description).toContain(urlOf('beslut-maximum-utan-orgnr'));
  });
});

describe('Atom feed', () => {
  const xml = atomFeed(cases, {
    title: 'Insyn – alla ärenden',
    selfUrl: `${SITE}/arenden.atom`,
    pageUrl: `${SITE}/arenden/`,
    urlOf,
    buildDate: BUILD,
  });
  const feed = new XMLParser({ ignoreAttributes: false, isArray: (name) => name === 'entry' }).parse(xml).feed;

  it('is well-formed XML with every case, newest first, undated last', () => {
    expect(SyntaxValidator.validate(xml)).toBe(true);
    expect(feed.entry.map((e: { id: string }) => e.id)).toEqual(newestFirst(cases).map((c) => urlOf(c.id)));
    expect(feed.entry.at(-1).id).toBe(urlOf('utan-datum'));
    expect(feed.entry[0].updated).toBe('2022-09-01T00:00:00Z');
    expect(feed.entry.at(-1).updated).toBe('2026-11-23T12:00:00Z');
  });

  it('escapes titles and summaries, so they read back exactly', () => {
    const e = feed.entry.find((x: { id: string }) => x.id === urlOf('beslut-med-orgnr'));
    expect(xml).toContain('<title>Jobb &amp; &quot;framtid&quot;, steg 1 &lt;pilot&gt;</title>');
    expect(e.title).toBe('Jobb & "framtid", steg 1 <pilot>');
    expect(e['link']['@_href']).toBe(urlOf('beslut-med-orgnr'));
    expect(e.summary['#text']).toContain(`Belopp: ${formatAmount(500000, 'total')}`);
  });

  it('dates an undated case by the day its file was added to the repository, when known', () => {
    const dated = atomFeed(cases, {
      title: 't',
      selfUrl: 's',
      pageUrl: 'p',
      urlOf,
      buildDate: BUILD,
      addedOf: (c) => (c.id === 'utan-datum' ? '2026-05-04' : undefined),
    });
    const entries = new XMLParser({ isArray: (name) => name === 'entry' }).parse(dated).feed.entry;
    expect(entries.at(-1).updated).toBe('2026-05-04T00:00:00Z');
    expect(entries[0].updated).toBe('2022-09-01T00:00:00Z');
  });

  it('escapes the five XML characters and drops characters XML forbids', () => {
    expect(escapeXml(`a&b<c>d"e'f\u0001g`)).toBe('a&amp;b&lt;c&gt;d&quot;e&apos;fg');
  });
});

describe('JSON-LD', () => {
  it('describes money as MonetaryGrant: value, ceiling as maxValue, funder and funded organisation', () => {
    const ld = caseJsonLd(bySlug('beslut-maximum-utan-orgnr'), urlOf('beslut-maximum-utan-orgnr')) as {
      mainEntity: Record<string, unknown>;
    };
    expect(ld.mainEntity).toMatchObject({
      '@type': 'MonetaryGrant',
      amount: { '@type': 'MonetaryAmount', currency: 'SEK', maxValue: 750000, validFrom: '2022-10' },
      funder: { '@type': 'Organization', name: 'Samordningsförbundet Test' },
      fundedItem: { '@type': 'Organization', name: 'Kommun E' },
    });
  });

  it('has no grant when no amount is stated', () => {
    expect(caseJsonLd(bySlug('utan-datum'), 'u')).not.toHaveProperty('mainEntity');
  });

  it('cannot close its script element and parses back to the same value', () => {
    const value = { name: '</script><script>alert(1)</script> & \u2028' };
    const text = jsonLdText(value);
    expect(text).not.toMatch(/[<>&\u2028]/);
    expect(JSON.parse(text)).toEqual(value);
  });
});

describe('sitemap', () => {
  it("lists HTML pages only, with the base, sorted; no endpoints, no 404, no embed or editor's pages", () => {
    const pages = [
      '',
      'arenden/',
      'arenden/a/',
      '404/',
      'data/arenden.json',
      'arenden.atom',
      'data/',
      'inbaddning/a/',
      'redigera/',
      'redigera/fran-dokument/',
    ];
    expect(htmlPagePaths(pages, '/')).toEqual(['/', '/arenden/', '/arenden/a/', '/data/']);
    expect(htmlPagePaths(pages, '/insyn/')).toEqual([
      '/insyn/',
      '/insyn/arenden/',
      '/insyn/arenden/a/',
      '/insyn/data/',
    ]);
  });

  it('writes absolute URLs as valid XML', () => {
    const xml = sitemapXml(
      ['/insyn/', '/insyn/data/'].map((p) => absolute(p, SITE)),
      '2026-11-23',
    );
    expect(SyntaxValidator.validate(xml)).toBe(true);
    const locs = new XMLParser({ isArray: (n) => n === 'url' })
      .parse(xml)
      .urlset.url.map((u: { loc: string }) => u.loc);
    expect(locs).toEqual([`${SITE}/insyn/`, `${SITE}/insyn/data/`]);
  });

  it('splits more pages than a sitemap may hold into sitemaps, listed by sitemap.xml as their index', () => {
    const urls = Array.from({ length: 12 }, (_, i) => `${SITE}/arenden/a-${i}/`);
    const files = sitemapFiles(urls, { site: SITE, base: '/insyn', lastmod: '2026-11-23', max: 5 });
    expect(files.map((f) => f.file)).toEqual(['sitemap.xml', 'sitemap-1.xml', 'sitemap-2.xml', 'sitemap-3.xml']);
    const parser = new XMLParser({ isArray: (n) => n === 'url' || n === 'sitemap' });
    const [index, ...parts] = files.map((f) => {
      expect(SyntaxValidator.validate(f.xml), f.file).toBe(true);
      return parser.parse(f.xml);
    });
    expect(index.sitemapindex.sitemap).toEqual(
      [1, 2, 3].map((n) => ({ loc: `${SITE}/insyn/sitemap-${n}.xml`, lastmod: '2026-11-23' })),
    );
    const listed = parts.map((p) => p.urlset.url.map((u: { loc: string }) => u.loc));
    expect(listed.map((l) => l.length)).toEqual([5, 5, 2]);
    expect(listed.flat()).toEqual(urls);
  });

  it('holds at most 50 000 pages in one sitemap, as the protocol allows', () => {
    expect(SITEMAP_MAX_URLS).toBe(50_000);
    const urls = Array.from({ length: 100_001 }, (_, i) => `${SITE}/arenden/a-${i}/`);
    const files = sitemapFiles(urls, { site: SITE, base: '/' });
    const count = (xml: string) => xml.split('<loc>').length - 1;
    expect(files.map((f) => [f.file, count(f.xml)])).toEqual([
      ['sitemap.xml', 3],
      ['sitemap-1.xml', 50_000],
      ['sitemap-2.xml', 50_000],
      ['sitemap-3.xml', 1],
    ]);
  });

  it('writes one sitemap.xml, no index, for up to 50 000 pages', () => {
    const urls = [`${SITE}/`, `${SITE}/data/`];
    expect(sitemapFiles(urls, { site: SITE, base: '/' })).toEqual([{ file: 'sitemap.xml', xml: sitemapXml(urls) }]);
    const [index] = sitemapFiles(urls, { site: SITE, base: '/', max: 1 });
    expect(index!.xml).toContain(`<loc>${SITE}/sitemap-2.xml</loc>`);
  });
});

describe('data dictionary', () => {
  const fields = dataDictionary();

  it('documents every field of the schema, top level and nested, each with a description', () => {
    const paths = fields.map((f) => f.path);
    for (const key of Object.keys(caseFields.shape)) expect(paths).toContain(key);
    for (const p of [
      'parties[].orgNumber',
      'period.start',
      'funding[].items[].amount',
      'followUps[].done',
      'outcomes[].asOf',
      'targetGroup.ageTo',
      'documents[].href',
      'signedBy[].unit',
    ]) {
      expect(paths).toContain(p);
    }
    expect(fields.filter((f) => f.description === '')).toEqual([]);
    expect(fields.filter((f) => f.label === '')).toEqual([]);
  });

  it('gives types, required flags, allowed values and examples from the schema', () => {
    const f = (p: string) => fields.find((x) => x.path === p)!;
    expect(f('decided')).toMatchObject({ type: PARTIAL_DATE_TYPE, required: false, examples: ['"2019-12-18"'] });
    expect(f('title')).toMatchObject({ type: 'text', required: true });
    expect(f('funding[].amount')).toMatchObject({ type: 'heltal', required: false, examples: ['2400000'] });
    expect(f('funding[].basis').allowed).toEqual(['total', 'per-year', 'maximum', 'maximum-per-year']);
    expect(f('status').allowed).toEqual(['proposed', 'applied', 'decided', 'noted', 'rejected', 'withdrawn']);
    expect(f('places').type).toBe('lista med texter');
    expect(f('period.start').required).toBe(true);
  });
});
