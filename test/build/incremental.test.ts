/**
 * The good fixture site (test/fixtures/foundation/good, build date 23
 * november 2026), and incremental builds starting from it.
 *
 * Its first build is a clean build: the site is asserted on it (HTML,
 * figures, GFM, partial dates, no JavaScript, CSP). Then the same output
 * directory and cache are rebuilt again and again (astro.config.mjs: the
 * output is kept, unchanged case pages are not rendered again,
 * src/integrations/prune-output.ts removes what a build no longer makes),
 * after changes of every kind a page's cache key covers: how the build is
 * started, a case's text (with a body file lost from the cache, and a link
 * to another case, whose page lists it), a deleted
 * and an added case, the organisation aliases, the build day, the repository
 * link.
 * After each rebuild every file is compared byte for byte with a clean build
 * of the same input. Along the way the loader's digests and the body files
 * kept outside Astro's data store (src/lib/content/body-store.ts) are checked:
 * an unchanged body is not rendered again, a lost body file is rendered
 * again, a changed case replaces its body file.
 */
import {
  appendFileSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { join, relative } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BODY_DIR } from '../../src/lib/content/body-store.ts';
import { CSP_META } from '../../src/lib/core/security.ts';
import {
  type BuildOptions,
  type BuildResult,
  buildSite,
  listFiles,
  readPage,
  ROOT,
  SEED_ORGANISATIONS,
  testBuildsDir,
  textOf,
} from '../helpers/site.ts';

const GOOD = 'test/fixtures/foundation/good/cases';

mkdirSync(testBuildsDir(), { recursive: true });
const work = mkdtempSync(join(testBuildsDir(), 'incremental-'));
/** A copy of the good fixture and an alias list, changed step by step. */
const CASES = relative(ROOT, join(work, 'cases'));
const ALIASES = relative(ROOT, join(work, 'organisations.yaml'));
cpSync(join(ROOT, GOOD), join(ROOT, CASES), { recursive: true });
writeFileSync(join(ROOT, ALIASES), readFileSync(join(ROOT, SEED_ORGANISATIONS), 'utf8'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** The kept output and cache, rebuilt again and again. */
const kept = { outDir: join(work, 'dist'), cacheDir: join(work, 'cache') };
/** The first build's output and cache, copied before the first rebuild: a clean build of the unchanged input. */
const firstOutput = join(work, 'first');
const firstCache = join(work, 'first-cache');

async function build(options: BuildOptions): Promise<BuildResult> {
  const result = await buildSite({ cases: CASES, organisations: ALIASES, ...options });
  expect(result.ok, result.output).toBe(true);
  return result;
}

/** Files that differ between two outputs: missing on either side, or with other bytes. */
function differences(a: string, b: string): string[] {
  const left = listFiles(a);
  const right = listFiles(b);
  const all = [...new Set([...left, ...right])].sort();
  return all.flatMap((f) => {
    if (!right.includes(f)) return [`${f}: bara i ${a}`];
    if (!left.includes(f)) return [`${f}: bara i ${b}`];
    return readFileSync(join(a, f)).equals(readFileSync(join(b, f))) ? [] : [`${f}: olika innehåll`];
  });
}

/**
 * Rebuilds a kept output (default: `kept`) and, side by side, a clean one from the same
 * input; compares them; returns the rebuild's log.
 */
async function rebuildMatchesClean(
  options: BuildOptions = {},
  into: { outDir: string; cacheDir: string } = kept,
): Promise<string> {
  const [again, clean] = await Promise.all([build({ ...options, ...into }), build(options)]);
  expect(differences(again.outDir, clean.outDir)).toEqual([]);
  return again.output;
}

/**
 * How many files under a folder the build kept instead of rendering ("├─ /arenden/x/index.html (cached)").
 * Colour codes are stripped: Astro's logger colours its output when CI is set.
 */
const keptUnder = (log: string, folder: string) =>
  stripVTControlCharacters(log)
    .split('\n')
    .filter((l) => l.includes('(cached)') && l.includes(` /${folder}/`)).length;
const cachedPages = (log: string) => keptUnder(log, 'arenden');
/** How many table downloads (`/data/<table>.csv`, `.xlsx`) the build kept. */
const tableFilesKept = (log: string) =>
  stripVTControlCharacters(log)
    .split('\n')
    .filter((l) => l.includes('(cached)') && /\/data\/[a-z-]+\.(csv|xlsx)\b/.test(l)).length;
/** The per-organisation files (pages, body pages, feeds) and outcome pages of the output. */
const perOrganisation = (outDir: string, folder: string) =>
  listFiles(join(outDir, folder)).filter((f) => f !== 'index.html').length;
/** The loader's summary line: how many cases it read, rendered and skipped as unchanged. */
const loaded = (n: number, rendered: number) =>
  `${n} ärenden inlästa (${rendered} renderade, ${n - rendered} oförändrade)`;
/** The body files in the kept cache. */
const bodies = () => readdirSync(join(kept.cacheDir, BODY_DIR)).sort();
const bodyOf = (slug: string) => bodies().find((f) => f.startsWith(`${slug}.`));

let firstLog: string;
beforeAll(async () => {
  // `_` is the shell's last command: it differs with how a build is started, never
  // with the site, so it must not reach any page's cache key (src/lib/site.ts).
  firstLog = (await build({ ...kept, env: { _: '/usr/bin/npm' } })).output;
  cpSync(kept.outDir, firstOutput, { recursive: true });
  cpSync(kept.cacheDir, firstCache, { recursive: true });
});

describe('the good fixture site (its first build, clean)', () => {
  const site = { outDir: firstOutput };

  it('makes one page per case: cases in = pages out', () => {
    const cases = listFiles(join(ROOT, GOOD)).filter((f) => f.endsWith('.mdx'));
    const pages = readdirSync(join(site.outDir, 'arenden'), { withFileTypes: true }).filter(
      (d) => d.isDirectory() && existsSync(join(site.outDir, 'arenden', d.name, 'index.html')),
    );
    expect(pages.map((d) => d.name).sort()).toEqual(cases.map((f) => f.split('/').pop()!.replace('.mdx', '')).sort());
  });

  it('lists every case newest first with amounts, dates and periods in Swedish', () => {
    const text = textOf(readPage(site.outDir, '/arenden/'));
    const order = [
      'Planerat projekt med årligt stöd',
      'Ny överenskommelse om jobbcoacher',
      'Gammalt bidrag utan belopp',
    ].map((t) => text.indexOf(t));
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
    expect(text).toMatch(
      /Typ Överenskommelse\/avtal Status Beslutat Organisation Testkommunen Organ Arbetsmarknadsnämnden Beslutsdatum 5 oktober 2026 Diarienummer AMN 2026-123 Period januari 2026 – december 2027 Fas pågår \(den 23 november 2026\)/,
    );
    expect(html).toMatch(
      /<ol><li>Nämnden ingår överenskommelsen med Testbostäder AB\.<\/li><li>Uppföljning redovisas för nämnden\.<\/li><\/ol>/,
    );
    expect(text).toContain('Testbostäder AB – mottagare (org.nr 556016-0680)');
    expect(text).toContain(
      'Testkommunen Testbostäder AB 2 400 000 kr totalt för perioden som ärendet Jobbcoacher: 2 000 000 kr Lokaler: 400 000 kr Ur statsbidrag.',
    );
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
    expect(html).toMatch(
      /<table>\s*<thead>\s*<tr>\s*<th scope="col">Post<\/th>\s*<th scope="col" class="align-right">Kronor<\/th>/,
    );
    expect(html).toContain('<del>struken text</del>');
    expect(html).toContain('<a href="https://example.org/info">https://example.org/info</a>');
    expect(html).toContain('<span class="task task-done">Klart:</span> Avtalet undertecknat');
    expect(html).toContain('<span class="task task-open">Ej klart:</span> Första rapporten');
    expect(html).toMatch(
      /<section data-footnotes class="footnotes"><h3 class="visually-hidden" id="footnote-label">Fotnoter<\/h3>/,
    );
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
    // The only scripts: the search page's, its worker's and Pagefind's (the editor is off here).
    expect(
      listFiles(site.outDir).filter(
        (f) =>
          f.endsWith('.js') &&
          !f.startsWith('pagefind/') &&
          !f.startsWith('_astro/sok') &&
          !/^_astro\/search-worker-[\w-]+\.js$/.test(f),
      ),
    ).toEqual([]);
    const headers = readFileSync(join(site.outDir, '_headers'), 'utf8');
    expect(headers).toContain(`Content-Security-Policy: ${CSP_META}; frame-ancestors 'none'`);
    // Only the embed pages may be framed; no catch-all rule that would also hit them.
    expect(headers).toContain(`/inbaddning/*\n  Content-Security-Policy: ${CSP_META}; frame-ancestors 'self' https:`);
    expect(headers).toContain(`/arenden/*\n  Content-Security-Policy: ${CSP_META}; frame-ancestors 'none'`);
    // The search index is written after Astro (and _headers); its folder has its rule all the same.
    expect(headers).toContain(`/pagefind/*\n  Content-Security-Policy: ${CSP_META}; frame-ancestors 'none'`);
    expect(headers).not.toMatch(/^\/\*$/m);
  });

  it('renders each body once, into a body file outside the data store', () => {
    expect(firstLog).toContain(loaded(3, 3));
    expect(cachedPages(firstLog)).toBe(0);
    expect(bodies()).toHaveLength(3);
  });
});

/** A copy of the kept output and cache as the first build left them, for a rebuild that starts from there. */
function copyOfFirst(name: string): { outDir: string; cacheDir: string } {
  const copy = { outDir: join(work, name, 'dist'), cacheDir: join(work, name, 'cache') };
  cpSync(firstOutput, copy.outDir, { recursive: true });
  cpSync(firstCache, copy.cacheDir, { recursive: true });
  return copy;
}

describe('incremental builds from the good fixture site', () => {
  it('keep unchanged case pages and publish exactly what a clean build does', { timeout: 240_000 }, async () => {
    // Two rebuilds of the unchanged case files, side by side: one where nothing
    // changed but how the build was started, one with another build day and a
    // repository link (from a copy of the first build's output and cache).
    const elsewhere = copyOfFirst('elsewhere');
    const [same, later] = await Promise.all([
      build({ ...kept, env: { _: '/usr/local/bin/npx' } }).then((r) => r.output),
      rebuildMatchesClean(
        { buildDate: '2027-06-01', env: { INSYN_REPO_URL: 'https://github.com/kommun/insyn' } },
        elsewhere,
      ),
    ]);
    // Nothing changed: no body is rendered again, every case page and every
    // per-organisation file is kept, and the output is exactly the first build's.
    expect(differences(kept.outDir, firstOutput)).toEqual([]);
    expect(same).toContain(loaded(3, 0));
    expect(cachedPages(same)).toBe(3);
    expect(keptUnder(same, 'organisationer')).toBe(perOrganisation(kept.outDir, 'organisationer'));
    expect(keptUnder(same, 'utfall')).toBe(perOrganisation(kept.outDir, 'utfall'));
    expect(readPage(kept.outDir, '/arenden/ny-overenskommelse/')).toContain('<del>struken text</del>');
    // The table downloads (/data/<table>.csv and .xlsx) are keyed too: kept, all ten.
    expect(tableFilesKept(same)).toBe(10);
    // Another build day and a repository link: every page follows.
    expect(cachedPages(later)).toBe(0);

    // One case's text changes: a new sentence and a link to another case. Another
    // case's body file is lost from the cache. Both bodies are rendered again (the
    // lost one is never published empty), the changed case's old body file is
    // replaced; its page is rendered again, and so is the linked case's page, which
    // now lists it under "Ärenden som hänvisar hit" (its key covers its backlinks).
    const before = bodyOf('ny-overenskommelse')!;
    const lost = bodyOf('planerat-projekt')!;
    rmSync(join(kept.cacheDir, BODY_DIR, lost));
    appendFileSync(
      join(ROOT, CASES, '2026/ny-overenskommelse.mdx'),
      '\nEn ny mening i beskrivningen, om <Ärende slug="planerat-projekt">det planerade projektet</Ärende>.\n',
    );
    const changed = await rebuildMatchesClean();
    expect(changed).toContain(loaded(3, 2));
    // No table download holds a case's text: their rows are as they were, and so are their files.
    expect(tableFilesKept(changed)).toBe(10);
    expect(cachedPages(changed)).toBe(1);
    expect(textOf(readPage(kept.outDir, '/arenden/planerat-projekt/'))).toContain(
      'Ärenden som hänvisar hit Ny överenskommelse om jobbcoacher',
    );
    expect(bodies()).toHaveLength(3);
    expect(bodies()).toContain(lost);
    expect(bodies()).not.toContain(before);
    expect(textOf(readPage(kept.outDir, '/arenden/ny-overenskommelse/'))).toContain(
      'En ny mening i beskrivningen, om det planerade projektet',
    );
    expect(textOf(readPage(kept.outDir, '/arenden/planerat-projekt/'))).toContain('Ett planerat projekt.');

    // One case deleted, one added, aliases changed.
    rmSync(join(ROOT, CASES, '2018/gammalt-bidrag.mdx'));
    const planned = readFileSync(join(ROOT, CASES, '2027/planerat-projekt.mdx'), 'utf8');
    writeFileSync(
      join(ROOT, CASES, '2027/kopia-for-test.mdx'),
      planned.replace(/^title: .*$/m, 'title: En kopia för testet'),
    );
    // Merges a party of the (unchanged) ny-overenskommelse into another organisation: its links change.
    appendFileSync(join(ROOT, ALIASES), '- name: Testkommunens bostadsbolag\n  aliases:\n    - Testbostäder AB\n');
    const moved = await rebuildMatchesClean();
    expect(moved).not.toContain('gammalt-bidrag');
    expect(bodyOf('gammalt-bidrag')).toBeUndefined();
    // Aliases are a site-wide input: every case page is rendered again, and every table download.
    expect(cachedPages(moved)).toBe(0);
    expect(tableFilesKept(moved)).toBe(0);
  });
});
