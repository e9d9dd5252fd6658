/**
 * The editor's bundles kept between builds (src/lib/editor/bundle-cache.ts), with
 * esbuild itself on a two-file project in a temporary folder: the same sources are
 * copied from the cache with the bytes a new bundle has; a changed source, other
 * options, another plugin behaviour or a damaged cache bundle again.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { type CacheableOptions, cachedBundle } from '../../src/lib/editor/bundle-cache.ts';

const root = mkdtempSync(join(tmpdir(), 'insyn-bundle-cache-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

let runs = 0;
/** A project with an entry that imports a second module, lazily (a chunk of its own). */
function project(): { dir: string; options: (outdir: string) => CacheableOptions; cache: string } {
  const dir = join(root, `p${runs++}`);
  mkdirSync(join(dir, 'src'), { recursive: true });
  writeFileSync(join(dir, 'src', 'main.ts'), "export const load = () => import('./part.ts');\n");
  writeFileSync(join(dir, 'src', 'part.ts'), "export const part: string = 'första';\n");
  return {
    dir,
    cache: join(dir, 'cache', 'main'),
    options: (outdir) => ({
      absWorkingDir: dir,
      entryPoints: { main: join(dir, 'src', 'main.ts') },
      outdir,
      bundle: true,
      splitting: true,
      format: 'esm',
      chunkNames: 'delar/[name]-[hash]',
      logLevel: 'silent',
    }),
  };
}

const read = (dir: string, files: string[]) =>
  Object.fromEntries(files.map((f) => [f, readFileSync(join(dir, f), 'utf8')]));

describe('a bundle kept between builds', () => {
  it('is copied from the cache while its sources and options are the same, with the same bytes', async () => {
    const p = project();
    const first = await cachedBundle(p.options(join(p.dir, 'out1')), p.cache, 'x');
    expect(first.fromCache).toBe(false);
    expect(first.outputs.sort()).toEqual([expect.stringMatching(/^delar\/part-\w+\.js$/), 'main.js']);
    const again = await cachedBundle(p.options(join(p.dir, 'out2')), p.cache, 'x');
    expect(again.fromCache).toBe(true);
    expect(again.outputs.sort()).toEqual(first.outputs.sort());
    expect(read(join(p.dir, 'out2'), again.outputs)).toEqual(read(join(p.dir, 'out1'), first.outputs));
  });

  it('is bundled again when a source it read changed, and the new bundle is kept', async () => {
    const p = project();
    await cachedBundle(p.options(join(p.dir, 'out1')), p.cache, 'x');
    writeFileSync(join(p.dir, 'src', 'part.ts'), "export const part: string = 'andra';\n");
    const changed = await cachedBundle(p.options(join(p.dir, 'out2')), p.cache, 'x');
    expect(changed.fromCache).toBe(false);
    const text = Object.values(read(join(p.dir, 'out2'), changed.outputs)).join('');
    expect(text).toContain('andra');
    expect(text).not.toContain('första');
    expect((await cachedBundle(p.options(join(p.dir, 'out3')), p.cache, 'x')).fromCache).toBe(true);
  });

  it('is bundled again with other options, another plugin behaviour or another lock file', async () => {
    const p = project();
    await cachedBundle(p.options(join(p.dir, 'out1')), p.cache, 'x');
    const minified = await cachedBundle({ ...p.options(join(p.dir, 'out2')), minify: true }, p.cache, 'x');
    expect(minified.fromCache).toBe(false);
    expect((await cachedBundle(p.options(join(p.dir, 'out3')), p.cache, 'y')).fromCache).toBe(false);
    writeFileSync(join(p.dir, 'package-lock.json'), '{"lockfileVersion":3}\n');
    expect((await cachedBundle(p.options(join(p.dir, 'out4')), p.cache, 'y')).fromCache).toBe(false);
    expect((await cachedBundle(p.options(join(p.dir, 'out5')), p.cache, 'y')).fromCache).toBe(true);
  });

  it('is bundled again, not half copied, when the kept files are damaged', async () => {
    const p = project();
    const first = await cachedBundle(p.options(join(p.dir, 'out1')), p.cache, 'x');
    rmSync(join(p.cache, 'files', 'main.js'));
    const again = await cachedBundle(p.options(join(p.dir, 'out2')), p.cache, 'x');
    expect(again.fromCache).toBe(false);
    expect(read(join(p.dir, 'out2'), again.outputs)).toEqual(read(join(p.dir, 'out1'), first.outputs));
    writeFileSync(join(p.cache, 'manifest.json'), '{');
    expect((await cachedBundle(p.options(join(p.dir, 'out3')), p.cache, 'x')).fromCache).toBe(false);
  });
});
