/**
 * The markup of `<Citat>`, one implementation for both places it is
 * rendered: case bodies (render-body.ts, on the body's syntax tree) and the
 * site's own MDX prose (src/components/body/Citat.astro, around its rendered
 * slot). The attribute rules of both are in src/lib/validate/body-policy.ts.
 */
import { linkHref } from '../site.ts';
import { isUrlSource } from '../validate/body-policy.ts';
import { type HastChild, type HastElement, toHtml } from './hast-html.ts';

/** A document of the case, which `<Citat källa="…">` names by its title. */
export interface QuotedDocument {
  title: string;
  href?: string | undefined;
}

/** Where a quote's source links: the address itself, or the case's document of that title; else nowhere. */
export function quoteSourceHref(source: string, documents: readonly QuotedDocument[] = []): string | undefined {
  if (isUrlSource(source)) return source;
  const href = documents.find((d) => d.title === source)?.href;
  return href === undefined ? undefined : linkHref(href);
}

export interface Quote {
  /** `källa`: a document's title or a web address. */
  source: string;
  /** `sida`: a page (`3`) or pages (`3-5`). */
  page?: string | undefined;
  documents?: readonly QuotedDocument[] | undefined;
}

/**
 * `<Citat>`: the authority's words in a block quotation, its source named
 * under it (linked when it is a document or a web address), with the page
 * or pages. In a case body the caption starts a new line, as every block
 * does in Sätteri's HTML (`lineBreak`); the prose pages' HTML has no white
 * space between blocks.
 */
export function quoteFigure(quote: Quote, children: HastChild[], lineBreak: boolean): HastElement {
  const { source, page } = quote;
  const href = quoteSourceHref(source, quote.documents);
  const name: HastChild = href === undefined ? text(source) : el('a', { href }, [text(source)]);
  const caption: HastChild[] = [text('Citat ur '), name];
  if (page !== undefined) {
    caption.push(text(`, ${page.includes('-') || page.includes('–') ? 'sidorna' : 'sidan'} ${page.replace('-', '–')}`));
  }
  const blockquote = el('blockquote', isUrlSource(source) ? { cite: source } : {}, children);
  return el('figure', { className: ['quote'] }, [
    blockquote,
    ...(lineBreak ? [text('\n')] : []),
    el('figcaption', {}, caption),
  ]);
}

/** `<Citat>` around HTML rendered elsewhere (an Astro component's slot), as HTML. */
export function quoteFigureHtml(quote: Quote, innerHtml: string): string {
  return toHtml([quoteFigure(quote, [{ type: 'raw', value: innerHtml }], false)]);
}

function el(tagName: string, properties: Record<string, unknown>, children: HastChild[]): HastElement {
  return { type: 'element', tagName, properties, children };
}

function text(value: string): HastChild {
  return { type: 'text', value };
}
