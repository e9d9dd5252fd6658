/**
 * The generated JSON Schema against the zod schema: one table of bad
 * frontmatter drives both. Every row is rejected by zod (npm run check and
 * the build); rows marked `json: 'rejects'` must be rejected by the JSON
 * Schema too, and rows marked `json: 'zod-only'` are rules JSON Schema
 * cannot express (arithmetic, comparing fields, the calendar), asserted to
 * pass the JSON Schema so the gap is explicit. Every seed case passes both.
 * The schema committed for editors must equal the generated one.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { listCaseFiles } from '../../src/lib/content/collection.ts';
import { parseCase } from '../../src/lib/content/parse-case.ts';
import { caseJsonSchema, caseJsonSchemaText } from '../../src/lib/schema/json-schema.ts';
import { ROOT, SEED_CASES } from '../helpers/site.ts';
import { type Loose, validCase } from '../helpers/valid-case.ts';

// Strict, except that `anyOf: [{ required: [target] }, …]` names properties defined one level up (valid JSON Schema).
const ajv = new Ajv({ allErrors: true, strict: true, strictRequired: false });
const validate = ajv.compile(caseJsonSchema());

const FILE = 'content/cases/2020/testfall.mdx';

interface Row {
  rule: string;
  mutate: (c: Loose) => void;
  /** The field zod names in its error. */
  field: string;
  /** Whether the JSON Schema rejects it too, or cannot express the rule. */
  json: 'rejects' | 'zod-only';
}

const rows: Row[] = [
  { rule: 'title is required', mutate: (c) => delete c.title, field: 'title', json: 'rejects' },
  { rule: 'title has at least 3 characters', mutate: (c) => (c.title = 'AB'), field: 'title', json: 'rejects' },
  {
    rule: 'title has at most 200 characters',
    mutate: (c) => (c.title = 'x'.repeat(201)),
    field: 'title',
    json: 'rejects',
  },
  { rule: 'title is not only spaces', mutate: (c) => (c.title = '     '), field: 'title', json: 'rejects' },
  {
    rule: 'title has 3 characters once trimmed (JSON Schema counts the spaces)',
    mutate: (c) => (c.title = '  AB  '),
    field: 'title',
    json: 'zod-only',
  },
  {
    rule: 'summary has at least 10 characters',
    mutate: (c) => (c.summary = 'Kort.'),
    field: 'summary',
    json: 'rejects',
  },
  { rule: 'kind is one of the listed values', mutate: (c) => (c.kind = 'agrement'), field: 'kind', json: 'rejects' },
  {
    rule: 'status is one of the listed values',
    mutate: (c) => (c.status = 'approved'),
    field: 'status',
    json: 'rejects',
  },
  { rule: 'organisation is required', mutate: (c) => delete c.organisation, field: 'organisation', json: 'rejects' },
  { rule: 'body is required', mutate: (c) => delete c.body, field: 'body', json: 'rejects' },
  {
    rule: 'an unknown field is an error (a typo never drops data)',
    mutate: (c) => ((c.followups = c.followUps), delete c.followUps),
    field: 'followups',
    json: 'rejects',
  },
  {
    rule: 'decided has the partial-date form',
    mutate: (c) => (c.decided = 'december 2019'),
    field: 'decided',
    json: 'rejects',
  },
  { rule: 'decided has a month 01–12', mutate: (c) => (c.decided = '2019-13'), field: 'decided', json: 'rejects' },
  {
    rule: 'decided as a bare number is a four-digit year',
    mutate: (c) => (c.decided = 19),
    field: 'decided',
    json: 'rejects',
  },
  {
    rule: 'decided is a real calendar day',
    mutate: (c) => (c.decided = '2024-02-30'),
    field: 'decided',
    json: 'zod-only',
  },
  { rule: 'reference is text', mutate: (c) => (c.reference = ['KS', 1]), field: 'reference', json: 'rejects' },
  {
    rule: 'decisionPoints is required',
    mutate: (c) => delete c.decisionPoints,
    field: 'decisionPoints',
    json: 'rejects',
  },
  {
    rule: 'decisionPoints has at least one point',
    mutate: (c) => (c.decisionPoints = []),
    field: 'decisionPoints',
    json: 'rejects',
  },
  {
    rule: 'decisionPoints are not empty',
    mutate: (c) => (c.decisionPoints = ['']),
    field: 'decisionPoints[0]',
    json: 'rejects',
  },
  { rule: 'parties has at least one party', mutate: (c) => (c.parties = []), field: 'parties', json: 'rejects' },
  { rule: 'a party has a name', mutate: (c) => delete c.parties[0].name, field: 'parties[0].name', json: 'rejects' },
  {
    rule: 'party role is one of the listed values',
    mutate: (c) => (c.parties[0].role = 'mottagare'),
    field: 'parties[0].role',
    json: 'rejects',
  },
  {
    rule: 'a party has no unknown fields',
    mutate: (c) => (c.parties[0].roll = 'recipient'),
    field: 'parties[0].roll',
    json: 'rejects',
  },
  {
    rule: 'orgNumber has the form NNNNNN-NNNN',
    mutate: (c) => (c.parties[1].orgNumber = '2120000449'),
    field: 'parties[1].orgNumber',
    json: 'rejects',
  },
  {
    rule: 'orgNumber has a valid check digit',
    mutate: (c) => (c.parties[1].orgNumber = '212000-0448'),
    field: 'parties[1].orgNumber',
    json: 'zod-only',
  },
  {
    rule: 'period has a start',
    mutate: (c) => (c.period = { end: '2020-12-31' }),
    field: 'period.start',
    json: 'rejects',
  },
  {
    rule: 'period.end is not before period.start',
    mutate: (c) => (c.period = { start: '2020-06', end: '2020-05-31' }),
    field: 'period.end',
    json: 'zod-only',
  },
  {
    rule: 'funding amount is an integer, not text',
    mutate: (c) => (c.funding[0].amount = '1 100 000 kr'),
    field: 'funding[0].amount',
    json: 'rejects',
  },
  {
    rule: 'funding amount is never 0',
    mutate: (c) => (c.funding[1].amount = 0),
    field: 'funding[1].amount',
    json: 'rejects',
  },
  {
    rule: 'funding amount is never negative',
    mutate: (c) => (c.funding[1].amount = -5),
    field: 'funding[1].amount',
    json: 'rejects',
  },
  {
    rule: 'funding amount is whole kronor',
    mutate: (c) => (c.funding[1].amount = 10.5),
    field: 'funding[1].amount',
    json: 'rejects',
  },
  {
    rule: 'funding basis is required',
    mutate: (c) => delete c.funding[1].basis,
    field: 'funding[1].basis',
    json: 'rejects',
  },
  {
    rule: 'funding basis is one of the listed values',
    mutate: (c) => (c.funding[0].basis = 'yearly'),
    field: 'funding[0].basis',
    json: 'rejects',
  },
  {
    rule: 'funding items need an amount',
    mutate: (c) => delete c.funding[0].amount,
    field: 'funding[0].amount',
    json: 'rejects',
  },
  {
    rule: 'funding items add up to amount',
    mutate: (c) => (c.funding[0].items[1].amount = 430500),
    field: 'funding[0].items',
    json: 'zod-only',
  },
  {
    rule: 'funding from is a party or the organisation',
    mutate: (c) => (c.funding[0].from = 'Tillväxtverket'),
    field: 'funding[0].from',
    json: 'zod-only',
  },
  {
    rule: 'funding period end is not before its start',
    mutate: (c) => (c.funding[0].period = { start: '2021', end: '2020' }),
    field: 'funding[0].period.end',
    json: 'zod-only',
  },
  {
    rule: 'followUps due has the partial-date form',
    mutate: (c) => (c.followUps[1].due = 'sept 2021'),
    field: 'followUps[1].due',
    json: 'rejects',
  },
  {
    rule: 'followUps due is a real calendar day',
    mutate: (c) => (c.followUps[1].due = '2021-02-30'),
    field: 'followUps[1].due',
    json: 'zod-only',
  },
  {
    rule: 'followUps what is required',
    mutate: (c) => delete c.followUps[1].what,
    field: 'followUps[1].what',
    json: 'rejects',
  },
  {
    rule: 'followUps done is not before decided',
    mutate: (c) => (c.followUps[0].done = '2019-11'),
    field: 'followUps[0].done',
    json: 'zod-only',
  },
  {
    rule: 'followUps report is a URL or site path',
    mutate: (c) => (c.followUps[0].report = 'rapport.pdf'),
    field: 'followUps[0].report',
    json: 'rejects',
  },
  {
    rule: 'outcomes need a target or an actual',
    mutate: (c) => (c.outcomes[1] = { indicator: 'Nöjdhet', unit: 'betyg' }),
    field: 'outcomes[1]',
    json: 'rejects',
  },
  {
    rule: 'outcome numbers are ≥ 0',
    mutate: (c) => (c.outcomes[0].target = -1),
    field: 'outcomes[0].target',
    json: 'rejects',
  },
  {
    rule: 'outcome unit is required',
    mutate: (c) => delete c.outcomes[0].unit,
    field: 'outcomes[0].unit',
    json: 'rejects',
  },
  {
    rule: 'outcome asOf is a partial date',
    mutate: (c) => (c.outcomes[0].asOf = 'hösten 2019'),
    field: 'outcomes[0].asOf',
    json: 'rejects',
  },
  {
    rule: 'targetGroup ages are at most 120',
    mutate: (c) => (c.targetGroup.ageTo = 130),
    field: 'targetGroup.ageTo',
    json: 'rejects',
  },
  {
    rule: 'targetGroup ages are whole years',
    mutate: (c) => (c.targetGroup.ageFrom = 19.5),
    field: 'targetGroup.ageFrom',
    json: 'rejects',
  },
  {
    rule: 'targetGroup ageFrom is not above ageTo',
    mutate: (c) => ((c.targetGroup.ageFrom = 65), (c.targetGroup.ageTo = 20)),
    field: 'targetGroup.ageFrom',
    json: 'zod-only',
  },
  { rule: 'places are not empty', mutate: (c) => (c.places = ['Ryd', '']), field: 'places[1]', json: 'rejects' },
  { rule: 'topics is a list', mutate: (c) => (c.topics = 'försörjningsstöd'), field: 'topics', json: 'rejects' },
  {
    rule: 'documents have a title',
    mutate: (c) => (c.documents = [{ href: 'https://example.org/a.pdf' }]),
    field: 'documents[0].title',
    json: 'rejects',
  },
  {
    rule: 'document href is a URL or site path',
    mutate: (c) => (c.documents[1].href = 'javascript:alert(1)'),
    field: 'documents[1].href',
    json: 'rejects',
  },
  {
    rule: 'signedBy has a name',
    mutate: (c) => (c.signedBy = [{ unit: 'Utbildningskontoret' }]),
    field: 'signedBy[0].name',
    json: 'rejects',
  },
];

function zodErrors(data: unknown) {
  return parseCase(FILE, `---\n${stringify(data)}---\n\nText.\n`).errors;
}

/** The frontmatter as an editor sees it: the YAML parsed to plain data. */
function frontmatter(source: string): unknown {
  const end = source.indexOf('\n---', 3);
  return parse(source.slice(4, end + 1));
}

describe('the JSON Schema and the zod schema agree', () => {
  it('the valid base case passes both', () => {
    expect(zodErrors(validCase())).toEqual([]);
    expect(validate(validCase()), JSON.stringify(validate.errors)).toBe(true);
  });

  it.each(listCaseFiles(ROOT, SEED_CASES))('the seed case %s passes both', (file) => {
    const source = readFileSync(join(ROOT, file), 'utf8');
    expect(parseCase(file, source).errors).toEqual([]);
    expect(validate(frontmatter(source)), JSON.stringify(validate.errors)).toBe(true);
  });

  it.each(rows.map((r) => [r.rule, r] as const))('%s', (_rule, row) => {
    const data = validCase();
    row.mutate(data);
    const errors = zodErrors(data);
    expect(errors.map((e) => e.field)).toContain(row.field);
    const accepted = validate(data);
    if (row.json === 'rejects') {
      expect(accepted, 'the JSON Schema should reject this too').toBe(false);
    } else {
      // JSON Schema cannot express this rule: editors will not flag it; npm run check and the build do.
      expect(accepted, 'the JSON Schema now rejects this: move the row to json: "rejects"').toBe(true);
    }
  });

  it('the table covers both kinds of rule', () => {
    expect(rows.filter((r) => r.json === 'rejects').length).toBeGreaterThan(30);
    expect(rows.filter((r) => r.json === 'zod-only').map((r) => r.rule)).toEqual([
      'title has 3 characters once trimmed (JSON Schema counts the spaces)',
      'decided is a real calendar day',
      'orgNumber has a valid check digit',
      'period.end is not before period.start',
      'funding items add up to amount',
      'funding from is a party or the organisation',
      'funding period end is not before its start',
      'followUps due is a real calendar day',
      'followUps done is not before decided',
      'targetGroup ageFrom is not above ageTo',
    ]);
  });
});

describe('the schema for editors', () => {
  it('is generated, with Swedish descriptions and examples from the zod metadata', () => {
    const schema = caseJsonSchema() as Loose;
    expect(schema.$schema).toBe('http://json-schema.org/draft-07/schema#');
    expect(schema.required).toEqual([
      'title',
      'summary',
      'kind',
      'status',
      'organisation',
      'body',
      'decisionPoints',
      'parties',
    ]);
    expect(schema.additionalProperties).toBe(false);
    expect(schema.properties.kind.enum).toEqual(['agreement', 'grant', 'partnership', 'application', 'report']);
    expect(schema.properties.title.description).toBe('Ärendets namn som i dokumentet.');
    expect(schema.properties.decided.examples).toContain('2019-12-18');
    expect(caseJsonSchema({ id: 'https://insyn.example.se/data/schema.json' }).$id).toBe(
      'https://insyn.example.se/data/schema.json',
    );
  });

  it('the committed .vscode/case.schema.json is up to date (run npm run schema after changing the schema)', () => {
    expect(readFileSync(join(ROOT, '.vscode/case.schema.json'), 'utf8')).toBe(caseJsonSchemaText());
  });
});
