/**
 * "Nytt ärende från ett dokument" (/redigera/fran-dokument/) on the configured
 * fixture site, in Chromium, with the keyboard only: a PDF made in the test from
 * the Linkstep decision's text is chosen, the proposals are shown with their
 * source sentences, one is corrected and two left out, and the editor's
 * new-case form opens with the accepted values, which a save writes to the case
 * file. A Word file is read the same way; a scan without text is refused with
 * the OCR message; axe finds nothing on the page before or after a document is read.
 */
import { mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { parseCase } from '../../src/lib/content/parse-case.ts';
import { DRAFT_STORAGE_KEY } from '../../src/lib/editor/draft-defaults.ts';
import { axeViolations, describeViolations, testBrowser } from '../helpers/browser.ts';
import { decisionText, docxOfText, pdfOfText } from '../helpers/documents.ts';
import { focused, openEditor, tabTo } from '../helpers/editor.ts';
import { CONFIGURED } from '../helpers/shared-sites.ts';
import { serve, type StaticServer } from '../helpers/static-server.ts';

// The site is built for /insyn/: serve a folder in which it lives under that name.
const root = mkdtempSync(join(tmpdir(), 'insyn-draft-'));
symlinkSync(inject('configuredSiteDir'), join(root, 'insyn'));
const documents = mkdtempSync(join(tmpdir(), 'insyn-documents-'));

let browser: Browser;
let server: StaticServer;
let editorUrl: string;
let draftUrl: string;
const decisionPdf = join(documents, 'Linkstep förslag till beslut.pdf');
const scanPdf = join(documents, 'skannat-protokoll.pdf');
const decisionDocx = join(documents, 'Linkstep förslag till beslut.docx');

beforeAll(async () => {
  [browser, server] = await Promise.all([testBrowser(), serve(root)]);
  editorUrl = `${server.url}/insyn/redigera/`;
  draftUrl = `${editorUrl}fran-dokument/`;
  writeFileSync(decisionPdf, await pdfOfText(decisionText('linkstep-forslag-till-beslut.txt')));
  writeFileSync(decisionDocx, await docxOfText(decisionText('linkstep-forslag-till-beslut.txt')));
  // A page with a picture and no text, as a scanner makes it.
  const scan = await PDFDocument.create();
  const png = await scan.embedPng(
    Buffer.from(
      'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAAAAAA6fptVAAAACklEQVR4nGNgAAAAAgABSK+kcQAAAABJRU5ErkJggg==',
      'base64',
    ),
  );
  scan.addPage([595, 842]).drawImage(png, { x: 0, y: 0, width: 595, height: 842 });
  writeFileSync(scanPdf, await scan.save());
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
  rmSync(root, { recursive: true, force: true });
  rmSync(documents, { recursive: true, force: true });
});

/** Tabs to the file field and opens its chooser with Space, as a person would, and picks `file`. */
async function chooseWithKeyboard(page: Page, file: string): Promise<void> {
  // Listening before the key: Playwright turns on its interception of file choosers when
  // the first listener comes, and a chooser opened before that is never reported.
  const chooser = page.waitForEvent('filechooser');
  await tabTo(page, (e) => e.tag === 'input' && e.name === 'Beslutsdokument', { limit: 40 });
  await page.keyboard.press('Space');
  await (await chooser).setFiles(file);
}

/** Runs `check` on the draft page, opened in a fresh context of its own. */
async function onDraftPage(check: (page: Page) => Promise<void>): Promise<void> {
  const context = await browser.newContext({ locale: 'sv-SE' });
  try {
    const page = await context.newPage();
    await page.goto(draftUrl);
    await check(page);
  } finally {
    await context.close();
  }
}

/** The legends and source sentences the page shows, in order. */
const proposals = (page: Page) =>
  page.locator('#utkast-falt fieldset').evaluateAll((sets) =>
    sets.map((s) => ({
      legend: s.querySelector('legend')!.textContent,
      sources: [...s.querySelectorAll('figure')].map((f) => (f as HTMLElement).innerText.replace(/\s+/g, ' ').trim()),
    })),
  );

describe('a new case from a decision document', () => {
  it('reads a PDF in the browser, shows each proposal with its source, and opens the editor with the accepted values', async () => {
    const editor = await openEditor(browser, editorUrl, {});
    const { page } = editor;
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    try {
      // From the editor's bar to the page.
      await page.getByRole('link', { name: 'Nytt ärende från ett dokument' }).waitFor();
      await tabTo(page, (e) => e.tag === 'a' && e.name === 'Nytt ärende från ett dokument', { limit: 5 });
      await page.keyboard.press('Enter');
      await page.waitForURL(draftUrl);
      requests.length = 0;
      expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Nytt ärende från ett dokument');

      await chooseWithKeyboard(page, decisionPdf);
      // The focus moves to the proposals' heading, and the status says what was read.
      await expect.poll(async () => (await focused(page)).text, { timeout: 30_000 }).toBe('Förslag ur dokumentet');
      expect(await page.getByRole('status').textContent()).toMatch(
        /^Linkstep förslag till beslut\.pdf är läst: \d+ förslag\.$/,
      );
      expect(await page.locator('#utkast-sammanfattning').textContent()).toMatch(
        /förslag ur Linkstep förslag till beslut\.pdf \(3 sidor\)\./,
      );
      // The document was read in the browser: nothing but the site's own files was fetched.
      expect(requests.filter((u) => !u.startsWith(server.url))).toEqual([]);
      const shown = await proposals(page);
      const funding = shown.find((p) => p.legend === 'Finansiering');
      expect(funding?.sources[0]).toBe(
        'Arbetsmarknadsnämnden ingår en överenskommelse med AB Stångåstaden om finansiering av projektet Linkstep med 2 400 000 kr under perioden 2020-01-01 – 2020-12-31. Ur dokumentet, sida 1',
      );
      expect(shown.map((p) => p.legend)).toContain('Mål och resultat 2 av 2');
      expect(shown.map((p) => p.legend)).not.toContain('Diarienummer');
      expect(await page.locator('#utkast-saknas li').allTextContents()).toEqual(
        expect.arrayContaining(['Sammanfattning (obligatoriskt)', 'Diarienummer']),
      );
      // Every value is a labelled field; a value read from the document is never markup.
      expect(await page.getByRole('textbox', { name: 'Belopp (kr)' }).inputValue()).toBe('2\u00a0400\u00a0000');

      // Correct the title, leave out the outcome reported in November 2019.
      await tabTo(page, (e) => e.tag === 'input' && e.name === 'Rubrik' && e.value !== '');
      await page.keyboard.press('End');
      await page.keyboard.insertText(' 2020');
      const outcome = page.getByRole('group', { name: 'Mål och resultat 2 av 2' });
      expect(await outcome.getByLabel('Utfall', { exact: true }).inputValue()).toBe('67');
      // Tab on from box to box, and leave out the second outcome and the target group
      // (whose description the person would otherwise have to write in the form).
      const leaveOut = new Set(['Mål och resultat 2 av 2', 'Målgrupp']);
      for (let box = 0; leaveOut.size > 0; box++) {
        expect(box, `boxes for ${[...leaveOut].join(', ')}`).toBeLessThan(40);
        await tabTo(page, (e) => e.tag === 'input' && e.name === 'Ta med i ärendet', { limit: 40 });
        const legend = await page.evaluate(
          () => document.activeElement?.closest('fieldset')?.querySelector('legend')?.textContent,
        );
        if (legend && leaveOut.delete(legend)) await page.keyboard.press('Space');
      }
      expect(await outcome.getByRole('checkbox', { name: 'Ta med i ärendet' }).isChecked()).toBe(false);

      await tabTo(page, (e) => e.tag === 'button' && e.text === 'Fortsätt i redigeraren', { limit: 200 });
      await page.keyboard.press('Enter');
      await page.waitForURL(`${editorUrl}#/collections/arenden/new`);
      // Signed in to the local repository, the editor goes on to the new-case form.
      await tabTo(page, (e) => e.text === 'Arbeta med lokalt repository', { limit: 20 });
      await page.keyboard.press('Enter');
      const title = page.getByRole('textbox', { name: 'Rubrik' });
      await title.waitFor({ timeout: 30_000 });
      expect(await title.inputValue()).toBe('Stångåstaden ett steg till sysselsättning (Linkstep) 2020');
      expect(await page.getByRole('textbox', { name: 'Beslutande organ' }).inputValue()).toBe('Arbetsmarknadsnämnden');
      // The draft waits in the tab, marked as opened: the form is not forced open again.
      const stored = await page.evaluate((key) => JSON.parse(sessionStorage.getItem(key) ?? 'null'), DRAFT_STORAGE_KEY);
      expect(stored).toMatchObject({ document: 'Linkstep förslag till beslut.pdf', opened: true });

      // What the document does not state, the person writes; then Spara.
      await tabTo(page, (e) => e.tag === 'textarea' && e.name === 'Sammanfattning' && e.value === '');
      await page.keyboard.insertText('Arbetsmarknadsnämnden finansierar Linkstep hos AB Stångåstaden under 2020.');
      await page.keyboard.press('Control+s');
      // The proposal states no decision date: the editor keeps such a case apart until one is set.
      const savedAs = `${CONFIGURED.cases}/utan-beslutsdatum/stangastaden-ett-steg-till-sysselsaettning-linkstep-2020.mdx`;
      await expect.poll(() => editor.list(), { timeout: 15_000 }).toEqual([savedAs]);
      const saved = parseCase(savedAs, (await editor.read(savedAs))!, { today: '2026-12-31' });
      expect(saved.errors).toEqual([]);
      const data = saved.parsed!.data;
      expect(data.title).toBe('Stångåstaden ett steg till sysselsättning (Linkstep) 2020');
      expect(data.funding).toEqual([
        {
          from: 'Linköpings kommun',
          to: 'AB Stångåstaden',
          amount: 2_400_000,
          basis: 'total',
          period: { start: '2020-01-01', end: '2020-12-31' },
        },
      ]);
      expect(data.outcomes?.map((o) => o.target ?? o.actual)).toEqual([50]);
      expect(data.decisionPoints).toHaveLength(2);
      expect(data.parties).toEqual([
        { name: 'AB Stångåstaden', role: 'recipient' },
        { name: 'Linköpings kommun', role: 'funder' },
      ]);
      expect(data.targetGroup).toBeUndefined();
    } finally {
      await editor.context.close();
    }
  });

  it('reads a Word file the same way', async () => {
    await onDraftPage(async (page) => {
      await page.setInputFiles('#utkast-fil', decisionDocx);
      await page.locator('#utkast-forslag').waitFor();
      expect(await page.getByRole('status').textContent()).toMatch(
        /^Linkstep förslag till beslut\.docx är läst: \d+ förslag\.$/,
      );
      const funding = (await proposals(page)).find((p) => p.legend === 'Finansiering');
      expect(funding?.sources[0]).toMatch(
        /^Arbetsmarknadsnämnden ingår en överenskommelse med AB Stångåstaden .* Ur dokumentet, sida 1$/,
      );
      expect(await page.getByRole('textbox', { name: 'Belopp (kr)' }).inputValue()).toBe('2\u00a0400\u00a0000');
    });
  });

  it('refuses a scan without text with the OCR message, and proposes nothing', async () => {
    await onDraftPage(async (page) => {
      await chooseWithKeyboard(page, scanPdf);
      const alert = page.getByRole('alert');
      await expect.poll(() => alert.textContent(), { timeout: 30_000 }).toContain('textigenkänning (OCR)');
      expect(await page.locator('#utkast-forslag').isHidden()).toBe(true);
      expect(await page.getByRole('status').textContent()).toBe('');
    });
  });

  it('has nothing axe finds, before and after a document is read', async () => {
    await onDraftPage(async (page) => {
      expect(describeViolations(await axeViolations(page))).toBe('');
      await page.setInputFiles('#utkast-fil', decisionPdf);
      await page.locator('#utkast-forslag').waitFor();
      expect(describeViolations(await axeViolations(page))).toBe('');
    });
  });
});
