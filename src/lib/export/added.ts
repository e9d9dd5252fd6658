/**
 * The day a case file was added to the repository, from the build's git
 * history (src/lib/history): the feeds use it to date cases that have no
 * date of their own. Undefined when git, the file's history or the adding
 * commit (shallow clone) is missing.
 */
import type { CaseEntry } from '../domain/cases.ts';
import { caseHistory } from '../history/case-history.ts';

export function addedDay(entry: CaseEntry & { filePath?: string | undefined }): string | undefined {
  if (!entry.filePath) return undefined;
  const oldest = caseHistory(entry.filePath).file?.commits.at(-1);
  return oldest?.added ? oldest.date : undefined;
}
