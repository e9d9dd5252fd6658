/**
 * Walks every page of the seed fixture site and checks that every internal
 * link, form action, stylesheet, script and image points at something that
 * exists, including `#fragment` targets.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { resolveFile } from '../../src/tools/static-server.ts';
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
