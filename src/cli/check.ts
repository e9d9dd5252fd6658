/**
 * `npm run check`: validates every case file with the same pipeline as the
 * build (src/lib/content/collection.ts), in plain Node and without a build,
 * listing every error in every file at once. Exits 1 on any error.
 *
 *   npm run check                 every case file, and the organisation alias list
 *   npm run check -- a.mdx b.mdx  only these files (plus the slug rule across all)
 *
 * The directory and alias file are those of the configuration (src/lib/config.ts).
 *
 * On GitHub Actions (GITHUB_ACTIONS=true) the same text goes to the log, with the
 * runner's command processing paused around it (a case file's text could otherwise
 * hold a workflow command), then each error and warning as an annotation on its file
 * and line, and the whole list in the job summary (src/lib/validate/github-annotations.ts).
 */
import './config-errors.ts';
import { randomUUID } from 'node:crypto';
import { appendFileSync, readFileSync } from 'node:fs';
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
import {
  caseAnnotations,
  checkSummary,
  warningsHeading,
  withoutWorkflowCommands,
} from '../lib/validate/github-annotations.ts';

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
const ms = Math.round(performance.now() - started);
const warningsText =
  warnings.length > 0 ? [`${warningsHeading(warnings.length)}:`, ...warnings.map(formatCaseError)].join('\n\n') : '';
const report =
  errors.length > 0
    ? `${formatCaseErrors(errors)}\n\n${files.length} ärendefiler kontrollerade på ${ms} ms.`
    : `Alla ${files.length} ärendefiler är giltiga (${ms} ms).`;

if (process.env['GITHUB_ACTIONS'] === 'true') {
  // One stream for everything: the runner reads stdout and stderr separately and
  // may interleave them, and the pause must come before the text it covers.
  const text = [warningsText, report].filter((t) => t !== '').join('\n\n');
  const annotations = caseAnnotations(errors, warnings);
  process.stdout.write(
    `${[withoutWorkflowCommands(text, randomUUID().replaceAll('-', '')), ...annotations].join('\n')}\n`,
  );
  const summary = process.env['GITHUB_STEP_SUMMARY'];
  if (summary) appendFileSync(summary, checkSummary({ errors, warnings, checked: files.length, blob: blobUrl() }));
} else {
  if (warningsText !== '') console.warn(warningsText);
  (errors.length > 0 ? console.error : console.log)(report);
}
if (errors.length > 0) process.exit(1);

/**
 * `https://github.com/<owner>/<repo>/blob/<commit>/`, for the summary's links to files. The commit is
 * the pull request's own (its head), so staff see the file as they saved it; elsewhere, the commit checked.
 */
function blobUrl(): string | undefined {
  const { GITHUB_SERVER_URL: server, GITHUB_REPOSITORY: repository, GITHUB_SHA, GITHUB_EVENT_PATH } = process.env;
  if (!server || !repository) return undefined;
  let commit = GITHUB_SHA;
  try {
    const event = JSON.parse(readFileSync(GITHUB_EVENT_PATH ?? '', 'utf8')) as {
      pull_request?: { head?: { sha?: string } };
    };
    commit = event.pull_request?.head?.sha ?? commit;
  } catch {
    // No event file: the checked commit.
  }
  return commit ? `${server}/${repository}/blob/${commit}/` : undefined;
}
