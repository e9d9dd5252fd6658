/** What the steps after Astro receive (src/postbuild/contract.ts). */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkPagefindVersion, pagefindVersion } from '../../src/postbuild/pagefind-format.ts';
import { indexRows, readPostbuildInput } from '../../src/postbuild/contract.ts';
import { casesFile, toJson } from '../../src/lib/export/json.ts';
import { caseSchema } from '../../src/lib/schema/case.ts';
import { validCase } from '../helpers/valid-case.ts';

const site = mkdtempSync(join(tmpdir(), 'insyn-postbuild-'));
afterAll(() => rmSync(site, { recursive: true, force: true }));

describe('readPostbuildInput and indexRows', () => {
  it('hands over every case of /data/arenden.json in its order, with its decision year', () => {
    const data = caseSchema.parse(validCase());
    const { decided: _decided, ...undecided } = data;
    const cases = [
      { id: 'nyast', data: { ...data, decided: '2024-03-01' } },
      { id: 'aldre', data: { ...data, decided: '2019-12' } },
      { id: 'utan-beslut', data: { ...undecided, status: 'proposed' as const } },
    ];
    mkdirSync(join(site, 'data'), { recursive: true });
    const version = { commit: null, short: null, committed: null, uncommitted: true, buildDate: '2026-11-23' };
    writeFileSync(
      join(site, 'data/arenden.json'),
      toJson(casesFile(cases, (slug) => `https://x.se/arenden/${slug}/`, new Date('2026-11-23'), version as never)),
    );
    const input = readPostbuildInput(site);
    expect(input.siteDir).toBe(site);
    expect(input.cases.count).toBe(3);
    expect(indexRows(input)).toEqual([
      { slug: 'nyast', year: 2024 },
      { slug: 'aldre', year: 2019 },
      { slug: 'utan-beslut', year: undefined },
    ]);
  });

  it('says in Swedish which file is missing when Astro did not write the download', () => {
    expect(() => readPostbuildInput(join(site, 'saknas'))).toThrow(/data\/arenden\.json saknas/);
  });
});

describe('checkPagefindVersion', () => {
  it('accepts the installed Pagefind, whose file formats the build reads', () => {
    expect(() => checkPagefindVersion(pagefindVersion())).not.toThrow();
  });

  it('stops on a version whose formats were not checked, saying what to do', () => {
    expect(() => checkPagefindVersion('1.7.0')).toThrow(/Pagefind 1\.7\.0 är installerat.*CHECKED_PAGEFIND/s);
    expect(() => checkPagefindVersion('2.0.0')).toThrow(/npm install pagefind@1\.6/);
  });
});
