/**
 * Change history of the case files from git, computed once per build.
 *
 * Two git processes for the whole site, however many cases there are:
 * 1. one `git log --raw` over the cases directory lists every commit that
 *    touched any case file, with the blob ids before and after, following
 *    renames (`-M`);
 * 2. one `git cat-file --batch` reads the blobs of the versions that were
 *    modified, so consecutive frontmatters can be compared
 *    (see changes.ts) — only where a commit modified a file.
 *
 * It never throws: without git, outside a repository or on any git error it
 * reports `available: false`, and the pages say so. In a shallow clone it
 * shows the commits it has and says the history is incomplete; the oldest
 * commit it has is then not called the file's creation.
 */
import { spawnSync } from 'node:child_process';
import { describeChanges, frontmatterText, parseFrontmatter } from './changes.ts';

/** One commit that touched a case file. */
export interface FileCommit {
  hash: string;
  short: string;
  /** The author's calendar day, `YYYY-MM-DD`. */
  date: string;
  subject: string;
  /** The file's path at this commit, relative to the repository's top level (for links). */
  repoPath: string;
  /** The commit added the file (and it is not the cut-off point of a shallow clone). */
  added: boolean;
  /** The commit renamed the file to `repoPath`. */
  renamedFrom: string | undefined;
  /** The oldest commit of a shallow clone: history before it is missing. */
  boundary: boolean;
  /** What changed in amounts, periods, follow-ups, status, decision date (Swedish). */
  changes: string[];
}

export interface FileHistory {
  /** Newest first. */
  commits: FileCommit[];
  /** The day of the newest commit, `YYYY-MM-DD`. */
  lastChanged: string;
}

export interface RepoHistory {
  /** False when git or the repository is missing (or git failed). */
  available: boolean;
  /** Why history is unavailable, in Swedish. */
  reason?: string;
  /** The clone is shallow: older commits are missing. */
  shallow: boolean;
  /** Per file, keyed by the path relative to the project root (as `entry.filePath`). */
  files: Map<string, FileHistory>;
  /** The newest commit that changed the cases' data (newestDataCommit), if any. */
  dataCommit: { hash: string; date: string } | undefined;
}

const MAX_BUFFER = 1024 * 1024 * 1024;
const ZERO = /^0+$/;
const RS = '\x1e';
const US = '\x1f';

/** Runs git in `cwd` with paths unquoted, no prompts and the C locale; never throws. */
export function git(
  cwd: string,
  args: string[],
  input?: string,
): { ok: true; out: Buffer } | { ok: false; missing: boolean; message: string } {
  const r = spawnSync('git', ['-c', 'core.quotePath=false', ...args], {
    cwd,
    input,
    maxBuffer: MAX_BUFFER,
    env: { ...process.env, GIT_TERMINAL_PROMPT: '0', LC_ALL: 'C' },
  });
  if (r.error)
    return { ok: false, missing: (r.error as NodeJS.ErrnoException).code === 'ENOENT', message: r.error.message };
  if (r.status !== 0) return { ok: false, missing: false, message: r.stderr.toString('utf8').trim() };
  return { ok: true, out: r.stdout };
}

/** One file change in one commit, as `git log --raw` lists it. */
export interface RawChange {
  status: string;
  oldBlob: string;
  newBlob: string;
  path: string;
  oldPath: string | undefined;
}

export interface RawCommit {
  hash: string;
  short: string;
  date: string;
  parents: string[];
  subject: string;
  changes: RawChange[];
}

/** The `--format` the parser expects. */
export const LOG_FORMAT = `${RS}%H${US}%aI${US}%P${US}%s`;

/** Characters of the hash shown to people (the links use the full hash). */
export const SHORT_HASH = 8;

/** Parses `git log --raw --no-abbrev --format=LOG_FORMAT` output. */
export function parseRawLog(text: string): RawCommit[] {
  const commits: RawCommit[] = [];
  for (const chunk of text.split(RS)) {
    if (chunk.trim() === '') continue;
    const [head = '', ...rest] = chunk.split('\n');
    const [hash = '', iso = '', parents = '', subject = ''] = head.split(US);
    const changes: RawChange[] = [];
    for (const line of rest) {
      // :100644 100644 <old> <new> M\tpath   or   R100\told\tnew
      const m = /^:\d+ \d+ ([0-9a-f]+) ([0-9a-f]+) ([A-Z])\d*\t([^\t]+)(?:\t(.+))?$/.exec(line);
      if (!m) continue;
      const [, oldBlob, newBlob, status, first, second] = m as unknown as [
        string,
        string,
        string,
        string,
        string,
        string | undefined,
      ];
      changes.push(
        second === undefined
          ? { status, oldBlob, newBlob, path: first, oldPath: undefined }
          : { status, oldBlob, newBlob, path: second, oldPath: first },
      );
    }
    commits.push({
      hash,
      short: hash.slice(0, SHORT_HASH),
      date: iso.slice(0, 10),
      parents: parents.split(' ').filter(Boolean),
      subject,
      changes,
    });
  }
  return commits;
}

/** Parses `git cat-file --batch` output into blob id → text. */
export function parseBatch(out: Buffer): Map<string, string> {
  const blobs = new Map<string, string>();
  let pos = 0;
  while (pos < out.length) {
    const nl = out.indexOf(0x0a, pos);
    if (nl === -1) break;
    const header = out.subarray(pos, nl).toString('utf8');
    const [id = '', type, size] = header.split(' ');
    if (type === undefined || size === undefined) {
      pos = nl + 1; // "<id> missing"
      continue;
    }
    const n = Number(size);
    blobs.set(id, out.subarray(nl + 1, nl + 1 + n).toString('utf8'));
    pos = nl + 1 + n + 1;
  }
  return blobs;
}

/**
 * Builds per-file histories from the parsed log (newest commit first), given
 * the blobs' texts. Renames are followed: commits before a rename are listed
 * under the file's current name. `prefix` is the project's path inside the
 * repository (`git rev-parse --show-prefix`), stripped from keys.
 */
export function buildFileHistories(
  commits: readonly RawCommit[],
  blobs: ReadonlyMap<string, string>,
  options: { prefix: string; shallow: boolean },
): Map<string, FileHistory> {
  const files = new Map<string, FileHistory>();
  /** A path as it was at some point in history → the file's key today. */
  const current = new Map<string, string>();
  const keyOf = (repoPath: string): string => current.get(repoPath) ?? repoPath;
  // Each version is the "after" of one commit and the "before" of the next: split and parse it once.
  const texts = new Map<string, string | undefined>();
  const parsed = new Map<string, ReturnType<typeof parseFrontmatter>>();
  const yamlOf = (blob: string): string | undefined => {
    if (!texts.has(blob)) {
      const source = blobs.get(blob);
      texts.set(blob, source === undefined ? undefined : frontmatterText(source));
    }
    return texts.get(blob);
  };
  const dataOf = (blob: string, yaml: string) => {
    if (!parsed.has(blob)) parsed.set(blob, parseFrontmatter(yaml));
    return parsed.get(blob);
  };
  /** Changes between two versions; none when the frontmatter text is the same (a body-only edit). */
  const changesBetween = (oldBlob: string, newBlob: string): string[] => {
    const a = yamlOf(oldBlob);
    const b = yamlOf(newBlob);
    if (a === undefined || b === undefined || a === b) return [];
    return describeChanges(dataOf(oldBlob, a), dataOf(newBlob, b));
  };
  for (const c of commits) {
    const boundary = options.shallow && c.parents.length === 0;
    for (const ch of c.changes) {
      if (ch.status === 'D') {
        // Deleted later or earlier; a file deleted and re-added keeps one list under its path.
        continue;
      }
      const key = keyOf(ch.path);
      if (ch.oldPath !== undefined) current.set(ch.oldPath, key);
      const modified = !ZERO.test(ch.oldBlob) && ch.oldBlob !== ch.newBlob;
      const commit: FileCommit = {
        hash: c.hash,
        short: c.short,
        date: c.date,
        subject: c.subject,
        repoPath: ch.path,
        added: ch.status === 'A' && !boundary,
        renamedFrom: ch.oldPath,
        boundary,
        changes: modified ? changesBetween(ch.oldBlob, ch.newBlob) : [],
      };
      const rel = key.startsWith(options.prefix) ? key.slice(options.prefix.length) : key;
      const h = files.get(rel);
      if (h) h.commits.push(commit);
      else files.set(rel, { commits: [commit], lastChanged: commit.date });
    }
  }
  return files;
}

/** A case file, as the collection reads it (`<year>/<slug>.mdx`). */
const isCaseFile = (path: string) => path.endsWith('.mdx');

/**
 * The newest of `commits` (newest first) that changed what the downloads hold of the
 * cases: one that added, removed or renamed a case file (its slug is in every download),
 * or changed a case's frontmatter. An edit of a case's text below its frontmatter does
 * not count: no download holds that text, so the data it gives is still the data of the
 * older commit. A version whose text is not in `blobs` counts as changed.
 */
export function newestDataCommit(
  commits: readonly RawCommit[],
  blobs: ReadonlyMap<string, string>,
): { hash: string; date: string } | undefined {
  const yaml = (blob: string) => {
    const text = blobs.get(blob);
    return text === undefined ? undefined : frontmatterText(text);
  };
  const changesData = (ch: RawChange) => {
    if (!isCaseFile(ch.path) && !(ch.oldPath !== undefined && isCaseFile(ch.oldPath))) return false;
    if (ch.status !== 'M' || ZERO.test(ch.oldBlob)) return true;
    const before = yaml(ch.oldBlob);
    return before === undefined || before !== yaml(ch.newBlob);
  };
  const commit = commits.find((c) => c.changes.some(changesData));
  return commit && { hash: commit.hash, date: commit.date };
}

/** Reads the history of every file under `dir` (relative to `root`) with two git processes. */
export function readRepoHistory(root: string, dir: string): RepoHistory {
  const empty = (reason: string): RepoHistory => ({
    available: false,
    reason,
    shallow: false,
    files: new Map(),
    dataCommit: undefined,
  });
  const info = git(root, ['rev-parse', '--is-shallow-repository', '--show-prefix']);
  if (!info.ok)
    return empty(
      info.missing
        ? 'Git finns inte installerat där webbplatsen byggdes, så ändringshistoriken saknas.'
        : 'Webbplatsen byggdes utanför ett git-arkiv, så ändringshistoriken saknas.',
    );
  const [shallowLine = 'false', prefix = ''] = info.out.toString('utf8').split('\n');
  const shallow = shallowLine.trim() === 'true';
  const log = git(root, ['log', '--no-color', '--raw', '--no-abbrev', '-M', `--format=${LOG_FORMAT}`, '--', dir]);
  if (!log.ok) {
    // An empty repository (no commits yet) is not an error: nothing has history.
    if (/does not have any commits|bad default revision/.test(log.message))
      return { available: true, shallow, files: new Map(), dataCommit: undefined };
    return empty('Ändringshistoriken kunde inte läsas ur git.');
  }
  const commits = parseRawLog(log.out.toString('utf8'));
  const wanted = new Set<string>();
  for (const c of commits)
    for (const ch of c.changes)
      if (!ZERO.test(ch.oldBlob) && ch.oldBlob !== ch.newBlob && ch.status !== 'D')
        wanted.add(ch.oldBlob).add(ch.newBlob);
  let blobs = new Map<string, string>();
  if (wanted.size > 0) {
    const batch = git(root, ['cat-file', '--batch'], [...wanted].join('\n') + '\n');
    if (batch.ok) blobs = parseBatch(batch.out);
  }
  return {
    available: true,
    shallow,
    files: buildFileHistories(commits, blobs, { prefix: prefix.trim(), shallow }),
    dataCommit: newestDataCommit(commits, blobs),
  };
}

const cache = new Map<string, RepoHistory>();

/** The history of the case files, read once per build (per root and directory). */
export function repoHistory(root: string, dir: string): RepoHistory {
  const key = `${root}\0${dir}`;
  let h = cache.get(key);
  if (!h) cache.set(key, (h = readRepoHistory(root, dir)));
  return h;
}
