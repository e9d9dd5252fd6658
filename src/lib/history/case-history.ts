/**
 * The change history of one case, as its page shows it: the file's commits
 * (from the build-wide git read in git-log.ts), the day it last changed, and
 * a link to each exact version when a repository URL is
 * configured.
 */
import { config } from '../config.ts';
import { REPO_URL } from '../site.ts';
import { type FileCommit, type FileHistory, repoHistory } from './git-log.ts';

export interface CaseHistory {
  available: boolean;
  /** Why there is no history (Swedish), when unavailable. */
  reason: string | undefined;
  shallow: boolean;
  /** The file's history; undefined when git has no commit of it (not committed yet). */
  file: FileHistory | undefined;
}

/** The history of a case file (`entry.filePath`, relative to the project root). */
export function caseHistory(
  filePath: string,
  root: string = process.cwd(),
  dir: string = config.casesDir,
): CaseHistory {
  const repo = repoHistory(root, dir);
  return { available: repo.available, reason: repo.reason, shallow: repo.shallow, file: repo.files.get(filePath) };
}

/** The link to the file as it was at a commit, or undefined without a repository URL. */
export function versionUrl(commit: FileCommit, repoUrl: string | undefined = REPO_URL): string | undefined {
  return repoUrl
    ? `${repoUrl}/blob/${commit.hash}/${commit.repoPath.split('/').map(encodeURIComponent).join('/')}`
    : undefined;
}
