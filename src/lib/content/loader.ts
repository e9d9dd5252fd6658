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
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Loader, LoaderContext } from 'astro/loaders';
import { caseSchema } from '../schema/case.ts';
import { CaseValidationError, type CaseError } from '../validate/errors.ts';
import { bodyFileOf, bodyFilePath, removeBodyFile, writeBodyFile } from './body-store.ts';
import { CASES_DIR, duplicateSlugErrors, listCaseFiles, publicFileChecker } from './collection.ts';
import { parseCase, slugOf } from './parse-case.ts';
import { RENDERER_VERSION, renderBody } from './render-body.ts';

export interface CasesLoaderOptions {
  /** Directory of case files relative to the project root. */
  dir?: string | undefined;
}

async function load(ctx: LoaderContext, dir: string): Promise<void> {
  const { store, generateDigest, config, logger } = ctx;
  const root = fileURLToPath(config.root).replace(/\/$/, '');
  const cacheDir = fileURLToPath(config.cacheDir);
  const files = listCaseFiles(root, dir);
  const publicFileExists = publicFileChecker(root);
  const errors: CaseError[] = duplicateSlugErrors(files);
  const seen = new Set<string>();
  let rendered = 0;
  for (const file of files) {
    const slug = slugOf(file);
    seen.add(slug);
    const source = readFileSync(`${root}/${file}`, 'utf8');
    const digest = generateDigest(`${RENDERER_VERSION}\n${file}\n${source}`);
    const existing = store.get(slug);
    const existingBody = existing ? bodyFileOf(existing) : undefined;
    if (existing?.digest === digest && existingBody !== undefined && existsSync(existingBody)) {
      // Unchanged; documents under public/ may still have been removed.
      const docs = (existing.data as { documents?: { href?: string }[] }).documents ?? [];
      docs.forEach((d, i) => {
        if (d.href?.startsWith('/') && !publicFileExists(d.href)) {
          errors.push({ file, field: `documents[${i}].href`, message: `filen ${d.href} finns inte under public/`, found: d.href, expected: `lägg filen i public${d.href}, eller ange en fullständig webbadress`, example: 'href: https://www.linkoping.se/dokument/beslut.pdf' });
        }
      });
      continue;
    }
    const result = parseCase(file, source, { publicFileExists });
    errors.push(...result.errors);
    if (!result.parsed) {
      store.delete(slug);
      removeBodyFile(existingBody);
      continue;
    }
    const { html, headings } = renderBody(result.parsed.body);
    rendered++;
    const bodyFile = bodyFilePath(cacheDir, slug, digest);
    writeBodyFile(bodyFile, html);
    if (existingBody !== bodyFile) removeBodyFile(existingBody);
    store.set({
      id: slug,
      data: result.parsed.data,
      filePath: file,
      digest,
      rendered: { html: '', metadata: { headings, bodyFile } },
    });
  }
  for (const id of store.keys()) {
    if (seen.has(id)) continue;
    const gone = store.get(id);
    store.delete(id);
    removeBodyFile(gone ? bodyFileOf(gone) : undefined);
  }
  if (errors.length > 0) throw new CaseValidationError(errors);
  logger.info(`${files.length} ärenden inlästa (${rendered} renderade, ${files.length - rendered} oförändrade)`);
}

/** The loader for `content/cases/<year>/<slug>.mdx`. */
export function casesLoader(options: CasesLoaderOptions = {}): Loader & { schema: typeof caseSchema } {
  const dir = options.dir ?? CASES_DIR;
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
