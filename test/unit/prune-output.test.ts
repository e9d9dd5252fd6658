/** Pruning the kept output (src/integrations/prune-output.ts): only what this build did not make goes. */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { fileSystemNow, pruneOutput, pruneStaleOutput, staleFiles } from '../../src/integrations/prune-output.ts';
import { listFiles } from '../helpers/site.ts';

const work = mkdtempSync(join(tmpdir(), 'insyn-prune-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('staleFiles', () => {
  it('picks files older than the build that are not its pages', () => {
    const files = [
      { path: 'arenden/kvar/index.html', mtimeMs: 100 },
      { path: 'arenden/borttagen/index.html', mtimeMs: 100 },
      { path: 'index.html', mtimeMs: 2_000 },
      { path: 'pagefind/fragment/gammal.pf_fragment', mtimeMs: 999 },
    ];
    expect(staleFiles(files, 1_000, new Set(['arenden/kvar/index.html', 'index.html']))).toEqual([
      'arenden/borttagen/index.html',
      'pagefind/fragment/gammal.pf_fragment',
    ]);
  });
});

describe('pruneOutput', () => {
  it("removes stale files and the folders they leave empty, keeps new files, kept pages, .git, Pagefind's folder and the per-case JSON", () => {
    const dir = join(work, 'dist');
    const write = (path: string, seconds?: number) => {
      mkdirSync(join(dir, path, '..'), { recursive: true });
      writeFileSync(join(dir, path), path);
      if (seconds !== undefined) utimesSync(join(dir, path), seconds, seconds);
    };
    write('arenden/kvar/index.html', 1_000);
    write('arenden/borttagen/index.html', 1_000);
    write('_astro/gammal.css', 1_000);
    write('.git/HEAD', 1_000);
    write('pagefind/fragment/sv_1a2b3c4.pf_fragment', 1_000);
    write('data/arenden/kvar.json', 1_000);
    write('data/arenden.json', 1_000);
    write('organisationer/borta/arenden/index.html', 1_000);
    write('index.html');
    const since = Date.now() - 60_000;
    expect(pruneOutput(dir, since, new Set(['arenden/kvar/index.html']))).toBe(4);
    // Folders left empty go, however deep; a folder still holding a file stays.
    expect(existsSync(join(dir, 'organisationer'))).toBe(false);
    expect(existsSync(join(dir, 'arenden/borttagen'))).toBe(false);
    expect(existsSync(join(dir, '_astro'))).toBe(false);
    expect(listFiles(dir)).toEqual([
      '.git/HEAD',
      'arenden/kvar/index.html',
      'data/arenden/kvar.json',
      'index.html',
      'pagefind/fragment/sv_1a2b3c4.pf_fragment',
    ]);
  });
});

describe('fileSystemNow', () => {
  it('reads the time the file system gives a new file, leaving nothing behind; later files are not older', () => {
    const dir = join(work, 'clock');
    const now = fileSystemNow(dir);
    expect(readdirSync(dir)).toEqual([]);
    writeFileSync(join(dir, 'ny.html'), 'x');
    expect(statSync(join(dir, 'ny.html')).mtimeMs).toBeGreaterThanOrEqual(now);
    expect(staleFiles([{ path: 'ny.html', mtimeMs: statSync(join(dir, 'ny.html')).mtimeMs }], now, new Set())).toEqual(
      [],
    );
  });
});

describe('pruneStaleOutput', () => {
  /**
   * Runs the integration's hooks as a build of `dir` would, with `write` as the build's own
   * writing, and `publicDir` as the site's `public/` folder (default: none on disk).
   */
  async function build(dir: string, write: () => void, publicDir = join(work, 'no-public')): Promise<string[]> {
    const logged: string[] = [];
    const hooks = pruneStaleOutput().hooks as Record<string, (options: unknown) => unknown>;
    const url = pathToFileURL(`${dir}/`);
    await hooks['astro:config:done']!({ config: { outDir: url, publicDir: pathToFileURL(`${publicDir}/`) } });
    await hooks['astro:build:start']!({});
    write();
    await hooks['astro:build:done']!({
      dir: url,
      assets: new Map([['/', [new URL('index.html', url)]]]),
      logger: { info: (m: string) => logged.push(m) },
    });
    return logged;
  }
  /** A file with a time long before any build: as an earlier build left it, or as a copy that kept its source's time. */
  const oldFile = (path: string) => {
    mkdirSync(join(path, '..'), { recursive: true });
    writeFileSync(path, 'x');
    utimesSync(path, 1_000, 1_000);
  };

  it('removes what an earlier build left in the output', async () => {
    const dir = join(work, 'kept-output');
    oldFile(join(dir, 'arenden/borttagen/index.html'));
    const logged = await build(dir, () => writeFileSync(join(dir, 'index.html'), 'ny'));
    expect(listFiles(dir)).toEqual(['index.html']);
    expect(logged).toEqual(['1 filer från tidigare byggen som inte längre hör till webbplatsen togs bort']);
  });

  it("keeps the files of public/, which Astro copies with their source's older time", async () => {
    const dir = join(work, 'public-output');
    const publicDir = join(work, 'public');
    oldFile(join(publicDir, 'favicon.svg'));
    oldFile(join(publicDir, 'dokument/beslut.pdf'));
    // As Astro 7.4 leaves them: copied before, their times set back to the source's.
    oldFile(join(dir, 'favicon.svg'));
    oldFile(join(dir, 'dokument/beslut.pdf'));
    oldFile(join(dir, 'dokument/borttaget.pdf'));
    const logged = await build(dir, () => writeFileSync(join(dir, 'index.html'), 'ny'), publicDir);
    expect(listFiles(dir)).toEqual(['dokument/beslut.pdf', 'favicon.svg', 'index.html']);
    expect(logged).toEqual(['1 filer från tidigare byggen som inte längre hör till webbplatsen togs bort']);
  });

  it('keeps _headers, which the security headers write again after pruning, and says nothing was removed', async () => {
    const dir = join(work, 'headers-output');
    oldFile(join(dir, '_headers'));
    const logged = await build(dir, () => writeFileSync(join(dir, 'index.html'), 'ny'));
    expect(listFiles(dir)).toEqual(['_headers', 'index.html']);
    expect(logged).toEqual([]);
  });

  it("leaves everything when the output was empty as the build started: all of it is this build's", async () => {
    const dir = join(work, 'cold-output');
    const logged = await build(dir, () => {
      writeFileSync(join(dir, 'index.html'), 'ny');
      oldFile(join(dir, 'kopierad/fil.txt'));
    });
    expect(listFiles(dir)).toEqual(['index.html', 'kopierad/fil.txt']);
    expect(logged).toEqual([]);
  });
});
