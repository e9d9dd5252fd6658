/**
 * The form editor's configuration (Sveltia CMS, served at /redigera/), generated
 * from the case format's JSON Schema, which is itself generated from the zod
 * schema: every field with its Swedish label (`title`) and hint (`description`),
 * closed lists as selects with their Swedish labels, the schema's patterns,
 * lengths and bounds as the editor's own checks. The editor stops what these
 * can express before saving; everything else (check digits, calendar days,
 * sums, names across fields) is stopped by the pull request's `npm run check`.
 */
import { BASIS_LABEL } from '../core/money.ts';
import { KIND_LABEL, ROLE_LABEL, STATUS_LABEL } from '../core/labels.ts';
import { SLUG_PATTERN, slugify } from '../core/slug.ts';
import { COMPONENTS, PAGE_PATTERN } from '../validate/body-policy.ts';
import { caseJsonSchema, PARTIAL_DATE_PATTERN } from '../schema/json-schema.ts';
import { HREF_PATTERN } from '../schema/text.ts';
import type { EditorComponentSpec } from './bundle.ts';

/** One field of the editor's configuration (the subset of Sveltia's options used here). */
export interface EditorField {
  name: string;
  label: string;
  hint?: string;
  /** Sveltia's field types, and src/scripts/editor.ts's checked ones: orgnummer, datum, tal. */
  widget: 'string' | 'text' | 'select' | 'list' | 'object' | 'markdown' | 'orgnummer' | 'datum' | 'tal';
  required?: boolean;
  pattern?: [string, string];
  minlength?: number;
  maxlength?: number;
  value_type?: 'int' | 'float';
  min?: number;
  max?: number;
  options?: { label: string; value: string }[];
  dropdown_threshold?: number;
  fields?: EditorField[];
  field?: EditorField;
  summary?: string;
  collapsed?: boolean;
  modes?: string[];
  editor_components?: string[];
}

/** The Swedish labels of each closed list, by the field's path (as in the data dictionary). */
export const SELECT_LABELS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  kind: KIND_LABEL,
  status: STATUS_LABEL,
  'parties[].role': ROLE_LABEL,
  'funding[].basis': BASIS_LABEL,
};

/** The body field's name inside the editor; it is written after the frontmatter, never into it. */
export const BODY_FIELD = 'brodtext';

/** The folder (in place of a year) of a case saved from the editor without a decision date. */
export const UNDATED_FOLDER = 'utan-beslutsdatum';

/** Where case files live, relative to the repository (content/cases/<år>/<slug>.mdx). */
export const CASES_FOLDER = 'content/cases';

/** What the editor says when a value does not match, by pattern. */
const PATTERN_MESSAGES: Readonly<Record<string, string>> = {
  [PARTIAL_DATE_PATTERN]:
    'Skriv datumet som ÅÅÅÅ, ÅÅÅÅ-MM eller ÅÅÅÅ-MM-DD med en månad 01–12 och en dag 01–31, t.ex. 2019-12-18.',
  '^\\d{6}-\\d{4}$': 'Skriv organisationsnumret som NNNNNN-NNNN, t.ex. 212000-0449.',
  [HREF_PATTERN.source]:
    'Skriv en webbadress som börjar med https:// eller en sökväg på webbplatsen som börjar med / (bara ett /).',
  '\\S': 'Fältet får inte bara innehålla mellanslag.',
};

type Json = Record<string, unknown>;

/** Choices up to this many are radio buttons, not a menu (the longest list, status, has 6). */
const RADIO_UP_TO = 10;

/** Texts longer than this get a box of several lines. */
const MULTILINE_FROM = 300;

function isPartialDate(schema: Json): boolean {
  const anyOf = schema['anyOf'];
  return Array.isArray(anyOf) && anyOf.some((s) => (s as Json)['pattern'] === PARTIAL_DATE_PATTERN);
}

function patternOf(pattern: string): [string, string] {
  const message = PATTERN_MESSAGES[pattern];
  if (message === undefined) throw new Error(`Redigeraren saknar ett meddelande för mönstret ${pattern}`);
  return [pattern, message];
}

/** A list item's one-line summary in the editor: its first text field. */
function summaryOf(fields: EditorField[]): string | undefined {
  const first = fields.find((f) => f.widget === 'string' || f.widget === 'text' || f.widget === 'datum');
  return first ? `{{fields.${first.name}}}` : undefined;
}

function fieldOf(name: string, schema: Json, required: boolean, path: string): EditorField {
  const label = typeof schema['title'] === 'string' ? schema['title'] : '';
  if (label === '') throw new Error(`Fältet ${path} saknar en svensk benämning (title) i schemat`);
  const base: Pick<EditorField, 'name' | 'label' | 'hint' | 'required'> = {
    name,
    label,
    ...(typeof schema['description'] === 'string' ? { hint: schema['description'] } : {}),
    required,
  };
  if (isPartialDate(schema)) return { ...base, widget: 'datum', pattern: patternOf(PARTIAL_DATE_PATTERN) };
  const type = schema['type'];
  if (type === 'string' && Array.isArray(schema['enum'])) {
    const labels = SELECT_LABELS[path];
    if (labels === undefined) throw new Error(`Den slutna listan ${path} saknar svenska etiketter`);
    return {
      ...base,
      widget: 'select',
      // Every closed list of the format is short: radio buttons, all choices in view, no menu to open.
      dropdown_threshold: RADIO_UP_TO,
      options: (schema['enum'] as string[]).map((value) => {
        const text = labels[value];
        if (text === undefined) throw new Error(`Värdet ${value} i ${path} saknar en svensk etikett`);
        return { label: `${text[0]!.toUpperCase()}${text.slice(1)} (${value})`, value };
      }),
    };
  }
  if (type === 'string') {
    const max = schema['maxLength'] as number | undefined;
    const pattern = schema['pattern'] as string | undefined;
    if (pattern === '^\\d{6}-\\d{4}$') return { ...base, widget: 'orgnummer', pattern: patternOf(pattern) };
    return {
      ...base,
      widget: max !== undefined && max > MULTILINE_FROM ? 'text' : 'string',
      ...(typeof schema['minLength'] === 'number' && schema['minLength'] > 1 ? { minlength: schema['minLength'] } : {}),
      ...(max !== undefined ? { maxlength: max } : {}),
      ...(pattern !== undefined && pattern !== '\\S' ? { pattern: patternOf(pattern) } : {}),
    };
  }
  if (type === 'integer' || type === 'number') {
    const exclusive = schema['exclusiveMinimum'];
    const min = typeof exclusive === 'number' ? exclusive + 1 : (schema['minimum'] as number | undefined);
    return {
      ...base,
      widget: 'tal',
      value_type: type === 'integer' ? 'int' : 'float',
      ...(min !== undefined ? { min } : {}),
      ...(typeof schema['maximum'] === 'number' ? { max: schema['maximum'] } : {}),
    };
  }
  if (type === 'object') {
    return { ...base, widget: 'object', fields: fieldsOf(schema, path), collapsed: false };
  }
  if (type === 'array') {
    const items = schema['items'] as Json;
    const min = typeof schema['minItems'] === 'number' && schema['minItems'] > 0 ? { min: schema['minItems'] } : {};
    if (items['type'] === 'object') {
      const fields = fieldsOf(items, `${path}[]`);
      const summary = summaryOf(fields);
      return { ...base, widget: 'list', ...min, fields, ...(summary ? { summary } : {}), collapsed: false };
    }
    const item = fieldOf(name, { title: label, ...items }, true, `${path}[]`);
    const { hint: _hint, ...single } = item;
    return { ...base, widget: 'list', ...min, field: single };
  }
  throw new Error(`Fältet ${path} har en typ som redigeraren inte kan visa: ${JSON.stringify(type)}`);
}

function fieldsOf(schema: Json, prefix: string): EditorField[] {
  const properties = (schema['properties'] ?? {}) as Record<string, Json>;
  const required = new Set((schema['required'] ?? []) as string[]);
  return Object.entries(properties).map(([name, child]) =>
    fieldOf(name, child, required.has(name), prefix === '' ? name : `${prefix}.${name}`),
  );
}

/** The frontmatter fields of the editor, in the format's order, generated from the schema. */
export function editorFields(): EditorField[] {
  return fieldsOf(caseJsonSchema(), '');
}

/** Where the editor saves: a repository on GitHub, through pull requests to `branch`. */
export interface EditorBackend {
  /** `owner/name` on GitHub. */
  repo: string;
  /** The branch pull requests go to (the site's published branch). */
  branch: string;
}

/** The GitHub repository `owner/name` of a repository's web address, or undefined for any other host. */
export function githubRepo(repoUrl: string | undefined): string | undefined {
  const m = /^https:\/\/github\.com\/([A-Za-z0-9_.-]+)\/([A-Za-z0-9_.-]+?)(?:\.git)?\/?$/.exec(repoUrl ?? '');
  return m ? `${m[1]}/${m[2]}` : undefined;
}

/**
 * The whole configuration handed to `CMS.init`. Saves go through the editorial
 * workflow: a branch and a pull request per case, never a push to `branch`.
 */
export function editorConfig(
  backend: EditorBackend,
  options: { casesFolder?: string; siteUrl?: string; logo?: string } = {},
) {
  return {
    load_config_file: false,
    backend: {
      name: 'github',
      repo: backend.repo,
      branch: backend.branch,
      auth_methods: ['token', 'oauth'],
      commit_messages: {
        create: 'Nytt ärende: {{slug}}',
        update: 'Ändrat ärende: {{slug}}',
        delete: 'Borttaget ärende: {{slug}}',
        uploadMedia: 'Ny fil: {{path}}',
        deleteMedia: 'Borttagen fil: {{path}}',
      },
    },
    publish_mode: 'editorial_workflow',
    app_title: 'Insyn – redigera ärenden',
    ...(options.siteUrl ? { site_url: options.siteUrl, display_url: options.siteUrl } : {}),
    ...(options.logo ? { logo: { src: options.logo } } : {}),
    media_folder: 'public/dokument',
    public_folder: '/dokument',
    slug: { encoding: 'ascii', clean_accents: true, sanitize_replacement: '-', maxlength: 80 },
    // Optional fields left empty are left out of the file, as the format wants (never "" or null).
    output: { omit_empty_optional_fields: true },
    collections: [
      {
        name: 'arenden',
        label: 'Ärenden',
        label_singular: 'ärende',
        description:
          'Ett ärende är ett beslut, en ansökan eller en rapport om arbetsmarknadspengar. När du sparar blir ändringen ett förslag (en pull request) som kontrolleras innan den publiceras.',
        folder: options.casesFolder ?? CASES_FOLDER,
        extension: 'mdx',
        format: 'yaml-frontmatter',
        // content/cases/<år>/<slug>.mdx. Sveltia cannot nest templates in a path, so a case
        // without a decision date goes to a folder of its own rather than period.start's year.
        path: `{{fields.decided | date('YYYY') | default('${UNDATED_FOLDER}')}}/{{slug}}`,
        slug: '{{title}}',
        identifier_field: 'title',
        summary: '{{title}}',
        sortable_fields: {
          fields: ['title', 'decided', 'organisation'],
          default: { field: 'decided', direction: 'descending' },
        },
        create: true,
        delete: false,
        body_field: { key: BODY_FIELD },
        fields: [
          ...editorFields(),
          {
            name: BODY_FIELD,
            label: 'Brödtext',
            hint: 'Beskrivningen i egna ord, i Markdown. Citat, rättelser och länkar till andra ärenden finns under Infoga.',
            widget: 'markdown',
            required: false,
            // Markdown text first: the file's body stays exactly as written. The formatted
            // view (with the Insert menu) writes the whole body again, and loses a table's
            // column alignment (`--:`), so it is the second choice (content/README.md).
            modes: ['raw', 'rich_text'],
            editor_components: Object.keys(COMPONENTS).map(componentId),
          },
        ],
      },
    ],
  };
}

/** Patterns the editor checks a component's attribute against: the body policy's, and a stricter day. */
const ATTRIBUTE_PATTERNS: Readonly<Record<string, [string, string]>> = {
  datum: ['^\\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\\d|3[01])$', 'Skriv dagen som ÅÅÅÅ-MM-DD, t.ex. 2026-11-20.'],
  slug: [SLUG_PATTERN.source, 'Sluggen är filnamnet utan .mdx: små bokstäver a–z, siffror och bindestreck.'],
  sida: [PAGE_PATTERN.source, 'Skriv ett sidnummer eller ett intervall, t.ex. 4 eller 4–5.'],
};

/** The body components (src/lib/validate/body-policy.ts) as forms in the editor. */
export function editorComponents(): EditorComponentSpec[] {
  return Object.entries(COMPONENTS).map(([tag, spec]) => ({
    id: componentId(tag),
    tag,
    label: spec.label,
    block: !spec.placements.includes('text'),
    attributes: Object.entries(spec.attributes).map(([name, a]) => ({
      name,
      label: a.label,
      hint: `${a.expected[0]!.toUpperCase()}${a.expected.slice(1)}.`,
      required: a.required,
      ...(ATTRIBUTE_PATTERNS[name] ? { pattern: ATTRIBUTE_PATTERNS[name] } : {}),
    })),
    textLabel: spec.content,
    textHint: `Skrivs mellan taggarna, t.ex. ${spec.example}`,
  }));
}

/** The editor component's id for a body component (`Ärende` → `arende`). */
export const componentId = slugify;
