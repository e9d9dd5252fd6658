/**
 * Walks every page of the seed fixture site and checks that every internal
 * link, form action, stylesheet, script and image points at something that
 * exists, including `#fragment` targets; and on the seed and configured sites
 * that no link's text is a generic one Lighthouse's SEO audit ("Links do not
 * have descriptive text") rejects.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { resolveFile } from '../helpers/static-server.ts';
import { listFiles } from '../helpers/site.ts';

const SITE_ORIGIN = 'https://insyn.example.se';

function idsOf(html: string): Set<string> {
  return new Set([...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]!));
}

describe('internal links in the built site', () => {
  const dir = inject('siteDir');
  const pages = listFiles(dir).filter((f) => f.endsWith('.html'));

  it('has pages to walk', () => {
    expect(pages).toContain('index.html');
    expect(pages).toContain('404.html');
    expect(pages.filter((p) => p.startsWith('arenden/')).length).toBeGreaterThanOrEqual(6);
  });

  it('every internal link resolves, fragments included', () => {
    const broken: string[] = [];
    const htmlCache = new Map<string, string>();
    const read = (file: string) => {
      if (!htmlCache.has(file)) htmlCache.set(file, readFileSync(file, 'utf8'));
      return htmlCache.get(file)!;
    };
    for (const page of pages) {
      const html = read(join(dir, page));
      const pageUrl = new URL(`/${page.replace(/index\.html$/, '')}`, SITE_ORIGIN);
      for (const m of html.matchAll(/\s(href|src|action)="([^"]*)"/g)) {
        const raw = m[2]!.replace(/&amp;/g, '&');
        if (/^(mailto:|tel:|data:)/.test(raw)) continue;
        const target = new URL(raw, pageUrl);
        if (target.origin !== SITE_ORIGIN) continue;
        const file = resolveFile(dir, target.pathname);
        if (!file) {
          broken.push(`${page}: ${m[1]}="${raw}" (no file for ${target.pathname})`);
          continue;
        }
        if (target.hash && file.endsWith('.html')) {
          const id = decodeURIComponent(target.hash.slice(1));
          if (!idsOf(read(file)).has(id)) broken.push(`${page}: ${raw} (no element with id "${id}")`);
        }
      }
    }
    expect(broken).toEqual([]);
  });
});

/**
 * Lighthouse's list of generic link texts (its English entries), with their
 * Swedish counterparts: a link whose whole text is one of these does not say
 * where it goes.
 */
const GENERIC_LINK_TEXTS = new Set([
  'click here',
  'click this',
  'go',
  'here',
  'information',
  'learn more',
  'more',
  'more info',
  'more information',
  'right here',
  'read more',
  'see more',
  'start',
  'this',
  'klicka här',
  'klicka',
  'här',
  'gå',
  'mer',
  'mer info',
  'mer information',
  'läs mer',
  'se mer',
  'denna',
  'detta',
  'länk',
]);

/** The text of every `<a>` in a page: tags removed, entities for spaces and `&` decoded, spaces collapsed. */
function linkTexts(html: string): string[] {
  return [...html.matchAll(/<a\b[^>]*>([\s\S]*?)<\/a>/g)].map((m) =>
    m[1]!
      .replace(/<[^>]+>/g, '')
      .replace(/&nbsp;|&#160;/g, ' ')
      .replace(/&amp;/g, '&')
      .replace(/\s+/g, ' ')
      .trim(),
  );
}

describe.each([
  ['the seed site', inject('siteDir')],
  ['the configured site', inject('configuredSiteDir')],
])('link texts on %s', (_name, dir) => {
  it('no link has a generic text such as "Start" or "Läs mer"', () => {
    const pages = listFiles(dir).filter((f) => f.endsWith('.html'));
    const generic: string[] = [];
    let links = 0;
    for (const page of pages)
      for (const text of linkTexts(readFileSync(join(dir, page), 'utf8'))) {
        links++;
        if (GENERIC_LINK_TEXTS.has(text.toLowerCase().replace(/[.:!?…]+$/, ''))) generic.push(`${page}: "${text}"`);
      }
    expect(links).toBeGreaterThan(pages.length * 10);
    expect(generic).toEqual([]);
  });

  it('the main navigation names the start page', () => {
    const home = readFileSync(join(dir, 'index.html'), 'utf8');
    const nav = /<nav class="site-nav"[\s\S]*?<\/nav>/.exec(home)![0];
    expect(linkTexts(nav)[0]).toBe('Startsida');
  });
});
