/**
 * Web addresses written in case files (a document's `href`, a follow-up's `report`).
 *
 * Why two forms: a browser follows `https://www.linköping.se/beslut/överenskommelse.pdf`
 * as written, so a case file may hold it that way, but the open-data formats want a
 * URI (RFC 3986: ASCII only, every other character percent-encoded), and 360Giving's
 * schema checks that. The pages keep what the file says; the exports write `uriOf`.
 */

/** Whether `text` is an http(s) address a browser can read (the parser requires their host). */
export function isWebAddress(text: string): boolean {
  return URL.canParse(text) && /^https?:$/.test(new URL(text).protocol);
}

/** Characters a URI may hold outside its host, besides a `%` that starts an escape. */
const NOT_IN_URI = /[^A-Za-z0-9\-._~:/?#@!$&'()*+,;=%]|%(?![0-9A-Fa-f]{2})/gu;

/**
 * An address as a URI: the WHATWG parser's form (the host in punycode, non-ASCII
 * percent-encoded in UTF-8), with what it leaves that RFC 3986 does not allow (`{`,
 * `|`, `^`, a `%` that starts no escape, brackets outside the host) encoded too.
 * Throws on an address `isWebAddress` refuses.
 */
export function uriOf(address: string): string {
  const { href, pathname, search, hash } = new URL(address);
  // The href is the scheme, the authority (left as the parser wrote it), then these three.
  const rest = pathname + search + hash;
  return (
    href.slice(0, href.length - rest.length) +
    rest.replace(NOT_IN_URI, (c) => (c === '%' ? '%25' : encodeURIComponent(c)))
  );
}
