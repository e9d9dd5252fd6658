/**
 * The version of the data: the newest commit that changed the case files'
 * data (their frontmatter, or which cases there are; an edit of a case's text
 * below its frontmatter is in no download, so it leaves the version as it was),
 * and the day the site was built from them. Every download, each case's
 * JSON, the feeds and the calendar carry it, and /data/ offers a citation
 * line with it, so a figure can be cited with the exact data it came from.
 *
 * Read with git once per build (the history's one `git log`, and one
 * `git status` over the cases directory). Without git or a commit, `commit` is undefined and
 * the build date alone dates the data. Case files changed since that commit
 * (a build of uncommitted work) are flagged with `uncommitted`, so the
 * commit is never passed off as the exact version.
 */
import { config } from '../config.ts';
import { isoDay } from '../core/partial-date.ts';
import { REPO_URL } from '../site.ts';
import { git, type RepoHistory, repoHistory, SHORT_HASH } from './git-log.ts';

export interface DataVersion {
  /** The full hash of the newest commit that changed a case file. */
  commit: string | undefined;
  /** Its first characters, as shown to people. */
  short: string | undefined;
  /** The commit's day, `YYYY-MM-DD`. */
  committed: string | undefined;
  /** Case files differ from that commit (the build includes uncommitted changes). */
  uncommitted: boolean;
  /** The build day, `YYYY-MM-DD`. */
  buildDate: string;
}

/** A git command's output as text, or undefined when git is missing or the command fails. */
function gitText(root: string, args: string[]): string | undefined {
  const r = git(root, args);
  return r.ok ? r.out.toString('utf8') : undefined;
}

/**
 * Reads the data version of the case files in `dir` (relative to `root`): the newest
 * commit that changed their data (newestDataCommit in git-log.ts), from the build's one
 * read of the history, which the case pages need anyway, unless another is given.
 */
export function readDataVersion(
  root: string,
  dir: string,
  buildDate: Date,
  history: RepoHistory = repoHistory(root, dir),
): DataVersion {
  const data = history.dataCommit;
  const commit = data?.hash;
  const status = commit ? gitText(root, ['status', '--porcelain', '--', dir]) : undefined;
  return {
    commit,
    short: commit?.slice(0, SHORT_HASH),
    committed: data?.date,
    uncommitted: (status ?? '').trim() !== '',
    buildDate: isoDay(buildDate),
  };
}

const cache = new Map<string, DataVersion>();

/** The site's data version, read once per build. */
export function dataVersion(buildDate: Date, root: string = process.cwd(), dir: string = config.casesDir): DataVersion {
  const key = `${root}\0${dir}\0${isoDay(buildDate)}`;
  let v = cache.get(key);
  if (!v) cache.set(key, (v = readDataVersion(root, dir, buildDate)));
  return v;
}

/** The version as one token for machines: `<commit>/<build day>` (`okänd` without a commit). */
export function versionId(v: DataVersion): string {
  return `${v.commit ?? 'okänd'}${v.uncommitted ? '+ändrad' : ''}/${v.buildDate}`;
}

/** The version as people read it (Swedish): `a1b2c3d4 (2026-11-20), byggd 2026-11-23`. */
export function versionText(v: DataVersion): string {
  const built = `byggd ${v.buildDate}`;
  if (!v.commit) return `utan versionsuppgift från git, ${built}`;
  const changed = v.uncommitted ? ' med ändringar som inte är incheckade' : '';
  return `${v.short} (${v.committed})${changed}, ${built}`;
}

/** Where that version of the repository can be seen, when a repository URL is configured. */
export function versionTreeUrl(v: DataVersion, repoUrl: string | undefined = REPO_URL): string | undefined {
  return repoUrl && v.commit && !v.uncommitted ? `${repoUrl}/tree/${v.commit}` : undefined;
}
