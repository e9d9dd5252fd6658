/**
 * TEMPORARY stand-in for `readTableRows` from src/lib/search/table-files.ts (the facet
 * table, being written in parallel): the case pages in slug order, each with the year
 * its page gives Pagefind (`data-pagefind-filter="ar:2019"`). Deleted once the table lands.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { TableRow } from '../lib/search/shards.ts';

export function readTableRows(siteDir: string): TableRow[] {
  const dir = join(siteDir, 'arenden');
  return readdirSync(dir)
    .filter((slug) => existsSync(join(dir, slug, 'index.html')) && slug !== 'sida')
    .sort()
    .map((slug) => {
      const year = /data-pagefind-filter="ar:(\d{4})"/.exec(readFileSync(join(dir, slug, 'index.html'), 'utf8'))?.[1];
      return { slug, year: year === undefined ? undefined : Number(year) };
    });
}
