/**
 * Prints what the search page and one query download from a built site:
 *
 *   node test/bench/search-bytes-cli.ts <built site dir, e.g. dist> [query] [--gzip]
 *
 * With --gzip the site is served compressed, as a host serves it.
 * See test/bench/search-bytes.ts (the benchmark uses the same function).
 */
import { measureSearchBytes } from './search-bytes.ts';

const args = process.argv.slice(2);
const gzip = args.includes('--gzip');
const [dir, query] = args.filter((a) => a !== '--gzip');
if (!dir) {
  console.error('Användning: node test/bench/search-bytes-cli.ts <byggd webbplats, t.ex. dist> [sökord] [--gzip]');
  process.exit(2);
}
const result = await measureSearchBytes(dir, { gzip, ...(query ? { query } : {}) });
const kb = (n: number) => `${(n / 1024).toFixed(1)} kB`;
console.log(`Sökord: ${result.query} – ${result.hits}`);
console.log(
  `Öppna /sok/: ${kb(result.open.bytes)} i ${result.open.requests} filer (varav Pagefind ${kb(result.open.pagefindBytes)})`,
);
console.log(
  `Sökningen:   ${kb(result.search.bytes)} i ${result.search.requests} filer (varav Pagefind ${kb(result.search.pagefindBytes)})`,
);
console.log(`Totalt:      ${kb(result.totalBytes)}`);
