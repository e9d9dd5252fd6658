/**
 * The editor's page, /redigera/index.html: its own small document, which
 * Sveltia CMS fills, with the one policy that allows what the editor needs
 * (src/lib/core/security.ts). It loads none of the site's styles or scripts,
 * and no other page loads the editor's.
 */
import { CSP_EDITOR_META, EDITOR_DIR } from '../core/security.ts';
import { SITE_NAME, url } from '../site.ts';
import { DRAFT_PAGE, EDITOR_SCRIPT } from './bundle.ts';

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

export function editorPageHtml(): string {
  return `<!DOCTYPE html>
<html lang="sv">
  <head>
    <meta charset="utf-8">
    <meta http-equiv="Content-Security-Policy" content="${escapeHtml(CSP_EDITOR_META)}">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <meta name="robots" content="noindex">
    <title>Redigera ärenden – ${escapeHtml(SITE_NAME)}</title>
    <link rel="icon" href="${escapeHtml(url('/favicon.svg'))}" type="image/svg+xml">
    <style>
      /* Fixed over the foot of Sveltia's sidebar, which is empty there. With a bar above
         Sveltia (in the page's flow, or Sveltia in an #nc-root below it) axe finds the
         visible label of Sveltia's account button missing from its aria-label (WCAG
         2.5.3); with Sveltia filling the window, as here, it does not. */
      .insyn-utkast { position: fixed; left: 12px; bottom: 12px; z-index: 1000; margin: 0; padding: 4px 8px;
        background: #fff; font: 1rem/1.5 system-ui, sans-serif; }
      .insyn-utkast a { color: #1d70b8; text-underline-offset: 0.15em; }
      .insyn-utkast a:focus-visible { outline: 3px solid #ffdd00; outline-offset: 0; background: #ffdd00; color: #0b0c0c; }
    </style>
    <script type="module" src="${escapeHtml(url(`/${EDITOR_DIR}/${EDITOR_SCRIPT}`))}"></script>
  </head>
  <body>
    <nav class="insyn-utkast" aria-label="Redigeraren">
      <a href="${escapeHtml(url(`/${EDITOR_DIR}/${DRAFT_PAGE}/`))}">Nytt ärende från ett dokument</a>
    </nav>
    <noscript>
      <p>Redigeraren behöver JavaScript. Slå på JavaScript i webbläsaren, eller skriv ärendefilen för hand enligt content/README.md i arkivet.</p>
    </noscript>
  </body>
</html>
`;
}
