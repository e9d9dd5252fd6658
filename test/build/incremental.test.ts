/**
 * Incremental builds (astro.config.mjs: the output is kept, unchanged case
 * pages are not rendered again, src/integrations/prune-output.ts removes what
 * a build no longer makes) must publish exactly what a clean build publishes.
 * One output directory and cache is rebuilt after changes of every kind a
 * page's cache key covers (a case's text, a deleted and an added case, the
 * organisation aliases, the build day, the repository link); after each
 * rebuild, every file is compared byte for byte with a clean build of the
 * same input.
 */
import { appendFileSync, cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { type BuildOptions, buildSite, listFiles, ROOT, testBuildsDir } from '../helpers/site.ts';

const id = `incremental-${process.pid}`;
const CASES = `.bench/${id}/cases`;
cpSync(join(ROOT, 'content/cases'), join(ROOT, CASES), { recursive: true });
const work = mkdtempSync(join(testBuildsDir(), 'incremental-'));
const ALIASES = `.bench/${id}/organisations.yaml`;
writeFileSync(join(ROOT, ALIASES), readFileSync(join(ROOT, 'content/organisations.yaml'), 'utf8'));
afterAll(() => {
  rmSync(work, { recursive: true, force: true });
  rmSync(join(ROOT, `.bench/${id}`), { recursive: true, force: true });
});

/** The kept output and cache, rebuilt again and again. */
const kept = { outDir: join(work, 'dist'), cacheDir: join(work, 'cache') };

async function build(options: BuildOptions) {
  const result = await buildSite({ cases: CASES, ...options, env: { INSYN_ORGANISATIONS_FILE: ALIASES, ...options.env } });
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

/** Rebuilds the kept output and a clean one from the same input; returns the rebuild's log. */
async function rebuildMatchesClean(options: BuildOptions = {}): Promise<string> {
  const again = await build({ ...options, ...kept });
  const clean = await build(options);
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
/** The per-organisation files (pages, body pages, feeds) and outcome pages of the output. */
const perOrganisation = (outDir: string, folder: string) => listFiles(join(outDir, folder)).filter((f) => f !== 'index.html').length;

describe('incremental builds', () => {
  it('keep unchanged case pages and publish exactly what a clean build does', { timeout: 240_000 }, async () => {
    // `_` is the shell's last command: it differs with how a build is started, never
    // with the site, so it must not reach any page's cache key (src/lib/site.ts).
    const first = await build({ ...kept, env: { _: '/usr/bin/npm' } });
    expect(cachedPages(first.output)).toBe(0);

    // Nothing changed but how the build was started: every case page and every
    // per-organisation file is kept, and the output is still exact.
    const same = await rebuildMatchesClean({ env: { _: '/usr/local/bin/npx' } });
    expect(cachedPages(same)).toBe(5);
    expect(keptUnder(same, 'organisationer')).toBe(perOrganisation(kept.outDir, 'organisationer'));
    expect(keptUnder(same, 'utfall')).toBe(perOrganisation(kept.outDir, 'utfall'));

    // One case's text changed, one case deleted, one added, aliases changed.
    appendFileSync(join(ROOT, CASES, '2019/linkstep-stangastaden-2020.mdx'), '\nEn ny mening i beskrivningen.\n');
    rmSync(join(ROOT, CASES, '2018/arbetsplatskorkortet-idrott-och-service.mdx'));
    const lund = readFileSync(join(ROOT, CASES, '2020/lund-samordnad-samverkan-arbetsmarknad.mdx'), 'utf8');
    writeFileSync(join(ROOT, CASES, '2020/lund-kopia-for-test.mdx'), lund.replace(/^title: .*$/m, 'title: En kopia för testet'));
    // Merges a party of the (unchanged) Lund case into another organisation: its link changes.
    appendFileSync(join(ROOT, ALIASES), '- name: Arbetsförmedlingen\n  aliases:\n    - Arbetsförmedlingen Lund\n');
    const changed = await rebuildMatchesClean();
    expect(changed).not.toContain('arbetsplatskorkortet-idrott-och-service');
    // Aliases are a site-wide input: every case page is rendered again.
    expect(cachedPages(changed)).toBe(0);

    // Only the unchanged cases are kept when one case changes.
    appendFileSync(join(ROOT, CASES, '2019/linkstep-stangastaden-2020.mdx'), '\nÄnnu en mening.\n');
    expect(cachedPages(await rebuildMatchesClean())).toBe(4);

    // Another build day and a repository link: every page follows.
    const later = await rebuildMatchesClean({ buildDate: '2027-06-01', env: { INSYN_REPO_URL: 'https://github.com/kommun/insyn' } });
    expect(cachedPages(later)).toBe(0);
  });
});
