/**
 * "Föreslå ändring": the address of a case file's edit page in the
 * repository, `${INSYN_REPO_URL}/edit/${INSYN_REPO_BRANCH}/${file}` (GitHub's
 * form; Gitea and Forgejo use the same path). Without a repository URL
 * there is no link.
 */
import { REPO_BRANCH, REPO_URL } from './site.ts';

/** The edit page of a repository file, or undefined when no repository is configured. */
export function editUrl(file: string | undefined, repoUrl: string | undefined = REPO_URL, branch: string = REPO_BRANCH): string | undefined {
  if (!repoUrl || !file) return undefined;
  const path = file.replace(/^\/+/, '').split('/').map(encodeURIComponent).join('/');
  return `${repoUrl.replace(/\/+$/, '')}/edit/${encodeURIComponent(branch)}/${path}`;
}
