/**
 * The body components for the site's own MDX prose (src/pages/_prose/), by
 * the names staff write in case bodies; a page passes them to the MDX
 * content (`<Content components={BODY_COMPONENTS} />`), so the prose uses
 * them without an import.
 */
import Arende from './Arende.astro';
import Citat from './Citat.astro';
import Rattelse from './Rattelse.astro';
import SiteLink from './SiteLink.astro';

/** Also `a`: site paths in Markdown links get the base path, as in case bodies. */
export const BODY_COMPONENTS = { Citat, Rättelse: Rattelse, Ärende: Arende, a: SiteLink } as const;
