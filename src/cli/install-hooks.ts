/**
 * Run by `npm install` (the `prepare` script): points git at the project's
 * hooks (.githooks, the case-file pre-commit check) with
 * `git config core.hooksPath .githooks`. Does nothing outside a git work
 * tree, without git (e.g. a CI job on a source archive), when another hooks
 * directory is already configured, or after `git config insyn.hooks off`.
 */
import { spawnSync } from 'node:child_process';

function git(args: string[]): { ok: boolean; out: string } {
  const r = spawnSync('git', args, { encoding: 'utf8' });
  return { ok: r.status === 0 && !r.error, out: (r.stdout ?? '').trim() };
}

const inside = git(['rev-parse', '--is-inside-work-tree']);
if (!inside.ok || inside.out !== 'true') process.exit(0);
if (git(['config', '--get', 'insyn.hooks']).out === 'off') process.exit(0);
const current = git(['config', '--get', 'core.hooksPath']).out;
if (current === '.githooks') process.exit(0);
if (current !== '') {
  console.log(
    `Insyn: git använder redan krokar i ${current}; lägg till .githooks/pre-commit där om du vill att ärendefilerna kontrolleras vid commit.`,
  );
  process.exit(0);
}
if (git(['config', 'core.hooksPath', '.githooks']).ok) {
  console.log(
    'Insyn: ärendefilerna kontrolleras nu vid varje commit (.githooks/pre-commit). Stäng av: git config insyn.hooks off',
  );
}
