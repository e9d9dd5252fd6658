/**
 * The pre-commit hook in a real, temporary git repository: `npm install`'s
 * prepare step installs it; a bad staged case file stops `git commit` with
 * the Swedish error; a good one commits; what is checked is the staged text,
 * not the working tree; slugs are unique across the index; the documented
 * opt-outs work; and the installer does nothing outside a git work tree.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, SEED_CASES } from '../helpers/site.ts';

let repo: string;
/** Where the case goes in the temporary repository: the hook's default cases folder. */
const SEED = 'content/cases/2019/linkstep-stangastaden-2020.mdx';
const good = readFileSync(join(ROOT, SEED_CASES, '2019/linkstep-stangastaden-2020.mdx'), 'utf8');
const bad = good.replace('amount: 2400000', 'amount: "2 400 000 kr"');

function sh(cmd: string, args: string[], env: Record<string, string> = {}, cwd = repo) {
  const r = spawnSync(cmd, args, {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, GIT_CONFIG_NOSYSTEM: '1', HOME: cwd, ...env },
  });
  return { code: r.status, out: `${r.stdout}${r.stderr}` };
}
const git = (...args: string[]) => sh('git', args);
function write(file: string, text: string) {
  mkdirSync(dirname(join(repo, file)), { recursive: true });
  writeFileSync(join(repo, file), text);
}
const commits = () => Number(git('rev-list', '--count', 'HEAD').out.trim());

beforeAll(() => {
  repo = mkdtempSync(join(tmpdir(), 'insyn-hook-'));
  git('init', '-q', '-b', 'main');
  git('config', 'user.email', 'test@example.se');
  git('config', 'user.name', 'Test');
  // The project's code, as in a clone: the hook is a real file, the code (with its CLI) is linked.
  for (const dir of ['src', 'node_modules']) symlinkSync(join(ROOT, dir), join(repo, dir));
  for (const file of ['.githooks/pre-commit']) {
    mkdirSync(dirname(join(repo, file)), { recursive: true });
    copyFileSync(join(ROOT, file), join(repo, file));
  }
  writeFileSync(join(repo, '.gitignore'), 'node_modules\nsrc\n');
  git('add', '.gitignore', '.githooks');
  git('commit', '-q', '-m', 'init');
});
afterAll(() => rmSync(repo, { recursive: true, force: true }));

describe('pre-commit hook', () => {
  it('is installed by the prepare script (git config core.hooksPath .githooks)', () => {
    const r = sh(join(ROOT, 'node_modules/.bin/node'), ['src/cli/install-hooks.ts']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('ärendefilerna kontrolleras nu vid varje commit');
    expect(git('config', '--get', 'core.hooksPath').out.trim()).toBe('.githooks');
  });

  it('blocks a bad staged case file with the Swedish error', () => {
    write(SEED, bad);
    git('add', SEED);
    const before = commits();
    const r = git('commit', '-m', 'Lägg till Linkstep');
    expect(r.code).not.toBe(0);
    expect(r.out).toContain(`${SEED}:23  funding[0].amount: fel sorts värde: text i stället för ett heltal`);
    expect(r.out).toContain('Commit stoppad: 1 ärendefiler i commiten kontrollerades');
    expect(commits()).toBe(before);
  });

  it('checks the staged text: fixing only the working tree does not let the bad file through', () => {
    write(SEED, good); // not staged
    const r = git('commit', '-m', 'Lägg till Linkstep');
    expect(r.code).not.toBe(0);
    expect(r.out).toContain('funding[0].amount');
  });

  it('commits a good case file', () => {
    git('add', SEED);
    const before = commits();
    const r = git('commit', '-m', 'Lägg till Linkstep');
    expect(r.out).toContain('Insyn: 1 ärendefiler i commiten är giltiga');
    expect(r.code).toBe(0);
    expect(commits()).toBe(before + 1);
  });

  it('blocks a slug that another year already uses', () => {
    const copy = 'content/cases/2021/linkstep-stangastaden-2020.mdx';
    write(copy, good);
    git('add', copy);
    const r = git('commit', '-m', 'Dubblett');
    expect(r.code).not.toBe(0);
    expect(r.out).toContain(`sluggen "linkstep-stangastaden-2020" används redan av ${SEED}`);
    git('rm', '-q', '--cached', copy);
    rmSync(join(repo, copy));
  });

  it('does not start Node for commits without case files', () => {
    write('notes.txt', 'anteckning');
    git('add', 'notes.txt');
    const r = git('commit', '-m', 'Anteckning');
    expect(r.code).toBe(0);
    expect(r.out).not.toContain('Insyn:');
  });

  it('can be skipped once with SKIP_INSYN_HOOK=1, or turned off with git config insyn.hooks off', () => {
    write(SEED, bad);
    git('add', SEED);
    expect(sh('git', ['commit', '-m', 'Avsiktligt fel'], { SKIP_INSYN_HOOK: '1' }).code).toBe(0);
    write(SEED, bad.replace('kind: agreement', 'kind: avtal'));
    git('add', SEED);
    git('config', 'insyn.hooks', 'off');
    expect(git('commit', '-m', 'Avsiktligt fel igen').code).toBe(0);
    git('config', '--unset', 'insyn.hooks');
  });

  it('the installer does nothing outside a git work tree', () => {
    const plain = mkdtempSync(join(tmpdir(), 'insyn-nogit-'));
    try {
      const r = sh(
        join(ROOT, 'node_modules/.bin/node'),
        [join(ROOT, 'src/cli/install-hooks.ts')],
        { GIT_CEILING_DIRECTORIES: tmpdir() },
        plain,
      );
      expect(r.code).toBe(0);
      expect(r.out).toBe('');
    } finally {
      rmSync(plain, { recursive: true, force: true });
    }
  });
});
