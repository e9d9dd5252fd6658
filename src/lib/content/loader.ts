/**
 * The case collection's content loader. Each file is read once, parsed,
 * validated (schema, cross-field rules, body policy, personnummer guard) and
 * its body rendered to HTML once; files whose content and renderer are
 * unchanged are skipped by digest. Any invalid file stops the build with
 * every error listed, in Swedish, with file, line and field.
 *
 * Rendered bodies are kept outside the data store, one file per case in the
 * cache dir (see body-store.ts): the store stays small enough to inline at
 * 100 000 cases. The case page reads a body with `caseBodyHtml(entry)`.
 * What the body says that other pages need (links to other cases,
 * corrections, quoted sources) is kept in the entry's
 * `rendered.metadata.facts`; read it with `bodyFactsOf(entry)`.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Loader, LoaderContext } from 'astro/loaders';
import { config as siteConfig } from '../config.ts';
import { slugOf } from '../core/slug.ts';
import { type CaseData, caseSchema } from '../schema/case.ts';
import { type CaseError, CaseValidationError } from '../validate/errors.ts';
import { bodyFactsOf, bodyFileOf, bodyFilePath, removeBodyFile, writeBodyFile } from './body-store.ts';
import { listCaseFiles, publicFileChecker, validCasesInTurns } from './collection.ts';
import { rendererVersion } from './render-body.ts';

export interface CasesLoaderOptions {
  /** Directory of case files relative to the project root. */
  dir?: string | undefined;
}

async function load(ctx: LoaderContext, dir: string): Promise<void> {
  const { store, generateDigest, config, logger } = ctx;
  const root = fileURLToPath(config.root).replace(/\/$/, '');
  const cacheDir = fileURLToPath(config.cacheDir);
  const files = listCaseFiles(root, dir);
  const digests = new Map<string, string>();
  // What a body's HTML depends on besides its text: the renderer's code and the base path of site links.
  const renderer = `${rendererVersion()}\n${siteConfig.base}`;
  const errors: CaseError[] = [];
  const cases = validCasesInTurns(
    {
      files,
      read: (file) => readFileSync(`${root}/${file}`, 'utf8'),
      publicFileExists: publicFileChecker(root),
      // Unchanged since the last load (same text and renderer) and its body is still on disk: not parsed again.
      known: (file, source) => {
        const digest = generateDigest(`${renderer}\n${file}\n${source}`);
        digests.set(file, digest);
        const existing = store.get(slugOf(file));
        const body = existing ? bodyFileOf(existing) : undefined;
        const facts = existing ? bodyFactsOf(existing) : undefined;
        return existing?.digest === digest && body !== undefined && facts !== undefined && existsSync(body)
          ? { data: existing.data as CaseData, facts }
          : undefined;
      },
    },
    errors,
  );
  const valid = new Set<string>();
  let rendered = 0;
  // One case at a time, with turns of the event loop for Sätteri's finalizers: its text and
  // HTML are garbage once its body is written.
  for await (const c of cases) {
    valid.add(c.slug);
    if (c.known) continue;
    const previous = store.get(c.slug);
    const existingBody = previous ? bodyFileOf(previous) : undefined;
    const digest = digests.get(c.file)!;
    const bodyFile = bodyFilePath(cacheDir, c.slug, digest);
    writeBodyFile(bodyFile, c.html);
    rendered++;
    if (existingBody !== bodyFile) removeBodyFile(existingBody);
    // A copy: the parsed strings are slices of the file's text, which would otherwise stay
    // in memory with the entry for the whole build (about 5 kB a case).
    const data = structuredClone(c.data);
    store.set({ id: c.slug, data, filePath: c.file, digest, rendered: { html: '', metadata: { bodyFile, facts: c.facts } } });
  }
  // Deleted and invalid files leave the store (and their bodies the cache).
  for (const id of store.keys()) {
    if (valid.has(id)) continue;
    const gone = store.get(id);
    removeBodyFile(gone ? bodyFileOf(gone) : undefined);
    store.delete(id);
  }
  if (errors.length > 0) throw new CaseValidationError(errors);
  logger.info(`${files.length} ärenden inlästa (${rendered} renderade, ${files.length - rendered} oförändrade)`);
}

/** The loader for `content/cases/<year>/<slug>.mdx`. */
export function casesLoader(options: CasesLoaderOptions = {}): Loader & { schema: typeof caseSchema } {
  const dir = options.dir ?? siteConfig.casesDir;
  return {
    name: 'insyn-cases',
    schema: caseSchema,
    load: async (ctx) => {
      await load(ctx, dir);
      ctx.watcher?.on('all', (_event, path) => {
        if (path.includes(`/${dir}/`) || path.includes('/public/')) {
          load(ctx, dir).catch((error: unknown) => ctx.logger.error(error instanceof Error ? error.message : String(error)));
        }
      });
    },
  };
}
