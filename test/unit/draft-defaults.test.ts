/**
 * How a draft reaches the editor's new-case form (src/lib/editor/draft-defaults.ts):
 * the values drafted from a real decision become the defaults of the fields of
 * the generated editor configuration, each where the form shows it, and what is
 * stored in the tab is read back only when it is a draft.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { draftCase, valuesOf } from '../../src/lib/draft/draft.ts';
import { readDocument } from '../../src/lib/draft/read.ts';
import { editorConfig } from '../../src/lib/editor/cms-config.ts';
import {
  configWithDraft,
  type DefaultsField,
  parseStoredDraft,
  withDefaults,
} from '../../src/lib/editor/draft-defaults.ts';

type Config = { collections: { name: string; fields: DefaultsField[]; [key: string]: unknown }[] };

const config = editorConfig(
  { repo: 'kommun/insyn', branch: 'main' },
  { casesFolder: 'content/cases' },
) as unknown as Config;
const collection = config.collections[0]!;
const byName = (fields: readonly DefaultsField[], name: string) => fields.find((f) => f.name === name);

async function linkstepValues(): Promise<Record<string, unknown>> {
  const text = readFileSync(join(import.meta.dirname, '../fixtures/documents/linkstep-forslag-till-beslut.txt'));
  return valuesOf(draftCase(await readDocument(new Uint8Array(text), 'beslut.txt')).proposals);
}

describe('configWithDraft', () => {
  it("puts every drafted value on a field of the editor's new-case form", async () => {
    const values = await linkstepValues();
    const drafted = configWithDraft(config, collection.name, { document: 'beslut.txt', values });
    const fields = drafted.collections[0]!.fields;
    for (const [name, value] of Object.entries(values)) {
      const field = byName(fields, name);
      expect(field, name).toBeDefined();
      if (field!.widget === 'object') {
        for (const [key, sub] of Object.entries(value as Record<string, unknown>))
          expect(byName(field!.fields!, key)?.default, `${name}.${key}`).toEqual(sub);
      } else expect(field!.default, name).toEqual(value);
    }
    expect(byName(fields, 'body')!.default).toBe('Arbetsmarknadsnämnden');
    expect(byName(fields, 'parties')!.default).toEqual([
      { name: 'AB Stångåstaden', role: 'recipient' },
      { name: 'Linköpings kommun', role: 'funder' },
    ]);
    // A list item names every field, undefined where the draft has nothing: the editor
    // would otherwise fill the gap with an empty text and write it to the file.
    const party = (byName(fields, 'parties')!.default as Record<string, unknown>[])[0]!;
    expect(Object.keys(party)).toEqual(byName(fields, 'parties')!.fields!.map((f) => f.name));
    expect(party['orgNumber']).toBeUndefined();
    expect(byName(byName(fields, 'period')!.fields!, 'end')!.default).toBe('2020-12');
    // What the document does not state keeps the form's own default.
    expect(byName(fields, 'summary')).toEqual(byName(collection.fields, 'summary'));
    expect(byName(fields, 'reference')).toEqual(byName(collection.fields, 'reference'));
  });

  it('changes only the named collection, and nothing in the configuration it was given', async () => {
    const before = structuredClone(config);
    const drafted = configWithDraft(config, 'annan', { document: 'beslut.txt', values: await linkstepValues() });
    expect(drafted.collections).toEqual(config.collections);
    expect(config).toEqual(before);
  });

  it('skips empty values and keeps a number a number', () => {
    const fields = [
      { name: 'title', widget: 'string' },
      { name: 'targetGroup', widget: 'object', fields: [{ name: 'ageFrom', widget: 'number' }] },
    ];
    const out = withDefaults(fields, { title: '', targetGroup: { ageFrom: 20 } });
    expect(out[0]).toEqual(fields[0]);
    expect(out[1]!.fields![0]!.default).toBe(20);
  });
});

describe('parseStoredDraft', () => {
  it('reads a stored draft', () => {
    expect(parseStoredDraft(JSON.stringify({ document: 'a.pdf', values: { title: 'T' } }))).toEqual({
      document: 'a.pdf',
      values: { title: 'T' },
    });
  });

  it('keeps whether the editor has opened it', () => {
    expect(parseStoredDraft(JSON.stringify({ document: 'a.pdf', values: {}, opened: true }))).toEqual({
      document: 'a.pdf',
      values: {},
      opened: true,
    });
    expect(parseStoredDraft(JSON.stringify({ document: 'a.pdf', values: {}, opened: 'ja' }))).toEqual({
      document: 'a.pdf',
      values: {},
    });
  });

  it('ignores what is not one: nothing, broken JSON, other shapes', () => {
    for (const text of [null, '', '{', 'null', '[]', '{"document":1,"values":{}}', '{"document":"a","values":null}'])
      expect(parseStoredDraft(text), String(text)).toBeUndefined();
  });
});
