/**
 * Serialises a HAST tree of `element` and `text` nodes to HTML, the way
 * Sätteri's own serialiser writes it (so bodies without components render as
 * before, byte for byte). Text and attribute values are escaped here and
 * nowhere else. A case body's tree never holds raw HTML; a `raw` node only
 * carries HTML that Astro has already rendered (a component's slot, see
 * body-components.ts).
 */

export interface HastText {
  type: 'text';
  value: string;
}

export interface HastElement {
  type: 'element';
  tagName: string;
  properties: Record<string, unknown>;
  children: HastChild[];
}

/** HTML rendered and escaped elsewhere (an Astro component's slot), written as it is. */
export interface HastRaw {
  type: 'raw';
  value: string;
}

export type HastChild = HastElement | HastText | HastRaw;

const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);

const SPECIAL: Readonly<Record<string, string>> = { className: 'class', htmlFor: 'for', acceptCharset: 'accept-charset', httpEquiv: 'http-equiv' };

const attributeNames = new Map<string, string>();

/** A HAST property name as an HTML attribute (`className` → `class`, `dataFootnoteRef` → `data-footnote-ref`, `ariaLabel` → `aria-label`). */
export function attributeName(property: string): string {
  let name = attributeNames.get(property);
  if (name === undefined) {
    name = SPECIAL[property] ?? (/^aria[A-Z]/.test(property) ? `aria-${property.slice(4).toLowerCase()}` : /^data[A-Z]/.test(property) ? property.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`) : property.toLowerCase());
    attributeNames.set(property, name);
  }
  return name;
}

const TEXT_SPECIAL = /[&<>]/;
const ATTRIBUTE_SPECIAL = /[&"]/;

function escapeText(text: string): string {
  if (!TEXT_SPECIAL.test(text)) return text;
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function escapeAttribute(text: string): string {
  if (!ATTRIBUTE_SPECIAL.test(text)) return text;
  return text.replace(/&/g, '&amp;').replace(/"/g, '&quot;');
}

function attributes(properties: Record<string, unknown>): string {
  let out = '';
  for (const key in properties) {
    const value = properties[key];
    if (value === undefined || value === null || value === false) continue;
    const name = attributeName(key);
    if (value === true) out += ` ${name}`;
    else out += ` ${name}="${escapeAttribute(Array.isArray(value) ? value.join(' ') : String(value))}"`;
  }
  return out;
}

/** The HTML of a list of nodes. */
export function toHtml(nodes: readonly HastChild[]): string {
  let out = '';
  for (const node of nodes) {
    if (node.type === 'text') out += escapeText(node.value);
    else if (node.type === 'raw') out += node.value;
    else {
      out += `<${node.tagName}${attributes(node.properties)}>`;
      if (!VOID.has(node.tagName)) out += `${toHtml(node.children)}</${node.tagName}>`;
    }
  }
  return out;
}

/** The text of a node and its descendants. */
export function textContent(node: HastChild): string {
  if (node.type === 'text') return node.value;
  if (node.type === 'raw') return '';
  let out = '';
  for (const child of node.children) out += textContent(child);
  return out;
}
