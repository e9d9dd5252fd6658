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
const DIRECTIVES: Record<string, string> = {
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
 * under `base`: the strict policy for each, the framable one for EMBED_DIR.
 */
export function headersFile(entries: readonly string[], base = '/'): string {
  const lines: string[] = [];
  for (const entry of [...entries].sort()) {
    if (entry === '_headers' || entry === EMBED_DIR) continue;
    if (entry === 'index.html') lines.push(...rule(base, CSP_HEADER), ...rule(`${base}index.html`, CSP_HEADER));
    else if (entry.includes('.')) lines.push(...rule(`${base}${entry}`, CSP_HEADER));
    else lines.push(...rule(`${base}${entry}/*`, CSP_HEADER));
  }
  if (entries.includes(EMBED_DIR)) lines.push(...rule(`${base}${EMBED_DIR}/*`, CSP_EMBED_HEADER));
  return lines.join('\n');
}
