/**
 * The form editor (/redigera/, Sveltia CMS) in Chromium, in its local mode,
 * which works on a folder the person picks with the browser's folder picker.
 * Playwright cannot answer that picker (microsoft/playwright#11288), so the page
 * is handed a folder of the origin-private file system instead: a stand-in
 * repository (a `.git` folder and the case files given), written before the
 * editor starts. What the editor saves is read back from that folder.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import type { EditorField } from '../../src/lib/editor/cms-config.ts';
import { listFiles, ROOT } from './site.ts';

/** The stand-in repository's folder in the origin-private file system. */
const REPO = 'arkiv';

/** Every file under `dir` (relative to the project), as repository path → text, placed under `as`. */
export function filesOf(dir: string, as: string = dir): Record<string, string> {
  return Object.fromEntries(
    listFiles(join(ROOT, dir)).map((file) => [`${as}/${file}`, readFileSync(join(ROOT, dir, file), 'utf8')]),
  );
}

export interface EditorPage {
  context: BrowserContext;
  page: Page;
  /** A file of the stand-in repository as the editor left it, or undefined. */
  read(path: string): Promise<string | undefined>;
  /** Every file path of the stand-in repository. */
  list(): Promise<string[]>;
  /**
   * Starts over in the same page: forgets the sign-in and everything else the editor
   * kept in the origin's storage, gives the stand-in repository `files` instead, and
   * opens the editor at the sign-in page again. A fresh context would start the same,
   * but without the browser's cache of the editor's scripts, and costs twice as much.
   */
  reset(files: Record<string, string>): Promise<void>;
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
  // Leaving a form with unsaved changes asks first; a test starting over answers yes.
  // Any other dialog is dismissed, as Playwright does when nobody listens.
  page.on('dialog', (dialog) => void (dialog.type() === 'beforeunload' ? dialog.accept() : dialog.dismiss()));
  await context.addInitScript((repoName) => {
    Object.defineProperty(window, 'showDirectoryPicker', {
      value: async () => (await navigator.storage.getDirectory()).getDirectoryHandle(repoName),
    });
  }, REPO);
  const reset = async (files: Record<string, string>) => {
    // Any page of the origin that is not the editor: the storage is the origin's, and
    // the editor keeps none of it open there.
    await page.goto(new URL('../404.html', editorUrl).href);
    await page.evaluate(
      async ({ repoName, files }) => {
        localStorage.clear();
        sessionStorage.clear();
        for (const key of await caches.keys()) await caches.delete(key);
        for (const { name } of await indexedDB.databases()) {
          if (name === undefined) continue;
          await new Promise((resolve, reject) => {
            const request = indexedDB.deleteDatabase(name);
            request.onsuccess = resolve;
            request.onerror = () => reject(request.error);
          });
        }
        const root = await navigator.storage.getDirectory();
        await root.removeEntry(repoName, { recursive: true }).catch(() => undefined);
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
    await page.goto(editorUrl);
  };
  await reset(files);
  return {
    context,
    page,
    reset,
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

/**
 * Opens a case's form in the editor (`entry` as `2019/linkstep-stangastaden-2020`),
 * or the form for a new case, and waits for it; returns its first field, Rubrik.
 */
export async function openForm(page: Page, editorUrl: string, entry?: string): Promise<Locator> {
  await page.goto(`${editorUrl}#/collections/arenden/${entry === undefined ? 'new' : `entries/${entry}`}`);
  const title = page.getByRole('textbox', { name: 'Rubrik' });
  await title.waitFor();
  return title;
}

/**
 * Scrolls the form until `target` is there: the editor renders the fields further
 * down only as they come into view.
 */
export async function scrollFormTo(page: Page, target: Locator): Promise<void> {
  await page.mouse.move(300, 500);
  for (let i = 0; i < 40 && (await target.count()) === 0; i++) await page.mouse.wheel(0, 1500);
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
  /** A text field's value (or a contenteditable's text). */
  value: string;
  /** aria-checked, for radios and checkboxes. */
  checked: string | null;
  /** Its accessible name as far as labels go: aria-label, aria-labelledby, a label, or its text. */
  name: string;
  text: string;
}

/** The focused element, described. */
export function focused(page: Page): Promise<Focused> {
  return page.evaluate(() => {
    const e = document.activeElement as HTMLElement | null;
    if (!e) return { tag: '', role: null, value: '', checked: null, name: '', text: '' };
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
      value: 'value' in e ? String((e as HTMLInputElement).value) : e.isContentEditable ? e.innerText.trim() : '',
      checked: e.getAttribute('aria-checked'),
      name: name.replace(/[\u2068\u2069]/g, '').replace(/^add\s+/, ''),
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
  { back = false, limit = 500 }: { back?: boolean; limit?: number } = {},
): Promise<Focused> {
  const trail: string[] = [];
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
    let now = await focused(page);
    if (!back && (now.tag === 'section' || now.name === 'Avbryt redigering')) {
      // Out of the form (into the preview, or round to the top): the editor renders the
      // fields further down only once the focus has brought them into view, a moment after
      // a person's Tab. Step back, give it that moment, and go on.
      await page.keyboard.press('Shift+Tab');
      await page.waitForTimeout(250);
      await page.keyboard.press('Tab');
      now = await focused(page);
    }
    if (match(now)) return now;
    trail.push(`${now.tag}[${now.role ?? ''}] ${now.name}`);
  }
  throw new Error(`Hittade inget sådant fält med Tab efter ${limit} steg:\n${trail.slice(-30).join('\n')}`);
}

/**
 * Waits until the form stops growing: the editor renders new fields over a few
 * frames (and those further down only as they come into view), and a person's
 * next key comes after they are there.
 */
async function settled(page: Page): Promise<void> {
  const count = () => page.evaluate(() => document.querySelectorAll('input, textarea, button, [tabindex]').length);
  let last = await count();
  for (let i = 0; i < 40; i++) {
    await page.waitForTimeout(50);
    const now = await count();
    if (now === last) return;
    last = now;
  }
}

/** The option index of a value in a select field. */
const optionIndex = (field: EditorField, value: unknown) => field.options!.findIndex((o) => o.value === value);

/**
 * Fills the editor's form for a new case with `data`, field by field in the form's
 * order, with the keyboard only: Tab to each field (by its label), type, arrow keys
 * in choices, Enter on "Lägg till …" and Space on an optional group's switch.
 */
export async function typeCase(page: Page, fields: EditorField[], data: Record<string, unknown>): Promise<void> {
  for (const field of fields) {
    const value = data[field.name];
    if (value === undefined) continue;
    await typeField(page, field, value);
  }
}

const isEmptyField = (label: string) => (e: Focused) =>
  e.name === label && e.value === '' && (e.tag === 'input' || e.tag === 'textarea' || e.role === 'textbox');

async function typeField(page: Page, field: EditorField, value: unknown): Promise<void> {
  switch (field.widget) {
    case 'string':
    case 'text':
    case 'datum':
    case 'orgnummer':
    case 'tal':
      await tabTo(page, isEmptyField(field.label));
      // As typed text arrives from a keyboard's input method: one input event, no key per letter.
      await page.keyboard.insertText(String(value));
      return;
    case 'select': {
      const index = optionIndex(field, value);
      const first = field.options![0]!.label;
      const at = await tabTo(
        page,
        (e) => (e.role === 'radio' && e.name === first) || (e.role === 'combobox' && e.name === field.label),
      );
      if (at.role === 'radio') {
        // The arrows move along the choices; Space picks the one in focus.
        for (let i = 0; i < index; i++) await page.keyboard.press('ArrowRight');
        await page.keyboard.press('Space');
      } else {
        await page.keyboard.press('Enter');
        for (let i = 0; i <= index; i++) await page.keyboard.press('ArrowDown');
        await page.keyboard.press('Enter');
      }
      return;
    }
    case 'object':
      if (!field.required) {
        await tabTo(
          page,
          (e) => e.role === 'checkbox' && e.name === `Lägg till ${field.label}` && e.checked !== 'true',
        );
        await page.keyboard.press('Space');
        await settled(page);
      }
      await typeCase(page, field.fields!, value as Record<string, unknown>);
      return;
    case 'list':
      for (const item of value as unknown[]) {
        await tabTo(page, (e) => e.role !== 'checkbox' && e.name === `Lägg till ${field.label}`);
        await page.keyboard.press('Enter');
        await settled(page);
        if (field.fields) await typeCase(page, field.fields, item as Record<string, unknown>);
        else await typeField(page, field.field!, item);
      }
      return;
    default:
      throw new Error(`typeCase kan inte fylla i ${field.widget}`);
  }
}
