/**
 * The `_headers` file: the strict policy (frame-ancestors 'none') for every
 * top-level entry of the built site, the framable one only for the embed
 * pages, the editor's own only for /redigera/, under the base path; no
 * catch-all rule that would also hit them.
 */
import { describe, expect, it } from 'vitest';
import {
  CSP_EDITOR_HEADER,
  CSP_EDITOR_META,
  CSP_EMBED_HEADER,
  CSP_HEADER,
  CSP_META,
  EDITOR_DIR,
  EMBED_DIR,
  headersFile,
} from '../../src/lib/core/security.ts';

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

/** A policy as directive → its sources. */
function directives(csp: string): Map<string, string[]> {
  return new Map(csp.split('; ').map((d) => [d.split(' ')[0]!, d.split(' ').slice(1)]));
}

describe('the editor policy', () => {
  it('applies to /redigera/ only, and the strict policy to everything else', () => {
    const r = rules(headersFile(['index.html', 'arenden', EDITOR_DIR, EMBED_DIR], '/insyn/'));
    expect(r.get('/insyn/redigera/*')).toBe(CSP_EDITOR_HEADER);
    for (const [path, csp] of r) if (path !== '/insyn/redigera/*') expect(csp, path).not.toBe(CSP_EDITOR_HEADER);
    expect(CSP_EDITOR_HEADER).toBe(`${CSP_EDITOR_META}; frame-ancestors 'none'`);
  });

  it('gives /redigera/ the strict policy while the editor is off (it is then an ordinary page)', () => {
    const r = rules(headersFile(['index.html', EDITOR_DIR], '/', { editor: false }));
    expect(r.get('/redigera/*')).toBe(CSP_HEADER);
  });

  it('runs scripts from the site only, as every page, and loosens only styles, images, workers and connections', () => {
    const strict = directives(CSP_META);
    const editor = directives(CSP_EDITOR_META);
    expect(editor.get('script-src')).toEqual(["'self'", "'wasm-unsafe-eval'"]);
    expect(editor.get('object-src')).toEqual(["'none'"]);
    expect(editor.get('default-src')).toEqual(["'self'"]);
    expect(editor.get('style-src')).toEqual(["'self'", "'unsafe-inline'"]);
    expect(editor.get('connect-src')).toEqual([
      "'self'",
      'data:',
      'https://api.github.com',
      'https://www.githubstatus.com',
    ]);
    const changed = [...editor.keys()].filter((k) => strict.get(k)?.join(' ') !== editor.get(k)!.join(' '));
    expect(changed.sort()).toEqual(['connect-src', 'img-src', 'style-src', 'worker-src']);
  });
});
