/**
 * The Content-Security-Policy: no inline script or style anywhere; only the
 * search page loads scripts (Pagefind, from the site itself, with its WASM).
 * The same policy goes into every page's `<meta>` and into `dist/_headers`
 * for hosts that read one (`frame-ancestors` only works as a header).
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

/** The `_headers` file (Netlify, Cloudflare Pages and others read it). */
export function headersFile(): string {
  return [
    '/*',
    `  Content-Security-Policy: ${CSP_HEADER}`,
    '  X-Content-Type-Options: nosniff',
    '  Referrer-Policy: strict-origin-when-cross-origin',
    '  Permissions-Policy: camera=(), microphone=(), geolocation=()',
    '',
  ].join('\n');
}
