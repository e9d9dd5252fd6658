/**
 * Links between cases and the corrections cases carry, from what each body
 * says (`<Ärende slug="…">` and `<Rättelse datum="…">`; the loader keeps
 * them as the entry's body facts):
 *
 * - `backlinks`: for each case, the cases whose bodies link to it, newest
 *   first, so an extension, a final report and the original decision find
 *   each other ("Ärenden som hänvisar hit");
 * - `corrections`: every correction on the site, newest first, for the
 *   feed `/rattelser.atom`.
 */
import { bodyFactsOf, type EntryWithBody } from '../content/body-store.ts';
import type { BodyCorrection } from '../content/render-body.ts';
import { type CaseEntry, newestFirst } from './cases.ts';

type Entry = CaseEntry & EntryWithBody;

/** A case that links to another: its slug and title. */
export interface Backlink {
  slug: string;
  title: string;
}

/** For each linked case's slug, the cases that link to it (each once, newest first; a case's links to itself are left out). */
export function backlinks(entries: readonly Entry[]): Map<string, Backlink[]> {
  const sources = new Map<string, Entry[]>();
  for (const entry of newestFirst(entries)) {
    const targets = new Set((bodyFactsOf(entry)?.links ?? []).map((l) => l.slug));
    for (const target of targets) {
      if (target === entry.id) continue;
      let list = sources.get(target);
      if (list === undefined) sources.set(target, (list = []));
      list.push(entry);
    }
  }
  return new Map([...sources].map(([slug, list]) => [slug, list.map((e) => ({ slug: e.id, title: e.data.title }))]));
}

/** One correction with the case it belongs to. */
export interface SiteCorrection extends BodyCorrection {
  slug: string;
  title: string;
  /** 1-based position among the case's corrections in its file (for a stable anchor and feed id). */
  index: number;
}

/** Every correction on the site, newest first (ties: case slug, then order in the file). */
export function corrections(entries: readonly Entry[]): SiteCorrection[] {
  const all: SiteCorrection[] = [];
  for (const entry of entries) {
    (bodyFactsOf(entry)?.corrections ?? []).forEach((c, i) =>
      all.push({ ...c, slug: entry.id, title: entry.data.title, index: i + 1 }),
    );
  }
  return all.sort((a, b) =>
    a.date !== b.date
      ? a.date < b.date
        ? 1
        : -1
      : a.slug !== b.slug
        ? a.slug.localeCompare(b.slug)
        : a.index - b.index,
  );
}
