/**
 * The Content-Security-Policy: no inline script or style anywhere; only the
 * search page loads scripts (Pagefind, from the site itself, with its WASM).
 * The same policy goes into every page's `<meta>` and into `dist/_headers`
 * for hosts that read one (`frame-ancestors` only works as a header).
 *
 * Framing: every page forbids it (`frame-ancestors 'none'`) except the embed
 * pages under EMBED_DIR (`/inbaddning/<organisation>/`), which any https
 * site may show in a frame. Because `_headers` rules add up (a `/*` rule
 * would also hit the embed pages), the strict rule is written once per
 * top-level entry of the built site, and the embed folder gets its own.
 */
const DIRECTIVES: Readonly<Record<string, string>> = {
  'default-src': "'self'",
  'script-src': "'self' 'wasm-unsafe-eval'",
  'style-src': "'self'",
  'img-src': "'self' data:",
  'font-src': "'self'",
  'connect-src': "'self'",
  'object-src': "'none'",
  'base-uri': "'self'",
  'form-action': "'self'",
};

const serialize = (d: Record<string, string>) =>
  Object.entries(d)
    .map(([k, v]) => `${k} ${v}`)
    .join('; ');

/** The policy for the `<meta http-equiv>` tag. */
export const CSP_META = serialize(DIRECTIVES);

/** The policy as an HTTP header, which can also forbid framing. */
export const CSP_HEADER = serialize({ ...DIRECTIVES, 'frame-ancestors': "'none'" });

/** The policy of the embed pages: the same, except that https sites (and the site itself) may frame them. */
export const CSP_EMBED_HEADER = serialize({ ...DIRECTIVES, 'frame-ancestors': "'self' https:" });

/** The top-level folder of the embed pages (`/inbaddning/<organisation>/`). */
export const EMBED_DIR = 'inbaddning';

/** The top-level folder of the form editor (`/redigera/`). */
export const EDITOR_DIR = 'redigera';

/**
 * The editor's policy, for /redigera/ only; every other page keeps the strict one.
 * Why each exception:
 * - style-src 'unsafe-inline': Sveltia CMS (Svelte) sets `style` attributes and
 *   inserts `<style>` elements at run time; it ships no stylesheet file to allow instead.
 * - img-src blob: and the GitHub hosts: previews of files being saved, and the signed-in
 *   person's avatar and images already in the repository.
 * - connect-src GitHub's API (REST and GraphQL) and its status page: reading the repository
 *   and saving through pull requests, and telling staff when GitHub itself is down; and
 *   data: URLs, which the editor reads its own built-in images from (nothing leaves the page).
 * - worker-src blob:: the editor's background work in web workers made from blobs.
 * Scripts stay as everywhere (`'self'`, and WebAssembly, which the editor's image
 * conversion uses): the editor is served from the site, never from a CDN.
 */
const EDITOR_DIRECTIVES: Record<string, string> = {
  ...DIRECTIVES,
  'style-src': "'self' 'unsafe-inline'",
  'img-src': "'self' data: blob: https://avatars.githubusercontent.com https://raw.githubusercontent.com",
  'connect-src': "'self' data: https://api.github.com https://www.githubstatus.com",
  'worker-src': "'self' blob:",
};

/** The editor's policy for its `<meta http-equiv>` tag. */
export const CSP_EDITOR_META = serialize(EDITOR_DIRECTIVES);

/** The editor's policy as an HTTP header: it may not be framed either. */
export const CSP_EDITOR_HEADER = serialize({ ...EDITOR_DIRECTIVES, 'frame-ancestors': "'none'" });

function rule(path: string, csp: string): string[] {
  return [
    path,
    `  Content-Security-Policy: ${csp}`,
    '  X-Content-Type-Options: nosniff',
    '  Referrer-Policy: strict-origin-when-cross-origin',
    '  Permissions-Policy: camera=(), microphone=(), geolocation=()',
    '',
  ];
}

/**
 * The `_headers` file (Netlify, Cloudflare Pages and others read it), for
 * the built site's top-level entries (`index.html`, `arenden`, `data` …)
 * under `base`: the strict policy for each, the framable one for EMBED_DIR, and the
 * editor's for EDITOR_DIR when the editor is on (else that folder is an ordinary page).
 */
export function headersFile(
  entries: readonly string[],
  base = '/',
  { editor = true }: { editor?: boolean } = {},
): string {
  const lines: string[] = [];
  for (const entry of [...entries].sort()) {
    if (entry === '_headers' || entry === EMBED_DIR || (entry === EDITOR_DIR && editor)) continue;
    if (entry === 'index.html') lines.push(...rule(base, CSP_HEADER), ...rule(`${base}index.html`, CSP_HEADER));
    else if (entry.includes('.')) lines.push(...rule(`${base}${entry}`, CSP_HEADER));
    else lines.push(...rule(`${base}${entry}/*`, CSP_HEADER));
  }
  if (entries.includes(EMBED_DIR)) lines.push(...rule(`${base}${EMBED_DIR}/*`, CSP_EMBED_HEADER));
  if (editor && entries.includes(EDITOR_DIR)) lines.push(...rule(`${base}${EDITOR_DIR}/*`, CSP_EDITOR_HEADER));
  return lines.join('\n');
}
