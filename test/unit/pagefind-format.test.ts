/** Keeping unchanged Pagefind files between builds (src/postbuild/pagefind-format.ts). */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { removeUnusedIndexFiles, usedIndexFiles } from '../../src/postbuild/pagefind-format.ts';
import { listFiles } from '../helpers/site.ts';

const work = mkdtempSync(join(tmpdir(), 'insyn-pagefind-files-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** A Pagefind folder whose entry names meta `sv_meta01` listing the given hashes (CBOR-like bytes around them). */
function folder(name: string, listed: string[], files: string[], pageCount = 2): string {
  const dir = join(work, name);
  for (const f of [...files, 'pagefind.js']) {
    mkdirSync(join(dir, f, '..'), { recursive: true });
    writeFileSync(join(dir, f), f);
  }
  writeFileSync(
    join(dir, 'pagefind-entry.json'),
    JSON.stringify({ version: '1.6.0', languages: { sv: { hash: 'sv_meta01', wasm: 'sv', page_count: pageCount } } }),
  );
  const meta = Buffer.concat([
    Buffer.from('pagefind_dcd\x86e1.6.0'),
    ...listed.map((h) => Buffer.from(`\x83j${h}\x19\x01\x85\x60`, 'latin1')),
  ]);
  writeFileSync(join(dir, 'pagefind.sv_meta01.pf_meta'), gzipSync(meta));
  return dir;
}

describe('Pagefind files of earlier indexes', () => {
  it('reads the hashes the index uses from its entry and meta files', () => {
    const dir = folder('read', ['sv_aaaaaa1', 'sv_bbbbbb2', 'sv_cccccc3'], []);
    const used = usedIndexFiles(dir);
    expect([...used.hashes].sort()).toEqual(['sv_aaaaaa1', 'sv_bbbbbb2', 'sv_cccccc3']);
    expect([...used.metaFiles]).toEqual(['pagefind.sv_meta01.pf_meta']);
  });

  it('removes unused fragments, chunks and meta files, and keeps the rest', () => {
    const dir = folder(
      'prune',
      ['sv_aaaaaa1', 'sv_bbbbbb2', 'sv_cccccc3'],
      [
        'fragment/sv_aaaaaa1.pf_fragment',
        'fragment/sv_bbbbbb2.pf_fragment',
        'fragment/sv_dddddd4.pf_fragment',
        'index/sv_cccccc3.pf_index',
        'filter/sv_eeeeee5.pf_filter',
        'pagefind.sv_old0001.pf_meta',
      ],
    );
    expect(removeUnusedIndexFiles(dir)).toBe(3);
    expect(listFiles(dir)).toEqual([
      'fragment/sv_aaaaaa1.pf_fragment',
      'fragment/sv_bbbbbb2.pf_fragment',
      'index/sv_cccccc3.pf_index',
      'pagefind-entry.json',
      'pagefind.js',
      'pagefind.sv_meta01.pf_meta',
    ]);
  });

  it('refuses a meta file that lists fewer files than the index has pages, and removes nothing', () => {
    const dir = folder('short', ['sv_aaaaaa1'], ['fragment/sv_dddddd4.pf_fragment'], 5);
    expect(() => removeUnusedIndexFiles(dir)).toThrow(
      'pagefind.sv_meta01.pf_meta listar 1 filer men indexet har 5 sidor',
    );
    expect(listFiles(dir)).toContain('fragment/sv_dddddd4.pf_fragment');
  });

  it('refuses a folder without an entry file', () => {
    const dir = join(work, 'empty');
    mkdirSync(dir);
    expect(() => usedIndexFiles(dir)).toThrow();
  });
});
