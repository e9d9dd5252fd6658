/**
 * The form editor's measurements for the benchmark (issue 27) without a build or a
 * browser: summing what a page loaded, and the scripts of every page with the
 * editor off and on.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  compareScripts,
  isCode,
  largest,
  loadedBytes,
  type PageScripts,
  saveMarker,
  siteScripts,
  withoutMarker,
} from './editor-cost.ts';

const ORIGIN = 'http://127.0.0.1:4321';

describe('loadedBytes', () => {
  it("sums the site's own responses, lists other hosts once, and skips blob: and data:", () => {
    const entry = (name: string, encodedBodySize: number, initiatorType = 'script') => ({
      name,
      encodedBodySize,
      initiatorType,
    });
    const loaded = loadedBytes(
      [
        entry(`${ORIGIN}/redigera/`, 546, 'navigation'),
        entry(`${ORIGIN}/redigera/insyn-editor.js`, 672_089),
        entry(`${ORIGIN}/favicon.svg`, 166, 'img'),
        entry(`${ORIGIN}/favicon.svg`, 166, 'other'),
        entry(`${ORIGIN}/redigera/config.json?v=1`, 3_819, 'fetch'),
        entry('https://www.githubstatus.com/api/v2/status.json', 0, 'fetch'),
        entry('https://cdn.jsdelivr.net/fontsource/fonts/a.woff2', 0, 'css'),
        entry('https://cdn.jsdelivr.net/fontsource/fonts/a.woff2', 0, 'css'),
        entry(`blob:${ORIGIN}/6d8f23b2`, 0, 'other'),
        entry('data:image/png;base64,AAAA', 0, 'img'),
      ],
      ORIGIN,
    );
    expect(loaded.requests).toBe(5);
    expect(loaded.bytes).toBe(546 + 672_089 + 166 + 166 + 3_819);
    expect(loaded.files[0]).toEqual({ path: '/redigera/', bytes: 546 });
    expect(loaded.files.at(-1)).toEqual({ path: '/redigera/config.json?v=1', bytes: 3_819 });
    expect(loaded.elsewhere).toEqual([
      'https://www.githubstatus.com/api/v2/status.json',
      'https://cdn.jsdelivr.net/fontsource/fonts/a.woff2',
    ]);
    expect(loadedBytes([], ORIGIN)).toEqual({ requests: 0, bytes: 0, files: [], elsewhere: [] });
  });

  it('names the largest files, one path summed over its requests', () => {
    const files = [
      { path: '/a.js', bytes: 10 },
      { path: '/favicon.svg', bytes: 6 },
      { path: '/b.woff2', bytes: 20 },
      { path: '/favicon.svg', bytes: 6 },
      { path: '/c.js', bytes: 10 },
    ];
    expect(largest(files, 3)).toEqual([
      { path: '/b.woff2', bytes: 20 },
      { path: '/favicon.svg', bytes: 12 },
      { path: '/a.js', bytes: 10 },
    ]);
  });
});

describe('the save marker', () => {
  it('replaces the last round’s marker rather than piling them up', () => {
    const title = 'Stångåstaden ett steg till sysselsättning (Linkstep)';
    expect(`${withoutMarker(title)} ${saveMarker(1)}`).toBe(`${title} (mätning-1)`);
    expect(withoutMarker(`${title} ${saveMarker(4)}`)).toBe(title);
    expect(withoutMarker('Ett (annat) ärende')).toBe('Ett (annat) ärende');
    // A title holding one round's marker does not hold the next one's.
    expect(`${title} ${saveMarker(1)}`.includes(saveMarker(2))).toBe(false);
  });
});

describe('scripts of the pages outside /redigera/', () => {
  const root = mkdtempSync(join(tmpdir(), 'insyn-editor-cost-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  const site = (name: string, files: Record<string, string>) => {
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(dirname(join(root, name, path)), { recursive: true });
      writeFileSync(join(root, name, path), text);
    }
    return join(root, name);
  };
  const common = {
    'index.html': '<p>Start</p><script type="application/ld+json">{"a":1}</script>',
    'arenden/x/index.html': '<p>Ärende</p>',
    'sok/index.html': '<script type="module" src="/_astro/sok.js"></script><script>a=1</script>',
    '_astro/sok.js': 'x'.repeat(100),
  };

  it("counts each page's external and inline scripts, never pages under /redigera/", () => {
    const pages = siteScripts(
      site('a', {
        ...common,
        'om/index.html': '<link rel="modulepreload" href="../_astro/sok.js"><script src="saknas.js"></script>',
        'redigera/index.html': '<script type="module" src="/redigera/insyn-editor.js"></script>',
        'redigera/insyn-editor.js': 'y'.repeat(1000),
      }),
    );
    expect([...pages.keys()]).toEqual(['arenden/x/index.html', 'index.html', 'om/index.html', 'sok/index.html']);
    expect(pages.get('index.html')).toEqual({ sources: [], bytes: 0, editor: false });
    expect(pages.get('sok/index.html')).toEqual({ sources: ['/_astro/sok.js'], bytes: 103, editor: false });
    // Relative to the page; a missing file counts nothing.
    expect(pages.get('om/index.html')).toEqual({
      sources: ['saknas.js', '../_astro/sok.js'],
      bytes: 100,
      editor: false,
    });
  });

  it('finds no difference when the editor adds only its own folder', () => {
    const off = siteScripts(site('off', common));
    const on = siteScripts(
      site('on', {
        ...common,
        'arenden/x/index.html': '<p>Ärende</p><a href="/redigera/#/collections/arenden">Redigera</a>',
        'redigera/index.html': '<script type="module" src="/redigera/insyn-editor.js"></script>',
      }),
    );
    expect(compareScripts(off, on)).toEqual({
      pages: 3,
      offBytes: 103,
      onBytes: 103,
      changed: [],
      onlyOff: [],
      onlyOn: [],
      editorPages: [],
    });
  });

  it('finds a page that gains a script, or loads one from /redigera/, and pages in one build only', () => {
    const page = (bytes: number, sources: string[] = [], editor = false): PageScripts => ({ sources, bytes, editor });
    const off = new Map([
      ['index.html', page(0)],
      ['sok/index.html', page(103, ['/_astro/sok.js'])],
      ['gammal/index.html', page(0)],
    ]);
    const on = new Map([
      ['index.html', page(5000, ['/redigera/insyn-editor.js'], true)],
      ['sok/index.html', page(103, ['/_astro/sok.B2.js'])],
      ['ny/index.html', page(0)],
    ]);
    expect(compareScripts(off, on)).toEqual({
      pages: 2,
      offBytes: 103,
      onBytes: 5103,
      changed: ['index.html', 'sok/index.html'],
      onlyOff: ['gammal/index.html'],
      onlyOn: ['ny/index.html'],
      editorPages: ['index.html'],
    });
    const editorPage = siteScripts(site('bad', { 'index.html': '<script src="/redigera/delar/a.js"></script>' }));
    expect(editorPage.get('index.html')?.editor).toBe(true);
  });

  it('counts scripts and WebAssembly as code, Pagefind’s included, and nothing else', () => {
    expect(isCode('/_astro/sok.js', 'script')).toBe(true);
    expect(isCode('/pagefind/2020-ab/pagefind.js?ts=1', 'fetch')).toBe(true);
    expect(isCode('/pagefind/2020-ab/wasm.sv.pagefind', 'fetch')).toBe(true);
    expect(isCode('/x/module.mjs', 'other')).toBe(true);
    expect(isCode('/x/a.wasm', 'fetch')).toBe(true);
    expect(isCode('/pagefind/2020-ab/index/sv_1.pf_index', 'fetch')).toBe(false);
    expect(isCode('/pagefind/2020-ab/pagefind.sv_1.pf_meta', 'fetch')).toBe(false);
    expect(isCode('/_astro/sok.css', 'stylesheet')).toBe(false);
    expect(isCode('/sok/', 'document')).toBe(false);
  });
});
