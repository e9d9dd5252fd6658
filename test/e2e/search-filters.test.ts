/**
 * The search page's facet table in Chromium, on the seed fixture site:
 * without words Pagefind is never loaded; the date and amount ranges narrow
 * the hits, go into the URL and explain a value they do not understand; a
 * long filter group is filled when opened; and "Ladda ner träffarna" gives
 * exactly the lines of /data/arenden.csv for the hits, in the order shown.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { browserSession, downloadText } from '../helpers/browser.ts';
import { readTable, readTableRows } from '../helpers/search-table.ts';

const dir = inject('siteDir');
const session = browserSession(dir);

/** Waits until the script has shown a search and announced `text`. */
async function announced(p: Page, text: string): Promise<void> {
  await p.waitForFunction(
    (t) =>
      (document.getElementById('sok-resultat')?.dataset['run'] ?? '0') !== '0' &&
      document.getElementById('sok-status')?.textContent === t,
    text,
  );
}
const slugs = (p: Page) =>
  p.$$eval('#sok-traffar h3 a', (as) => as.map((a) => a.getAttribute('href')?.split('/').at(-2) ?? ''));

describe('the facet table in Chromium', () => {
  it('filters, counts and sorts without loading Pagefind', async () => {
    const p = session.page;
    const fetched: string[] = [];
    p.on('request', (r) => fetched.push(new URL(r.url()).pathname));
    await p.goto(`${session.server.url}/sok/?organisation=Link%C3%B6pings+kommun&sortering=belopp-hogst`);
    await announced(p, '3 träffar.');
    await p.locator('#sok-filtergrupper input[name="typ"]').first().check();
    await p.waitForFunction(() => document.getElementById('sok-resultat')?.dataset['run'] === '2');
    expect(fetched.filter((f) => f.includes('/pagefind/'))).toEqual([]);
    expect(fetched).toContain('/sok/tabell.json');
    // Sorted by amount: the amounts are fetched for it.
    expect(fetched).toContain('/sok/kolumner/belopp.json');
    // Newest first is the row order; the dates are fetched to sort oldest first.
    expect(fetched).not.toContain('/sok/kolumner/datum.json');
    const shownBefore = await slugs(p);
    await p.locator('#sok-sortering').selectOption('aldst');
    await p.waitForFunction(() => document.getElementById('sok-resultat')?.dataset['run'] === '3');
    expect(fetched).toContain('/sok/kolumner/datum.json');
    const table = readTable(dir);
    const dateOf = new Map(readTableRows(dir).map((r, i) => [r.slug, table.decided[i] || table.start[i] || 0]));
    const oldestFirst = await slugs(p);
    expect([...oldestFirst].sort()).toEqual([...shownBefore].sort());
    const dates = oldestFirst.map((slug) => dateOf.get(slug)!).filter((d) => d > 0);
    expect(dates).toEqual([...dates].sort((a, b) => a - b));
    p.removeAllListeners('request');
  });

  it('narrows by decision day and amount, keeps both in the URL, and explains a value it does not understand', async () => {
    const p = session.page;
    await p.goto(`${session.server.url}/sok/`);
    await announced(p, '5 träffar.');
    await p.locator('#sok-beslutat-fran').fill('2019');
    await p.locator('#sok-belopp-fran').fill('100 000');
    await p.getByRole('button', { name: 'Använd datum och belopp' }).click();
    await announced(p, '2 träffar.');
    expect(new URL(p.url()).search).toBe('?beslutat-fran=2019&belopp-fran=100000');
    expect(await slugs(p)).toEqual(['lund-samordnad-samverkan-arbetsmarknad', 'linkstep-stangastaden-2020']);

    await p.locator('#sok-beslutat-till').fill('18 juni');
    await p.getByRole('button', { name: 'Använd datum och belopp' }).click();
    const error = p.locator('#sok-beslutat-till-fel');
    expect(await error.textContent()).toBe('Skriv ett datum som 2019, 2019-06 eller 2019-06-18.');
    expect(await p.locator('#sok-beslutat-till').getAttribute('aria-invalid')).toBe('true');
    expect(await p.evaluate(() => document.activeElement?.id)).toBe('sok-beslutat-till');
    expect(new URL(p.url()).search).toBe('?beslutat-fran=2019&belopp-fran=100000');

    await p.goBack();
    await announced(p, '5 träffar.');
    expect(await p.locator('#sok-beslutat-fran').inputValue()).toBe('');
  });

  it('fills a long filter group when it is opened, with counts, fetching its column only then', async () => {
    const p = session.page;
    const fetched: string[] = [];
    p.on('request', (r) => fetched.push(new URL(r.url()).pathname));
    await p.goto(`${session.server.url}/sok/`);
    await announced(p, '5 träffar.');
    const group = p.locator('#sok-filtergrupper details[data-key="part"]');
    expect(await group.getAttribute('open')).toBeNull();
    expect(await group.locator('input').count()).toBe(0);
    expect(fetched.filter((f) => f.startsWith('/sok/kolumner/'))).toEqual([]);
    // Held until the group has said that it is fetching its values.
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    await p.route('**/sok/kolumner/part.json', async (route) => {
      await held;
      await route.continue();
    });
    await group.locator('summary').click();
    await p.waitForFunction(
      () => document.querySelector('details[data-key="part"] .group-loading')?.textContent === 'Hämtar värdena …',
    );
    release();
    await p.waitForFunction(() => document.querySelectorAll('details[data-key="part"] input').length > 0);
    expect(await group.locator('.group-loading').count()).toBe(0);
    await p.unroute('**/sok/kolumner/part.json');
    expect(fetched).toContain('/sok/kolumner/part.json');
    const box = group.getByLabel(/^Linköpings Stadsmission \(1\)$/);
    await box.check();
    await announced(p, '1 träff.');
    expect(new URL(p.url()).searchParams.get('part')).toBe('Linköpings Stadsmission');
    p.removeAllListeners('request');
  });

  it('opens a link filtered by a long group with its column, and says so when the column cannot be loaded', async () => {
    const p = session.page;
    await p.goto(`${session.server.url}/sok/?part=Link%C3%B6pings+Stadsmission`);
    await announced(p, '1 träff.');
    const group = p.locator('#sok-filtergrupper details[data-key="part"]');
    expect(await group.getAttribute('open')).not.toBeNull();
    expect(await group.getByLabel(/^Linköpings Stadsmission \(1\)$/).isChecked()).toBe(true);

    await p.route('**/sok/kolumner/amne.json', (route) => route.abort());
    await p.goto(`${session.server.url}/sok/`);
    await announced(p, '5 träffar.');
    await p.locator('#sok-filtergrupper details[data-key="amne"] summary').click();
    await p.waitForFunction(() => !document.getElementById('sok-meddelande')?.hidden);
    expect(await p.locator('#sok-meddelande').textContent()).toContain('Sökningen kunde inte laddas');
    expect(await p.locator('details[data-key="amne"] .group-loading').count()).toBe(0);
    await p.unroute('**/sok/kolumner/amne.json');
  });

  it('downloads the hits as the lines of /data/arenden.csv, in the order shown', async () => {
    const p = session.page;
    await p.goto(`${session.server.url}/sok/?organisation=Link%C3%B6pings+kommun&sortering=aldst`);
    await announced(p, '3 träffar.');
    const [file] = await Promise.all([p.waitForEvent('download'), p.locator('#sok-ladda-csv').click()]);
    expect(file.suggestedFilename()).toBe('insyn-traffar.csv');
    const csv = await downloadText(file);
    const full = readFileSync(join(dir, 'data/arenden.csv'), 'utf8');
    const [header, ...lines] = full.split(/\r\n(?=[a-z0-9-]+,)/);
    const bySlug = new Map(lines.map((l) => [l.slice(0, l.indexOf(',')), l.replace(/\r\n$/, '')]));
    const shown = await slugs(p);
    expect(shown).toHaveLength(3);
    expect(csv).toBe(`${header}\r\n${shown.map((s) => `${bySlug.get(s)}\r\n`).join('')}`);
    expect(csv.startsWith('\uFEFFslug,url,title')).toBe(true);
  });
});
