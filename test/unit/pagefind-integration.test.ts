/**
 * The Pagefind step of the build, with Pagefind's API replaced by a fake:
 * every error Pagefind reports, in any step, fails with its message and
 * the step; the service is closed whatever happens.
 */
import { describe, expect, it } from 'vitest';
import {
  buildSearchIndex,
  checked,
  type PagefindApi,
  PagefindBuildError,
  pagefindSearch,
} from '../../src/integrations/pagefind.ts';

interface FakeOptions {
  createErrors?: string[];
  noIndex?: boolean;
  addErrors?: string[];
  writeErrors?: string[];
  throwIn?: 'addDirectory';
}

function fakeApi(o: FakeOptions = {}) {
  const calls: string[] = [];
  const api = {
    createIndex: async () => {
      calls.push('createIndex');
      if (o.noIndex || o.createErrors) return { errors: o.createErrors ?? [] };
      return {
        errors: [],
        index: {
          addDirectory: async ({ path, glob }: { path: string; glob?: string }) => {
            calls.push(`addDirectory ${path} ${glob}`);
            if (o.throwIn === 'addDirectory') throw new Error('tjänsten avslutades oväntat');
            return { errors: o.addErrors ?? [], page_count: 5 };
          },
          writeFiles: async ({ outputPath }: { outputPath: string }) => {
            calls.push(`writeFiles ${outputPath}`);
            return { errors: o.writeErrors ?? [], outputPath };
          },
        },
      };
    },
    close: async () => {
      calls.push('close');
      return null;
    },
  } as unknown as PagefindApi;
  return { api, calls };
}

describe('checked', () => {
  it('passes a response without errors through and throws one with errors', () => {
    const ok = { errors: [], page_count: 3 };
    expect(checked('addDirectory', ok)).toBe(ok);
    expect(() => checked('writeFiles', { errors: ['disken är full', 'fel 2'] })).toThrow(
      'Sökindexet kunde inte byggas: Pagefind rapporterade fel i steget writeFiles:\n  - disken är full\n  - fel 2',
    );
  });
});

describe('buildSearchIndex', () => {
  it('creates the index, adds the site, writes /pagefind and closes', async () => {
    const { api, calls } = fakeApi();
    await expect(buildSearchIndex('/site', api)).resolves.toEqual({ pages: 5, outputPath: '/site/pagefind' });
    // The fake writes no files, so the new index's file list cannot be read: it is written
    // again into an empty folder rather than leaving files of an earlier index.
    expect(calls).toEqual([
      'createIndex',
      'addDirectory /site arenden/*/index.html',
      'writeFiles /site/pagefind',
      'writeFiles /site/pagefind',
      'close',
    ]);
  });

  const failures: [string, FakeOptions, string, string][] = [
    ['createIndex reports an error', { createErrors: ['okänd inställning'] }, 'createIndex', 'okänd inställning'],
    ['createIndex gives no index', { noIndex: true }, 'createIndex', 'Pagefind gav inget index tillbaka'],
    [
      'addDirectory reports an error',
      { addErrors: ['kunde inte läsa /site/x.html'] },
      'addDirectory',
      'kunde inte läsa /site/x.html',
    ],
    ['writeFiles reports an error', { writeErrors: ['behörighet saknas'] }, 'writeFiles', 'behörighet saknas'],
    ['a step throws', { throwIn: 'addDirectory' }, 'addDirectory', 'tjänsten avslutades oväntat'],
  ];

  for (const [name, options, step, cause] of failures) {
    it(`fails the build when ${name}, and still closes Pagefind`, async () => {
      const { api, calls } = fakeApi(options);
      const error = await buildSearchIndex('/site', api).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(PagefindBuildError);
      expect((error as PagefindBuildError).step).toBe(step);
      expect((error as PagefindBuildError).message).toBe(
        `Sökindexet kunde inte byggas: Pagefind rapporterade fel i steget ${step}:\n  - ${cause}`,
      );
      expect(calls.at(-1)).toBe('close');
      if (step !== 'writeFiles') expect(calls.some((c) => c.startsWith('writeFiles'))).toBe(false);
    });
  }
});

describe('the Astro integration', () => {
  it('rejects astro:build:done with the cause, which fails the build', async () => {
    const { api } = fakeApi({ addErrors: ['ogiltig HTML i arenden/x/index.html'] });
    const hook = pagefindSearch(api).hooks['astro:build:done'] as unknown as (p: {
      dir: URL;
      logger: unknown;
    }) => Promise<void>;
    const logger = { info: () => undefined };
    await expect(hook({ dir: new URL('file:///site/'), logger })).rejects.toThrow(
      'steget addDirectory:\n  - ogiltig HTML i arenden/x/index.html',
    );
  });

  it('logs what it indexed when all goes well', async () => {
    const { api } = fakeApi();
    const lines: string[] = [];
    const hook = pagefindSearch(api).hooks['astro:build:done'] as unknown as (p: {
      dir: URL;
      logger: unknown;
    }) => Promise<void>;
    await hook({ dir: new URL('file:///site/'), logger: { info: (l: string) => lines.push(l) } });
    expect(lines).toEqual(['Sökindex: 5 ärendesidor indexerade, skrivet till /site/pagefind']);
  });
});
