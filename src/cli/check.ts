/**
 * `npm run check`: validates every case file with the same rules as the
 * build, in plain Node and without a build, listing every error in every
 * file at once. Exits 1 on any error.
 *
 *   npm run check                 all files under content/cases, and content/organisations.yaml
 *   npm run check -- a.mdx b.mdx  only these files (plus the slug rule across all)
 *
 * INSYN_CASES_DIR (relative to the project) checks another directory, as the build does.
 */
import { readFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { ORGANISATIONS_FILE, organisationAliasErrors } from '../lib/content/organisations-file.ts';
import { duplicateSlugErrors, listCaseFiles, publicFileChecker, validateAll } from '../lib/content/collection.ts';
import { parseCase } from '../lib/content/parse-case.ts';
import { type CaseError, formatCaseErrors } from '../lib/validate/errors.ts';

const root = process.cwd();
const args = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const started = performance.now();

let errors: CaseError[];
let count: number;
if (args.length === 0) {
  const result = validateAll(root, process.env['INSYN_CASES_DIR'] || undefined);
  errors = [...organisationAliasErrors(root), ...result.errors];
  count = result.files.length;
} else {
  const publicFileExists = publicFileChecker(root);
  const named = args.map((a) => relative(root, resolve(a)).split('\\').join('/'));
  const aliasErrors = named.includes(ORGANISATIONS_FILE) ? organisationAliasErrors(root) : [];
  const files = named.filter((f) => f !== ORGANISATIONS_FILE);
  const all = new Set(listCaseFiles(root));
  for (const f of files) all.add(f);
  const dupes = duplicateSlugErrors([...all]).filter((e) => files.includes(e.file) || [...files].some((f) => e.message.includes(f)));
  errors = [...aliasErrors, ...dupes, ...files.flatMap((f) => parseCase(f, readFileSync(resolve(root, f), 'utf8'), { publicFileExists }).errors)];
  count = files.length;
}

const ms = Math.round(performance.now() - started);
if (errors.length > 0) {
  console.error(formatCaseErrors(errors));
  console.error(`\n${count} ärendefiler kontrollerade på ${ms} ms.`);
  process.exit(1);
}
console.log(`Alla ${count} ärendefiler är giltiga (${ms} ms).`);
