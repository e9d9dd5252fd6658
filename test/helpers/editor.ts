/**
 * The form editor (/redigera/, Sveltia CMS) in Chromium, in its local mode,
 * which works on a folder the person picks with the browser's folder picker.
 * Playwright cannot answer that picker (microsoft/playwright#11288), so the page
 * is handed a folder of the origin-private file system instead: a stand-in
 * repository (a `.git` folder and the case files given), written before the
 * editor starts. What the editor saves is read back from that folder.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { ROOT } from './site.ts';

/** The stand-in repository's folder in the origin-private file system. */
const REPO = 'arkiv';

/** Every file under `dir` (relative to the project), as repository path → text, placed under `as`. */
export function filesOf(dir: string, as: string = dir): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const name of readdirSync(join(ROOT, d))) {
      const path = `${d}/${name}`;
      if (statSync(join(ROOT, path)).isDirectory()) walk(path);
      else out[`${as}${path.slice(dir.length)}`] = readFileSync(join(ROOT, path), 'utf8');
    }
  };
  walk(dir);
  return out;
}

export interface EditorPage {
  context: BrowserContext;
  page: Page;
  /** A file of the stand-in repository as the editor left it, or undefined. */
  read(path: string): Promise<string | undefined>;
  /** Every file path of the stand-in repository. */
  list(): Promise<string[]>;
}

/**
 * Opens the editor at `editorUrl` in a fresh context (its own storage), with a
 * stand-in repository holding `files`, at the sign-in page. `signIn` chooses the
 * local repository with the keyboard (Tab to the button, Enter).
 */
export async function openEditor(
  browser: Browser,
  editorUrl: string,
  files: Record<string, string>,
): Promise<EditorPage> {
  const context = await browser.newContext({ locale: 'sv-SE', viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  // Any page of the origin: the file system is the origin's.
  await page.goto(new URL('../404.html', editorUrl).href);
  await page.evaluate(
    async ({ repoName, files }) => {
      const root = await navigator.storage.getDirectory();
      const repo = await root.getDirectoryHandle(repoName, { create: true });
      await repo.getDirectoryHandle('.git', { create: true });
      for (const [path, text] of Object.entries(files)) {
        const parts = path.split('/');
        let dir = repo;
        for (const part of parts.slice(0, -1)) dir = await dir.getDirectoryHandle(part, { create: true });
        const writable = await (await dir.getFileHandle(parts.at(-1)!, { create: true })).createWritable();
        await writable.write(text);
        await writable.close();
      }
    },
    { repoName: REPO, files },
  );
  await context.addInitScript((repoName) => {
    Object.defineProperty(window, 'showDirectoryPicker', {
      value: async () => (await navigator.storage.getDirectory()).getDirectoryHandle(repoName),
    });
  }, REPO);
  await page.goto(editorUrl);
  return {
    context,
    page,
    read: (path) =>
      page.evaluate(
        async ({ repoName, path }) => {
          try {
            const parts = path.split('/');
            let dir = await (await navigator.storage.getDirectory()).getDirectoryHandle(repoName);
            for (const part of parts.slice(0, -1)) dir = await dir.getDirectoryHandle(part);
            return await (await (await dir.getFileHandle(parts.at(-1)!)).getFile()).text();
          } catch {
            return undefined;
          }
        },
        { repoName: REPO, path },
      ),
    list: () =>
      page.evaluate(async (repoName) => {
        const out: string[] = [];
        const visit = async (dir: FileSystemDirectoryHandle, prefix: string): Promise<void> => {
          // entries() is Chromium's, not yet in TypeScript's DOM types.
          const entries = (dir as unknown as { entries(): AsyncIterable<[string, FileSystemHandle]> }).entries();
          for await (const [name, handle] of entries) {
            if (handle.kind === 'directory') await visit(handle as FileSystemDirectoryHandle, `${prefix}${name}/`);
            else out.push(`${prefix}${name}`);
          }
        };
        await visit(await (await navigator.storage.getDirectory()).getDirectoryHandle(repoName), '');
        return out.sort();
      }, REPO),
  };
}

/** Signs in to the local repository with the keyboard, and waits for the list of cases. */
export async function signInLocally(page: Page): Promise<void> {
  const button = page.getByRole('button', { name: 'Arbeta med lokalt repository' });
  await button.waitFor();
  await tabTo(page, (e) => e.text === 'Arbeta med lokalt repository');
  await page.keyboard.press('Enter');
  await page.getByRole('button', { name: 'Skapa ny post' }).first().waitFor();
}

/** What a focused element says about itself. */
export interface Focused {
  tag: string;
  role: string | null;
  /** Its accessible name as far as labels go: aria-label, aria-labelledby, a label, or its text. */
  name: string;
  text: string;
}

/** The focused element, described. */
export function focused(page: Page): Promise<Focused> {
  return page.evaluate(() => {
    const e = document.activeElement as HTMLElement | null;
    if (!e) return { tag: '', role: null, name: '', text: '' };
    const byIds = (ids: string | null) =>
      (ids ?? '')
        .split(/\s+/)
        .map((id) => document.getElementById(id)?.textContent ?? '')
        .join(' ')
        .trim();
    const labels = (e as HTMLInputElement).labels;
    const name =
      e.getAttribute('aria-label') ??
      (byIds(e.getAttribute('aria-labelledby')) ||
        (labels && labels.length > 0 ? labels[0]!.textContent!.trim() : (e.innerText ?? '').trim()));
    return {
      tag: e.tagName.toLowerCase(),
      role: e.getAttribute('role'),
      name: name.replace(/[\u2068\u2069]/g, ''),
      text: (e.innerText ?? '').trim().replace(/[\u2068\u2069]/g, ''),
    };
  });
}

/**
 * Presses Tab (Shift+Tab when `back`) until the focused element matches, at most
 * `limit` times. Only keys reach the page; the focus is read to know when to stop.
 */
export async function tabTo(
  page: Page,
  match: (e: Focused) => boolean,
  { back = false, limit = 200 }: { back?: boolean; limit?: number } = {},
): Promise<Focused> {
  const trail: string[] = [];
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
    const now = await focused(page);
    if (match(now)) return now;
    trail.push(`${now.tag}[${now.role ?? ''}] ${now.name}`);
  }
  throw new Error(`Hittade inget sådant fält med Tab efter ${limit} steg:\n${trail.slice(-30).join('\n')}`);
}
