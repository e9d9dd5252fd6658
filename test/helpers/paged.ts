/**
 * Reading the paged lists of a built site: the rows of a page's tables and
 * every page of a list, found by following its rel="next" links.
 */
import { readPage } from './site.ts';

/** The body rows of a page's tables, each with its first case link and its first <time datetime>. */
export function tableRows(html: string): { slug: string | undefined; time: string | undefined; html: string }[] {
  const bodies = [...html.matchAll(/<tbody[^>]*>([\s\S]*?)<\/tbody>/g)].map((m) => m[1]!);
  return bodies.flatMap((body) =>
    [...body.matchAll(/<tr[^>]*>([\s\S]*?)<\/tr>/g)].map((m) => ({
      slug: /href="\/arenden\/([^/"]+)\/"/.exec(m[1]!)?.[1],
      time: /<time datetime="([^"]+)"/.exec(m[1]!)?.[1],
      html: m[1]!,
    })),
  );
}

/** Every page of a paged list of the site in `outDir`, following rel="next" from its first page. */
export function listPages(outDir: string, first: string): string[] {
  const paths = [first];
  for (;;) {
    const next = /<a class="pagination-step" rel="next" href="([^"]+)">/.exec(readPage(outDir, paths.at(-1)!));
    if (!next) return paths;
    paths.push(next[1]!);
  }
}
