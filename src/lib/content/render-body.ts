/**
 * A case body, from text to HTML on one syntax tree. The body is parsed once
 * with Sätteri's MDX parser (Markdown, GFM and JSX, as staff write it) into
 * HAST; one walk over that tree applies the body policy
 * (src/lib/validate/body-policy.ts) to every node, turns the HTML elements
 * staff wrote into plain elements, renders the site's components (Citat,
 * Rättelse, Ärende) to static HTML and collects what other pages need (links
 * between cases, corrections, quoted sources) and adjusts the result for
 * the case page; the HTML is serialised from the tree (hast-html.ts). No
 * regular expression touches HTML.
 *
 * Adjustments for the case page:
 * - headings, whatever their source (ATX, setext, raw HTML), shift so the
 *   body's top level is `<h3>` (the page's `<h2>` "Beskrivning" introduces
 *   it), and get unique ids prefixed `text-`, so they never take the id of a
 *   page section;
 * - table alignment becomes classes (the Content-Security-Policy allows no
 *   inline styles) and header cells get a scope;
 * - task-list checkboxes become text ("Klart"/"Ej klart"), not form fields;
 * - the footnotes keep their Swedish labels, their heading hidden visually.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createHash } from 'node:crypto';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { mdxToHast } from 'satteri';
import { slugify } from '../core/slug.ts';
import { caseUrl, linkHref } from '../site.ts';
import { type BodyError, componentErrors, htmlElementErrors, isComponentName, isUrlSource, mdxNodeErrors, parseError, type JsxAttribute, type Placement, urlErrors } from '../validate/body-policy.ts';
import { quoteFigure } from './body-components.ts';
import { type HastChild, type HastElement, textContent, toHtml } from './hast-html.ts';

const FEATURES = {
  gfm: {
    footnotes: {
      label: 'Fotnoter',
      backLabel: 'Tillbaka till hänvisning {reference}',
      clobberPrefix: 'fotnot-',
    },
  },
};

/** A link to another case (`<Ärende slug="…">`), with the line it is on. */
export interface BodyLink {
  slug: string;
  line?: number | undefined;
}

/** A correction (`<Rättelse datum="…">`): its day, its text as HTML, its line. */
export interface BodyCorrection {
  date: string;
  html: string;
  line?: number | undefined;
}

/** A quoted source (`<Citat källa="…">`), with its line. */
export interface BodyQuote {
  source: string;
  line?: number | undefined;
}

/** What a body says that other pages and set-wide checks need. */
export interface BodyFacts {
  links: BodyLink[];
  corrections: BodyCorrection[];
  quotes: BodyQuote[];
}

export interface CompiledBody {
  /** The body's HTML for the case page (without its corrections, which the page shows at the top). */
  html: string;
  errors: BodyError[];
  facts: BodyFacts;
}

export interface BodyOptions {
  /** Lines in the file before the body, so reported lines point into the file. */
  lineOffset?: number | undefined;
  /** The build day, `YYYY-MM-DD`: a correction may not be dated after it. */
  today: string;
  /** The case's documents: `<Citat källa="…">` names one by title and links to it. */
  documents?: readonly { title: string; href?: string | undefined }[] | undefined;
}

/** A node of the parsed tree, as far as this module reads it. */
interface SourceNode {
  type: string;
  tagName?: string;
  name?: string | null;
  value?: string;
  properties?: Record<string, unknown>;
  attributes?: JsxAttribute[];
  children?: SourceNode[];
  position?: { start: { line: number } } | undefined;
}

interface Walk {
  options: BodyOptions;
  errors: BodyError[];
  facts: BodyFacts;
  /** Every heading, in document order, and the smallest level among them. */
  headings: HastElement[];
  minHeading: number;
  corrections: { date: string; children: HastChild[]; line: number | undefined }[];
}

const line = (node: SourceNode, walk: Walk): number | undefined => (node.position ? node.position.start.line + (walk.options.lineOffset ?? 0) : undefined);

const el = (tagName: string, properties: Record<string, unknown>, children: HastChild[]): HastElement => ({ type: 'element', tagName, properties, children });
const text = (value: string): HastChild => ({ type: 'text', value });

function attributeValue(attributes: readonly JsxAttribute[] | undefined, name: string): string | undefined {
  const attr = attributes?.find((a) => a.type === 'mdxJsxAttribute' && a.name === name);
  return typeof attr?.value === 'string' ? attr.value : undefined;
}

/** Whether converted children hold any text or element other than white space. */
const hasContent = (children: readonly HastChild[]): boolean => children.some((c) => c.type === 'element' || c.value.trim() !== '');

/**
 * The walk: the policy on every node, JSX to plain elements, components to
 * HTML, and the adjustments for the case page (tables, task lists, links
 * under the base). The source tree's element and text nodes are reused as
 * they are; headings are collected for `finishHeadings`.
 */
function convert(nodes: SourceNode[] | undefined, walk: Walk, placement: Placement, inHead = false): HastChild[] {
  const out: HastChild[] = [];
  if (nodes === undefined) return out;
  for (let i = 0; i < nodes.length; i++) {
    const node = nodes[i]!;
    switch (node.type) {
      case 'text':
        out.push(node as HastChild);
        break;
      case 'element': {
        const element = node as SourceNode & HastElement;
        const { tagName, properties } = element;
        if (isHeading(tagName)) {
          walk.headings.push(element);
          walk.minHeading = Math.min(walk.minHeading, Number(tagName[1]));
        } else if (LINKING.has(tagName)) {
          // Link targets, from Markdown or written as HTML: checked, and site paths get the base.
          for (const key of URL_ATTRIBUTES) {
            const target = properties[key];
            if (typeof target !== 'string') continue;
            walk.errors.push(...urlErrors(target, line(node, walk), key === 'href' || key === 'src' ? `(${target})` : `${key}="${target}"`, { tag: tagName, attribute: key }));
            if (target.startsWith('/')) properties[key] = linkHref(target);
          }
        } else if (tagName === 'input') {
          // A task-list checkbox becomes text, not a form field.
          const done = properties['checked'] === true;
          out.push(el('span', { className: ['task', done ? 'task-done' : 'task-open'] }, [text(done ? 'Klart:' : 'Ej klart:')]), text(' '));
          const next = nodes[i + 1];
          if (next?.type === 'text' && next.value?.startsWith(' ')) nodes[i + 1] = { type: 'text', value: next.value.slice(1) };
          continue;
        } else if (tagName === 'th' || tagName === 'td') {
          element.properties = cellProperties(tagName, properties, inHead);
        }
        element.children = convert(node.children, walk, tagName === 'p' || isHeading(tagName) ? 'text' : placement, tagName === 'thead' || (inHead && tagName === 'tr'));
        out.push(element);
        break;
      }
      case 'mdxJsxFlowElement':
      case 'mdxJsxTextElement':
        out.push(...convertJsx(node, walk, node.type === 'mdxJsxFlowElement' ? 'block' : 'text'));
        break;
      default:
        walk.errors.push(...mdxNodeErrors({ type: node.type, value: node.value }, line(node, walk)));
    }
  }
  return out;
}

const isHeading = (tagName: string): boolean => tagName.length === 2 && tagName.charCodeAt(0) === 104 /* h */ && tagName >= 'h1' && tagName <= 'h6';

/** A table cell: alignment as a class (the CSP allows no inline style), header cells with a scope. */
function cellProperties(tagName: string, properties: Record<string, unknown>, inHead: boolean): Record<string, unknown> {
  const props: Record<string, unknown> = {};
  if (tagName === 'th' && properties['scope'] === undefined) props['scope'] = inHead ? 'col' : 'row';
  for (const key in properties) {
    const value = properties[key];
    if (key === 'style' && typeof value === 'string') {
      const align = value.replace('text-align:', '').trim();
      if (align === 'left' || align === 'right' || align === 'center') props['className'] = [`align-${align}`];
    } else props[key] = value;
  }
  return props;
}

function convertJsx(node: SourceNode, walk: Walk, placement: Placement): HastChild[] {
  const name = node.name ?? '';
  const at = line(node, walk);
  const attributes = node.attributes ?? [];
  if (name === '') {
    walk.errors.push({ line: at, field: 'brödtext', message: 'tomma taggar <> är inte tillåtna', found: '<>', expected: 'vanlig text', example: 'ta bort <> och </>' });
    return convert(node.children, walk, placement);
  }
  if (!isComponentName(name)) {
    const errors = htmlElementErrors(name, attributes, at);
    walk.errors.push(...errors);
    if (errors.length > 0) return [];
    const properties: Record<string, unknown> = {};
    for (const attr of attributes) if (attr.type === 'mdxJsxAttribute' && attr.name) properties[attr.name] = typeof attr.value === 'string' ? attr.value : true;
    // Written as HTML, handled like the same element from Markdown (headings, cells, links).
    return convert([{ type: 'element', tagName: name, properties, children: node.children ?? [], position: node.position }], walk, placement);
  }
  const children = convert(node.children, walk, placement);
  const errors = componentErrors(name, attributes, placement, hasContent(children), at, { today: walk.options.today });
  walk.errors.push(...errors);
  if (errors.length > 0) return [];
  switch (name) {
    case 'Citat':
      return [citat(attributeValue(attributes, 'källa')!, attributeValue(attributes, 'sida'), children, at, walk)];
    case 'Rättelse':
      // Shown at the top of the case page, not in the body; serialised once headings are final.
      walk.corrections.push({ date: attributeValue(attributes, 'datum')!, children, line: at });
      return [];
    case 'Ärende': {
      const slug = attributeValue(attributes, 'slug')!;
      walk.facts.links.push({ slug, line: at });
      const link = (inner: HastChild[]) => el('a', { href: caseUrl(slug) }, inner);
      // On its own lines the text is a paragraph: the link goes inside it.
      const blocks = children.filter((c): c is HastElement => c.type === 'element');
      if (placement === 'block' && blocks.length === 1 && blocks[0]!.tagName === 'p') return [el('p', {}, [link(blocks[0]!.children)])];
      return [link(children)];
    }
    default:
      return [];
  }
}

/** Elements that carry a link target, and the attributes that hold one. */
const LINKING = new Set(['a', 'img', 'blockquote', 'q', 'del', 'ins']);
const URL_ATTRIBUTES = ['href', 'src', 'cite'] as const;

/** `<Citat>` (its markup: body-components.ts), with the source noted and checked. */
function citat(source: string, page: string | undefined, children: HastChild[], at: number | undefined, walk: Walk): HastElement {
  walk.facts.quotes.push({ source, line: at });
  if (isUrlSource(source)) walk.errors.push(...urlErrors(source, at, `källa="${source}"`));
  return quoteFigure({ source, page, documents: walk.options.documents }, children, true);
}

/**
 * Headings, whatever their source (ATX, setext, raw HTML): shifted so the
 * body's top level is `<h3>`, and given unique ids prefixed `text-`, so a
 * body heading never takes the id of a page section ("uppfoljning"). The
 * footnotes' own heading keeps its id and is hidden visually.
 */
function finishHeadings(headings: readonly HastElement[], minLevel: number): void {
  const shift = Math.max(0, 3 - minLevel);
  const ids = new Map<string, number>();
  for (const heading of headings) {
    heading.tagName = `h${Math.min(6, Number(heading.tagName[1]) + shift)}`;
    if (heading.properties['id'] === 'footnote-label') {
      heading.properties = { ...heading.properties, className: ['visually-hidden'] };
      continue;
    }
    let id = `text-${slugify(textContent(heading)) || 'rubrik'}`;
    const n = ids.get(id) ?? 0;
    ids.set(id, n + 1);
    if (n > 0) id = `${id}-${n}`;
    heading.properties = { id, ...heading.properties };
  }
}

/** Parses, checks and renders a body; `errors` lists every breach of the policy, with lines. */
export function compileBody(body: string, options: BodyOptions): CompiledBody {
  const facts: BodyFacts = { links: [], corrections: [], quotes: [] };
  let tree: SourceNode;
  try {
    tree = mdxToHast(body, { features: FEATURES }) as unknown as SourceNode;
  } catch (error) {
    return { html: '', errors: [parseError(error, options.lineOffset ?? 0)], facts };
  }
  const walk: Walk = { options, errors: [], facts, headings: [], minHeading: 7, corrections: [] };
  const converted = convert(tree.children, walk, 'block');
  if (walk.errors.length > 0) return { html: '', errors: walk.errors, facts };
  finishHeadings(walk.headings, walk.minHeading);
  for (const c of walk.corrections) facts.corrections.push({ date: c.date, html: toHtml(c.children).trim(), line: c.line });
  const html = toHtml(converted);
  // Like Sätteri's own serialiser: the last block ends its line.
  return { html: html === '' || html.endsWith('\n') ? html : `${html}\n`, errors: [], facts };
}

/** The HTML of a body known to be valid (the benchmark and tests); throws on a policy error. */
export function renderBody(body: string, options: BodyOptions = { today: '9999-12-31' }): string {
  const compiled = compileBody(body, options);
  if (compiled.errors.length > 0) throw new Error(compiled.errors.map((e) => e.message).join('\n'));
  return compiled.html;
}

/** The source files whose code decides a body's HTML, relative to this one. */
export const RENDERER_FILES: readonly string[] = ['render-body.ts', 'body-components.ts', 'hast-html.ts', '../validate/body-policy.ts', '../core/slug.ts', '../site.ts'];

let version: string | undefined;

/**
 * The renderer's version, for the loader's digests: Sätteri's package version
 * and a hash of the code in `RENDERER_FILES`. A change to either renders
 * every body again; nothing is bumped by hand.
 */
export function rendererVersion(): string {
  if (version === undefined) {
    const here = dirname(fileURLToPath(import.meta.url));
    const satteriMain = createRequire(import.meta.url).resolve('satteri');
    let dir = dirname(satteriMain);
    while (!existsPackageJson(dir)) dir = dirname(dir);
    const satteri = (JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { version: string }).version;
    const hash = createHash('sha256');
    for (const file of RENDERER_FILES) hash.update(readFileSync(join(here, file)));
    version = `satteri-${satteri}/insyn-${hash.digest('base64url').slice(0, 16)}`;
  }
  return version;
}

function existsPackageJson(dir: string): boolean {
  try {
    return (JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name?: string }).name === 'satteri';
  } catch {
    return dir === dirname(dir);
  }
}
