/**
 * Real Chromium for browser tests (test/helpers/chromium.ts) and axe-core run
 * inside the page.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser, Download, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, inject } from 'vitest';
import { connectChromium } from './chromium.ts';
import { type StaticServer, serve } from './static-server.ts';

export { CHROMIUM_PATH } from './chromium.ts';

/** A finished download's text (read through the connection: the file is the browser's). */
export async function downloadText(download: Download): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of await download.createReadStream()) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * The browser tests' Chromium: a connection to the one their global setup started
 * (setup-e2e.ts). Closing it closes this connection's contexts, not the browser.
 */
export function testBrowser(): Promise<Browser> {
  return connectChromium(inject('chromiumEndpoint'));
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[]; failureSummary?: string | undefined }[];
}

/** Runs axe-core (WCAG 2.0/2.1 A and AA, plus best practices) on the page; returns the violations. */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  await page.evaluate(axeSource);
  return page.evaluate(async () => {
    const axe = (
      globalThis as unknown as {
        axe: { run: (ctx: unknown, opts: unknown) => Promise<{ violations: AxeViolation[] }> };
      }
    ).axe;
    const result = await axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
      // Every violation is still reported in full; passes and incomplete results are
      // summarised instead of listing every node, which this check never reads.
      resultTypes: ['violations'],
    });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => ({ target: n.target, failureSummary: n.failureSummary })),
    }));
  });
}

/** A readable summary of violations for assertion messages. */
export function describeViolations(violations: AxeViolation[]): string {
  return violations
    .map((v) => `${v.id} (${v.impact}): ${v.help}\n  ${v.nodes.map((n) => n.target.join(' ')).join('\n  ')}`)
    .join('\n');
}

export interface BrowserSession {
  browser: Browser;
  server: StaticServer;
  /** One page, opened before the tests. */
  page: Page;
}

/**
 * For a test file: connects to the tests' Chromium and starts a static server for a
 * built site before its tests, with one open page, and closes both after them. After
 * each test, passed or failed, the page gets its first viewport and screen
 * media back, so no test inherits another's.
 */
export function browserSession(dir: string): BrowserSession {
  const session = {} as BrowserSession;
  let viewport: { width: number; height: number } | null = null;
  beforeAll(async () => {
    [session.browser, session.server] = await Promise.all([testBrowser(), serve(dir)]);
    session.page = await session.browser.newPage();
    viewport = session.page.viewportSize();
  });
  afterEach(async () => {
    if (!session.page || session.page.isClosed()) return;
    if (viewport) await session.page.setViewportSize(viewport);
    await session.page.emulateMedia({ media: null });
  });
  afterAll(async () => {
    await session.browser?.close();
    await session.server?.close();
  });
  return session;
}
