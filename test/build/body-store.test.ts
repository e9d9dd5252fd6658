/**
 * Rendered bodies live outside Astro's data store (src/lib/content/body-store.ts).
 * With a kept cache: an unchanged rebuild renders nothing again and still
 * publishes every body; a lost body file is rendered again, never published empty;
 * a changed case replaces its old body file.
 */
import { appendFileSync, cpSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BODY_DIR } from '../../src/lib/content/body-store.ts';
import { buildSite, readPage, ROOT, textOf } from '../helpers/site.ts';

const work = mkdtempSync(join(tmpdir(), 'insyn-body-cache-'));
const cacheDir = join(work, 'cache');
const CASES = `.bench/body-store-${process.pid}/cases`;
cpSync(join(ROOT, 'content/cases'), join(ROOT, CASES), { recursive: true });
afterAll(() => {
  rmSync(work, { recursive: true, force: true });
  rmSync(join(ROOT, `.bench/body-store-${process.pid}`), { recursive: true, force: true });
});

const build = () => buildSite({ cases: CASES, outDir: join(work, 'dist'), env: { INSYN_CACHE_DIR: cacheDir } });
const bodies = () => readdirSync(join(cacheDir, BODY_DIR)).sort();
const body = (outDir: string) => textOf(readPage(outDir, '/arenden/linkstep-stangastaden-2020/')).split('Beskrivning')[1] ?? '';

describe('bodies kept outside the data store', () => {
  it('publishes every body from its file, across rebuilds with a kept cache', async () => {
    const first = await build();
    expect(first.ok, first.output).toBe(true);
    expect(first.output).toContain('5 ärenden inlästa (5 renderade, 0 oförändrade)');
    expect(bodies()).toHaveLength(5);
    expect(body(first.outDir)).toContain('Det kommunala bostadsbolaget AB Stångåstaden startade Linkstep');

    const again = await build();
    expect(again.ok, again.output).toBe(true);
    expect(again.output).toContain('5 ärenden inlästa (0 renderade, 5 oförändrade)');
    expect(body(again.outDir)).toContain('Det kommunala bostadsbolaget AB Stångåstaden startade Linkstep');
  });

  it('renders a lost body file again instead of publishing an empty body', async () => {
    const lost = bodies().find((f) => f.startsWith('linkstep-stangastaden-2020.'))!;
    rmSync(join(cacheDir, BODY_DIR, lost));
    const result = await build();
    expect(result.ok, result.output).toBe(true);
    expect(result.output).toContain('5 ärenden inlästa (1 renderade, 4 oförändrade)');
    expect(existsSync(join(cacheDir, BODY_DIR, lost))).toBe(true);
    expect(body(result.outDir)).toContain('Det kommunala bostadsbolaget AB Stångåstaden startade Linkstep');
  });

  it('replaces the body file of a changed case', async () => {
    const before = bodies().find((f) => f.startsWith('linkstep-stangastaden-2020.'))!;
    appendFileSync(join(ROOT, CASES, '2019/linkstep-stangastaden-2020.mdx'), '\nEn ny mening i beskrivningen.\n');
    const result = await build();
    expect(result.ok, result.output).toBe(true);
    expect(result.output).toContain('5 ärenden inlästa (1 renderade, 4 oförändrade)');
    const after = bodies();
    expect(after).toHaveLength(5);
    expect(after).not.toContain(before);
    expect(body(result.outDir)).toContain('En ny mening i beskrivningen.');
  });
});
