/**
 * Whether the form editor is on, and where it saves: read from the settings only,
 * so that pages and integrations can ask without loading the editor's bundler
 * (src/lib/editor/assets.ts).
 */
import { config, type Config } from '../config.ts';
import { type EditorBackend, githubRepo } from './cms-config.ts';

/** Stands in for the repository when the editor only works on the local working copy. */
const LOCAL_REPO = 'lokal/arbetskopia';

/** Where the editor saves, or undefined when it is off (no GitHub repository, and not local). */
export function editorBackend(settings: Config = config): EditorBackend | undefined {
  const repo = githubRepo(settings.repoUrl);
  if (repo !== undefined) return { repo, branch: settings.repoBranch };
  return settings.editorLocal ? { repo: LOCAL_REPO, branch: settings.repoBranch } : undefined;
}
