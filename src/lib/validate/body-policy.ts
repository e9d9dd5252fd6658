/**
 * The body policy: what a case body may contain, as an allow-list decided on
 * the body's syntax tree (the HAST Sätteri's MDX parser makes; see
 * src/lib/content/render-body.ts, which walks that one tree to check and to
 * render it). Anything not listed here is an error naming the line:
 *
 * - HTML elements that are safe on a public page, each with the attributes
 *   it may carry; no `on*`, no `style`, no `id` or `class` (the page owns
 *   those), no expressions, no `import`/`export`;
 * - link targets (`href`, `src`, `cite`) with the schemes https, http,
 *   mailto and tel, site paths (`/dokument/a.pdf`) and in-page anchors only,
 *   decided on the value after entity decoding, the way a browser reads it;
 * - the site's components (`COMPONENTS`), each attribute checked like a
 *   frontmatter field.
 */
import { isRealDay } from '../core/partial-date.ts';
import { SLUG_PATTERN } from '../core/slug.ts';
import type { CaseError } from './errors.ts';

export type BodyError = Omit<CaseError, 'file'>;

/** Global attributes any allowed element may carry. */
const GLOBAL_ATTRIBUTES = ['title', 'lang', 'dir'] as const;

/** Safe HTML elements and the attributes each may carry besides the global ones. */
const ELEMENTS: Readonly<Record<string, readonly string[]>> = {
  p: [],
  br: [],
  hr: [],
  h1: [],
  h2: [],
  h3: [],
  h4: [],
  h5: [],
  h6: [],
  em: [],
  strong: [],
  b: [],
  i: [],
  u: [],
  s: [],
  small: [],
  sub: [],
  sup: [],
  mark: [],
  abbr: [],
  cite: [],
  dfn: [],
  code: [],
  kbd: [],
  samp: [],
  var: [],
  pre: [],
  span: [],
  div: [],
  blockquote: ['cite'],
  q: ['cite'],
  del: ['cite', 'datetime'],
  ins: ['cite', 'datetime'],
  time: ['datetime'],
  ul: [],
  ol: ['start', 'reversed'],
  li: [],
  dl: [],
  dt: [],
  dd: [],
  table: [],
  caption: [],
  thead: [],
  tbody: [],
  tfoot: [],
  tr: [],
  th: ['colspan', 'rowspan', 'scope'],
  td: ['colspan', 'rowspan'],
  a: ['href', 'hreflang'],
  img: ['src', 'alt', 'width', 'height'],
  figure: [],
  figcaption: [],
  details: [],
  summary: [],
  wbr: [],
};

/** Attributes whose value is a link target. */
const URL_ATTRIBUTES = new Set(['href', 'src', 'cite']);

/** Elements that can run code, embed other pages or submit data: named in their own message. */
const DANGEROUS_ELEMENTS = new Set([
  'script',
  'iframe',
  'frame',
  'frameset',
  'object',
  'embed',
  'applet',
  'style',
  'link',
  'meta',
  'base',
  'form',
  'input',
  'button',
  'textarea',
  'select',
  'svg',
  'math',
  'template',
]);

/** Whether `<Citat källa="…">` names a web address (else a document's title): the quotation then cites it. */
export const isUrlSource = (source: string): boolean => /^https?:\/\//i.test(source);

/** The URL schemes a link in a body may use. */
export const URL_SCHEMES: readonly string[] = ['https', 'http', 'mailto', 'tel'];

/**
 * Whether a link target is allowed: one of `URL_SCHEMES`, a site path
 * (`/…`, not `//host`) or an in-page anchor (`#…`). The value is the one
 * after entity decoding; tabs and newlines are removed and control
 * characters and spaces trimmed first, as a browser's URL parser does.
 */
export function isAllowedUrl(value: string): boolean {
  // eslint-disable-next-line no-control-regex
  const url = value.replace(/[\t\n\r]/g, '').replace(/^[\u0000-\u0020]+|[\u0000-\u0020]+$/g, '');
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(url);
  if (scheme) return URL_SCHEMES.includes(scheme[1]!.toLowerCase());
  if (url.startsWith('#')) return true;
  return url.startsWith('/') && url[1] !== '/' && url[1] !== '\\';
}

function urlError(line: number | undefined, found: string, where: string): BodyError {
  const js = /^\s*javascript:/i.test(found.replace(/[\t\n\r]/g, ''));
  return {
    line,
    field: 'brödtext',
    message: js ? 'javascript:-länkar är inte tillåtna' : `länkadressen ${where} är inte tillåten`,
    found,
    expected:
      'en adress som börjar med https://, http://, mailto: eller tel:, eller en sökväg på webbplatsen som börjar med /',
    example: '[Rapporten](https://exempel.se/rapport.pdf)',
  };
}

/**
 * Errors for a link target (`href`, `src`, `cite`) of a Markdown link or image or an HTML
 * attribute. An image's `src` must also be a site path: the pages' policy (img-src 'self',
 * src/lib/core/security.ts) loads no image from another site, so one would show broken,
 * and its host would learn of every visit.
 */
export function urlErrors(
  value: string,
  line: number | undefined,
  where: string,
  element?: { tag: string; attribute: string },
): BodyError[] {
  if (!isAllowedUrl(value)) return [urlError(line, value, where)];
  if (element?.tag === 'img' && element.attribute === 'src' && !value.trim().startsWith('/'))
    return [
      {
        line,
        field: 'brödtext',
        message: `bilden ${where} ligger på en annan webbplats, som sidorna inte hämtar bilder från`,
        found: value,
        expected: 'en bild som ligger på webbplatsen, under public/, med en sökväg som börjar med /',
        example: '![Karta över Ryd](/bilder/ryd.png)',
      },
    ];
  return [];
}

/** A JSX attribute as the MDX parser gives it. */
export interface JsxAttribute {
  type: string;
  name?: string;
  value?: unknown;
}

/** Whether a JSX name is a component (starts with a capital, in any alphabet, or has a dot). */
export function isComponentName(name: string): boolean {
  const first = name.charAt(0);
  return name.includes('.') || (first !== first.toLowerCase() && first === first.toUpperCase());
}

/** Errors for an HTML element written in the body (`<abbr title="…">`) and its attributes. */
export function htmlElementErrors(
  name: string,
  attributes: readonly JsxAttribute[],
  line: number | undefined,
): BodyError[] {
  const lower = name.toLowerCase();
  const allowed = ELEMENTS[lower];
  const component = nearComponent(name);
  if (component !== undefined && allowed === undefined) {
    // A component written with a small letter (<citat>) reads as an HTML element.
    return [
      {
        line,
        field: 'brödtext',
        message: `<${name}> finns inte; menade du komponenten <${component}>?`,
        found: `<${name}>`,
        expected: 'komponenternas namn börjar med stor bokstav: <Citat>, <Rättelse>, <Ärende>',
        example: COMPONENTS[component]!.example.split('\n')[0],
      },
    ];
  }
  if (allowed === undefined || name !== lower) {
    return [
      {
        line,
        field: 'brödtext',
        message: `HTML-elementet <${name}> är inte tillåtet`,
        found: `<${name}>`,
        expected: DANGEROUS_ELEMENTS.has(lower)
          ? 'Markdown utan skript, inbäddade sidor eller formulär'
          : `Markdown, eller ett av de tillåtna HTML-elementen (${Object.keys(ELEMENTS).join(', ')})`,
        example: 'länka i stället: [Rapporten](https://exempel.se/rapport.pdf)',
      },
    ];
  }
  const errors: BodyError[] = [];
  for (const attr of attributes) {
    const attrName = attr.name ?? '';
    const expression = expressionError(name, attr, line);
    if (expression) {
      errors.push(expression);
      continue;
    }
    if (/^on/i.test(attrName)) {
      errors.push({
        line,
        field: 'brödtext',
        message: `händelseattributet ${attrName}= är inte tillåtet`,
        found: `${attrName}=`,
        expected: 'inga on…=-attribut',
        example: `ta bort ${attrName}="…"`,
      });
    } else if (!(GLOBAL_ATTRIBUTES as readonly string[]).includes(attrName) && !allowed.includes(attrName)) {
      errors.push({
        line,
        field: 'brödtext',
        message: `attributet ${attrName}= är inte tillåtet på <${name}>`,
        found: `${attrName}=`,
        expected: `attributen ${[...GLOBAL_ATTRIBUTES, ...allowed].join(', ')}; utseendet (style, class) och ankare (id) sätter webbplatsen själv`,
        example: `<${name}>…</${name}>`,
      });
    } else if (URL_ATTRIBUTES.has(attrName) && typeof attr.value === 'string') {
      errors.push(...urlErrors(attr.value, line, `${attrName}="${attr.value}"`, { tag: name, attribute: attrName }));
    }
  }
  return errors;
}

/** An error for an attribute that is an expression (`{...x}`, `title={x}`), else undefined. */
function expressionError(tag: string, attr: JsxAttribute, line: number | undefined): BodyError | undefined {
  if (attr.type !== 'mdxJsxAttribute') {
    return {
      line,
      field: 'brödtext',
      message: `uttryck i taggen <${tag}> är inte tillåtna`,
      found: `<${tag} {…}>`,
      expected: 'attribut med text i citattecken',
      example: `<${tag} title="…">`,
    };
  }
  if (attr.value !== null && attr.value !== undefined && typeof attr.value !== 'string') {
    return {
      line,
      field: 'brödtext',
      message: `uttryck i attributet ${attr.name} är inte tillåtna`,
      found: `${attr.name}={…}`,
      expected: 'attribut med text i citattecken',
      example: `${attr.name}="…"`,
    };
  }
  return undefined;
}

/** Errors for nodes that are never allowed: import/export and `{expressions}`. */
export function mdxNodeErrors(
  node: { type: string; value?: string | undefined },
  line: number | undefined,
): BodyError[] {
  if (node.type === 'mdxjsEsm') {
    return [
      {
        line,
        field: 'brödtext',
        message: 'import och export är inte tillåtna i brödtexten',
        found: node.value?.split('\n')[0],
        expected: 'bara text i Markdown; komponenterna Citat, Rättelse och Ärende finns utan import',
        example: 'ta bort raden',
      },
    ];
  }
  if (node.type === 'mdxFlowExpression' || node.type === 'mdxTextExpression') {
    return [
      {
        line,
        field: 'brödtext',
        message: 'uttryck inom { } är inte tillåtna i brödtexten',
        found: `{${node.value ?? ''}}`,
        expected: 'vanlig text; skriv \\{ och \\} för att visa klammerparenteser',
        example: `\\{${node.value ?? ''}\\}`,
      },
    ];
  }
  return [
    {
      line,
      field: 'brödtext',
      message: `brödtexten innehåller något som inte kan publiceras (${node.type})`,
      expected: 'Markdown, tillåtna HTML-element och webbplatsens komponenter',
      example: 'skriv innehållet som vanlig text',
    },
  ];
}

/** The error for a body the MDX parser cannot read (its message is `line:column: reason (rule)`). */
export function parseError(error: unknown, lineOffset: number): BodyError {
  const text = error instanceof Error ? error.message : String(error);
  const m = /^(\d+):(\d+)(?:-\d+:\d+)?: (.*)$/s.exec(text);
  return {
    line: m ? Number(m[1]) + lineOffset : undefined,
    field: 'brödtext',
    message: `brödtexten går inte att läsa som MDX (${m ? m[3]!.replace(/\s*\([\w:-]+\)\s*$/, '') : text})`,
    expected:
      'Markdown utan { } och med tecknet < bara i tillåtna HTML-taggar och komponenter; skriv \\{ \\} eller \\< för att visa tecknen som text',
    example: 'Beloppet är \\{ ungefär \\} 2 000 000 kr.',
  };
}

// ---------------------------------------------------------------------------
// Components

/** How a component may stand: on its own lines (a block) or inside a line of text. */
export type Placement = 'block' | 'text';

interface AttributeSpec {
  /** Its name in a form (the editor's Insert menu), in Swedish. */
  label: string;
  required: boolean;
  /** What a good value is, in Swedish. */
  expected: string;
  example: string;
  /** An error message when the value is bad, else undefined. */
  check?: (value: string, context: ComponentContext) => string | undefined;
}

export interface ComponentSpec {
  /** Its name in the editor's Insert menu, in Swedish. */
  label: string;
  /** What the text between the tags is, in Swedish (the editor's form). */
  content: string;
  /** What it is for, in Swedish (for messages and the staff guide). */
  purpose: string;
  attributes: Readonly<Record<string, AttributeSpec>>;
  /** Where it may stand. */
  placements: readonly Placement[];
  /** A complete example, as staff write it. */
  example: string;
}

export interface ComponentContext {
  /** The build day (`YYYY-MM-DD`): a correction may not be dated after it. */
  today: string;
}

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** `<Citat sida="…">`: a page (`4`) or a range of pages (`4–5`, `4-5`). */
export const PAGE_PATTERN = /^[1-9]\d{0,4}(?:[–-][1-9]\d{0,4})?$/;

/** The site's components, available in every body without an import. */
export const COMPONENTS: Readonly<Record<string, ComponentSpec>> = {
  Citat: {
    label: 'Citat ur ett dokument',
    content: 'Citatet, ordagrant',
    purpose: 'ett ordagrant citat ur ett källdokument',
    attributes: {
      källa: {
        label: 'Källa',
        required: true,
        expected: 'titeln på ett av ärendets dokument (documents[].title), eller en webbadress som börjar med https://',
        example: 'källa="Tjänsteskrivelse Överenskommelse Stångåstaden Linkstep (dec 2019)"',
        check: (value) =>
          value.trim() === ''
            ? 'källan är tom'
            : /^[a-z][a-z0-9+.-]*:/i.test(value) && !isUrlSource(value)
              ? 'källan är en adress som inte börjar med https:// eller http://'
              : undefined,
      },
      sida: {
        label: 'Sida',
        required: false,
        expected: 'ett sidnummer eller ett sidintervall, t.ex. 4 eller 4–5',
        example: 'sida="4"',
        check: (value) => (PAGE_PATTERN.test(value) ? undefined : 'sidan är inte ett sidnummer'),
      },
    },
    placements: ['block'],
    example:
      '<Citat källa="Tjänsteskrivelse Överenskommelse Stångåstaden Linkstep (dec 2019)">\nArbetsmarknadsnämnden ingår en överenskommelse med AB Stångåstaden …\n</Citat>',
  },
  Rättelse: {
    label: 'Rättelse',
    content: 'Vad som var fel och vad som gäller',
    purpose: 'en rättelse av ett fel i ärendet',
    attributes: {
      datum: {
        label: 'Datum för rättelsen',
        required: true,
        expected: 'dagen för rättelsen som ÅÅÅÅ-MM-DD, en dag som finns i kalendern och inte är senare än i dag',
        example: 'datum="2026-11-20"',
        check: (value, context) => {
          const m = ISO_DAY.exec(value);
          if (!m) return 'datumet är inte skrivet som ÅÅÅÅ-MM-DD';
          if (!isRealDay(Number(m[1]), Number(m[2]), Number(m[3]))) return 'datumet finns inte i kalendern';
          if (value > context.today) return `datumet är senare än i dag (${context.today})`;
          return undefined;
        },
      },
    },
    placements: ['block'],
    example: '<Rättelse datum="2026-11-20">\nBeloppet för 2021 var 1 200 000 kr, inte 2 100 000 kr.\n</Rättelse>',
  },
  Ärende: {
    label: 'Länk till ett annat ärende',
    content: 'Länktexten',
    purpose: 'en länk till ett annat ärende på webbplatsen',
    attributes: {
      slug: {
        label: 'Det andra ärendets slug (filnamnet utan .mdx)',
        required: true,
        expected: 'sluggen (filnamnet utan .mdx) för ett ärende som finns',
        example: 'slug="linkstep-stangastaden-2020"',
        check: (value) =>
          SLUG_PATTERN.test(value) ? undefined : 'sluggen får bara innehålla a–z, 0–9 och bindestreck',
      },
    },
    placements: ['block', 'text'],
    example: '<Ärende slug="linkstep-stangastaden-2020">överenskommelsen med Stångåstaden</Ärende>',
  },
};

/** The component a name means, ignoring case and diacritics (`citat`, `Arende`), if any. */
function nearComponent(name: string): string | undefined {
  const fold = (n: string) => n.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
  return Object.keys(COMPONENTS).find((n) => fold(n) === fold(name));
}

/** Errors for a component: its name, where it stands, its attributes and their values, and whether it has text. */
export function componentErrors(
  name: string,
  attributes: readonly JsxAttribute[],
  placement: Placement,
  hasContent: boolean,
  line: number | undefined,
  context: ComponentContext,
): BodyError[] {
  const spec = COMPONENTS[name];
  const names = Object.keys(COMPONENTS);
  if (spec === undefined) {
    const near = nearComponent(name);
    return [
      {
        line,
        field: 'brödtext',
        message: `komponenten <${name}> finns inte på webbplatsen${near ? `; menade du <${near}>?` : ''}`,
        found: `<${name}>`,
        expected: `en av webbplatsens komponenter: ${names.map((n) => `<${n}>`).join(', ')}`,
        example: COMPONENTS[near ?? 'Citat']!.example.split('\n')[0],
      },
    ];
  }
  const errors: BodyError[] = [];
  const base = { line, field: `brödtext <${name}>` };
  if (!spec.placements.includes(placement)) {
    errors.push({
      ...base,
      message: `<${name}> ska stå på egna rader, inte inuti en textrad`,
      found: `<${name}> i löpande text`,
      expected: `<${name}> på en egen rad, med en tom rad före och efter`,
      example: spec.example.split('\n')[0],
    });
  }
  const seen = new Set<string>();
  for (const attr of attributes) {
    const expression = expressionError(name, attr, line);
    if (expression) {
      errors.push({ ...expression, field: base.field });
      continue;
    }
    const attrName = attr.name ?? '';
    seen.add(attrName);
    const attrSpec = spec.attributes[attrName];
    if (attrSpec === undefined) {
      errors.push({
        ...base,
        message: `<${name}> har inget attribut ${attrName}`,
        found: `${attrName}=`,
        expected: `attributen ${Object.keys(spec.attributes).join(', ')}`,
        example: spec.example.split('\n')[0],
      });
      continue;
    }
    const value = typeof attr.value === 'string' ? attr.value : undefined;
    if (value === undefined) {
      errors.push({
        ...base,
        message: `attributet ${attrName} saknar värde`,
        found: attrName,
        expected: attrSpec.expected,
        example: attrSpec.example,
      });
      continue;
    }
    const problem = attrSpec.check?.(value, context);
    if (problem !== undefined)
      errors.push({
        ...base,
        message: `${attrName}: ${problem}`,
        found: value,
        expected: attrSpec.expected,
        example: attrSpec.example,
      });
  }
  for (const [attrName, attrSpec] of Object.entries(spec.attributes)) {
    if (attrSpec.required && !seen.has(attrName)) {
      errors.push({
        ...base,
        message: `attributet ${attrName} saknas`,
        found: `<${name}>`,
        expected: `${attrName}: ${attrSpec.expected}`,
        example: spec.example.split('\n')[0],
      });
    }
  }
  if (!hasContent) {
    errors.push({
      ...base,
      message: `<${name}> är tom`,
      found: `<${name} … />`,
      expected: `text mellan <${name}> och </${name}>: ${spec.purpose}`,
      example: spec.example.replace(/\n/g, ' '),
    });
  }
  return errors;
}

/**
 * The same checks for a component used in the site's own MDX pages (through
 * @astrojs/mdx, src/components/body/): its props as attributes. Returns the
 * errors as one Swedish message naming the page, or undefined.
 */
export function componentPropsProblem(
  name: string,
  props: Record<string, unknown>,
  hasContent: boolean,
  context: ComponentContext,
  page: string,
): string | undefined {
  const attributes: JsxAttribute[] = Object.entries(props).map(([key, value]) => ({
    type: 'mdxJsxAttribute',
    name: key,
    value: typeof value === 'string' ? value : value === true || value === undefined ? null : { type: 'expression' },
  }));
  const errors = componentErrors(name, attributes, 'block', hasContent, undefined, context);
  if (errors.length === 0) return undefined;
  return errors
    .map(
      (e) =>
        `${page}  ${e.field}: ${e.message}\n  Hittade:   ${e.found ?? ''}\n  Förväntat: ${e.expected}\n  Exempel:   ${e.example ?? ''}`,
    )
    .join('\n\n');
}
