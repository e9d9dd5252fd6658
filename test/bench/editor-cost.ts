/**
 * What the form editor (/redigera/) costs, for the benchmark (`npm run bench`,
 * issue 27); the site never imports it. On a small built site with the editor on,
 * served as a host serves it (gzip, test/helpers/static-server.ts), in Chromium:
 *
 * - bytes: the editor opened in a new browser context (an empty cache) on a
 *   stand-in repository in the origin-private file system (test/helpers/editor.ts),
 *   until its sign-in page is ready (the local sign-in button shown, the network
 *   quiet), then, signed in with the keyboard, until the case list is shown and the
 *   network is quiet again. Counted from the page's Resource Timing entries (the
 *   document and every resource), as encoded bodies: what went over the wire
 *   without headers, the way the `/sok/` rows count. Requests to other hosts are
 *   listed, not counted (a page sees no sizes of them, and the editor's policy
 *   blocks some);
 * - saving: one existing case, its title edited, Save pressed with Enter, timed in
 *   the page from the key press until a read of the file from the folder finds
 *   the new title (reads every few milliseconds, in the page, so that a round trip
 *   to Node does not blur the time). Median over the saves;
 * - no other page gains a byte of script: the same site built with the editor off
 *   and on, and every page outside /redigera/ compared, from the files (the scripts
 *   each page loads, external and inline, and whether any names /redigera/) and in
 *   Chromium (the script and WebAssembly bytes `/`, a case page and `/sok/` with a
 *   query fetch).
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page, Request } from 'playwright-core';
import { EDITOR_DIR } from '../../src/lib/core/security.ts';
import { filesOf, openEditor, openForm, signInLocally } from '../helpers/editor.ts';
import { serve } from '../helpers/static-server.ts';
import { casePageSlugs, pageAssets } from './site-stats.ts';
import type { FetchedFile } from './search-bytes.ts';
import { type Samples, summarise } from './search-timing.ts';

/** One entry of the page's Resource Timing (the document's navigation entry, or a resource). */
export interface ResourceEntry {
  name: string;
  initiatorType: string;
  encodedBodySize: number;
}

export interface LoadedBytes {
  /** Responses from the site's own origin. */
  requests: number;
  /** Their bodies as transferred (encoded). */
  bytes: number;
  files: FetchedFile[];
  /** Requests to other hosts, each address once: not counted. */
  elsewhere: string[];
}

/** Sums what a page loaded from `origin`, from its Resource Timing entries; blob: and data: addresses are not loads. */
export function loadedBytes(entries: ResourceEntry[], origin: string): LoadedBytes {
  const files: FetchedFile[] = [];
  const elsewhere = new Set<string>();
  for (const e of entries) {
    if (!/^https?:/.test(e.name)) continue;
    const url = new URL(e.name);
    if (url.origin !== origin) elsewhere.add(`${url.origin}${url.pathname}`);
    else files.push({ path: `${url.pathname}${url.search}`, bytes: e.encodedBodySize });
  }
  return { requests: files.length, bytes: files.reduce((a, f) => a + f.bytes, 0), files, elsewhere: [...elsewhere] };
}

/** The `n` largest files, largest first, the same path summed over its requests. */
export function largest(files: FetchedFile[], n: number): FetchedFile[] {
  const sums = new Map<string, number>();
  for (const f of files) sums.set(f.path, (sums.get(f.path) ?? 0) + f.bytes);
  return [...sums]
    .map(([path, bytes]) => ({ path, bytes }))
    .sort((a, b) => b.bytes - a.bytes || a.path.localeCompare(b.path))
    .slice(0, n);
}

export interface EditorCost {
  /** Until the sign-in page is ready. */
  signIn: LoadedBytes;
  /** Until the case list is shown after local sign-in (the sign-in page's loads included). */
  caseList: LoadedBytes;
  /** Save pressed until the file is on disk, in ms; `file` is the case saved. */
  save: Samples & { file: string };
}

/** Resource Timing keeps this many entries unless told otherwise; more would be lost. */
const TIMING_BUFFER = 250;

const resourceEntries = (page: Page): Promise<ResourceEntry[]> =>
  page.evaluate(() =>
    [...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')].map((e) => ({
      name: e.name,
      initiatorType: (e as PerformanceResourceTiming).initiatorType,
      encodedBodySize: (e as PerformanceResourceTiming).encodedBodySize,
    })),
  );

/**
 * Waits until no request the page made is open and no new Resource Timing entry
 * has come for `quietMs` (Playwright's networkidle is reached once per navigation,
 * and signing in does not navigate).
 */
async function quiet(page: Page, open: Set<Request>, quietMs = 500, timeoutMs = 60_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  let count = -1;
  let since = Date.now();
  for (;;) {
    const now = (await page.evaluate(() => performance.getEntries().length)) + open.size;
    if (now !== count || open.size > 0) {
      count = now;
      since = Date.now();
    } else if (Date.now() - since >= quietMs) return;
    if (Date.now() > until) throw new Error(`nätet blev aldrig tyst (${open.size} förfrågningar öppna)`);
    await page.waitForTimeout(50);
  }
}

/** The marker a save adds to the title, and how to take an earlier one off. */
export const saveMarker = (round: number) => `(mätning-${round})`;
export const withoutMarker = (title: string) => title.replace(/ \(mätning-\d+\)$/, '');

/**
 * Measures the editor of a built site (the editor on, base `/`): bytes until the
 * sign-in page and until the case list, then `saves` saves of the first case of
 * `casesDir` (relative to the project, the folder the site was built from).
 */
export async function measureEditor(
  siteDir: string,
  options: { browser: Browser; casesDir: string; saves?: number; timeoutMs?: number },
): Promise<EditorCost> {
  const saves = options.saves ?? 5;
  const timeoutMs = options.timeoutMs ?? 60_000;
  if (!existsSync(join(siteDir, EDITOR_DIR, 'index.html'))) throw new Error(`${siteDir} har ingen /${EDITOR_DIR}/`);
  const files = filesOf(options.casesDir);
  const file = Object.keys(files).sort()[0];
  if (file === undefined) throw new Error(`inga ärenden i ${options.casesDir}`);
  const server = await serve(siteDir, { gzip: true });
  const editorUrl = `${server.url}/${EDITOR_DIR}/`;
  try {
    const editor = await openEditor(options.browser, editorUrl, files);
    const { page } = editor;
    try {
      page.setDefaultTimeout(timeoutMs);
      const open = new Set<Request>();
      page.on('request', (r) => open.add(r));
      page.on('requestfinished', (r) => open.delete(r));
      page.on('requestfailed', (r) => open.delete(r));
      const phase = async () => {
        await quiet(page, open, 500, timeoutMs);
        const entries = await resourceEntries(page);
        if (entries.length >= TIMING_BUFFER) throw new Error(`Resource Timing är full (${entries.length} poster)`);
        return loadedBytes(entries, server.url);
      };
      await page.getByRole('button', { name: 'Arbeta med lokalt repository' }).waitFor();
      const signIn = await phase();
      await signInLocally(page);
      const caseList = await phase();

      const entry = file.slice(options.casesDir.length + 1).replace(/\.mdx$/, '');
      const samples: number[] = [];
      const errors: string[] = [];
      for (let round = 1; round <= saves; round++) {
        try {
          samples.push(await timeSave(page, editorUrl, entry, file, round));
          // Saved, the editor goes back to the list; the next round starts from there.
          await page.getByRole('button', { name: 'Skapa ny post' }).first().waitFor();
          const saved = await editor.read(file);
          if (!saved?.includes(saveMarker(round))) throw new Error('filen saknar den sparade rubriken');
        } catch (error) {
          errors.push(error instanceof Error ? error.message.split('\n')[0]! : String(error));
        }
      }
      return { signIn, caseList, save: { ...summarise(samples, errors), file } };
    } finally {
      await editor.context.close();
    }
  } finally {
    await server.close();
  }
}

/** Opens the case, edits its title, presses Enter on Save and returns the ms until the file holds the new title. */
async function timeSave(page: Page, editorUrl: string, entry: string, file: string, round: number): Promise<number> {
  const title = await openForm(page, editorUrl, entry);
  await title.fill(`${withoutMarker(await title.inputValue())} ${saveMarker(round)}`);
  await page.getByRole('button', { name: 'Spara', exact: true }).focus();
  // In the page: the next keydown starts the clock, then the file is read until it has the marker.
  await page.evaluate(
    ({ path, marker }) => {
      const read = async (): Promise<string | undefined> => {
        // The stand-in repository is a folder of the origin-private file system's root.
        const root = await navigator.storage.getDirectory();
        const parts = path.split('/');
        const entries = (root as unknown as { values(): AsyncIterable<FileSystemHandle> }).values();
        for await (const repo of entries) {
          if (repo.kind !== 'directory') continue;
          try {
            let dir = repo as FileSystemDirectoryHandle;
            for (const part of parts.slice(0, -1)) dir = await dir.getDirectoryHandle(part);
            return await (await (await dir.getFileHandle(parts.at(-1)!)).getFile()).text();
          } catch {
            // not in this folder
          }
        }
        return undefined;
      };
      const w = window as unknown as { insynSave?: Promise<number> };
      w.insynSave = new Promise((resolve, reject) => {
        document.addEventListener(
          'keydown',
          (event) => {
            const start = event.timeStamp;
            const poll = async () => {
              try {
                if ((await read())?.includes(marker)) resolve(performance.now() - start);
                else if (performance.now() - start > 30_000) reject(new Error('filen sparades inte inom 30 s'));
                else setTimeout(poll, 2);
              } catch (error) {
                reject(error instanceof Error ? error : new Error(String(error)));
              }
            };
            void poll();
          },
          { capture: true, once: true },
        );
      });
    },
    { path: file, marker: saveMarker(round) },
  );
  await page.keyboard.press('Enter');
  return page.evaluate(() => (window as unknown as { insynSave: Promise<number> }).insynSave);
}

/** The JavaScript a built page loads, from the files: every script it names (external and inline). */
export interface PageScripts {
  /** External scripts (src, and modulepreload links), as written. */
  sources: string[];
  /** Their file sizes plus the inline scripts' bytes. */
  bytes: number;
  /** Whether any of its scripts lies under /redigera/. */
  editor: boolean;
}

/** Every HTML page of a built site outside /redigera/ (relative paths), with its scripts. */
export function siteScripts(outDir: string, base = '/'): Map<string, PageScripts> {
  const out = new Map<string, PageScripts>();
  const pages = (readdirSync(outDir, { recursive: true }) as string[])
    .map((p) => p.split('\\').join('/'))
    .filter((p) => p.endsWith('.html') && !p.startsWith(`${EDITOR_DIR}/`))
    .sort();
  for (const page of pages) {
    const html = readFileSync(join(outDir, page), 'utf8');
    const assets = pageAssets(html);
    const preloads = [...html.matchAll(/<link\b[^>]*rel="modulepreload"[^>]*>/g)]
      .map((m) => /href="([^"]+)"/.exec(m[0])?.[1] ?? '')
      .filter(Boolean);
    const sources = [...new Set([...assets.scripts, ...preloads])];
    let bytes = assets.inlineScriptBytes;
    for (const src of sources) {
      const path = new URL(src, `http://site${base}${page}`).pathname;
      const file = join(outDir, path.startsWith(base) ? path.slice(base.length) : path);
      bytes += existsSync(file) && statSync(file).isFile() ? statSync(file).size : 0;
    }
    const editor = sources.some((s) =>
      new URL(s, `http://site${base}${page}`).pathname.startsWith(`${base}${EDITOR_DIR}/`),
    );
    out.set(page, { sources, bytes, editor });
  }
  return out;
}

export interface ScriptComparison {
  /** Pages in both builds. */
  pages: number;
  /** Script bytes over those pages, editor off and on. */
  offBytes: number;
  onBytes: number;
  /** Pages whose scripts differ (other files, or other sizes). */
  changed: string[];
  /** Pages only in one build. */
  onlyOff: string[];
  onlyOn: string[];
  /** Pages of the editor-on build that load a script from /redigera/. */
  editorPages: string[];
}

/** Compares every page's scripts with the editor off and on. */
export function compareScripts(off: Map<string, PageScripts>, on: Map<string, PageScripts>): ScriptComparison {
  const both = [...off.keys()].filter((p) => on.has(p));
  const changed = both.filter((p) => {
    const [a, b] = [off.get(p)!, on.get(p)!];
    return a.bytes !== b.bytes || a.sources.join('\n') !== b.sources.join('\n');
  });
  return {
    pages: both.length,
    offBytes: both.reduce((sum, p) => sum + off.get(p)!.bytes, 0),
    onBytes: both.reduce((sum, p) => sum + on.get(p)!.bytes, 0),
    changed,
    onlyOff: [...off.keys()].filter((p) => !on.has(p)),
    onlyOn: [...on.keys()].filter((p) => !off.has(p)),
    editorPages: [...on].filter(([, s]) => s.editor).map(([p]) => p),
  };
}

/** Whether a response is code: a script, or WebAssembly (Pagefind's is `wasm.<language>.pagefind`). */
export function isCode(path: string, resourceType: string): boolean {
  const bare = path.split(/[?#]/)[0]!;
  return resourceType === 'script' || /\.(m?js|wasm)$/.test(bare) || /\/wasm\.[\w-]+\.pagefind$/.test(bare);
}

export interface BrowserScripts {
  /** The pages opened (site paths). */
  pages: string[];
  /** Code bytes (encoded bodies) over those pages, editor off and on. */
  offBytes: number;
  onBytes: number;
  /** Requests under /redigera/ by any of them, editor on. */
  editorRequests: string[];
}

/** The first case page of a built site (`/arenden/<slug>/`). */
function firstCasePage(outDir: string): string {
  const slug = casePageSlugs(outDir)[0];
  if (!slug) throw new Error(`inga ärendesidor i ${outDir}`);
  return `/arenden/${slug}/`;
}

/** The query typed on `/sok/`: a word of the seed cases. */
const SEARCH_WORD = 'arbete';

/**
 * Code bytes `/`, a case page and `/sok/` (with a query) fetch in Chromium (gzip), on two
 * builds of one site (base `/`), and any request they make under /redigera/.
 */
export async function compareScriptsInBrowser(
  offDir: string,
  onDir: string,
  browser: Browser,
): Promise<BrowserScripts> {
  const pages = ['/', firstCasePage(onDir), '/sok/'];
  const measure = async (dir: string) => {
    const server = await serve(dir, { gzip: true });
    let bytes = 0;
    const editor: string[] = [];
    try {
      for (const path of pages) {
        const context = await browser.newContext();
        const page = await context.newPage();
        const done: Request[] = [];
        page.on('requestfinished', (r) => done.push(r));
        try {
          await page.goto(`${server.url}${path}`);
          await page.waitForLoadState('networkidle');
          if (path === '/sok/') {
            // A query, so that Pagefind's script and WebAssembly load too.
            await page.locator('#sok-fraga').fill(SEARCH_WORD);
            await page.locator('#sok-fraga').press('Enter');
            await page.waitForFunction(
              (word) => (document.getElementById('sok-status')?.textContent ?? '').includes(`”${word}”`),
              SEARCH_WORD,
            );
            await page.waitForLoadState('networkidle');
          }
          for (const r of done) {
            const url = r.url().startsWith(server.url) ? r.url().slice(server.url.length) : r.url();
            if (url.startsWith(`/${EDITOR_DIR}/`)) editor.push(`${path} → ${url}`);
            if (isCode(url, r.resourceType())) bytes += Math.max(0, (await r.sizes()).responseBodySize);
          }
        } finally {
          await context.close();
        }
      }
    } finally {
      await server.close();
    }
    return { bytes, editor };
  };
  const off = await measure(offDir);
  const on = await measure(onDir);
  return { pages, offBytes: off.bytes, onBytes: on.bytes, editorRequests: on.editor };
}
