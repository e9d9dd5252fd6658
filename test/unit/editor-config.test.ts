/**
 * The form editor's configuration (src/lib/editor/cms-config.ts) against the
 * data dictionary, which walks the zod schema itself: every field of the format
 * is in the editor with the dictionary's Swedish label and description, closed
 * lists are selects with every value and a Swedish label, and the editor's own
 * checks (patterns, lengths, bounds) accept what the schema accepts and refuse
 * what it refuses, on the examples staff get wrong.
 */
import { describe, expect, it } from 'vitest';
import { BASIS_LABEL } from '../../src/lib/core/money.ts';
import { KIND_LABEL, ROLE_LABEL, STATUS_LABEL } from '../../src/lib/core/labels.ts';
import {
  BODY_FIELD,
  componentId,
  type EditorField,
  editorComponents,
  editorConfig,
  editorFields,
  githubRepo,
} from '../../src/lib/editor/cms-config.ts';
import { readConfig } from '../../src/lib/config.ts';
import { editorBackend } from '../../src/lib/editor/backend.ts';
import { dataDictionary } from '../../src/lib/export/dictionary.ts';
import { COMPONENTS } from '../../src/lib/validate/body-policy.ts';

/** The editor's fields flattened to dictionary paths (`funding[].items[].amount`). */
function flatten(fields: EditorField[], prefix = ''): Map<string, EditorField> {
  const out = new Map<string, EditorField>();
  for (const f of fields) {
    const path = prefix === '' ? f.name : `${prefix}.${f.name}`;
    out.set(path, f);
    if (f.widget === 'object' && f.fields) for (const [p, c] of flatten(f.fields, path)) out.set(p, c);
    if (f.widget === 'list' && f.fields) for (const [p, c] of flatten(f.fields, `${path}[]`)) out.set(p, c);
  }
  return out;
}

const fields = flatten(editorFields());
const dictionary = dataDictionary();

describe('the editor configuration, generated from the schema', () => {
  it('has every field of the data dictionary, and no other', () => {
    expect([...fields.keys()].sort()).toEqual(dictionary.map((f) => f.path).sort());
  });

  it.each(dictionary.map((f) => [f.path, f] as const))('labels %s as the dictionary does', (path, entry) => {
    const field = fields.get(path)!;
    expect(entry.label).not.toBe('');
    expect(field.label).toBe(entry.label);
    expect(field.hint).toBe(entry.description);
    expect(field.required, `${path} required`).toBe(entry.required);
  });

  it('offers every value of a closed list, with its Swedish label', () => {
    const lists = dictionary.filter((f) => f.allowed);
    expect(lists.map((f) => f.path)).toEqual(['kind', 'status', 'parties[].role', 'funding[].basis']);
    const labels: Record<string, Record<string, string>> = {
      kind: KIND_LABEL,
      status: STATUS_LABEL,
      'parties[].role': ROLE_LABEL,
      'funding[].basis': BASIS_LABEL,
    };
    for (const entry of lists) {
      const field = fields.get(entry.path)!;
      expect(field.widget).toBe('select');
      expect(field.options!.map((o) => o.value)).toEqual(entry.allowed);
      for (const option of field.options!) {
        expect(option.label.toLowerCase()).toContain(labels[entry.path]![option.value]!.toLowerCase());
      }
    }
  });

  it('gives lists of objects their fields and lists of texts a text field', () => {
    for (const path of ['parties', 'funding', 'funding[].items', 'followUps', 'outcomes', 'documents', 'signedBy']) {
      expect(fields.get(path)?.widget, path).toBe('list');
      expect(fields.get(path)?.fields?.length, path).toBeGreaterThan(0);
    }
    for (const path of ['decisionPoints', 'places', 'topics']) {
      expect(fields.get(path)?.widget, path).toBe('list');
      expect(fields.get(path)?.field?.widget, path).toMatch(/^(string|text)$/);
    }
    expect(fields.get('decisionPoints')?.min).toBe(1);
    expect(fields.get('parties')?.min).toBe(1);
  });

  const pattern = (path: string) => new RegExp(fields.get(path)!.pattern![0], 'u');

  it('checks dates as partial dates with a real month and day, with the fields the dictionary calls dates', () => {
    const dates = dictionary.filter((f) => f.type.startsWith('datum')).map((f) => f.path);
    expect(dates.length).toBeGreaterThan(5);
    for (const path of dates) expect(fields.get(path)?.widget, path).toBe('datum');
    const date = pattern('decided');
    for (const ok of ['2019', '2019-12', '2019-12-18']) expect(date.test(ok), ok).toBe(true);
    for (const bad of ['2019-13-01', '2019-12-32', '18/12/2019', '2019-1-5', 'december 2019']) {
      expect(date.test(bad), bad).toBe(false);
    }
    expect(fields.get('decided')!.pattern![1]).toMatch(/ÅÅÅÅ-MM-DD/);
  });

  it('checks organisationsnummer and links by the schema pattern, amounts as whole kronor above 0', () => {
    expect(fields.get('parties[].orgNumber')?.widget).toBe('orgnummer');
    expect(pattern('parties[].orgNumber').test('212000-0449')).toBe(true);
    expect(pattern('parties[].orgNumber').test('2120000449')).toBe(false);
    expect(pattern('documents[].href').test('/dokument/beslut.pdf')).toBe(true);
    expect(pattern('documents[].href').test('javascript:alert(1)')).toBe(false);
    for (const path of ['funding[].amount', 'funding[].items[].amount']) {
      expect(fields.get(path)).toMatchObject({ widget: 'tal', value_type: 'int', min: 1 });
    }
    expect(fields.get('outcomes[].target')).toMatchObject({ widget: 'tal', value_type: 'float', min: 0 });
    expect(fields.get('targetGroup.ageTo')).toMatchObject({ widget: 'tal', value_type: 'int', min: 0, max: 120 });
  });

  it('bounds texts by the schema, with a box of several lines for long ones', () => {
    expect(fields.get('title')).toMatchObject({ widget: 'string', minlength: 3, maxlength: 200 });
    expect(fields.get('summary')).toMatchObject({ widget: 'text', minlength: 10, maxlength: 400 });
  });
});

describe('the collection', () => {
  const config = editorConfig({ repo: 'kommun/insyn', branch: 'publicering' }, { casesFolder: 'content/cases' });
  const collection = config.collections[0]!;

  it('saves through pull requests to the configured branch, never straight to it', () => {
    expect(config.publish_mode).toBe('editorial_workflow');
    expect(config.backend).toMatchObject({ name: 'github', repo: 'kommun/insyn', branch: 'publicering' });
  });

  it('writes content/cases/<år>/<slug>.mdx with the body after the frontmatter', () => {
    expect(collection).toMatchObject({ folder: 'content/cases', extension: 'mdx', format: 'yaml-frontmatter' });
    expect(collection.path).toMatch(/^\{\{fields\.decided \| date\('YYYY'\)/);
    expect(collection.path.endsWith('/{{slug}}')).toBe(true);
    expect(collection.body_field).toEqual({ key: BODY_FIELD });
    const body = collection.fields.at(-1)!;
    expect(body).toMatchObject({ name: BODY_FIELD, widget: 'markdown' });
    expect(collection.fields.filter((f) => f.name === 'body')).toHaveLength(1);
    expect(config.slug).toMatchObject({ encoding: 'ascii', clean_accents: true });
  });

  it('leaves empty optional fields out of the file', () => {
    expect(config.output).toEqual({ omit_empty_optional_fields: true });
  });

  it('offers every body component in the body field, with a form for each attribute', () => {
    const components = editorComponents();
    expect(components.map((c) => c.tag)).toEqual(Object.keys(COMPONENTS));
    expect((collection.fields.at(-1) as EditorField).editor_components).toEqual(
      Object.keys(COMPONENTS).map(componentId),
    );
    for (const c of components) {
      expect(c.attributes.map((a) => a.name)).toEqual(Object.keys(COMPONENTS[c.tag]!.attributes));
      for (const a of c.attributes) expect(a.label, `${c.tag} ${a.name}`).not.toBe('');
    }
    expect(components.find((c) => c.tag === 'Ärende')!.block).toBe(false);
    expect(components.find((c) => c.tag === 'Citat')!.block).toBe(true);
  });
});

describe('githubRepo', () => {
  it.each([
    ['https://github.com/kommun/insyn', 'kommun/insyn'],
    ['https://github.com/kommun/insyn.git', 'kommun/insyn'],
    ['https://github.com/Kommun-X/insyn.site/', 'Kommun-X/insyn.site'],
    ['https://gitlab.com/kommun/insyn', undefined],
    ['https://github.com/kommun', undefined],
    [undefined, undefined],
  ])('%s → %s', (url, repo) => {
    expect(githubRepo(url)).toBe(repo);
  });
});

describe('editorBackend', () => {
  it('is on for a GitHub repository, or on the working copy only, else off', () => {
    expect(
      editorBackend(
        readConfig({ INSYN_REPO_URL: 'https://github.com/kommun/insyn', INSYN_REPO_BRANCH: 'publicering' }),
      ),
    ).toEqual({ repo: 'kommun/insyn', branch: 'publicering' });
    expect(editorBackend(readConfig({ INSYN_EDITOR_LOCAL: '1' }))).toEqual({
      repo: 'lokal/arbetskopia',
      branch: 'main',
    });
    expect(editorBackend(readConfig({ INSYN_REPO_URL: 'https://gitlab.com/kommun/insyn' }))).toBeUndefined();
    expect(editorBackend(readConfig({}))).toBeUndefined();
  });
});
