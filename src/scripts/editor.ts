/**
 * Starts the form editor on /redigera/: Sveltia CMS with the configuration
 * generated from the case format (config.json beside this page,
 * src/lib/editor/cms-config.ts), the body components as forms in the editor's
 * Insert menu, and checks the editor cannot express as patterns (check digits,
 * calendar days) on the fields that need them.
 *
 * Bundled with Sveltia's npm build by src/lib/editor/assets.ts, so it may import
 * small pure helpers from src/lib/core/ and nothing that reads the site's data.
 */
// First, so that Sveltia starts in Swedish.
import './editor-language.ts';
import CMS from '@sveltia/cms';
import { luhnValid } from '../lib/core/luhn.ts';
import { formatNumber } from '../lib/core/money.ts';
import { isPartialDate } from '../lib/core/partial-date.ts';
import type { EditorBundle, EditorComponentSpec } from '../lib/editor/bundle.ts';
import { configWithDraft, DRAFT_STORAGE_KEY, parseStoredDraft } from '../lib/editor/draft-defaults.ts';

type SveltiaCms = typeof CMS;

declare global {
  interface Window {
    /** React's createClass and createElement, which Sveltia provides for custom fields. */
    createClass?: (spec: Record<string, unknown>) => unknown;
    h?: (type: unknown, props: unknown, ...children: unknown[]) => unknown;
  }
}

const quote = (value: unknown) => String(value ?? '').replace(/"/g, '”');

/** `källa="…" sida="…"`: the attributes given, in the component's order, empty ones left out. */
function attributesOf(spec: EditorComponentSpec, props: Record<string, unknown>): string {
  return spec.attributes
    .filter((a) => String(props[a.name] ?? '').trim() !== '')
    .map((a) => ` ${a.name}="${quote(String(props[a.name]).trim())}"`)
    .join('');
}

/** Reads `name="value"` pairs back. */
function parseAttributes(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of text.matchAll(/([^\s="]+)="([^"]*)"/gu)) out[m[1]!] = m[2]!;
  return out;
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function registerComponent(cms: SveltiaCms, spec: EditorComponentSpec): void {
  const tag = escapeRegExp(spec.tag);
  // Block components stand on their own lines, text between the tags on lines of its own;
  // an inline one (<Ärende>) is matched inside a paragraph.
  const pattern = spec.block
    ? new RegExp(`^<${tag}((?:\\s+[^\\s=>]+="[^"]*")*)\\s*>\\n([\\s\\S]*?)\\n</${tag}>`, 'u')
    : new RegExp(`<${tag}((?:\\s+[^\\s=>]+="[^"]*")*)\\s*>([^<\\n]*)</${tag}>`, 'u');
  cms.registerEditorComponent({
    id: spec.id,
    label: spec.label,
    fields: [
      ...spec.attributes.map((a) => ({
        name: a.name,
        label: a.label,
        hint: a.hint,
        widget: 'string',
        required: a.required,
        ...(a.pattern ? { pattern: a.pattern } : {}),
      })),
      {
        name: 'text',
        label: spec.textLabel,
        hint: spec.textHint,
        widget: spec.block ? 'text' : 'string',
        required: true,
      },
    ],
    pattern,
    fromBlock: (match: RegExpMatchArray) => ({ ...parseAttributes(match[1] ?? ''), text: match[2] ?? '' }),
    toBlock: (props: Record<string, unknown>) => {
      const text = String(props['text'] ?? '').trim();
      return spec.block
        ? `<${spec.tag}${attributesOf(spec, props)}>\n${text}\n</${spec.tag}>`
        : `<${spec.tag}${attributesOf(spec, props)}>${text}</${spec.tag}>`;
    },
    toPreview: (props: Record<string, unknown>) => String(props['text'] ?? ''),
  });
}

/** A check of a field's text: a Swedish message when it is wrong. */
type Check = (value: string, field: FieldOptions) => string | undefined;

/** The field's options, as Sveltia hands them to a control (an Immutable Map, or a plain object). */
interface FieldOptions {
  get?(key: string): unknown;
  [key: string]: unknown;
}

const option = (field: FieldOptions, key: string): unknown =>
  typeof field.get === 'function' ? field.get(key) : field[key];

/** A number as staff write it, or undefined: digits, and for decimals one comma or point. */
function parseNumber(text: string, integer: boolean): number | undefined {
  const t = text.trim();
  if (integer ? !/^\d+$/.test(t) : !/^\d+(?:[.,]\d+)?$/.test(t)) return undefined;
  return Number(t.replace(',', '.'));
}

/**
 * Field types built on Sveltia's text field, each with one check it runs before
 * saving. `tal` also turns the text into a number, so that the file holds
 * `amount: 2400000`, never text; what cannot be read as one stays text and is
 * refused with a message that says how to write it.
 */
const CHECKED_TYPES: Record<string, { check: Check; value?: (text: string, field: FieldOptions) => unknown }> = {
  // The field's pattern (from the schema, src/lib/editor/cms-config.ts) says how to write
  // the value; these checks add only what a pattern cannot: the check digit, the calendar.
  orgnummer: {
    check: (value) =>
      /^\d{6}-\d{4}$/.test(value) && !luhnValid(value.replace('-', ''))
        ? `Kontrollsiffran (sista siffran) i ${value} stämmer inte. Jämför med dokumentet eller allabolag.se.`
        : undefined,
  },
  datum: {
    check: (value) =>
      /^\d{4}(-\d{2}){0,2}$/.test(value) && !isPartialDate(value)
        ? `Datumet ${value} finns inte i kalendern.`
        : undefined,
  },
  tal: {
    check: (value, field) => {
      const integer = option(field, 'value_type') === 'int';
      const n = parseNumber(value, integer);
      if (n === undefined) {
        return integer
          ? `Skriv bara siffror, utan mellanslag, punkter eller "kr": 2400000 för 2 400 000 kr. Du skrev "${value}".`
          : `Skriv bara siffror, med komma eller punkt för decimaler, utan mellanslag eller enhet: 12,5. Du skrev "${value}".`;
      }
      const min = option(field, 'min');
      const max = option(field, 'max');
      if (typeof min === 'number' && n < min) return `Talet får inte vara mindre än ${formatNumber(min)}.`;
      if (typeof max === 'number' && n > max) return `Talet får inte vara större än ${formatNumber(max)}.`;
      return undefined;
    },
    value: (text, field) => parseNumber(text, option(field, 'value_type') === 'int') ?? text,
  },
};

interface ControlProps {
  value?: unknown;
  field: FieldOptions;
  onChange(value: unknown): void;
  [key: string]: unknown;
}

function registerCheckedTypes(cms: SveltiaCms): void {
  const base = cms.getFieldType('string')?.control;
  const { createClass, h } = window;
  if (base === undefined || createClass === undefined || h === undefined) {
    throw new Error('Sveltia CMS saknar textfältet att bygga de kontrollerade fälten på.');
  }
  for (const [name, { check, value }] of Object.entries(CHECKED_TYPES)) {
    cms.registerFieldType(
      name,
      createClass({
        isValid(this: { props: ControlProps }) {
          const text = String(this.props.value ?? '').trim();
          if (text === '') return true;
          const message = check(text, this.props.field);
          return message === undefined ? true : { error: { message } };
        },
        render(this: { props: ControlProps }) {
          const props = this.props;
          if (value === undefined) return h(base, props);
          return h(base, {
            ...props,
            value: props.value === undefined ? props.value : String(props.value),
            onChange: (text: unknown) => props.onChange(typeof text === 'string' ? value(text, props.field) : text),
          });
        },
      }) as never,
    );
  }
}

/**
 * A draft from /redigera/fran-dokument/, when one waits in this tab: its values become
 * the new-case form's defaults and the form opens, the first time only. It is kept
 * until a case is saved, so that signing in first loses nothing.
 */
function withDraft(cms: SveltiaCms, bundle: EditorBundle): EditorBundle['config'] {
  const draft = parseStoredDraft(sessionStorage.getItem(DRAFT_STORAGE_KEY));
  const config = bundle.config as { collections: { name: string; fields: never[] }[] };
  const collection = config.collections[0]?.name;
  if (!draft || collection === undefined) return bundle.config;
  cms.registerEventListener({ name: 'postSave', handler: () => sessionStorage.removeItem(DRAFT_STORAGE_KEY) } as never);
  // The form opens once; a reload afterwards stays where the person is.
  if (!draft.opened) {
    location.hash = `#/collections/${collection}/new`;
    sessionStorage.setItem(DRAFT_STORAGE_KEY, JSON.stringify({ ...draft, opened: true }));
  }
  return configWithDraft(config, collection, draft) as EditorBundle['config'];
}

async function start(cms: SveltiaCms): Promise<void> {
  const response = await fetch(new URL('config.json', document.baseURI));
  const bundle = (await response.json()) as EditorBundle;
  registerCheckedTypes(cms);
  for (const spec of bundle.components) registerComponent(cms, spec);
  await cms.init({ config: withDraft(cms, bundle) as never });
}

/**
 * Sveltia adds a viewport tag with `maximum-scale=1`, which stops pinch-zoom on phones
 * (WCAG 1.4.4): take that part out wherever it appears, keeping the rest of the tag.
 */
function allowZoom(): void {
  const fix = () => {
    for (const meta of document.querySelectorAll<HTMLMetaElement>('meta[name="viewport"]')) {
      const parts = meta.content.split(',').map((p) => p.trim());
      const kept = parts.filter((p) => !/^(maximum-scale|minimum-scale|user-scalable)\s*=/.test(p));
      if (kept.length !== parts.length) meta.content = kept.join(', ');
    }
  };
  fix();
  new MutationObserver(fix).observe(document.head, { childList: true, subtree: true, attributes: true });
}

allowZoom();
start(CMS).catch((error: unknown) => {
  const p = document.createElement('p');
  p.setAttribute('role', 'alert');
  p.textContent = `Redigeraren kunde inte starta: ${error instanceof Error ? error.message : String(error)}`;
  document.body.append(p);
});
