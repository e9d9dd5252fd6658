import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { versionUrl } from '../../src/lib/history/case-history.ts';
import { describeChanges, frontmatterText, parseFrontmatter } from '../../src/lib/history/changes.ts';
import { parseRawLog, readRepoHistory } from '../../src/lib/history/git-log.ts';

const work = mkdtempSync(join(tmpdir(), 'insyn-history-'));
const repo = join(work, 'repo');

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, {
    cwd,
    encoding: 'utf8',
    env: {
      ...process.env,
      GIT_AUTHOR_NAME: 'Test',
      GIT_AUTHOR_EMAIL: 't@example.se',
      GIT_COMMITTER_NAME: 'Test',
      GIT_COMMITTER_EMAIL: 't@example.se',
    },
  });
}

function caseFile(opts: { amount: number; end: string; done?: string; status?: string }): string {
  return [
    '---',
    'title: Testärende',
    `status: ${opts.status ?? 'proposed'}`,
    'period: { start: "2020-01-01", end: "' + opts.end + '" }',
    'funding:',
    '  - from: Linköpings kommun',
    '    to: AB Stångåstaden',
    `    amount: ${opts.amount}`,
    '    basis: total',
    'followUps:',
    `  - { due: "2020-09", what: Utfall redovisas${opts.done ? `, done: "${opts.done}"` : ''} }`,
    '---',
    '',
    'Brödtext.',
    '',
  ].join('\n');
}

/** Commits the file with a fixed author date, so the days are known. */
function commit(file: string, text: string, message: string, day: string): void {
  mkdirSync(join(repo, file, '..'), { recursive: true });
  writeFileSync(join(repo, file), text);
  git(repo, 'add', '-A');
  execFileSync('git', ['commit', '-q', '-m', message], {
    cwd: repo,
    env: {
      ...process.env,
      GIT_AUTHOR_NAME: 'Test',
      GIT_AUTHOR_EMAIL: 't@example.se',
      GIT_COMMITTER_NAME: 'Test',
      GIT_COMMITTER_EMAIL: 't@example.se',
      GIT_AUTHOR_DATE: `${day}T10:00:00+01:00`,
      GIT_COMMITTER_DATE: `${day}T10:00:00+01:00`,
    },
  });
}

const FILE = 'site/content/cases/2020/test.mdx';

beforeAll(() => {
  mkdirSync(repo, { recursive: true });
  git(repo, 'init', '-q', '-b', 'main');
  commit(FILE, caseFile({ amount: 2400000, end: '2020-12-31' }), 'Lägg till testärendet', '2021-01-10');
  commit(FILE, caseFile({ amount: 2500000, end: '2020-12-31' }), 'Rätta beloppet', '2021-02-11');
  commit(FILE, caseFile({ amount: 2500000, end: '2021-06-30' }), 'Förläng perioden', '2021-03-12');
  commit(
    FILE,
    caseFile({ amount: 2500000, end: '2021-06-30', done: '2020-10-01', status: 'decided' }),
    'Rapporten kom; beslutat',
    '2021-04-13',
  );
  commit('site/README.md', 'Annat\n', 'Ändra något annat', '2021-05-14');
  // Rename into another year directory, unchanged content.
  mkdirSync(join(repo, 'site/content/cases/2021'), { recursive: true });
  renameSync(join(repo, FILE), join(repo, 'site/content/cases/2021/test.mdx'));
  git(repo, 'add', '-A');
  execFileSync('git', ['commit', '-q', '-m', 'Flytta till 2021'], {
    cwd: repo,
    env: {
      ...process.env,
      GIT_AUTHOR_NAME: 'Test',
      GIT_AUTHOR_EMAIL: 't@example.se',
      GIT_COMMITTER_NAME: 'Test',
      GIT_COMMITTER_EMAIL: 't@example.se',
      GIT_AUTHOR_DATE: '2021-06-15T10:00:00+01:00',
      GIT_COMMITTER_DATE: '2021-06-15T10:00:00+01:00',
    },
  });
});

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('history from git', () => {
  it('lists every commit of a file newest first, follows a rename, and describes the changes', () => {
    // The project lives in a subdirectory of the repository: keys are relative to it.
    const h = readRepoHistory(join(repo, 'site'), 'content/cases');
    expect(h.available).toBe(true);
    expect(h.shallow).toBe(false);
    expect([...h.files.keys()]).toEqual(['content/cases/2021/test.mdx']);
    const file = h.files.get('content/cases/2021/test.mdx')!;
    expect(file.lastChanged).toBe('2021-06-15');
    expect(file.commits.map((c) => [c.date, c.subject])).toEqual([
      ['2021-06-15', 'Flytta till 2021'],
      ['2021-04-13', 'Rapporten kom; beslutat'],
      ['2021-03-12', 'Förläng perioden'],
      ['2021-02-11', 'Rätta beloppet'],
      ['2021-01-10', 'Lägg till testärendet'],
    ]);
    const [moved, reported, extended, amount, added] = file.commits;
    expect(moved!.renamedFrom).toBe(FILE);
    expect(moved!.repoPath).toBe('site/content/cases/2021/test.mdx');
    expect(moved!.changes).toEqual([]);
    expect(reported!.changes).toEqual([
      'Status ändrades från förslag till beslut till beslutat',
      'Uppföljningen "Utfall redovisas" rapporterades 1 oktober 2020',
    ]);
    expect(extended!.changes).toEqual([
      'Perioden ändrades från 1 januari 2020 – 31 december 2020 till 1 januari 2020 – 30 juni 2021',
    ]);
    expect(amount!.changes).toEqual([
      'Beloppet ändrades från 2\u00a0400\u00a0000\u00a0kr till 2\u00a0500\u00a0000\u00a0kr',
    ]);
    expect(amount!.repoPath).toBe(FILE);
    expect(added!.added).toBe(true);
    expect(added!.boundary).toBe(false);
    expect(added!.short).toBe(added!.hash.slice(0, 8));
    expect(added!.hash).toMatch(/^[0-9a-f]{40}$/);
    expect(versionUrl(amount!, 'https://github.com/kommun/insyn')).toBe(
      `https://github.com/kommun/insyn/blob/${amount!.hash}/${FILE}`,
    );
    expect(versionUrl(amount!, undefined)).toBeUndefined();
  });

  it('works from a shallow clone: shows what it has and says so', () => {
    const clone = join(work, 'shallow');
    execFileSync('git', ['clone', '-q', '--depth', '2', `file://${repo}`, clone]);
    const h = readRepoHistory(join(clone, 'site'), 'content/cases');
    expect(h.available).toBe(true);
    expect(h.shallow).toBe(true);
    const file = h.files.get('content/cases/2021/test.mdx')!;
    // Depth 2: the rename and the README commit; only the rename touched the case, and its parent is the cut-off.
    expect(file.commits.length).toBeGreaterThanOrEqual(1);
    const oldest = file.commits.at(-1)!;
    expect(oldest.added).toBe(false);
    const deeper = join(work, 'shallow1');
    execFileSync('git', ['clone', '-q', '--depth', '1', `file://${repo}`, deeper]);
    const one = readRepoHistory(join(deeper, 'site'), 'content/cases');
    expect(one.shallow).toBe(true);
    const only = one.files.get('content/cases/2021/test.mdx')!.commits;
    expect(only.map((c) => [c.subject, c.boundary, c.added])).toEqual([['Flytta till 2021', true, false]]);
  });

  it('reports history as unavailable outside a repository, without throwing', () => {
    const plain = join(work, 'plain');
    mkdirSync(join(plain, 'content/cases'), { recursive: true });
    const h = readRepoHistory(plain, 'content/cases');
    expect(h.available).toBe(false);
    expect(h.reason).toBe('Webbplatsen byggdes utanför ett git-arkiv, så ändringshistoriken saknas.');
    expect(h.files.size).toBe(0);
  });

  it('reports git missing without throwing', () => {
    const path = process.env['PATH'];
    process.env['PATH'] = join(work, 'no-such-dir');
    try {
      const h = readRepoHistory(repo, 'site/content/cases');
      expect(h.available).toBe(false);
      expect(h.reason).toBe('Git finns inte installerat där webbplatsen byggdes, så ändringshistoriken saknas.');
    } finally {
      process.env['PATH'] = path;
    }
  });

  it('handles a repository without commits', () => {
    const fresh = join(work, 'fresh');
    mkdirSync(fresh);
    git(fresh, 'init', '-q');
    const h = readRepoHistory(fresh, 'content/cases');
    expect(h.available).toBe(true);
    expect(h.files.size).toBe(0);
  });
});

describe('parsing and describing', () => {
  it('parses raw log lines, including renames', () => {
    const text =
      '\x1eabcdef0123\x1f2021-06-15T10:00:00+01:00\x1fp1\x1fFlytta\n\n:100644 100644 1111 1111 R100\tcontent/a/x.mdx\tcontent/b/x.mdx\n:000000 100644 0000 2222 A\tcontent/b/y.mdx\n';
    expect(parseRawLog(text)).toEqual([
      {
        hash: 'abcdef0123',
        short: 'abcdef01',
        date: '2021-06-15',
        parents: ['p1'],
        subject: 'Flytta',
        changes: [
          { status: 'R', oldBlob: '1111', newBlob: '1111', path: 'content/b/x.mdx', oldPath: 'content/a/x.mdx' },
          { status: 'A', oldBlob: '0000', newBlob: '2222', path: 'content/b/y.mdx', oldPath: undefined },
        ],
      },
    ]);
  });

  it('describes added and removed money, follow-ups and a moved due date in Swedish', () => {
    const before = {
      funding: [{ from: 'A', amount: 100, basis: 'total' }],
      followUps: [
        { due: '2020-09', what: 'Rapport' },
        { due: '2021', what: 'Slutrapport' },
      ],
    };
    const after = {
      funding: [
        { from: 'A', amount: 100, basis: 'per-year' },
        { from: 'B', to: 'C', amount: 500000, basis: 'maximum' },
      ],
      followUps: [{ due: '2020-10', what: 'Rapport' }],
      period: { start: '2020' },
    };
    expect(describeChanges(before, after)).toEqual([
      'Perioden angavs: från 2020',
      'Beloppets grund från A ändrades från totalt för perioden till per år',
      'Ett belopp lades till: högst 500\u00a0000\u00a0kr från B till C',
      'Uppföljningen "Rapport" flyttades från september 2020 till oktober 2020',
      'En uppföljning togs bort: Slutrapport (skulle komma 2021)',
    ]);
    expect(
      describeChanges(
        { funding: [{ from: 'A', basis: 'total' }] },
        { funding: [{ from: 'A', amount: 5, basis: 'total' }] },
      ),
    ).toEqual(['Beloppet ändrades från belopp ej angivet till 5\u00a0kr']);
  });

  it('tolerates versions that do not parse', () => {
    expect(frontmatterText('no frontmatter')).toBeUndefined();
    expect(parseFrontmatter(frontmatterText('---\ntitle: [unclosed\n---\n')!)).toBeUndefined();
    expect(describeChanges(undefined, { status: 'decided' })).toEqual([]);
  });
});
