/**
 * `npm run check`: validates every case file with the same pipeline as the
 * build (src/lib/content/collection.ts), in plain Node and without a build,
 * listing every error in every file at once. Exits 1 on any error.
 *
 *   npm run check                 every case file, and the organisation alias list
 *   npm run check -- a.mdx b.mdx  only these files (plus the slug rule across all)
 *
 * The directory and alias file are those of the configuration (src/lib/config.ts).
 */
import './config-errors.ts';
import { readFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { config } from '../lib/config.ts';
import {
  type CaseFileSet,
  listCaseFiles,
  publicFileChecker,
  type ValidatedCase,
  validCasesInTurns,
} from '../lib/content/collection.ts';
import { organisationAliasErrors, readOrganisationAliases } from '../lib/content/organisations-file.ts';
import { organisationIdentityIssues } from '../lib/domain/organisation-checks.ts';
import { type CaseError, formatCaseError, formatCaseErrors } from '../lib/validate/errors.ts';

const root = process.cwd();
const args = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const started = performance.now();

const all = listCaseFiles(root);
const named = args.map((a) => relative(root, resolve(a)).split('\\').join('/'));
const files = args.length === 0 ? all : named.filter((f) => f !== config.organisationsFile);
const checkAliases = args.length === 0 || named.includes(config.organisationsFile);
const read = (file: string) => readFileSync(resolve(root, file), 'utf8');
const publicFileExists = publicFileChecker(root);

/**
 * The valid cases of a set, one file at a time and in turns (validCasesInTurns), keeping
 * what the organisation checks read (the data, and the text for line numbers), not the
 * bodies' HTML.
 */
async function validCasesOf(set: CaseFileSet, errors: CaseError[]) {
  const kept: Pick<ValidatedCase, 'file' | 'data' | 'source'>[] = [];
  for await (const { file, data, source } of validCasesInTurns(set, errors)) kept.push({ file, data, source });
  return kept;
}

const errors: CaseError[] = [];
const cases = await validCasesOf({ files, allFiles: [...new Set([...all, ...files])], read, publicFileExists }, errors);
if (checkAliases) errors.unshift(...organisationAliasErrors(root));

// Organisation identity across all case files (numbers, names, the alias list), once every file is valid.
let warnings: ReturnType<typeof organisationIdentityIssues>['warnings'] = [];
if (errors.length === 0) {
  // The named files are validated already; the rest are read only for this.
  const checked = new Set(files);
  const rest = all.filter((f) => !checked.has(f));
  const everyCase =
    rest.length === 0 ? cases : [...cases, ...(await validCasesOf({ files: rest, read, publicFileExists }, []))];
  const issues = organisationIdentityIssues(everyCase, readOrganisationAliases(root), config.organisationsFile);
  errors.push(...issues.errors);
  warnings = issues.warnings;
}
if (warnings.length > 0) {
  console.warn(
    [
      `${warnings.length} ${warnings.length === 1 ? 'varning' : 'varningar'} om organisationer:`,
      ...warnings.map(formatCaseError),
    ].join('\n\n'),
  );
}

const ms = Math.round(performance.now() - started);
if (errors.length > 0) {
  console.error(formatCaseErrors(errors));
  console.error(`\n${files.length} ärendefiler kontrollerade på ${ms} ms.`);
  process.exit(1);
}
console.log(`Alla ${files.length} ärendefiler är giltiga (${ms} ms).`);
