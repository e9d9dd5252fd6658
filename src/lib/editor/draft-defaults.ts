/**
 * How a draft from a decision document (/redigera/fran-dokument/) reaches the
 * editor's new-case form: the page keeps the values the person accepted in
 * the tab's sessionStorage, and the editor's start-up (src/scripts/editor.ts)
 * makes them the defaults of the case collection's fields before Sveltia
 * starts, then opens the new-case form. The values never leave the browser
 * until the person saves. Pure and browser-safe.
 */

/** The sessionStorage key the draft page writes and the editor reads. */
export const DRAFT_STORAGE_KEY = 'insyn-utkast';

/** What the draft page stores. */
export interface StoredDraft {
  /** The document's file name, to say where the values came from. */
  document: string;
  /** Frontmatter values (src/lib/draft/draft.ts `valuesOf`), keyed by the case format's field names. */
  values: Record<string, unknown>;
  /** Set once the editor has opened the new-case form with them. */
  opened?: true;
}

/** A field of the editor's configuration, as far as defaults go. */
export interface DefaultsField {
  name: string;
  widget?: string;
  fields?: DefaultsField[];
  default?: unknown;
  [key: string]: unknown;
}

interface Collection {
  name: string;
  fields: DefaultsField[];
  [key: string]: unknown;
}

/** Reads a stored draft, or undefined when the text is not one. */
export function parseStoredDraft(text: string | null): StoredDraft | undefined {
  if (!text) return undefined;
  try {
    const data = JSON.parse(text) as Partial<StoredDraft>;
    if (typeof data.document !== 'string' || data.values === null || typeof data.values !== 'object') return undefined;
    return { document: data.document, values: data.values, ...(data.opened === true ? { opened: true } : {}) };
  } catch {
    return undefined;
  }
}

/**
 * The fields with the draft's values as defaults: a value for an object field (the
 * period, the target group) is its default and sets its subfields' defaults; anything
 * else (text, a choice, a number, a list of texts or of objects) is the field's own. Fields the draft
 * has no value for keep their defaults. Returns new objects; `fields` is unchanged.
 */
export function withDefaults(fields: readonly DefaultsField[], values: Record<string, unknown>): DefaultsField[] {
  return fields.map((field) => {
    const value = values[field.name];
    if (value === undefined || value === null || value === '') return field;
    if (field.widget === 'object' && field.fields && typeof value === 'object' && !Array.isArray(value)) {
      // Its own default too: an optional object without one starts switched off in the form.
      return { ...field, default: value, fields: withDefaults(field.fields, value as Record<string, unknown>) };
    }
    if (field.widget === 'list' && field.fields && Array.isArray(value)) {
      return { ...field, default: value.map((item) => withEveryKey(field.fields!, item)) };
    }
    // Numbers stay numbers: the number fields show them as text and save what they hold.
    return { ...field, default: value };
  });
}

/**
 * A list item with a key for each of its fields, undefined where the draft has no
 * value. Sveltia fills a key missing from a default item with an empty text, which it
 * then writes to the file (`orgNumber: ''`) where the format wants no key at all; an
 * undefined value is left out when the file is written.
 */
function withEveryKey(fields: readonly DefaultsField[], item: unknown): unknown {
  if (item === null || typeof item !== 'object' || Array.isArray(item)) return item;
  const values = item as Record<string, unknown>;
  return Object.fromEntries(
    fields.map((f) => {
      const v = values[f.name];
      return [f.name, f.widget === 'object' && f.fields && v !== undefined ? withEveryKey(f.fields, v) : v];
    }),
  );
}

/** The editor's configuration with the draft as the new-case form's defaults of `collection`. */
export function configWithDraft<C extends { collections: Collection[] }>(
  config: C,
  collection: string,
  draft: StoredDraft,
): C {
  return {
    ...config,
    collections: config.collections.map((c) =>
      c.name === collection ? { ...c, fields: withDefaults(c.fields, draft.values) } : c,
    ),
  };
}
