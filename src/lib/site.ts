/**
 * Site-wide settings and links. The repository URL (for "Föreslå ändring"
 * and change history links) comes from INSYN_REPO_URL, e.g.
 * https://github.com/kommun/insyn; with it unset, those links are left out.
 */
export const SITE_NAME = 'Insyn';
export const SITE_TAGLINE = 'Öppna uppgifter om kommuners och samordningsförbunds pengar till arbetsmarknadsinsatser';

export const REPO_URL: string | undefined = process.env['INSYN_REPO_URL']?.replace(/\/+$/, '') || undefined;
export const REPO_BRANCH: string = process.env['INSYN_REPO_BRANCH'] || 'main';

/**
 * The configured base path: in Astro's build `import.meta.env.BASE_URL` is replaced by
 * its value; in plain Node (the command-line tools) there is no such object and the
 * read throws. Keep every mention in this file, comments included, a member access
 * (`import.meta.env.X`): into a module whose source names the env object on its own,
 * Astro inlines every environment variable whose name occurs anywhere in the source,
 * `_` (the shell's last command) included, and that made every page's
 * incremental-build hash depend on how the build was started.
 */
function baseUrl(): string {
  try {
    return import.meta.env.BASE_URL;
  } catch {
    return '/';
  }
}

/** A site path with the configured base (`/arenden/` → `/insyn/arenden/`). */
export function url(path: string): string {
  const base = baseUrl().replace(/\/+$/, '');
  return `${base}${path.startsWith('/') ? path : `/${path}`}`;
}

/** A link from a case file (`report`, `documents[].href`): a site path gets the base, a URL stays as it is. */
export function linkHref(href: string): string {
  return href.startsWith('/') ? url(href) : href;
}

/** The page of a case. */
export const caseUrl = (slug: string): string => url(`/arenden/${slug}/`);

/** The main navigation; each entry is a page that exists. */
export const NAV: readonly { href: string; label: string }[] = [
  { href: '/', label: 'Start' },
  { href: '/arenden/', label: 'Ärenden' },
  { href: '/organisationer/', label: 'Organisationer' },
  { href: '/uppfoljning/', label: 'Uppföljning' },
  { href: '/statistik/', label: 'Statistik' },
  { href: '/utfall/', label: 'Utfall' },
  { href: '/sok/', label: 'Sök' },
  { href: '/data/', label: 'Öppna data' },
  { href: '/om/', label: 'Om Insyn' },
];

/** Where to report problems (accessibility statement, errors in a case): INSYN_CONTACT_EMAIL, else the repository's issues. */
export const CONTACT_EMAIL: string | undefined = process.env['INSYN_CONTACT_EMAIL'] || undefined;

/** The date the accessibility of the site was last assessed (update when re-assessed). */
export const ACCESSIBILITY_ASSESSED = '2026-11-23';
