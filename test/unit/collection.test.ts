/**
 * The case files as a set (src/lib/content/collection.ts): the one rule for
 * which files are case files, and the one pipeline every tool validates with.
 */
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import {
  CASES_PER_TURN,
  isCaseFile,
  validateCaseFiles,
  validCases,
  validCasesInTurns,
} from '../../src/lib/content/collection.ts';
import type { CaseError } from '../../src/lib/validate/errors.ts';
import type { CaseData } from '../../src/lib/schema/case.ts';
import { validCase } from '../helpers/valid-case.ts';

const source = (data: unknown) => `---\n${stringify(data)}---\n\nText.\n`;
const withDocument = (href: string) => ({ ...validCase(), documents: [{ title: 'Beslut', href }] });

describe('isCaseFile', () => {
  it.each([
    ['2020/avtal.mdx', true],
    ['avtal.mdx', true],
    ['2020/Avtal.MD', true],
    ['README.md', false],
    ['2020/readme.md', false],
    ['.utkast/avtal.mdx', false],
    ['2020/.avtal.mdx', false],
  ])('%s → %s (a misnamed file is still a case file, so it is reported, never skipped)', (path, expected) => {
    expect(isCaseFile(path)).toBe(expected);
  });
});

describe('validateCaseFiles', () => {
  const files = { 'c/2020/a.mdx': source(validCase()), 'c/2021/a.mdx': source(validCase()) };
  const read = (file: string) => files[file as keyof typeof files];

  it('reports a slug clash with the other file as data, also when only the earlier file is checked', () => {
    const all = Object.keys(files);
    for (const checked of all) {
      const { errors } = validateCaseFiles({ files: [checked], allFiles: all, read, publicFileExists: () => true });
      expect(errors).toHaveLength(1);
      expect(errors[0]).toMatchObject({ file: 'c/2021/a.mdx', otherFile: 'c/2020/a.mdx', field: 'filnamn' });
    }
  });

  it('leaves out a clash between two files neither of which is checked', () => {
    const { errors, cases } = validateCaseFiles({
      files: [],
      allFiles: Object.keys(files),
      read,
      publicFileExists: () => true,
    });
    expect(errors).toEqual([]);
    expect(cases).toEqual([]);
  });

  it('does not parse a known file again, but checks its documents under public/ again', () => {
    const text = source(withDocument('/dokument/beslut.pdf'));
    const known = withDocument('/dokument/beslut.pdf') as unknown as CaseData;
    const run = (exists: boolean) =>
      validateCaseFiles({
        files: ['c/2020/b.mdx'],
        read: () => text,
        publicFileExists: () => exists,
        known: () => ({ data: known, facts: { links: [], corrections: [], quotes: [] } }),
      });
    const kept = run(true);
    expect(kept.errors).toEqual([]);
    expect(kept.cases).toMatchObject([{ slug: 'b', known: true, data: known }]);
    const gone = run(false);
    expect(gone.cases).toEqual([]);
    expect(gone.errors).toMatchObject([
      {
        file: 'c/2020/b.mdx',
        field: 'documents[0].href',
        message: 'filen /dokument/beslut.pdf finns inte under public/',
        expected: 'en fil som finns: lägg den i public/dokument/beslut.pdf, eller ange en fullständig webbadress',
      },
    ]);
  });

  it('refuses a known file whose correction is dated after the build day, as a parsed file is refused', () => {
    const correction = { date: '2026-11-24', html: '<p>Rättat.</p>', line: 30 };
    const { cases, errors } = validateCaseFiles({
      files: ['c/2020/b.mdx'],
      read: () => source(validCase()),
      publicFileExists: () => true,
      today: '2026-11-23',
      known: () => ({
        data: validCase() as unknown as CaseData,
        facts: { links: [], corrections: [correction], quotes: [] },
      }),
    });
    expect(cases).toEqual([]);
    expect(errors).toEqual([
      {
        file: 'c/2020/b.mdx',
        line: 30,
        field: 'brödtext <Rättelse>',
        message: 'datum: datumet är senare än i dag (2026-11-23)',
        found: '2026-11-24',
        expected: 'dagen för rättelsen som ÅÅÅÅ-MM-DD, en dag som finns i kalendern och inte är senare än i dag',
        example: 'datum="2026-11-23"',
      },
    ]);
  });

  it('parses an unknown file with every rule and names the line of a missing document', () => {
    const { errors } = validateCaseFiles({
      files: ['c/2020/b.mdx'],
      read: () => source(withDocument('/dokument/saknas.pdf')),
      publicFileExists: () => false,
    });
    expect(errors).toHaveLength(1);
    expect(errors[0]!.field).toBe('documents[0].href');
    expect(errors[0]!.line).toBeGreaterThan(2);
  });
});

describe('validCases', () => {
  it('reads each file only when the one before it has been taken, and collects every error', () => {
    const texts: Record<string, string> = {
      'c/2020/a.mdx': source(validCase()),
      'c/2020/b.mdx': '---\ntitle: [\n---\n',
      'c/2020/c.mdx': source(validCase()),
    };
    const read: string[] = [];
    const errors: CaseError[] = [];
    const cases = validCases(
      {
        files: Object.keys(texts),
        read: (file) => {
          read.push(file);
          return texts[file]!;
        },
        publicFileExists: () => true,
      },
      errors,
    );
    expect(read).toEqual([]);
    expect(cases.next().value).toMatchObject({ slug: 'a', file: 'c/2020/a.mdx' });
    expect(read).toEqual(['c/2020/a.mdx']);
    expect(cases.next().value).toMatchObject({ slug: 'c', file: 'c/2020/c.mdx' });
    expect(read).toEqual(['c/2020/a.mdx', 'c/2020/b.mdx', 'c/2020/c.mdx']);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ file: 'c/2020/b.mdx', field: '(frontmatter)' });
    expect(cases.next().done).toBe(true);
  });
});

describe('validCasesInTurns', () => {
  it('yields what validCases yields, and lets the event loop turn every CASES_PER_TURN cases', async () => {
    const files = Array.from({ length: CASES_PER_TURN + 1 }, (_, i) => `c/2020/fall-${i}.mdx`);
    files.splice(1, 0, 'c/2020/trasig.mdx');
    const read = (file: string) => (file.endsWith('trasig.mdx') ? '---\ntitle: [\n---\n' : source(validCase()));
    let turns = 0;
    let ticking = true;
    const tick = () => {
      turns++;
      if (ticking) setImmediate(tick);
    };
    setImmediate(tick);
    const errors: CaseError[] = [];
    const yielded: { slug: string; turns: number }[] = [];
    try {
      for await (const c of validCasesInTurns({ files, read, publicFileExists: () => true }, errors))
        yielded.push({ slug: c.slug, turns });
    } finally {
      ticking = false;
    }
    const expected: CaseError[] = [];
    const plain = [...validCases({ files, read, publicFileExists: () => true }, expected)].map((c) => c.slug);
    expect(yielded.map((y) => y.slug)).toEqual(plain);
    expect(plain).toHaveLength(CASES_PER_TURN + 1);
    expect(errors).toEqual(expected);
    expect(errors).toMatchObject([{ file: 'c/2020/trasig.mdx', field: '(frontmatter)' }]);
    // No turn within the first CASES_PER_TURN - 1 cases; one before the next is handed over.
    expect(yielded[CASES_PER_TURN - 2]!.turns).toBe(0);
    expect(yielded[CASES_PER_TURN - 1]!.turns).toBeGreaterThan(0);
  });
});
