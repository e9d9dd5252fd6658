/**
 * Renders a case body (already checked by the body policy) to HTML once, at
 * load time, with Sätteri: Astro 7's native Markdown processor, which has
 * GFM built in (tables, strikethrough, autolinks, task lists, footnotes).
 *
 * The output is adjusted for the case page:
 * - headings are shifted so the body's top level is `<h3>` (the page's
 *   `<h2>` "Beskrivning" introduces it), keeping headings in order;
 * - table alignment becomes classes, since the Content-Security-Policy
 *   allows no inline styles;
 * - task-list checkboxes become text ("Klart"/"Ej klart"), not form fields.
 */
import { markdownToHtml } from 'satteri';
import { slugify } from '../core/slug.ts';

/** Bump when the rendering changes, so the loader's digests re-render every body. */
export const RENDERER_VERSION = 'satteri-0.10/insyn-3';

const OPTIONS = {
  features: {
    gfm: {
      footnotes: {
        label: 'Fotnoter',
        backLabel: 'Tillbaka till hänvisning {reference}',
        clobberPrefix: 'fotnot-',
      },
    },
  },
};

/** Shifts every heading so the smallest level becomes `top`. */
function shiftHeadings(html: string, top: number): string {
  const levels = [...html.matchAll(/<h([1-6])[\s>]/g)].map((m) => Number(m[1]));
  if (levels.length === 0) return html;
  const shift = top - Math.min(...levels);
  if (shift <= 0) return html;
  return html.replace(/<(\/?)h([1-6])([\s>])/g, (_, close: string, level: string, after: string) => `<${close}h${Math.min(6, Number(level) + shift)}${after}`);
}

/** The body's HTML for the case page. */
export function renderBody(body: string): string {
  let { html } = markdownToHtml(body, OPTIONS);
  html = html
    .replace(/ style="text-align: (left|right|center)"/g, ' class="align-$1"')
    .replace(/<th( class="[^"]*")?>/g, '<th scope="col"$1>')
    .replace(/<input type="checkbox" checked disabled>\s?/g, '<span class="task task-done">Klart:</span> ')
    .replace(/<input type="checkbox" disabled>\s?/g, '<span class="task task-open">Ej klart:</span> ')
    .replace('<h2 class="sr-only" id="footnote-label">', '<h2 class="visually-hidden" id="footnote-label">');
  html = shiftHeadings(html, 3);
  const seen = new Map<string, number>();
  html = html.replace(/<h([3-6])>(.*?)<\/h\1>/g, (_, depth: string, inner: string) => {
    const text = inner.replace(/<[^>]*>/g, '');
    // Prefixed, so a body heading never takes the id of a page section ("uppfoljning").
    let slug = `text-${slugify(text.replace(/&[a-z]+;|&#\d+;/g, '')) || 'rubrik'}`;
    const n = seen.get(slug) ?? 0;
    seen.set(slug, n + 1);
    if (n > 0) slug = `${slug}-${n}`;
    return `<h${depth} id="${slug}">${inner}</h${depth}>`;
  });
  return html;
}
