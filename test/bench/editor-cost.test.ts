/**
 * The form editor's rows of the benchmark (issue 27) without a build or a browser:
 * summing what a page loaded, the scripts of every page with the editor off and
 * on, and the rows and notes of the table.
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
import {
  type EditorResult,
  editorNotes,
  formatByteDelta,
  formatTable,
  readmeSection,
  type SizeResult,
} from './report.ts';
import { summarise } from './search-timing.ts';
import { sampleResults, sampleSize } from './sample-results.ts';

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

describe("the editor's rows", () => {
  const editor: EditorResult = {
    site: 'seed fixture of 5 cases',
    build: { offMs: 5_300, onMs: 6_800 },
    signIn: { requests: 20, bytes: 1_566_962 },
    caseList: {
      requests: 23,
      bytes: 1_567_460,
      largest: [
        { path: '/redigera/assets/material-symbols.woff2', bytes: 753_256 },
        { path: '/redigera/insyn-editor.js', bytes: 672_089 },
      ],
      elsewhere: ['https://www.githubstatus.com/api/v2/status.json'],
    },
    save: { ...summarise([126, 122, 125, 100, 68]), file: 'test/fixtures/seed/cases/2018/a.mdx' },
    otherPages: {
      pages: 27,
      offBytes: 19_489,
      onBytes: 19_489,
      changed: [],
      onlyOff: [],
      onlyOn: [],
      editorPages: [],
      browser: { pages: ['/', '/arenden/a/', '/sok/'], offBytes: 80_000, onBytes: 80_000, editorRequests: [] },
    },
  };
  const results = sampleResults;

  it('writes byte differences exactly', () => {
    expect(formatByteDelta(0)).toBe('0 B');
    expect(formatByteDelta(1234)).toBe('+1 234 B');
    expect(formatByteDelta(-56)).toBe('−56 B');
  });

  it('stand in the first column, name their site, and make a table of their own without sizes', () => {
    const lines = formatTable(results({ editor })).split('\n');
    expect(lines).toEqual([
      '| | |',
      '|---|--:|',
      '| editor on the seed fixture of 5 cases: bytes transferred opening `/redigera/` until the case list, gzip (until sign-in) | 1.5 MB in 23 requests (1.5 MB) |',
      '| editor on the seed fixture of 5 cases: Save pressed until the case file is on disk, local mode, median of 5 | 122 ms |',
      '| editor on the seed fixture of 5 cases: JavaScript of every other page, editor on − off (in Chromium) | 0 B on 27 pages; 0 B in Chromium |',
    ]);
    expect(formatTable(results())).toBe('| | |\n|---|--:|');
  });

  it('come last, leave the other size columns empty, and go into the README', () => {
    const size = (n: number): SizeResult => sampleSize(n);
    const r = results({ sizes: [size(1_000), size(10_000)], editor });
    const lines = formatTable(r).split('\n');
    expect(lines[0]).toBe('| | 1 000 | 10 000 |');
    expect(lines.slice(-4, -3)[0]).toBe('| JavaScript on case pages | 0 B | 0 B |');
    // The label, then the figure in the first column and the second left empty.
    expect(lines.slice(-3).map((l) => l.split(' | ').slice(1))).toEqual([
      ['1.5 MB in 23 requests (1.5 MB)', '|'],
      ['122 ms', '|'],
      ['0 B on 27 pages; 0 B in Chromium', '|'],
    ]);
    const { editor: _editor, ...without } = r;
    expect(formatTable(r)).toBe(`${formatTable(without)}\n${lines.slice(-3).join('\n')}`);
    const section = readmeSection(r);
    expect(section.split('\n')[0]).toBe(
      'Measured 2026-01-01 on commit abc1234, 1,000 and 10,000 generated cases (seed 1), the editor on the seed fixture of 5 cases: x, 2 cores, 0.0 kB, Linux, Node v22, Astro 7.3.5.',
    );
    expect(section.split('\n').slice(-3)).toEqual(lines.slice(-3));
  });

  it('say what went wrong: a page that gained script, a save that failed, a run that failed', () => {
    const worse: EditorResult = {
      ...editor,
      save: { ...summarise([], ['tidsgränsen gick ut']), file: editor.save.file },
      otherPages: {
        ...editor.otherPages,
        onBytes: 19_989,
        changed: ['index.html'],
        editorPages: ['index.html'],
        browser: { error: 'ingen Chromium' },
      },
    };
    const lines = editorRowsOf(formatTable(results({ editor: worse })));
    expect(lines[1]).toMatch(/ \| failed \|$/);
    expect(lines[2]).toMatch(
      / \| \+500 B on 27 pages, other scripts on 1, 1 load `\/redigera\/`; failed in Chromium \|$/,
    );
    const failed = editorRowsOf(formatTable(results({ editor: { site: 'seed fixture of 5 cases', error: 'bygget' } })));
    expect(failed.map((l) => l.split(' | ').at(-1))).toEqual(['failed |', 'failed |', 'failed |']);
    expect(editorNotes({ site: 'seed fixture of 5 cases', error: 'bygget' })).toEqual([
      'editor (seed fixture of 5 cases): not measured: bygget',
    ]);
    expect(editorNotes(worse)).toContain('editor (seed fixture of 5 cases): failed saves: tidsgränsen gick ut');
    expect(editorNotes(worse)).toContain('editor (seed fixture of 5 cases): pages that load `/redigera/`: index.html');
  });

  it('note the builds, the largest files, the other hosts and the saves', () => {
    const notes = editorNotes(editor);
    expect(notes[0]).toBe(
      'editor (seed fixture of 5 cases): built in 5.30 s with the editor off, 6.80 s on; 20 requests until the sign-in page, 23 until the case list; ' +
        'largest: /redigera/assets/material-symbols.woff2 735.6 kB, /redigera/insyn-editor.js 656.3 kB; ' +
        "not counted, other hosts (blocked by the editor's policy or not reached): https://www.githubstatus.com/api/v2/status.json",
    );
    expect(notes[1]).toBe(
      'editor (seed fixture of 5 cases): saving 2018/a.mdx with its title edited: 68 ms–126 ms over 5 saves',
    );
    expect(notes[2]).toBe(
      'editor (seed fixture of 5 cases): scripts of 27 pages outside `/redigera/`: 19.0 kB with the editor off, 19.0 kB on; in Chromium (/, /arenden/a/, /sok/): 78.1 kB off, 78.1 kB on',
    );
    expect(notes).toHaveLength(3);
  });
});

/** The table's or section's editor rows. */
function editorRowsOf(text: string): string[] {
  return text.split('\n').filter((l) => l.startsWith('| editor '));
}
