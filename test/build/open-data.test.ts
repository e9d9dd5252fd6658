/**
 * The open-data files in built sites: the seed fixture site and the
 * configured open-data fixture site under a base path (both built once in
 * global setup, test/helpers/shared-sites.ts). Every CSV parses back with csv-parse; rows in = cases and entries
 * out; per-case JSON equals the case's validated data; the 360Giving
 * package validates; feeds, calendar and sitemap parse and carry the right
 * items; /data/ lists every download and every schema field.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { XMLParser } from 'fast-xml-parser';
import { SyntaxValidator } from 'fast-xml-validator';
import ExcelJS from 'exceljs';
import ICAL from 'ical.js';
import { describe, expect, inject, it } from 'vitest';
import { validateAll } from '../../src/lib/content/collection.ts';
import { newestFirst } from '../../src/lib/domain/cases.ts';
import { dataDictionary } from '../../src/lib/export/dictionary.ts';
import { DOWNLOADS, GIVING360_PATH } from '../../src/lib/export/downloads.ts';
import { errorText, validateGrant, validatePackage } from '../helpers/giving360-validator.ts';
import { CONFIGURED } from '../helpers/shared-sites.ts';
import { listFiles, readPage, ROOT, SEED_CASES, textOf } from '../helpers/site.ts';

const SITE = 'https://insyn.example.se';
const xml = new XMLParser({ ignoreAttributes: false, isArray: (name) => ['entry', 'url'].includes(name) });

function readCsv(dir: string, name: string): { bom: boolean; header: string[]; records: string[][] } {
  const text = readFileSync(join(dir, 'data', name), 'utf8');
  const rows = parse(text, { bom: true }) as string[][];
  return { bom: text.charCodeAt(0) === 0xfeff, header: rows[0]!, records: rows.slice(1) };
}

const readJson = (dir: string, path: string) => JSON.parse(readFileSync(join(dir, path), 'utf8'));

/**
 * The data version a fixture site must carry: the newest commit that changed its case
 * files' data (added, removed or renamed a case, or changed a case's frontmatter; an edit
 * of a case's text alone is in no download), read here with plain git, and the pinned
 * build day.
 */
function versionOf(casesDir: string) {
  const run = (...args: string[]) => execFileSync('git', args, { cwd: ROOT, encoding: 'utf8' });
  const frontmatter = (rev: string, path: string) => run('show', `${rev}:${path}`).split(/^---$/m)[1];
  const log = run('log', '-M', '--format=%x1e%H %aI', '--name-status', '--', casesDir);
  const newest = log
    .split('\x1e')
    .filter((chunk) => chunk.trim() !== '')
    .map((chunk) => {
      const [head = '', ...lines] = chunk.trim().split('\n');
      const [hash = '', iso = ''] = head.split(' ');
      const changes = lines.filter(Boolean).map((line) => line.split('\t') as [string, string, string?]);
      return { hash, iso, changes };
    })
    .find(({ hash, changes }) =>
      changes.some(
        ([status, path, to]) =>
          [path, to].some((p) => p?.endsWith('.mdx')) &&
          (status !== 'M' || frontmatter(`${hash}^`, path) !== frontmatter(hash, path)),
      ),
    );
  const commit = newest?.hash ?? '';
  const committed = newest?.iso ?? '';
  const uncommitted =
    execFileSync('git', ['status', '--porcelain', '--', casesDir], { cwd: ROOT, encoding: 'utf8' }).trim() !== '';
  return {
    id: `${commit}${uncommitted ? '+ändrad' : ''}/2026-11-23`,
    commit,
    committed: committed.slice(0, 10),
    uncommitted,
    buildDate: '2026-11-23',
  };
}
const SEED_VERSION = versionOf(SEED_CASES);

describe('open data of the seed fixture site', () => {
  const dir = inject('siteDir');
  const { cases: parsed, errors } = validateAll(ROOT, SEED_CASES);
  const cases = newestFirst(parsed.map((p) => ({ id: p.slug, data: p.data })));
  const sum = (f: (c: (typeof cases)[number]) => number) => cases.reduce((n, c) => n + f(c), 0);

  it('reads the seed cases', () => {
    expect(errors).toEqual([]);
    expect(cases).toHaveLength(5);
  });

  it('every CSV has a BOM and parses back: rows in = cases and entries out', () => {
    const files: [string, number][] = [
      ['arenden.csv', cases.length],
      ['finansiering.csv', sum((c) => c.data.funding?.length ?? 0)],
      ['finansiering-poster.csv', sum((c) => (c.data.funding ?? []).reduce((n, f) => n + (f.items?.length ?? 0), 0))],
      ['uppfoljningar.csv', sum((c) => c.data.followUps?.length ?? 0)],
      ['utfall.csv', sum((c) => c.data.outcomes?.length ?? 0)],
    ];
    for (const [name, rows] of files) {
      const csv = readCsv(dir, name);
      expect(csv.bom, name).toBe(true);
      expect(csv.records, name).toHaveLength(rows);
      expect(
        csv.records.every((r) => r.length === csv.header.length),
        name,
      ).toBe(true);
    }
  });

  it('every CSV file has a workbook beside it that opens with exceljs and holds the same rows', async () => {
    for (const name of ['arenden', 'finansiering', 'finansiering-poster', 'uppfoljningar', 'utfall']) {
      const csv = readCsv(dir, `${name}.csv`);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(readFileSync(join(dir, 'data', `${name}.xlsx`)) as unknown as ArrayBuffer);
      expect(wb.worksheets.map((w) => w.name).slice(1), name).toEqual(['Kolumner', 'Om filen']);
      const sheet = wb.worksheets[0]!;
      expect(sheet.rowCount, name).toBe(csv.records.length + 1);
      expect(sheet.views[0], name).toMatchObject({ state: 'frozen', ySplit: 1 });
      const slugs = sheet.getColumn(1).values.slice(2);
      expect(slugs, name).toEqual(csv.records.map((r) => r[0]));
    }
  });

  it('arenden.csv has every case once, with its URL and ISO dates', () => {
    const { header, records } = readCsv(dir, 'arenden.csv');
    const col = (name: string) => header.indexOf(name);
    expect(records.map((r) => r[col('slug')])).toEqual(cases.map((c) => c.id));
    for (const c of cases) {
      const row = records.find((r) => r[0] === c.id)!;
      expect(row[col('url')]).toBe(`${SITE}/arenden/${c.id}/`);
      expect(row[col('title')]).toBe(c.data.title);
      expect(row[col('decided')]).toBe(c.data.decided ?? '');
    }
  });

  it('finansiering.csv has the real amounts as plain integers, and no amount as an empty cell', () => {
    const { header, records } = readCsv(dir, 'finansiering.csv');
    const amount = (slug: string) => records.filter((r) => r[0] === slug).map((r) => r[header.indexOf('amount')]);
    expect(amount('linkstep-stangastaden-2020')).toEqual(['2400000']);
    expect(amount('iop-linkopings-stadsmission')).toEqual(['1100000', '980500']);
    expect(amount('arbetsplatskorkortet-idrott-och-service')).toEqual(['']);
  });

  it('each per-case JSON equals the case data, plus slug, URL and the data version; arenden.json holds the same', () => {
    const all = readJson(dir, 'data/arenden.json');
    expect(all.count).toBe(cases.length);
    expect(all.buildDate).toBe('2026-11-23');
    expect(all.license.url).toBe('https://creativecommons.org/publicdomain/zero/1.0/');
    expect(all.version).toEqual(SEED_VERSION);
    for (const c of cases) {
      const one = readJson(dir, `data/arenden/${c.id}.json`);
      const { slug, url, version, ...data } = one;
      expect(slug).toBe(c.id);
      expect(url).toBe(`${SITE}/arenden/${c.id}/`);
      expect(version).toEqual(SEED_VERSION);
      expect(data).toEqual(JSON.parse(JSON.stringify(c.data)));
      expect(all.cases.find((x: { slug: string }) => x.slug === c.id)).toEqual({ slug, url, ...data });
    }
  });

  it('every download carries the same data version; /data/ and each case page offer a citation line', async () => {
    const id = SEED_VERSION.id;
    const feed = xml.parse(readFileSync(join(dir, 'arenden.atom'), 'utf8')).feed;
    expect(feed.generator['@_version']).toBe(id);
    const orgFeed = xml.parse(readFileSync(join(dir, 'organisationer/linkopings-kommun/arenden.atom'), 'utf8')).feed;
    expect(orgFeed.generator['@_version']).toBe(id);
    expect(readFileSync(join(dir, 'uppfoljning.ics'), 'utf8')).toContain(`X-INSYN-DATA-VERSION:${id}\r\n`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(join(dir, 'data/finansiering.xlsx')) as unknown as ArrayBuffer);
    const about = new Map(
      wb
        .getWorksheet('Om filen')!
        .getSheetValues()
        .slice(1)
        .map((r) => [(r as string[])[1], (r as string[])[2]]),
    );
    expect(about.get('Version (id)')).toBe(id);
    const pkg = readJson(dir, 'data/datapackage.json');
    expect(pkg.version).toBe(id);
    for (const r of pkg.resources) {
      expect(r.path, r.name).toBe(`${SITE}/data/${r.name}.csv`);
      expect(r.schema.fields.map((f: { name: string }) => f.name)).toEqual(readCsv(dir, `${r.name}.csv`).header);
    }
    expect(
      pkg.resources
        .find((r: { name: string }) => r.name === 'finansiering')
        .schema.fields.find((f: { name: string }) => f.name === 'amount'),
    ).toMatchObject({ type: 'integer', title: 'Belopp (kr)' });
    const short = SEED_VERSION.commit!.slice(0, 8);
    const data = textOf(readPage(dir, '/data/'));
    expect(data).toMatch(
      new RegExp(
        `Insyn, öppna data om arbetsmarknadsmedel, version ${short} \\(\\d+ \\p{L}+ \\d{4}\\), hämtad 23 november 2026, ${SITE}/data/`,
        'u',
      ),
    );
    const page = textOf(readPage(dir, '/arenden/linkstep-stangastaden-2020/'));
    expect(page).toMatch(
      new RegExp(
        `Insyn, ärende ”Stångåstaden ett steg till sysselsättning \\(Linkstep\\)” \\(linkstep-stangastaden-2020\\), version [0-9a-f]{8} \\(\\d+ \\p{L}+ \\d{4}\\), hämtad 23 november 2026, ${SITE}/arenden/linkstep-stangastaden-2020/`,
        'u',
      ),
    );
  });

  it('360giving.json: the seeds state no awarded amount with a decision day, so no file is published and /data/ says why', () => {
    expect(existsSync(join(dir, 'data/360giving.json'))).toBe(false);
    const html = readPage(dir, '/data/');
    expect(html).not.toContain('href="/data/360giving.json"');
    const text = textOf(html);
    expect(text).toContain(
      'Ingen 360Giving-fil publiceras just nu: inget penningflöde uppfyller kraven ovan, och standarden kräver minst ett bidrag i en fil.',
    );
    // /data/ counts the amounts left out per reason and links the list, which names each case.
    expect(text).toContain('Belopp som inte ingår i 360Giving-filen, per skäl');
    expect(html).toContain('href="/data/utelamnade-belopp/"');
    const list = textOf(readPage(dir, '/data/utelamnade-belopp/'));
    expect(list).toMatch(/Alla \d+, nyast ärende först\./);
    for (const title of [
      'Stångåstaden ett steg till sysselsättning (Linkstep)',
      'Ansökan En väg in-steget vidare',
      'Idéburet offentligt partnerskap, Linköpings Stadsmission',
    ]) {
      expect(list).toContain(title);
    }
  });

  it('arenden.atom parses as XML with every case, newest first', () => {
    const text = readFileSync(join(dir, 'arenden.atom'), 'utf8');
    expect(SyntaxValidator.validate(text)).toBe(true);
    const feed = xml.parse(text).feed;
    expect(feed.entry.map((e: { id: string }) => e.id)).toEqual(cases.map((c) => `${SITE}/arenden/${c.id}/`));
    expect(feed.entry[0].title).toBe(cases[0]!.data.title);
  });

  it('each organisation has a feed with its cases; pages link the all-cases feed', () => {
    const orgFeeds = listFiles(dir).filter((f) => /^organisationer\/[^/]+\/arenden\.atom$/.test(f));
    expect(orgFeeds.length).toBeGreaterThan(5);
    for (const f of orgFeeds) expect(SyntaxValidator.validate(readFileSync(join(dir, f), 'utf8')), f).toBe(true);
    const linkoping = xml.parse(readFileSync(join(dir, 'organisationer/linkopings-kommun/arenden.atom'), 'utf8')).feed;
    expect(linkoping.entry.map((e: { id: string }) => e.id.split('/').at(-2))).toEqual([
      'iop-linkopings-stadsmission',
      'linkstep-stangastaden-2020',
      'arbetsplatskorkortet-idrott-och-service',
    ]);
    expect(readPage(dir, '/data/')).toContain(
      '<link rel="alternate" type="application/atom+xml" title="Insyn – alla ärenden" href="/arenden.atom">',
    );
  });

  it('uppfoljning.ics parses with ical.js: one all-day event per follow-up, unique stable UIDs', () => {
    const comp = new ICAL.Component(ICAL.parse(readFileSync(join(dir, 'uppfoljning.ics'), 'utf8')));
    const events = comp.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    expect(events).toHaveLength(sum((c) => c.data.followUps?.length ?? 0));
    expect(events.map((e) => e.uid).sort()).toEqual([
      'arbetsplatskorkortet-idrott-och-service-uppfoljning-1@insyn.example.se',
      'linkstep-stangastaden-2020-uppfoljning-1@insyn.example.se',
      'linkstep-stangastaden-2020-uppfoljning-2@insyn.example.se',
    ]);
    const sept = events.find((e) => e.uid.startsWith('linkstep-stangastaden-2020-uppfoljning-1'))!;
    expect([sept.startDate.toString(), sept.endDate.toString(), sept.startDate.isDate]).toEqual([
      '2020-09-01',
      '2020-10-01',
      true,
    ]);
  });

  it('sitemap.xml lists every HTML page (not 404, the embed pages or the editor) as an absolute URL', () => {
    const text = readFileSync(join(dir, 'sitemap.xml'), 'utf8');
    expect(SyntaxValidator.validate(text)).toBe(true);
    const locs = xml
      .parse(text)
      .urlset.url.map((u: { loc: string }) => u.loc)
      .sort();
    const pages = listFiles(dir)
      .filter((f) => f.endsWith('index.html') && !f.startsWith('inbaddning/') && !f.startsWith('redigera/'))
      .map((f) => `${SITE}/${f.replace(/index\.html$/, '')}`)
      .sort();
    expect(locs).toEqual(pages);
    expect(locs).toContain(`${SITE}/data/`);
    expect(locs).not.toContain(`${SITE}/404/`);
  });

  it('/data/ links every download that exists, and lists every schema field', () => {
    const html = readPage(dir, '/data/');
    // The 360Giving package is published only with grants (none in the seeds; see above).
    for (const d of DOWNLOADS.filter((x) => !x.path.includes('<slug>') && x.path !== GIVING360_PATH)) {
      expect(html, d.path).toContain(`href="${d.path}"`);
      expect(existsSync(join(dir, d.path)), d.path).toBe(true);
    }
    const text = textOf(html);
    for (const f of dataDictionary()) expect(text, f.path).toContain(f.path);
    expect(text).toContain('Creative Commons Zero (CC0 1.0)');
    expect(text).toContain('Filerna byggdes 23 november 2026');
    expect(html).toMatch(/<a href="\/data\/"[^>]*>Öppna data<\/a>/);
  });

  it('a case page carries JSON-LD with a MonetaryGrant and no executable script', () => {
    const html = readPage(dir, '/arenden/linkstep-stangastaden-2020/');
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
    expect(scripts.map((m) => m[1]!.trim())).toEqual(['type="application/ld+json"']);
    const ld = JSON.parse(scripts[0]![2]!);
    expect(ld.mainEntity).toMatchObject({
      '@type': 'MonetaryGrant',
      amount: { currency: 'SEK', value: 2400000 },
      fundedItem: { name: 'AB Stångåstaden' },
    });
    expect(ld.url).toBe(`${SITE}/arenden/linkstep-stangastaden-2020/`);
  });
});

describe('open data of the configured fixture site, under a base path', () => {
  const site = { outDir: inject('configuredSiteDir') };
  const ORIGIN = CONFIGURED.site;

  it('the 360Giving package validates and holds the two grants, with base-aware URLs', () => {
    const pkg = readJson(site.outDir, 'data/360giving.json');
    expect(validatePackage(pkg), errorText(validatePackage.errors)).toBe(true);
    expect(pkg.grants.map((g: { id: string }) => g.id).sort()).toEqual([
      '360G-insyn-beslut-maximum-utan-orgnr-2',
      '360G-insyn-beslut-med-orgnr-1',
    ]);
    expect(pkg.grants.find((g: { id: string }) => g.id === '360G-insyn-beslut-med-orgnr-1').url).toBe(
      `${ORIGIN}/insyn/arenden/beslut-med-orgnr/`,
    );
    expect(pkg.downloadURL).toBe(`${ORIGIN}/insyn/data/360giving.json`);
    const version = versionOf(CONFIGURED.cases);
    expect(pkg.identifier).toBe(`360G-insyn-${version.commit.slice(0, 8)}-2026-11-23`);
    for (const g of pkg.grants) expect(validateGrant(g), errorText(validateGrant.errors)).toBe(true);
    const withNumber = pkg.grants.find((g: { id: string }) => g.id === '360G-insyn-beslut-med-orgnr-1');
    expect(withNumber.recipientOrganization[0].id).toBe('SE-ON-802400-0005');
    expect(readPage(site.outDir, '/data/')).toContain('href="/insyn/data/360giving.json"');
  });

  it('sitemap, feeds and JSON use the base path', () => {
    const locs = xml
      .parse(readFileSync(join(site.outDir, 'sitemap.xml'), 'utf8'))
      .urlset.url.map((u: { loc: string }) => u.loc);
    expect(locs.every((l: string) => l.startsWith(`${ORIGIN}/insyn/`))).toBe(true);
    expect(locs).toContain(`${ORIGIN}/insyn/arenden/utan-datum/`);
    const feed = xml.parse(readFileSync(join(site.outDir, 'arenden.atom'), 'utf8')).feed;
    expect(feed.entry.at(-1).id).toBe(`${ORIGIN}/insyn/arenden/utan-datum/`);
    expect(readJson(site.outDir, 'data/arenden/avslag.json').url).toBe(`${ORIGIN}/insyn/arenden/avslag/`);
    expect(readPage(site.outDir, '/data/')).toContain('href="/insyn/data/arenden.csv"');
  });

  it('organisations by number: one page for two names with one number; one name with two numbers is two pages', () => {
    const org = textOf(readPage(site.outDir, '/organisationer/foreningen-exempel/'));
    expect(org).toContain('Organisationsnummer 802400-0005');
    expect(org).toContain('Org-id SE-ON-802400-0005');
    expect(org).toContain('Namn i ärendena Föreningen Exempel, Föreningen Exempel i Staden');
    expect(existsSync(join(site.outDir, 'organisationer/foreningen-exempel-i-staden'))).toBe(false);
    for (const slug of ['forening-d', 'forening-d-8024000013', 'forening-d-8024000021'])
      expect(existsSync(join(site.outDir, 'organisationer', slug, 'index.html')), slug).toBe(true);
    expect(textOf(readPage(site.outDir, '/organisationer/forening-d-8024000021/'))).toContain(
      'Organisationsnummer 802400-0021',
    );
    expect(readPage(site.outDir, '/organisationer/forening-d-8024000021/')).toContain(
      '<title>Förening D (802400-0021) – Insyn</title>',
    );
    const list = textOf(readPage(site.outDir, '/organisationer/'));
    expect(list).toContain('Förening D (802400-0013)');
    expect(list).toContain('Förening D (802400-0021)');
    expect(textOf(readPage(site.outDir, '/organisationer/forening-d/'))).toContain(
      'Organisationsnummer anges inte i ärendena',
    );
    expect(readPage(site.outDir, '/arenden/samma-namn-annat-nummer/')).toContain(
      'href="/insyn/organisationer/forening-d-8024000021/"',
    );
    expect(readPage(site.outDir, '/arenden/samma-nummer-annat-namn/')).toContain(
      'href="/insyn/organisationer/foreningen-exempel/"',
    );
  });

  it('the citation lines point at the version in the repository', () => {
    const version = versionOf(CONFIGURED.cases);
    const data = readPage(site.outDir, '/data/');
    // A working tree with uncommitted fixture files has no exact version to link to, and says so.
    if (version.uncommitted) expect(data).toContain('Adressen går till den här sidan');
    else expect(data).toContain(`https://github.com/kommun/insyn/tree/${version.commit}`);
    const page = textOf(readPage(site.outDir, '/arenden/beslut-med-orgnr/'));
    expect(page).toMatch(
      /version [0-9a-f]{8} .*, https:\/\/github\.com\/kommun\/insyn\/blob\/[0-9a-f]{40}\/test\/fixtures\/open-data\/cases\/2021\/beslut-med-orgnr\.mdx/,
    );
  });

  it('text that would start a formula is neutralised in CSV and exact in JSON and Excel', async () => {
    const point = '=HYPERLINK("https://example.invalid";"Klicka") står så i underlaget.';
    const { header, records } = readCsv(site.outDir, 'arenden.csv');
    const row = records.find((r) => r[0] === 'utan-datum')!;
    expect(row[header.indexOf('decisionPoints')]!.split('\n')[0]).toBe(`'${point}`);
    expect(readJson(site.outDir, 'data/arenden/utan-datum.json').decisionPoints[0]).toBe(point);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(join(site.outDir, 'data/arenden.xlsx')) as unknown as ArrayBuffer);
    const sheet = wb.worksheets[0]!;
    const r = records.findIndex((x) => x[0] === 'utan-datum') + 2;
    const cell = sheet.getCell(r, header.indexOf('decisionPoints') + 1);
    expect(cell.type).toBe(ExcelJS.ValueType.String);
    expect(String(cell.value).split('\n')[0]).toBe(point);
  });

  it('the title with & " < > reads back exactly from CSV, feed and JSON-LD', () => {
    const title = 'Jobb & "framtid", steg 1 <pilot>';
    const { header, records } = readCsv(site.outDir, 'arenden.csv');
    expect(records.find((r) => r[0] === 'beslut-med-orgnr')![header.indexOf('title')]).toBe(title);
    const feed = xml.parse(readFileSync(join(site.outDir, 'arenden.atom'), 'utf8')).feed;
    expect(feed.entry.find((e: { id: string }) => e.id.endsWith('/beslut-med-orgnr/')).title).toBe(title);
    const html = readPage(site.outDir, '/arenden/beslut-med-orgnr/');
    const json = /<script type="application\/ld\+json">([\s\S]*?)<\/script>/.exec(html)![1]!;
    expect(json).not.toContain('<');
    expect(JSON.parse(json).name).toBe(title);
  });
});
