/**
 * The data version (the newest commit that changed the case files' data, and the build day),
 * read from a real temporary git repository, and what carries it: the
 * citation lines, the Atom feed's generator and the calendar.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { afterAll, describe, expect, it } from 'vitest';
import { caseCitation, datasetCitation } from '../../src/lib/export/citation.ts';
import { atomFeed } from '../../src/lib/export/feeds.ts';
import { followUpCalendar } from '../../src/lib/export/ical.ts';
import { readRepoHistory } from '../../src/lib/history/git-log.ts';
import {
  type DataVersion,
  readDataVersion,
  versionId,
  versionText,
  versionTreeUrl,
} from '../../src/lib/history/data-version.ts';

const work = mkdtempSync(join(tmpdir(), 'insyn-version-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const BUILD = new Date('2026-11-23T12:00:00Z');
const env = {
  ...process.env,
  GIT_AUTHOR_NAME: 'Test',
  GIT_AUTHOR_EMAIL: 't@example.se',
  GIT_COMMITTER_NAME: 'Test',
  GIT_COMMITTER_EMAIL: 't@example.se',
  GIT_AUTHOR_DATE: '2026-11-20T10:00:00+01:00',
  GIT_COMMITTER_DATE: '2026-11-20T10:00:00+01:00',
};
const git = (cwd: string, ...args: string[]) => execFileSync('git', args, { cwd, env, encoding: 'utf8' });

const VERSION: DataVersion = {
  commit: '0123456789abcdef0123456789abcdef01234567',
  short: '01234567',
  committed: '2026-11-20',
  uncommitted: false,
  buildDate: '2026-11-23',
};

describe('data version', () => {
  it('is the newest commit that changed the case files, and the build day', () => {
    const repo = join(work, 'repo');
    mkdirSync(join(repo, 'cases'), { recursive: true });
    git(repo, 'init', '-q', '-b', 'main');
    writeFileSync(join(repo, 'cases', 'a.mdx'), 'a');
    writeFileSync(join(repo, 'other.txt'), 'x');
    git(repo, 'add', '-A');
    git(repo, 'commit', '-q', '-m', 'first');
    const head = git(repo, 'rev-parse', 'HEAD').trim();
    writeFileSync(join(repo, 'other.txt'), 'y');
    git(repo, 'commit', '-q', '-am', 'not the data');
    const v = readDataVersion(repo, 'cases', BUILD, readRepoHistory(repo, 'cases'));
    expect(v).toEqual({
      commit: head,
      short: head.slice(0, 8),
      committed: '2026-11-20',
      uncommitted: false,
      buildDate: '2026-11-23',
    });
    writeFileSync(join(repo, 'cases', 'a.mdx'), 'changed');
    expect(readDataVersion(repo, 'cases', BUILD, readRepoHistory(repo, 'cases')).uncommitted).toBe(true);
  });

  it("is not moved by an edit of a case's text below its frontmatter, which no download holds", () => {
    const repo = join(work, 'text');
    mkdirSync(join(repo, 'cases', '2026'), { recursive: true });
    git(repo, 'init', '-q', '-b', 'main');
    const file = (name: string, title: string, text: string) =>
      writeFileSync(join(repo, 'cases', '2026', name), `---\ntitle: ${title}\nkind: beslut\n---\n\n${text}\n`);
    const commit = (message: string) => {
      git(repo, 'add', '-A');
      git(repo, 'commit', '-q', '-m', message);
      return git(repo, 'rev-parse', 'HEAD').trim();
    };
    const version = () => readDataVersion(repo, 'cases', BUILD, readRepoHistory(repo, 'cases')).commit;
    file('a.mdx', 'Ett', 'Första texten.');
    const added = commit('added');
    file('a.mdx', 'Ett', 'Texten skriven om.');
    commit('text only');
    expect(version()).toBe(added);
    writeFileSync(join(repo, 'cases', 'README.md'), 'Inte ett ärende.');
    commit('not a case');
    expect(version()).toBe(added);
    file('a.mdx', 'Ett nytt namn', 'Texten skriven om.');
    const retitled = commit('frontmatter');
    expect(version()).toBe(retitled);
    file('b.mdx', 'Två', 'Text.');
    const second = commit('another case');
    expect(version()).toBe(second);
    git(repo, 'mv', 'cases/2026/b.mdx', 'cases/2026/c.mdx');
    const renamed = commit('renamed: a new slug');
    expect(version()).toBe(renamed);
    rmSync(join(repo, 'cases', '2026', 'c.mdx'));
    const removed = commit('removed');
    expect(version()).toBe(removed);
    // An uncommitted edit of the text still says the build is not of the commit alone.
    file('a.mdx', 'Ett nytt namn', 'Ännu en text.');
    expect(readDataVersion(repo, 'cases', BUILD, readRepoHistory(repo, 'cases')).uncommitted).toBe(true);
  });

  it('has no commit outside a repository, and says so', () => {
    const plain = join(work, 'plain');
    mkdirSync(plain);
    const v = readDataVersion(plain, '.', BUILD);
    expect(v.commit).toBeUndefined();
    expect(versionId(v)).toBe('okänd/2026-11-23');
    expect(versionText(v)).toBe('utan versionsuppgift från git, byggd 2026-11-23');
  });

  it('reads as one token for machines and a line for people; links the repository at that commit', () => {
    expect(versionId(VERSION)).toBe('0123456789abcdef0123456789abcdef01234567/2026-11-23');
    expect(versionText(VERSION)).toBe('01234567 (2026-11-20), byggd 2026-11-23');
    expect(versionText({ ...VERSION, uncommitted: true })).toBe(
      '01234567 (2026-11-20) med ändringar som inte är incheckade, byggd 2026-11-23',
    );
    expect(versionTreeUrl(VERSION, 'https://github.com/kommun/insyn')).toBe(
      'https://github.com/kommun/insyn/tree/0123456789abcdef0123456789abcdef01234567',
    );
    expect(versionTreeUrl(VERSION, undefined)).toBeUndefined();
    expect(versionTreeUrl({ ...VERSION, uncommitted: true }, 'https://github.com/kommun/insyn')).toBeUndefined();
  });
});

describe('citation lines', () => {
  it('cite the data set: name, version, day fetched, URL', () => {
    expect(datasetCitation(VERSION, BUILD, 'https://x.se/data/')).toBe(
      'Insyn, öppna data om arbetsmarknadsmedel, version 01234567 (20 november 2026), hämtad 23 november 2026, https://x.se/data/',
    );
  });

  it('cite a case: title and slug, the version of its file, day fetched, URL', () => {
    expect(
      caseCitation(
        { title: 'Linkstep', slug: 'linkstep-2020' },
        { short: 'abcdef12', date: '2026-05-04' },
        BUILD,
        'https://x.se/v',
      ),
    ).toBe(
      'Insyn, ärende ”Linkstep” (linkstep-2020), version abcdef12 (4 maj 2026), hämtad 23 november 2026, https://x.se/v',
    );
    expect(caseCitation({ title: 'T', slug: 't' }, undefined, BUILD, 'u')).toContain('version utan uppgift från git');
  });
});

describe('feeds and the calendar carry the version', () => {
  it('Atom: <generator version>', () => {
    const text = atomFeed([], {
      title: 't',
      selfUrl: 'https://x.se/a.atom',
      pageUrl: 'https://x.se/',
      urlOf: (s) => s,
      buildDate: BUILD,
      version: versionId(VERSION),
    });
    const feed = new XMLParser({ ignoreAttributes: false }).parse(text).feed;
    expect(feed.generator).toEqual({ '#text': 'Insyn', '@_version': versionId(VERSION) });
  });

  it('iCalendar: X-INSYN-DATA-VERSION and the description', () => {
    const text = followUpCalendar([], {
      buildDate: BUILD,
      urlOf: (s) => s,
      host: 'x.se',
      version: { id: versionId(VERSION), text: versionText(VERSION) },
    });
    expect(text).toContain(`X-INSYN-DATA-VERSION:${versionId(VERSION)}\r\n`);
    expect(text.replace(/\r\n /g, '')).toContain('Dataversion: 01234567 (2026-11-20)\\, byggd 2026-11-23.');
  });
});
