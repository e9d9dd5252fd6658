/**
 * The pre-commit check (.githooks/pre-commit): `npm run check` for the case
 * files in the commit. It validates what is staged, not what is on disk, so
 * a commit can never contain a file that fails the build: the staged text of
 * each added or changed case file, the slug rule across every case file in
 * the index, and documents under public/ as staged. Exits 1 with the Swedish
 * errors when anything is wrong.
 */
import './config-errors.ts';
import { spawnSync } from 'node:child_process';
import { config } from '../lib/config.ts';
import { isCaseFile, publicFileCheck, validateCaseFiles } from '../lib/content/collection.ts';
import { formatCaseErrors } from '../lib/validate/errors.ts';

const started = performance.now();

function git(args: string[]): string {
  const r = spawnSync('git', args, { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  if (r.status !== 0) throw new Error(`git ${args.join(' ')}: ${r.stderr}`);
  return r.stdout;
}

const list = (out: string) => out.split('\0').filter(Boolean);

const dir = config.casesDir.replace(/\/+$/, '');
/** The same files `npm run check` reads (one rule, in collection.ts). */
const inCasesDir = (f: string) => f.startsWith(`${dir}/`) && isCaseFile(f.slice(dir.length + 1));

const staged = list(git(['diff', '--cached', '--name-only', '-z', '--diff-filter=ACMR', '--', dir])).filter(inCasesDir);
if (staged.length === 0) process.exit(0);

const indexed = list(git(['ls-files', '-z', '--', dir])).filter(inCasesDir);
const publicFiles = new Set(list(git(['ls-files', '-z', '--', 'public'])).map((f) => f.slice('public'.length)));
const publicFileExists = publicFileCheck((path) => publicFiles.has(path));

const { errors } = validateCaseFiles({
  files: staged,
  allFiles: indexed,
  read: (file) => git(['show', `:${file}`]),
  publicFileExists,
});

const ms = Math.round(performance.now() - started);
if (errors.length > 0) {
  console.error(formatCaseErrors(errors));
  console.error(
    `\nCommit stoppad: ${staged.length} ärendefiler i commiten kontrollerades (${ms} ms). Rätta felen, lägg till filerna igen med git add och gör om commit.`,
  );
  console.error('Kontrollen körs av .githooks/pre-commit; se content/README.md om du behöver hoppa över den.');
  process.exit(1);
}
console.log(`Insyn: ${staged.length} ärendefiler i commiten är giltiga (${ms} ms).`);
