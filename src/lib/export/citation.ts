/**
 * Citation lines, so a journalist can say which version of the data a
 * figure came from: one for the whole data set (on /data/) and one per case
 * (on its page), each "Insyn, …, version …, hämtad …, URL" with a URL that
 * shows that version where one exists (the repository at that commit, or
 * the case file as it was at its commit), else the page itself.
 *
 * "Hämtad" is the day the site was built: the data on the page is as of
 * that day.
 */
import { formatDay, formatPartialDate } from '../core/partial-date.ts';
import type { DataVersion } from '../history/data-version.ts';

/** A version as cited: `version a1b2c3d4 (20 november 2026)`. */
function versionPart(commit: { short: string; date: string } | undefined): string {
  return commit ? `version ${commit.short} (${formatPartialDate(commit.date)})` : 'version utan uppgift från git';
}

/** The citation of the whole data set. */
export function datasetCitation(version: DataVersion, buildDate: Date, href: string): string {
  const commit =
    version.short && version.committed && !version.uncommitted
      ? { short: version.short, date: version.committed }
      : undefined;
  return `Insyn, öppna data om arbetsmarknadsmedel, ${versionPart(commit)}, hämtad ${formatDay(buildDate)}, ${href}`;
}

/** The citation of one case: its title and slug, the newest commit of its file, the build day and a URL. */
export function caseCitation(
  c: { title: string; slug: string },
  commit: { short: string; date: string } | undefined,
  buildDate: Date,
  href: string,
): string {
  return `Insyn, ärende ”${c.title}” (${c.slug}), ${versionPart(commit)}, hämtad ${formatDay(buildDate)}, ${href}`;
}
