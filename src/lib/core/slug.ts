/**
 * Slugs: the permanent identifiers in URLs. A case's slug is its file name;
 * organisations, bodies and headings get theirs by folding their names.
 */

/** What a slug may be: lower-case a–z, 0–9 and single hyphens between words. */
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Folds a title into a slug: lower case a–z0–9 and `-`, å/ä/ö → a/a/o. */
export function slugify(text: string): string {
  return text
    .toLowerCase()
    .replace(/[åä]/g, 'a')
    .replace(/ö/g, 'o')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/, '');
}

/** The site path of the case list (page 1), without the configured base. */
export const CASE_LIST_PATH = '/arenden/';

/**
 * The site path (URL path) of a case's page, without the configured base: its
 * slug under the case list. With the base: `caseUrl` (src/lib/site.ts); the
 * case's file: `caseFilePath` (src/lib/content/scaffold.ts).
 */
export const casePath = (slug: string): string => `${CASE_LIST_PATH}${slug}/`;

/** A case's slug is its file name without `.mdx`. */
export function slugOf(file: string): string {
  return (file.split('/').pop() ?? file).replace(/\.mdx$/, '');
}

/** The slug of an organisation's or body's name; `namnlos` when the name folds to nothing (only punctuation). */
export function nameSlug(name: string): string {
  return slugify(name) || 'namnlos';
}
