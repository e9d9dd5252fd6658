/**
 * The editor's page, /redigera/index.html: its own small document, which
 * Sveltia CMS fills, with the one policy that allows what the editor needs
 * (src/lib/core/security.ts). It loads none of the site's styles or scripts,
 * and no other page loads the editor's.
 */
import { CSP_EDITOR_META, EDITOR_DIR } from '../core/security.ts';
import { SITE_NAME, url } from '../site.ts';
import { EDITOR_SCRIPT } from './assets.ts';

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
    <script type="module" src="${escapeHtml(url(`/${EDITOR_DIR}/${EDITOR_SCRIPT}`))}"></script>
  </head>
  <body>
    <noscript>
      <p>Redigeraren behöver JavaScript. Slå på JavaScript i webbläsaren, eller skriv ärendefilen för hand enligt content/README.md i arkivet.</p>
    </noscript>
  </body>
</html>
`;
}
