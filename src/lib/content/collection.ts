/**
 * The case files as a set: which files are case files, and the one
 * pipeline that validates a set of them (each file's schema, cross-field
 * rules, body policy and components, personnummer guard and documents
 * under `public/`, plus the rules across files: no two files share a slug,
 * and every `<Ärende slug="…">` names a case that exists). The build's loader, `npm run check`,
 * the pre-commit hook and `npm run new` all call `validateCaseFiles`.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { BUILD_DATE, config } from '../config.ts';
import { slugOf } from '../core/slug.ts';
import { isoDay } from '../core/partial-date.ts';
import type { CaseData } from '../schema/case.ts';
import { COMPONENTS } from '../validate/body-policy.ts';
import type { CaseError } from '../validate/errors.ts';
import { documentErrors, type ParsedCase, parseCase } from './parse-case.ts';
import type { BodyFacts } from './render-body.ts';

/**
 * Whether a path inside the cases directory (`2020/x.mdx`) is a case file:
 * every file except README files and anything under a dot-name. A file that
 * is not named `<slug>.mdx` is still a case file, so that it is reported,
 * never silently skipped.
 */
export function isCaseFile(pathInCasesDir: string): boolean {
  const parts = pathInCasesDir.split('/');
  return !parts.some((p) => p.startsWith('.')) && !/^readme\.md$/i.test(parts.at(-1) ?? '');
}

/** Every case file under the cases directory (paths relative to the root, sorted). */
export function listCaseFiles(root: string, dir: string = config.casesDir): string[] {
  const abs = join(root, dir);
  if (!existsSync(abs)) return [];
  return (readdirSync(abs, { recursive: true, withFileTypes: true }) as import('node:fs').Dirent[])
    .filter((d) => d.isFile())
    .map((d) => join(d.parentPath, d.name).slice(root.length + 1).split('\\').join('/'))
    .filter((f) => isCaseFile(f.slice(dir.replace(/\/+$/, '').length + 1)))
    .sort();
}

/** One error per file that shares its slug with an earlier file; `otherFile` names the earlier one. */
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
      otherFile: earlier,
      field: 'filnamn',
      message: `sluggen "${slug}" används redan av ${earlier}`,
      found: slug,
      expected: 'ett filnamn som inget annat ärende har, oavsett år',
      example: `${slug}-2.mdx`,
    });
  }
  return errors;
}

/**
 * Whether a site path (`/dokument/a.pdf`, query and fragment ignored) names a
 * file under public/, given how to test a path inside public/ (`/dokument/a.pdf`).
 * A path that does not decode or climbs out with `..` names nothing.
 */
export function publicFileCheck(existsInPublic: (path: string) => boolean): (sitePath: string) => boolean {
  return (sitePath) => {
    let decoded: string;
    try {
      decoded = decodeURIComponent(sitePath.split(/[?#]/)[0]!);
    } catch {
      return false;
    }
    return !decoded.includes('..') && existsInPublic(decoded);
  };
}

/** Checks whether a site path is a file under `<root>/public/` on disk. */
export function publicFileChecker(root: string): (sitePath: string) => boolean {
  return publicFileCheck((path) => existsSync(join(root, 'public', path)));
}

export interface CaseFileSet {
  /** The files to validate (paths relative to the root). */
  files: readonly string[];
  /** Every case file there is, for the slug rule (default: `files`). Slug clashes are reported when either file is in `files`. */
  allFiles?: readonly string[] | undefined;
  /** A file's text. */
  read: (file: string) => string;
  /** Whether a site path is a file under public/ (as the site will be published). */
  publicFileExists: (sitePath: string) => boolean;
  /**
   * The data and body facts of a file already validated with this exact text
   * (the loader's cache); such a file is not parsed again, only what may
   * have changed around it is checked again: its documents under public/,
   * the cases it links to, its corrections against the build day.
   */
  known?: ((file: string, source: string) => KnownCase | undefined) | undefined;
  /** The build day, `YYYY-MM-DD` (default: the configured build date). */
  today?: string | undefined;
}

/** What the loader's cache keeps of a validated file. */
export interface KnownCase {
  data: CaseData;
  facts: BodyFacts;
}

export interface ValidatedCase extends ParsedCase {
  source: string;
  /** Whether `known` gave the data (the body is then neither split out nor rendered again: `body` and `html` are empty). */
  known: boolean;
}

/** Errors for `<Ärende slug="…">` links to cases that do not exist. */
export function linkErrors(file: string, facts: BodyFacts, slugs: ReadonlySet<string>): CaseError[] {
  return facts.links
    .filter((link) => !slugs.has(link.slug))
    .map((link) => ({
      file,
      line: link.line,
      field: 'brödtext <Ärende>',
      message: `slug: det finns inget ärende med sluggen "${link.slug}"`,
      found: link.slug,
      expected: 'sluggen för ett ärende som finns: filnamnet utan .mdx, under content/cases/<år>/',
      example: '<Ärende slug="linkstep-stangastaden-2020">överenskommelsen med Stångåstaden</Ärende>',
    }));
}

/**
 * Errors for corrections dated after the build day, for files validated on an
 * earlier day: the `<Rättelse datum>` rule of the body policy, applied again.
 */
export function correctionDayErrors(file: string, facts: BodyFacts, today: string): CaseError[] {
  const datum = COMPONENTS['Rättelse']!.attributes['datum']!;
  return facts.corrections.flatMap((c) => {
    const problem = datum.check?.(c.date, { today });
    return problem === undefined
      ? []
      : [{ file, line: c.line, field: 'brödtext <Rättelse>', message: `datum: ${problem}`, found: c.date, expected: datum.expected, example: `datum="${today}"` }];
  });
}

/**
 * Validates a set of case files one file at a time: each valid case is yielded as soon as
 * it is checked, and every error is added to `errors` (all of them once the generator is
 * done). Nothing of a file is kept once the caller moves on, so the build's loader holds
 * one file's text and HTML at a time instead of every file's.
 */
export function* validCases(set: CaseFileSet, errors: CaseError[]): Generator<ValidatedCase> {
  const selected = new Set(set.files);
  errors.push(...duplicateSlugErrors(set.allFiles ?? set.files).filter((e) => selected.has(e.file) || (e.otherFile !== undefined && selected.has(e.otherFile))));
  const today = set.today ?? isoDay(BUILD_DATE);
  const slugs = new Set((set.allFiles ?? set.files).map(slugOf));
  for (const file of set.files) {
    const source = set.read(file);
    const known = set.known?.(file, source);
    if (known !== undefined) {
      const knownErrors = [...documentErrors(file, known.data, set.publicFileExists), ...correctionDayErrors(file, known.facts, today), ...linkErrors(file, known.facts, slugs)];
      errors.push(...knownErrors);
      if (knownErrors.length === 0) yield { slug: slugOf(file), file, data: known.data, body: '', html: '', facts: known.facts, source, known: true };
      continue;
    }
    const result = parseCase(file, source, { publicFileExists: set.publicFileExists, today });
    errors.push(...result.errors);
    if (!result.parsed) continue;
    const links = linkErrors(file, result.parsed.facts, slugs);
    errors.push(...links);
    if (links.length === 0) yield { ...result.parsed, source, known: false };
  }
}

/** How many cases `validCasesInTurns` checks between turns of the event loop. */
export const CASES_PER_TURN = 100;

/**
 * `validCases`, letting the event loop turn every CASES_PER_TURN cases. Sätteri's parser
 * frees each parsed body's native buffers in finalizers that Node runs only when the event
 * loop turns: in one synchronous loop every body parsed kept about 11 kB until the loop was
 * done (1.1 GB at 100 000 cases). For readers of many files: the build's loader and
 * `npm run check`.
 */
export async function* validCasesInTurns(set: CaseFileSet, errors: CaseError[]): AsyncGenerator<ValidatedCase> {
  let seen = 0;
  for (const c of validCases(set, errors)) {
    if (++seen % CASES_PER_TURN === 0) await nextTurn();
    yield c;
  }
}

/** Validates a set of case files; lists every error in every file. */
export function validateCaseFiles(set: CaseFileSet): { cases: ValidatedCase[]; errors: CaseError[] } {
  const errors: CaseError[] = [];
  const cases = [...validCases(set, errors)];
  return { cases, errors };
}

/** Reads and validates every case file under the root, from disk; lists every error in every file. */
export function validateAll(root: string, dir: string = config.casesDir): { cases: ValidatedCase[]; errors: CaseError[]; files: string[] } {
  const files = listCaseFiles(root, dir);
  return { ...validateCaseFiles({ files, read: (f) => readFileSync(join(root, f), 'utf8'), publicFileExists: publicFileChecker(root) }), files };
}
