/**
 * The form editor (/redigera/, Sveltia CMS in its local mode, test/helpers/editor.ts)
 * on the configured fixture site (GitHub repository set, built under /insyn/), in
 * Chromium:
 * - nothing is lost: every seed and fixture case, saved after one field is edited,
 *   parses to the same values with only that field changed, and the same body;
 * - wrong values are stopped at their field, in Swedish, before anything is saved;
 * - a case made from the Linkstep decision with the keyboard alone is saved at
 *   content/cases/<år>/<slug>.mdx, passes `npm run check` and builds a page with the
 *   seed case's facts;
 * - axe-core on the editor's pages finds only what the accessibility statement lists.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { parseCase } from '../../src/lib/content/parse-case.ts';
import { axeViolations, describeViolations, testBrowser } from '../helpers/browser.ts';
import { editorFields } from '../../src/lib/editor/cms-config.ts';
import {
  type EditorPage,
  filesOf,
  focused,
  openEditor,
  openForm,
  scrollFormTo,
  signInLocally,
  tabTo,
  typeCase,
} from '../helpers/editor.ts';
import { CONFIGURED } from '../helpers/shared-sites.ts';
import { buildSite, ROOT, SEED_CASES, SEED_ORGANISATIONS, testBuildsDir } from '../helpers/site.ts';
import { serve, type StaticServer } from '../helpers/static-server.ts';

// The site is built for /insyn/: serve a folder in which it lives under that name.
const root = mkdtempSync(join(tmpdir(), 'insyn-editor-'));
symlinkSync(inject('configuredSiteDir'), join(root, 'insyn'));

let browser: Browser;
let server: StaticServer;
let editorUrl: string;
/**
 * One page for every test: each starts over with `editor.reset(files)`, which gives it
 * the same start as a fresh context (no sign-in, no stored state, only those files).
 */
let editor: EditorPage;
beforeAll(async () => {
  [browser, server] = await Promise.all([testBrowser(), serve(root)]);
  editorUrl = `${server.url}/insyn/redigera/`;
  editor = await openEditor(browser, editorUrl, {});
});
afterAll(async () => {
  await editor?.context.close();
  await browser?.close();
  await server?.close();
  rmSync(root, { recursive: true, force: true });
});

/** The folder the configured site's editor saves cases in. */
const CASES = CONFIGURED.cases;

function parsed(file: string, text: string) {
  const result = parseCase(file, text, { today: '2026-12-31' });
  expect(result.errors, `${file}: ${JSON.stringify(result.errors, null, 2)}`).toEqual([]);
  return result.parsed!;
}

/** Opens a case (by its address in the editor), adds words to its title, saves, and waits for the list again. */
async function editTitle(editor: EditorPage, file: string, added: string): Promise<void> {
  const { page } = editor;
  const entry = file.slice(CASES.length + 1).replace(/\.mdx$/, '');
  const field = await openForm(page, editorUrl, entry);
  await field.press('End');
  // In one input event, as an input method hands text over: each key would have the
  // editor lay out the form and its preview again.
  await page.keyboard.insertText(added);
  await page.getByRole('button', { name: 'Spara', exact: true }).click();
  await page.getByRole('button', { name: 'Skapa ny post' }).first().waitFor();
}

describe('saving a case from the editor', () => {
  it.each([
    ['the seed cases', SEED_CASES],
    ['the open-data fixture', CONFIGURED.cases],
    ['the valid foundation fixture', 'test/fixtures/foundation/good/cases'],
  ])('keeps every value of %s but the one edited, and the body as it was', async (_, dir) => {
    const originals = filesOf(dir, CASES);
    await editor.reset(originals);
    await signInLocally(editor.page);
    for (const [file, text] of Object.entries(originals)) {
      const before = parsed(file, text);
      await editTitle(editor, file, ' (ändrad)');
      const saved = await editor.read(file);
      expect(saved, `${file} is still where it was`).toBeDefined();
      const after = parsed(file, saved!);
      expect(after.data).toEqual({ ...before.data, title: `${before.data.title} (ändrad)` });
      expect(after.body.trim()).toBe(before.body.trim());
    }
    expect(await editor.list()).toEqual(Object.keys(originals).sort());
  });
});

/** The error message a field shows (its aria-errormessage), by the field's label. */
async function fieldErrors(editor: EditorPage): Promise<Record<string, string>> {
  return editor.page.locator('[aria-invalid=true]').evaluateAll((elements) =>
    Object.fromEntries(
      elements.map((e) => {
        const label = document.getElementById(e.getAttribute('aria-labelledby')?.split(' ')[0] ?? '')?.textContent;
        const message = document.getElementById(e.getAttribute('aria-errormessage') ?? '')?.textContent ?? '';
        return [(label ?? '').trim(), message.replace(/^error\s*/, '').trim()];
      }),
    ),
  );
}

describe('wrong values in a new case', () => {
  it('are stopped at their field with a Swedish message, and nothing is saved', async () => {
    await editor.reset({});
    const { page } = editor;
    await signInLocally(page);
    await openForm(page, editorUrl);
    await page.getByRole('textbox', { name: 'Beslutsdatum' }).fill('2019-13-01');
    await page.getByRole('button', { name: /^Lägg till \W?Parter/ }).click();
    await page.getByRole('textbox', { name: 'Organisationsnummer' }).fill('212000-0448');
    await page.getByRole('button', { name: /^Lägg till \W?Finansiering/ }).click();
    await page.getByRole('textbox', { name: 'Belopp (kr)' }).fill('2 400 000 kr');
    await page.getByRole('button', { name: 'Spara', exact: true }).click();
    await expect
      .poll(() => fieldErrors(editor))
      .toMatchObject({
        Rubrik: 'Detta fält är obligatoriskt.',
        Beslutsdatum: expect.stringContaining('Datumet 2019-13-01 finns inte i kalendern.'),
        Organisationsnummer:
          'Kontrollsiffran (sista siffran) i 212000-0448 stämmer inte. Jämför med dokumentet eller allabolag.se.',
        'Belopp (kr)':
          'Skriv bara siffror, utan mellanslag, punkter eller "kr": 2400000 för 2 400 000 kr. Du skrev "2 400 000 kr".',
      });
    expect(
      await page.getByRole('alert').filter({ hasText: 'fält har fel. Rätta dem för att spara posten.' }).count(),
    ).toBe(1);
    expect(await editor.list()).toEqual([]);

    // Written as the format wants, the same fields are accepted.
    await page.getByRole('textbox', { name: 'Beslutsdatum' }).fill('2019-12');
    await page.getByRole('textbox', { name: 'Organisationsnummer' }).fill('212000-0449');
    await page.getByRole('textbox', { name: 'Belopp (kr)' }).fill('2400000');
    await page.getByRole('button', { name: 'Spara', exact: true }).click();
    await expect.poll(async () => (await fieldErrors(editor))['Rubrik']).toBe('Detta fält är obligatoriskt.');
    const errors = await fieldErrors(editor);
    for (const field of ['Beslutsdatum', 'Organisationsnummer', 'Belopp (kr)'])
      expect(errors[field], field).toBeUndefined();
  });
});

describe('a new case from the Linkstep decision, with the keyboard only', () => {
  const seedFile = `${SEED_CASES}/2019/linkstep-stangastaden-2020.mdx`;
  const seed = parsed(seedFile, readFileSync(join(ROOT, seedFile), 'utf8'));
  // The file name comes from the title, as Sveltia makes it (ä becomes ae).
  const savedAs = `${CASES}/2019/stangastaden-ett-steg-till-sysselsaettning-linkstep.mdx`;
  let saved: string | undefined;

  it("is saved at content/cases/<år>/<slug>.mdx with the seed case's values and body", async () => {
    await editor.reset({});
    const { page } = editor;
    try {
      await signInLocally(page);
      // Sveltia's own shortcut for a new entry (aria-keyshortcuts on "Ny"): Enter and Space
      // on that button open an empty menu instead (listed in the accessibility statement).
      await expect
        .poll(
          async () => {
            if (!page.url().endsWith('/new')) {
              await page.keyboard.press('Escape');
              await page.keyboard.press('Control+e');
            }
            return page.url();
          },
          { timeout: 30_000, interval: 1000 },
        )
        .toMatch(/#\/collections\/arenden\/new$/);
      await page.getByRole('textbox', { name: 'Rubrik' }).waitFor();
      await typeCase(page, editorFields(), seed.data as unknown as Record<string, unknown>);
      await tabTo(page, (e) => e.name === 'Brödtext' && e.tag === 'textarea');
      // The body as an input method or a paste from the keyboard hands it over: one insertion.
      await page.keyboard.insertText(seed.body.trim());
      // Sveltia's shortcut for Spara (aria-keyshortcuts), from the body.
      await page.keyboard.press('Control+s');
      await expect.poll(() => editor.read(savedAs), { timeout: 10_000 }).toBeDefined();
      saved = await editor.read(savedAs);
      expect(await editor.list()).toEqual([savedAs]);
    } finally {
      if (!saved) console.log(await focused(page));
    }
    const created = parsed(savedAs, saved!);
    expect(created.data).toEqual(seed.data);
    expect(created.body.trim()).toBe(seed.body.trim());
  });

  /** The facts of a case page: its heading and every section but the history and the citation. */
  function facts(html: string): string[] {
    const main = html.slice(html.indexOf('<main'), html.indexOf('</main>'));
    const text = (s: string) =>
      s
        .replace(/<[^>]+>/g, ' ')
        .replace(/\s+/g, ' ')
        .trim();
    const sections = [
      ...main.matchAll(/<section aria-labelledby="([^"]+)"[^>]*>([\s\S]*?)(?=<section aria-labelledby|$)/g),
    ]
      .filter(([, id]) => id !== 'historik' && id !== 'citera')
      .map(([, id, body]) => `${id}: ${text(body!)}`);
    return [text(/<h1[^>]*>[\s\S]*?<\/h1>/.exec(main)![0]), ...sections];
  }

  it("passes npm run check, and builds a page with the seed case's facts", async () => {
    expect(saved, 'the case from the test above').toBeDefined();
    const dir = mkdtempSync(join(testBuildsDir(), 'editor-case-'));
    const file = join(dir, 'cases', savedAs.slice(CASES.length + 1));
    mkdirSync(join(file, '..'), { recursive: true });
    writeFileSync(file, saved!);
    const cases = relative(ROOT, join(dir, 'cases'));
    const check = spawnSync(process.execPath, [join(ROOT, 'src/cli/check.ts')], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, INSYN_CASES_DIR: cases, INSYN_ORGANISATIONS_FILE: SEED_ORGANISATIONS },
    });
    expect(check.status, `${check.stdout}${check.stderr}`).toBe(0);
    expect(check.stdout).toContain('Alla 1 ärendefiler är giltiga');

    const built = await buildSite({ cases });
    expect(built.ok, built.output).toBe(true);
    const slug = savedAs
      .split('/')
      .pop()!
      .replace(/\.mdx$/, '');
    const page = readFileSync(join(built.outDir, 'arenden', slug, 'index.html'), 'utf8');
    const seedPage = readFileSync(
      join(inject('siteDir'), 'arenden', 'linkstep-stangastaden-2020', 'index.html'),
      'utf8',
    );
    expect(facts(page).length).toBeGreaterThan(10);
    expect(facts(page)).toEqual(facts(seedPage));
  });
});

describe('axe-core on the editor', () => {
  /**
   * What axe finds in Sveltia CMS itself, all best-practice rules rather than WCAG
   * criteria, listed in the accessibility statement (src/pages/om.astro).
   */
  const LIBRARY = ['landmark-one-main', 'region', 'page-has-heading-one'];

  it('finds nothing on its sign-in, list and form pages beyond what the statement lists', async () => {
    await editor.reset(filesOf(SEED_CASES, CASES));
    const { page } = editor;
    const found: Record<string, string[]> = {};
    const check = async (name: string) => {
      const violations = await axeViolations(page);
      found[name] = violations.map((v) => v.id);
      const ours = violations.filter((v) => !LIBRARY.includes(v.id));
      expect(ours, `${name}:\n${describeViolations(ours)}`).toEqual([]);
    };
    await page.getByRole('button', { name: 'Arbeta med lokalt repository' }).waitFor();
    await check('inloggning');
    await signInLocally(page);
    await check('ärendelistan');
    await openForm(page, editorUrl, '2019/linkstep-stangastaden-2020');
    await check('ett ärende');
    await openForm(page, editorUrl);
    await check('nytt ärende');
    // Zoom is not turned off (WCAG 1.4.4), though Sveltia's own viewport tag asks for it.
    const viewports = await page
      .locator('meta[name="viewport"]')
      .evaluateAll((m) => m.map((e) => e.getAttribute('content')));
    for (const v of viewports) expect(v).not.toMatch(/maximum-scale|user-scalable/);
    const statement = readFileSync(join(inject('siteDir'), 'om', 'index.html'), 'utf8');
    for (const id of new Set(Object.values(found).flat()))
      expect(statement, `${id} in the statement`).toContain(`<code>${id}</code>`);
  });
});

describe('the body components from the Insert menu', () => {
  it.each([
    {
      entry: '2019/linkstep-stangastaden-2020',
      item: 'Citat ur ett dokument',
      fields: {
        Källa: 'Tjänsteskrivelse Överenskommelse Stångåstaden Linkstep (dec 2019)',
        Sida: '2',
        'Citatet, ordagrant': 'Arbetsmarknadsnämnden ingår en överenskommelse med AB Stångåstaden.',
      },
      written:
        '<Citat källa="Tjänsteskrivelse Överenskommelse Stångåstaden Linkstep (dec 2019)" sida="2">\nArbetsmarknadsnämnden ingår en överenskommelse med AB Stångåstaden.\n</Citat>',
    },
    {
      entry: '2018/arbetsplatskorkortet-idrott-och-service',
      item: 'Rättelse',
      fields: {
        'Datum för rättelsen': '2026-11-20',
        'Vad som var fel och vad som gäller': 'Beloppet stod först som 2 100 000 kr.',
      },
      written: '<Rättelse datum="2026-11-20">\nBeloppet stod först som 2 100 000 kr.\n</Rättelse>',
    },
    {
      entry: '2022/en-vag-in-steget-vidare',
      item: 'Länk till ett annat ärende',
      fields: {
        'Det andra ärendets slug (filnamnet utan .mdx)': 'linkstep-stangastaden-2020',
        Länktexten: 'överenskommelsen med Stångåstaden',
      },
      written: '<Ärende slug="linkstep-stangastaden-2020">överenskommelsen med Stångåstaden</Ärende>',
      // A link stands inside the paragraph, where the caret is.
      inline: true,
    },
  ])(
    'writes $item at the end of the body as content/README.md shows it',
    async ({ entry, item, fields, written, inline }) => {
      const originals = filesOf(SEED_CASES, CASES);
      const file = `${CASES}/${entry}.mdx`;
      await editor.reset(originals);
      const { page } = editor;
      await signInLocally(page);
      await openForm(page, editorUrl, entry);
      // The body is at the end of the form, which the editor renders as it comes into view.
      // It opens as Markdown text; the Insert menu is in the formatted view.
      const toMarkdown = page.getByRole('button', { name: 'Redigera som Markdown' });
      await scrollFormTo(page, toMarkdown);
      // Under load a click can come before the field takes it (it stays pressed):
      // click again, waiting a moment each time for the view to change.
      const formatted = page.locator('button[aria-label="Redigera som Markdown"][aria-pressed="false"]');
      for (let clicks = 0; (await toMarkdown.getAttribute('aria-pressed')) !== 'false'; clicks++) {
        expect(clicks, 'clicks on Redigera som Markdown').toBeLessThan(5);
        await toMarkdown.click();
        await formatted.waitFor({ timeout: 2000 }).catch(() => undefined);
      }
      const body = page.getByRole('textbox', { name: 'Brödtext' });
      // The Insert menu writes at the caret: here the end of the last paragraph.
      await body.locator('p').last().click();
      for (let i = 0; i < 10; i++) await page.keyboard.press('ArrowDown');
      await page.keyboard.press('End');
      await page.getByRole('button', { name: /^Infoga/ }).click();
      await page.getByRole('menuitem', { name: item }).click();
      for (const [label, value] of Object.entries(fields)) await page.getByRole('textbox', { name: label }).fill(value);
      await page.keyboard.press('Control+s');
      await expect.poll(async () => (await editor.read(file))?.includes(written), { timeout: 10_000 }).toBe(true);
      const before = parsed(file, originals[file]!);
      const after = parsed(file, (await editor.read(file))!);
      expect(after.data).toEqual(before.data);
      expect(after.body.trim()).toBe(`${before.body.trim()}${inline ? '' : '\n\n'}${written}`);
    },
  );

  it('keeps a body with a table exactly as written when it is edited as the Markdown it opens as', async () => {
    const originals = filesOf(SEED_CASES, CASES);
    const file = `${CASES}/2020/iop-linkopings-stadsmission.mdx`;
    const written = '<Rättelse datum="2026-11-20">\nBeloppet stod först som 2 100 000 kr.\n</Rättelse>';
    await editor.reset(originals);
    const { page } = editor;
    await signInLocally(page);
    await openForm(page, editorUrl, '2020/iop-linkopings-stadsmission');
    const body = page.getByRole('textbox', { name: 'Brödtext' });
    await scrollFormTo(page, body);
    await body.focus();
    await page.keyboard.press('Control+End');
    await page.keyboard.insertText(`\n\n${written}`);
    await page.keyboard.press('Control+s');
    await expect.poll(async () => (await editor.read(file))?.includes(written), { timeout: 10_000 }).toBe(true);
    const before = parsed(file, originals[file]!);
    const after = parsed(file, (await editor.read(file))!);
    expect(before.body).toContain('|---|---|--:|');
    expect(after.body.trim()).toBe(`${before.body.trim()}\n\n${written}`);
  });
});
