/**
 * The case files as a whole: finding them, and the rules that span files
 * (no two files share a slug). Shared by the loader and `npm run check`.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CaseError } from '../validate/errors.ts';
import { type ParsedCase, parseCase, slugOf } from './parse-case.ts';

/** Where case files live, relative to the repository root. */
export const CASES_DIR = 'content/cases';

/** Every file under content/cases (relative paths, sorted), skipping README and dotfiles. */
export function listCaseFiles(root: string, dir: string = CASES_DIR): string[] {
  const abs = join(root, dir);
  if (!existsSync(abs)) return [];
  return (readdirSync(abs, { recursive: true, withFileTypes: true }) as import('node:fs').Dirent[])
    .filter((d) => d.isFile() && !d.name.startsWith('.') && !/^readme\.md$/i.test(d.name))
    .map((d) => join(d.parentPath, d.name).slice(root.length + 1).split('\\').join('/'))
    .sort();
}

/** One error per file that shares its slug with an earlier file. */
export function duplicateSlugErrors(files: readonly string[]): CaseError[] {
  const first = new Map<string, string>();
  const errors: CaseError[] = [];
  for (const file of files) {
    const slug = slugOf(file);
    const earlier = first.get(slug);
    if (earlier === undefined) {
      first.set(slug, file);
      continue;
    }
    errors.push({
      file,
      field: 'filnamn',
      message: `sluggen "${slug}" används redan av ${earlier}`,
      found: slug,
      expected: 'ett filnamn som inget annat ärende har, oavsett år',
      example: `${slug}-2.mdx`,
    });
  }
  return errors;
}

/** Checks whether a site path (`/dokument/a.pdf`) is a file under public/. */
export function publicFileChecker(root: string): (sitePath: string) => boolean {
  return (sitePath) => {
    let decoded: string;
    try {
      decoded = decodeURIComponent(sitePath.split(/[?#]/)[0]!);
    } catch {
      return false;
    }
    if (decoded.includes('..')) return false;
    return existsSync(join(root, 'public', decoded));
  };
}

/** Reads and validates every case file under the root; lists every error in every file. */
export function validateAll(root: string, dir: string = CASES_DIR): { cases: ParsedCase[]; errors: CaseError[]; files: string[] } {
  const files = listCaseFiles(root, dir);
  const publicFileExists = publicFileChecker(root);
  const cases: ParsedCase[] = [];
  const errors: CaseError[] = duplicateSlugErrors(files);
  for (const file of files) {
    const result = parseCase(file, readFileSync(join(root, file), 'utf8'), { publicFileExists });
    errors.push(...result.errors);
    if (result.parsed) cases.push(result.parsed);
  }
  return { cases, errors, files };
}
