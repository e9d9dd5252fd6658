/**
 * Builds a fixture site with good cases and asserts the HTML; builds each
 * kind of bad file and asserts the build stops, naming file and field.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { CSP_META } from '../../src/lib/security.ts';
import { type BuildResult, buildSite, listFiles, readPage, testBuildsDir, textOf } from '../helpers/site.ts';

const GOOD = 'test/fixtures/foundation/good/cases';

describe('a fixture site with good cases (build date 23 november 2026)', () => {
  let site: BuildResult;
  beforeAll(async () => {
    site = await buildSite({ cases: GOOD, buildDate: '2026-11-23' });
    if (!site.ok) throw new Error(site.output);
  });

  it('makes one page per case: cases in = pages out', () => {
    const cases = listFiles(join(process.cwd(), GOOD)).filter((f) => f.endsWith('.mdx'));
    const pages = readdirSync(join(site.outDir, 'arenden'), { withFileTypes: true }).filter((d) => d.isDirectory() && existsSync(join(site.outDir, 'arenden', d.name, 'index.html')));
    expect(pages.map((d) => d.name).sort()).toEqual(cases.map((f) => f.split('/').pop()!.replace('.mdx', '')).sort());
  });

  it('lists every case newest first with amounts, dates and periods in Swedish', () => {
    const text = textOf(readPage(site.outDir, '/arenden/'));
    const order = ['Planerat projekt med årligt stöd', 'Ny överenskommelse om jobbcoacher', 'Gammalt bidrag utan belopp'].map((t) => text.indexOf(t));
    expect(order.every((i) => i >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(text).toContain('2 400 000 kr');
    expect(text).toContain('högst 500 000 kr per år');
    expect(text).toContain('750 000 kr per år');
    expect(text).toContain('belopp ej angivet');
    expect(text).toContain('5 oktober 2026');
    expect(text).toContain('november 2026');
    expect(text).toContain('juni 2018 – december 2018');
  });

  it('shows key figures on the start page', () => {
    const text = textOf(readPage(site.outDir, '/'));
    expect(text).toContain('3 ärenden');
    expect(text).toContain('2 400 000 kr angivna belopp för hela perioder');
    expect(text).toContain('750 000 kr angivna belopp per år');
    expect(text).toContain('0 kr angivna takbelopp (högst) för hela perioder');
    expect(text).toContain('500 000 kr angivna takbelopp (högst) per år');
    expect(text).toContain('1 ärende utan angivet belopp');
  });

  it('renders the case page: facts, decision points, parties, funding, follow-up states, outcomes and the body', () => {
    const html = readPage(site.outDir, '/arenden/ny-overenskommelse/');
    const text = textOf(html);
    expect(text).toMatch(/Typ Överenskommelse\/avtal Status Beslutat Organisation Testkommunen Organ Arbetsmarknadsnämnden Beslutsdatum 5 oktober 2026 Diarienummer AMN 2026-123 Period januari 2026 – december 2027 Fas pågår \(den 23 november 2026\)/);
    expect(html).toMatch(/<ol><li>Nämnden ingår överenskommelsen med Testbostäder AB\.<\/li><li>Uppföljning redovisas för nämnden\.<\/li><\/ol>/);
    expect(text).toContain('Testbostäder AB – mottagare (org.nr 556016-0680)');
    expect(text).toContain('Testkommunen Testbostäder AB 2 400 000 kr totalt för perioden som ärendet Jobbcoacher: 2 000 000 kr Lokaler: 400 000 kr Ur statsbidrag.');
    expect(text).toContain('högst 500 000 kr per år högst, per år');
    expect(text).toContain('Status den 23 november 2026');
    expect(text).toContain('februari 2026 Delrapport som inte kommit försenad inte rapporterad');
    expect(text).toContain('december 2026 Lägesrapport till nämnden snart dags');
    expect(text).toContain('juni 2027 Slutrapport till nämnden senare');
    expect(text).toContain('oktober 2026 Startrapport rapporterad 20 oktober 2026 – rapporten');
    expect(text).toContain('Deltagare i arbete 40 12 personer oktober 2026');
    expect(text).toContain('Arbetssökande hyresgäster (18–64 år)');
    expect(html).toContain('<caption id="finansiering-rubrik">');
    expect(html).toContain('<th scope="col">Från</th>');
  });

  it('renders GFM in the body: tables, strikethrough, autolinks, task lists and footnotes', () => {
    const html = readPage(site.outDir, '/arenden/ny-overenskommelse/');
    expect(html).toMatch(/<table>\s*<thead>\s*<tr>\s*<th scope="col">Post<\/th>\s*<th scope="col" class="align-right">Kronor<\/th>/);
    expect(html).toContain('<del>struken text</del>');
    expect(html).toContain('<a href="https://example.org/info">https://example.org/info</a>');
    expect(html).toContain('<span class="task task-done">Klart:</span> Avtalet undertecknat');
    expect(html).toContain('<span class="task task-open">Ej klart:</span> Första rapporten');
    expect(html).toMatch(/<section data-footnotes class="footnotes"><h3 class="visually-hidden" id="footnote-label">Fotnoter<\/h3>/);
    expect(html).toContain('Tillbaka till hänvisning 1');
    expect(html).toContain('<h3 id="text-bakgrund">Bakgrund</h3>');
    expect(html).toContain('<h4 id="text-detaljer">Detaljer</h4>');
  });

  it('prints partial dates at their own precision and phases relative to the build date', () => {
    const old = textOf(readPage(site.outDir, '/arenden/gammalt-bidrag/'));
    expect(old).toContain('Beslutsdatum 2018');
    expect(old).toContain('Fas avslutad');
    expect(old).toContain('belopp ej angivet');
    const planned = textOf(readPage(site.outDir, '/arenden/planerat-projekt/'));
    expect(planned).toContain('Förslaget daterat november 2026');
    expect(planned).toContain('Fas planerad');
    expect(planned).toContain('Förslag till beslut');
  });

  it('ships no JavaScript on case and list pages, and a strict CSP everywhere', () => {
    const pages = listFiles(site.outDir).filter((f) => f.endsWith('.html'));
    for (const page of pages) {
      const html = readFileSync(join(site.outDir, page), 'utf8');
      expect(html, page).toContain(`<meta http-equiv="Content-Security-Policy" content="${CSP_META}">`);
      expect(html, page).toMatch(/<html lang="sv"/);
      expect(html, page).not.toMatch(/\son[a-z]+=/i);
      expect(html, page).not.toMatch(/\sstyle="/);
      if (page.startsWith('arenden/') || page === 'index.html') {
        expect(html.match(/<script\b(?![^>]*type="application\/ld\+json")/g), page).toBeNull();
      }
    }
    expect(listFiles(site.outDir).filter((f) => f.endsWith('.js') && !f.startsWith('pagefind/') && !f.startsWith('_astro/sok'))).toEqual([]);
    const headers = readFileSync(join(site.outDir, '_headers'), 'utf8');
    expect(headers).toContain(`Content-Security-Policy: ${CSP_META}; frame-ancestors 'none'`);
  });
});

describe('the loader', () => {
  it('renders each body once and skips unchanged files by digest on the next build', async () => {
    mkdirSync(testBuildsDir(), { recursive: true });
    const work = mkdtempSync(join(testBuildsDir(), 'rebuild-'));
    const [cacheDir, outDir] = [join(work, 'cache'), join(work, 'dist')];
    const first = await buildSite({ cases: GOOD, cacheDir, outDir });
    expect(first.ok, first.output).toBe(true);
    expect(first.output).toContain('3 ärenden inlästa (3 renderade, 0 oförändrade)');
    const second = await buildSite({ cases: GOOD, cacheDir, outDir });
    expect(second.ok, second.output).toBe(true);
    expect(second.output).toContain('3 ärenden inlästa (0 renderade, 3 oförändrade)');
    expect(readPage(second.outDir, '/arenden/ny-overenskommelse/')).toContain('<del>struken text</del>');
  });
});

describe('a bad case file stops the build with file and field named', () => {
  const cases: { fixture: string; file: string; field: string; message: string }[] = [
    { fixture: 'bad-amount', file: 'cases/2020/felaktigt-belopp.mdx:17', field: 'funding[0].amount', message: 'fel sorts värde: text i stället för ett heltal' },
    { fixture: 'bad-date', file: 'cases/2020/omojligt-datum.mdx:8', field: 'decided', message: 'datumet finns inte i kalendern' },
    { fixture: 'bad-unknown-field', file: 'cases/2020/okant-falt.mdx', field: 'followups', message: 'fältet "followups" finns inte i formatet; menade du "followUps"?' },
    { fixture: 'bad-items', file: 'cases/2020/poster-summerar-fel.mdx', field: 'funding[0].items', message: 'posterna summerar till 2\u00a0300\u00a0000\u00a0kr, men amount är 2\u00a0400\u00a0000\u00a0kr' },
    { fixture: 'bad-personnummer', file: 'cases/2020/med-personnummer.mdx:23', field: 'personnummer', message: 'filen innehåller ett personnummer eller samordningsnummer' },
    { fixture: 'bad-body', file: 'cases/2020/skript-i-brodtext.mdx:23', field: 'brödtext', message: 'HTML-elementet <script> är inte tillåtet' },
    { fixture: 'bad-document', file: 'cases/2020/saknat-dokument.mdx', field: 'documents[0].href', message: 'filen /dokument/finns-inte.pdf finns inte under public/' },
    { fixture: 'bad-duplicate', file: 'cases/2021/samma-slug.mdx', field: 'filnamn', message: 'sluggen "samma-slug" används redan av test/fixtures/foundation/bad-duplicate/cases/2020/samma-slug.mdx' },
  ];

  for (const c of cases) {
    it(c.fixture, async () => {
      const result = await buildSite({ cases: `test/fixtures/foundation/${c.fixture}/cases` });
      expect(result.ok, result.output).toBe(false);
      expect(result.output).toContain(`test/fixtures/foundation/${c.fixture}/${c.file}`);
      expect(result.output).toContain(`${c.field}: ${c.message}`);
      expect(result.output).toContain('Förväntat:');
      expect(result.output).not.toContain(':0:0');
      expect(existsSync(join(result.outDir, 'index.html')), 'nothing is published').toBe(false);
    });
  }
});
