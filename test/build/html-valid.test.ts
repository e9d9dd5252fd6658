/**
 * Every page of the shared fixture sites (the seed site with default settings,
 * the configured site under a base path, and the generated site of 230 cases)
 * is valid HTML by html-validate,
 * with the project's `.htmlvalidate.mjs` (the recommended rules, the
 * accessibility rules and the document rules), and by the W3C Nu Html Checker
 * (vnu.jar, every page of the three sites in one run, no error allowed), and
 * nothing stands after `</html>`, which the parser would move into `<body>`
 * and a validator reports.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { listFiles } from '../helpers/site.ts';
import { htmlProblems } from '../helpers/html-validate.ts';
import { vnuErrors } from '../helpers/vnu.ts';

/**
 * At most `perKind` pages of each kind (same first folder, same depth): the generated
 * site's 230 case pages and their embed pages are made by the same templates as the
 * few checked, and validating all of them took a minute.
 */
function sample(pages: string[], perKind: number): string[] {
  const seen = new Map<string, number>();
  return pages.filter((page) => {
    const parts = page.split('/');
    const kind = `${parts[0]}/${parts.length}`;
    seen.set(kind, (seen.get(kind) ?? 0) + 1);
    return seen.get(kind)! <= perKind;
  });
}

const sites = [
  ['the seed site', inject('siteDir'), Infinity],
  ['the configured site', inject('configuredSiteDir'), Infinity],
  // 230 cases: the paged lists, organisation pages with many cases, a search page with long filter groups.
  ['the generated site', inject('generatedSiteDir'), 4],
] as const;

describe.each(sites)('HTML of %s', (_name, dir, perKind) => {
  const pages = sample(
    listFiles(dir).filter((f) => f.endsWith('.html')),
    perKind,
  );

  it('has every kind of page to validate', () => {
    expect(pages).toContain('index.html');
    expect(pages).toContain('404.html');
    expect(pages).toContain('sok/index.html');
    expect(pages.filter((p) => p.startsWith('arenden/')).length).toBeGreaterThanOrEqual(6);
    expect(pages.some((p) => p.startsWith('inbaddning/'))).toBe(true);
  });

  it('every page passes html-validate with the project config', async () => {
    expect(await htmlProblems(dir, pages)).toEqual([]);
  });

  it('every page ends with </html>, with no element after it', () => {
    const after = pages.filter((page) => !/<\/html>\s*$/.test(readFileSync(join(dir, page), 'utf8')));
    expect(after).toEqual([]);
  });
});

describe('the W3C Nu Html Checker', () => {
  it('finds no error on any page of the three sites', { timeout: 600_000 }, async () => {
    const all = Object.fromEntries(
      sites.map(([name, dir]) => [name, { dir, pages: listFiles(dir).filter((f) => f.endsWith('.html')) }]),
    );
    // Every page, the generated site's 230 case pages and their embed pages too: one Java process checks them all.
    expect(all['the generated site']!.pages.length).toBeGreaterThan(500);
    expect(await vnuErrors(all)).toEqual([]);
  });
});

describe('the accessibility statement', () => {
  it('records the assessment: its date, the three tools and what they found', () => {
    const about = readFileSync(join(inject('siteDir'), 'om', 'index.html'), 'utf8');
    const statement = about.slice(about.indexOf('id="tillganglighet"')).replace(/\s+/g, ' ');
    expect(statement).toContain('Senaste bedömningen gjordes den <time datetime="2026-12-07">7 december 2026</time>');
    expect(statement).toContain('W3C:s Nu Html Checker');
    expect(statement).toContain('HTML-validatorn html-validate');
    expect(statement).toContain('axe-core i webbläsaren Chromium');
    expect(statement).toContain(
      'Nu Html Checker hittade ARIA-roller som upprepade vad tabellernas egna element redan säger',
    );
    expect(statement).toContain('axe-core hittade inga brister på de publika sidorna');
  });
});
