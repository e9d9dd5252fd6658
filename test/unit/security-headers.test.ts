/**
 * The `_headers` file: the strict policy (frame-ancestors 'none') for every
 * top-level entry of the built site, the framable one only for the embed
 * pages, under the base path; no catch-all rule that would also hit them.
 */
import { describe, expect, it } from 'vitest';
import { CSP_EMBED_HEADER, CSP_HEADER, CSP_META, EMBED_DIR, headersFile } from '../../src/lib/core/security.ts';

/** The rules as path → Content-Security-Policy. */
function rules(text: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const block of text.split('\n\n')) {
    const [path, ...lines] = block.trim().split('\n');
    const csp = lines.find((l) => l.trim().startsWith('Content-Security-Policy:'));
    if (path && csp) out.set(path, csp.trim().replace('Content-Security-Policy: ', ''));
  }
  return out;
}

describe('_headers', () => {
  const entries = ['index.html', '404.html', 'arenden', 'data', 'pagefind', 'sitemap.xml', '_headers', EMBED_DIR];

  it('forbids framing everywhere but the embed pages, which https sites may frame', () => {
    const r = rules(headersFile(entries));
    expect([...r.keys()]).toEqual([
      '/404.html',
      '/arenden/*',
      '/data/*',
      '/',
      '/index.html',
      '/pagefind/*',
      '/sitemap.xml',
      '/inbaddning/*',
    ]);
    for (const [path, csp] of r) expect(csp, path).toBe(path === '/inbaddning/*' ? CSP_EMBED_HEADER : CSP_HEADER);
    expect(CSP_HEADER).toBe(`${CSP_META}; frame-ancestors 'none'`);
    expect(CSP_EMBED_HEADER).toBe(`${CSP_META}; frame-ancestors 'self' https:`);
  });

  it('writes the rules under the base path', () => {
    expect([...rules(headersFile(['index.html', 'data', EMBED_DIR], '/insyn/')).keys()]).toEqual([
      '/insyn/data/*',
      '/insyn/',
      '/insyn/index.html',
      '/insyn/inbaddning/*',
    ]);
  });
});
