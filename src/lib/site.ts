/**
 * Site-wide names and links: paths under the configured base, the main
 * navigation, and links into the repository (for "Föreslå ändring" and the
 * change history), which exist only when a repository URL is configured.
 */
import { config } from './config.ts';
import { casePath } from './core/slug.ts';

export const SITE_NAME = 'Insyn';
export const SITE_TAGLINE = 'Öppna uppgifter om kommuners och samordningsförbunds pengar till arbetsmarknadsinsatser';

export const REPO_URL: string | undefined = config.repoUrl;
export const REPO_BRANCH: string = config.repoBranch;

/** A site path with the configured base (`/arenden/` → `/insyn/arenden/`). */
export function url(path: string): string {
  const base = config.base.replace(/\/+$/, '');
  return `${base}${path.startsWith('/') ? path : `/${path}`}`;
}

/** A link from a case file (`report`, `documents[].href`): a site path gets the base, a URL stays as it is. */
export function linkHref(href: string): string {
  return href.startsWith('/') ? url(href) : href;
}

/** The page of a case. */
export const caseUrl = (slug: string): string => url(casePath(slug));

/** The main navigation; each entry is a page that exists, named so the link says where it goes (not "Start"). */
export const NAV: readonly { href: string; label: string }[] = [
  { href: '/', label: 'Startsida' },
  { href: '/arenden/', label: 'Ärenden' },
  { href: '/organisationer/', label: 'Organisationer' },
  { href: '/uppfoljning/', label: 'Uppföljning' },
  { href: '/statistik/', label: 'Statistik' },
  { href: '/utfall/', label: 'Utfall' },
  { href: '/sok/', label: 'Sök' },
  { href: '/data/', label: 'Öppna data' },
  { href: '/om/', label: 'Om Insyn' },
];

/** Where to report problems (accessibility statement, errors in a case): the contact address, else the repository's issues. */
export const CONTACT_EMAIL: string | undefined = config.contactEmail;

/**
 * "Föreslå ändring": the address of a file's edit page in the repository,
 * `<repo>/edit/<branch>/<file>` (GitHub's form; Gitea and Forgejo use the
 * same path), or undefined when no repository is configured.
 */
export function editUrl(
  file: string | undefined,
  repoUrl: string | undefined = REPO_URL,
  branch: string = REPO_BRANCH,
): string | undefined {
  if (!repoUrl || !file) return undefined;
  const path = file.replace(/^\/+/, '').split('/').map(encodeURIComponent).join('/');
  return `${repoUrl.replace(/\/+$/, '')}/edit/${encodeURIComponent(branch)}/${path}`;
}

/** The date the accessibility of the site was last assessed (update when re-assessed). */
export const ACCESSIBILITY_ASSESSED = '2026-12-07';
