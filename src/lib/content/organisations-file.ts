/**
 * Reads the organisation alias list (`content/organisations.yaml`, or the
 * file INSYN_ORGANISATIONS_FILE names, relative to the project root). A
 * missing file means no aliases; an invalid file stops the build with every
 * error in Swedish. Read once per build.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type AliasEntry, type OrganisationNamer, organisationNamer, parseAliasFile } from '../domain/organisations.ts';
import { type CaseError, CaseValidationError } from '../validate/errors.ts';

/** Where the alias list lives, relative to the project root. */
export const ORGANISATIONS_FILE = 'content/organisations.yaml';

const cache = new Map<string, AliasEntry[]>();

/** The alias entries; throws CaseValidationError when the file is invalid. */
export function readOrganisationAliases(root: string = process.cwd(), file: string = process.env['INSYN_ORGANISATIONS_FILE'] || ORGANISATIONS_FILE): AliasEntry[] {
  const key = join(root, file);
  const cached = cache.get(key);
  if (cached) return cached;
  const entries = existsSync(key) ? parseOrThrow(file, readFileSync(key, 'utf8')) : [];
  cache.set(key, entries);
  return entries;
}

function parseOrThrow(file: string, source: string): AliasEntry[] {
  const { entries, errors } = parseAliasFile(file, source);
  if (errors.length > 0) throw new CaseValidationError(errors);
  return entries;
}

/** Every error in the alias list (none when the file is missing); for `npm run check`. */
export function organisationAliasErrors(root: string = process.cwd(), file: string = process.env['INSYN_ORGANISATIONS_FILE'] || ORGANISATIONS_FILE): CaseError[] {
  const path = join(root, file);
  return existsSync(path) ? parseAliasFile(file, readFileSync(path, 'utf8')).errors : [];
}

let namer: OrganisationNamer | undefined;

/** The site's name normaliser (alias list applied), built once per build. */
export function siteOrganisationNamer(): OrganisationNamer {
  return (namer ??= organisationNamer(readOrganisationAliases()));
}
