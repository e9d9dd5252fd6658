import { describe, expect, it } from 'vitest';
import { splitCasesFile } from '../../src/integrations/case-json.ts';
import { casesFile, toJson } from '../../src/lib/export/json.ts';
import { caseSchema } from '../../src/lib/schema/case.ts';
import { validCase } from '../helpers/valid-case.ts';

describe('per-case JSON files split from arenden.json', () => {
  it('writes one file per case, each equal to its entry in the full download', () => {
    const data = caseSchema.parse(validCase());
    const cases = [
      { id: 'forsta', data },
      { id: 'andra', data: { ...data, title: 'Ett annat ärende' } },
    ];
    const full = casesFile(cases, (slug) => `https://insyn.example.se/arenden/${slug}/`, new Date('2026-11-23T12:00:00Z'));
    const files = splitCasesFile(toJson(full));
    expect(files.map(([path]) => path)).toEqual(['/data/arenden/forsta.json', '/data/arenden/andra.json']);
    expect(JSON.parse(files[1]![1])).toEqual({ slug: 'andra', url: 'https://insyn.example.se/arenden/andra/', ...full.cases[1] });
    expect(files[0]![1]).toBe(toJson(full.cases[0]));
  });
});
