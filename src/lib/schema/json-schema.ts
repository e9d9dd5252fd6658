/**
 * The JSON Schema of a case file's frontmatter, generated from the zod
 * schema (never written by hand): the same fields, types, lists of values,
 * lengths, patterns and Swedish descriptions and examples. Published at
 * /data/schema.json and written to .vscode/case.schema.json (`npm run
 * schema`) for editors.
 *
 * zod turns types, lists of values, lengths, required fields and patterns
 * into JSON Schema (draft-07, the version editors support best) by itself.
 * The `override` below adds what zod cannot translate on its own but JSON
 * Schema can express, each tied to the zod piece it mirrors:
 * - partial dates: text `YYYY`, `YYYY-MM` or `YYYY-MM-DD` (month 01–12,
 *   day 01–31) or a bare year as an integer;
 * - an outcome has `target` or `actual`; a funding entry with `items` has
 *   an `amount`;
 * - text is not only spaces.
 * Left to `npm run check` and the build (listed in ZOD_ONLY_RULES): rules
 * that compare fields or need arithmetic or a calendar.
 */
import { z } from 'astro/zod';
import { caseFields } from './case.ts';
import { partialDate } from './dates.ts';
import { fundingEntry } from './funding.ts';
import { outcome } from './outcomes.ts';

/** A partial date as text; the calendar check (no 30 February) is left to zod. */
export const PARTIAL_DATE_PATTERN = '^\\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\\d|3[01]))?)?$';

/** Rules the JSON Schema cannot express; editors will not flag these, `npm run check` will. */
export const ZOD_ONLY_RULES = [
  'datumet måste finnas i kalendern (2021-02-30 är fel)',
  'period.end får inte ligga före period.start (även i funding)',
  'posterna i funding[].items ska summera till amount',
  'funding[].from ska finnas under parties eller vara organisation',
  'followUps[].done får inte ligga före decided',
  'targetGroup.ageFrom får inte vara större än ageTo',
  'organisationsnumrets kontrollsiffra',
  'texter räknas utan mellanslag i början och slutet',
  'filnamn (slug), personnummer, brödtext och dokument under public/ kontrolleras per fil',
] as const;

type JsonObject = Record<string, unknown>;

export interface JsonSchemaOptions {
  /** The schema's own address, e.g. https://insyn.example.se/data/schema.json. */
  id?: string | undefined;
}

/** Generates the JSON Schema of the frontmatter from `caseFields`. */
export function caseJsonSchema(options: JsonSchemaOptions = {}): JsonObject {
  const generated = z.toJSONSchema(caseFields, {
    io: 'input',
    target: 'draft-07',
    unrepresentable: 'throw',
    override: (ctx) => {
      const schema = ctx.jsonSchema as JsonObject;
      const def = ctx.zodSchema._zod.def;
      if (def === partialDate._zod.def) {
        const { title, description, examples } = schema;
        for (const key of Object.keys(schema)) delete schema[key];
        Object.assign(schema, {
          ...(title !== undefined ? { title } : {}),
          ...(description !== undefined ? { description } : {}),
          anyOf: [
            { type: 'string', pattern: PARTIAL_DATE_PATTERN },
            { type: 'integer', minimum: 1000, maximum: 9999 },
          ],
          examples: examples ?? z.globalRegistry.get(partialDate)?.examples,
        });
        return;
      }
      if (def === outcome._zod.def) schema['anyOf'] = [{ required: ['target'] }, { required: ['actual'] }];
      if (def === fundingEntry._zod.def) schema['dependencies'] = { items: ['amount'] };
      if (
        schema['type'] === 'string' &&
        typeof schema['minLength'] === 'number' &&
        schema['pattern'] === undefined &&
        schema['enum'] === undefined
      ) {
        schema['pattern'] = '\\S';
      }
      if (schema['maximum'] === Number.MAX_SAFE_INTEGER) delete schema['maximum'];
      if (schema['minimum'] === Number.MIN_SAFE_INTEGER) delete schema['minimum'];
    },
  }) as JsonObject;
  const { $schema, ...rest } = generated;
  return {
    $schema,
    ...(options.id ? { $id: options.id } : {}),
    title: 'Insyn: ett ärendes frontmatter (format version 1)',
    description: `Fälten överst i en ärendefil, content/cases/<år>/<slug>.mdx, mellan raderna ---. Genererad från webbplatsens zod-schema. Kontrolleras inte här, men av npm run check och bygget: ${ZOD_ONLY_RULES.join('; ')}.`,
    ...rest,
  };
}

/** The schema as the text of a file: stable key order, two-space indent, final newline. */
export function caseJsonSchemaText(options: JsonSchemaOptions = {}): string {
  return `${JSON.stringify(caseJsonSchema(options), null, 2)}\n`;
}
