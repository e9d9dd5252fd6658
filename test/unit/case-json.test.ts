import {
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { caseFiles, caseFilesLine, writeCaseFiles } from '../../src/postbuild/case-json.ts';
import { readPostbuildInput } from '../../src/postbuild/contract.ts';
import { writeIfChanged } from '../../src/postbuild/write-if-changed.ts';
import { casesFile, toJson } from '../../src/lib/export/json.ts';
import { caseSchema } from '../../src/lib/schema/case.ts';
import { validCase } from '../helpers/valid-case.ts';

describe('per-case JSON files from arenden.json', () => {
  it('writes one file per case, each equal to its entry in the full download plus the data version', () => {
    const data = caseSchema.parse(validCase());
    const cases = [
      { id: 'forsta', data },
      { id: 'andra', data: { ...data, title: 'Ett annat ärende' } },
    ];
    const full = casesFile(
      cases,
      (slug) => `https://insyn.example.se/arenden/${slug}/`,
      new Date('2026-11-23T12:00:00Z'),
      {
        commit: 'c'.repeat(40),
        short: 'cccccccc',
        committed: '2026-11-20',
        uncommitted: false,
        buildDate: '2026-11-23',
      },
    );
    const files = [...caseFiles(JSON.parse(toJson(full)))];
    expect(files.map(([path]) => path)).toEqual(['/data/arenden/forsta.json', '/data/arenden/andra.json']);
    expect(JSON.parse(files[1]![1])).toEqual({
      slug: 'andra',
      url: 'https://insyn.example.se/arenden/andra/',
      ...full.cases[1],
      version: {
        id: `${'c'.repeat(40)}/2026-11-23`,
        commit: 'c'.repeat(40),
        committed: '2026-11-20',
        uncommitted: false,
        buildDate: '2026-11-23',
      },
    });
    expect(files[0]![1]).toBe(toJson({ ...full.cases[0], version: full.version }));
  });
});

describe('writeIfChanged', () => {
  const dir = mkdtempSync(join(tmpdir(), 'insyn-case-json-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const earlier = new Date('2026-01-01T00:00:00Z');

  it('writes a missing file', () => {
    const file = join(dir, 'ny.json');
    expect(writeIfChanged(file, '{"a":1}\n')).toBe(true);
    expect(readFileSync(file, 'utf8')).toBe('{"a":1}\n');
  });

  it('writes a file whose text differs', () => {
    const file = join(dir, 'andrad.json');
    writeFileSync(file, '{"a":1}\n');
    expect(writeIfChanged(file, '{"a":2}\n')).toBe(true);
    expect(readFileSync(file, 'utf8')).toBe('{"a":2}\n');
  });

  it('leaves an unchanged file as it is, time and all', () => {
    const file = join(dir, 'samma.json');
    writeFileSync(file, '{"a":1}\n');
    utimesSync(file, earlier, earlier);
    expect(writeIfChanged(file, '{"a":1}\n')).toBe(false);
    expect(statSync(file).mtimeMs).toBe(earlier.getTime());
  });
});

describe('writeCaseFiles', () => {
  it("writes each case's file, keeps unchanged ones and removes the files of cases that are gone", () => {
    const site = mkdtempSync(join(tmpdir(), 'insyn-case-files-'));
    try {
      const data = caseSchema.parse(validCase());
      const version = {
        commit: 'c'.repeat(40),
        short: 'cccccccc',
        committed: '2026-11-20',
        uncommitted: false,
        buildDate: '2026-11-23',
      };
      const write = (ids: string[]) =>
        writeFileSync(
          join(site, 'data/arenden.json'),
          toJson(
            casesFile(
              ids.map((id) => ({ id, data })),
              (slug) => `https://insyn.example.se/arenden/${slug}/`,
              new Date('2026-11-23T12:00:00Z'),
              version,
            ),
          ),
        );
      mkdirSync(join(site, 'data/arenden'), { recursive: true });
      writeFileSync(join(site, 'data/arenden/borttagen.json'), '{}\n');
      write(['forsta', 'andra']);
      const first = writeCaseFiles(readPostbuildInput(site));
      expect(first).toEqual({ files: 2, written: 2, removed: 1 });
      expect(caseFilesLine(first)).toBe(
        '2 JSON-filer, en per ärende, i /data/arenden/ (2 nya eller ändrade, 1 borttagna)',
      );
      expect(readdirSync(join(site, 'data/arenden')).sort()).toEqual(['andra.json', 'forsta.json']);
      expect(JSON.parse(readFileSync(join(site, 'data/arenden/andra.json'), 'utf8')).slug).toBe('andra');

      write(['forsta', 'tredje']);
      const second = writeCaseFiles(readPostbuildInput(site));
      expect(second).toEqual({ files: 2, written: 1, removed: 1 });
      expect(caseFilesLine(second)).toBe(
        '2 JSON-filer, en per ärende, i /data/arenden/ (1 nya eller ändrade, 1 borttagna)',
      );
      expect(readdirSync(join(site, 'data/arenden')).sort()).toEqual(['forsta.json', 'tredje.json']);
    } finally {
      rmSync(site, { recursive: true, force: true });
    }
  });
});
