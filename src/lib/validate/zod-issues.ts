/**
 * The friendly error map: turns zod issues into Swedish `CaseError`s with
 * the field path, what was found, what is expected and an example taken
 * from the schema's own metadata (`.meta({ description, examples })`).
 */
import { z } from 'astro/zod';
import { stringify } from 'yaml';
import { type CaseError, fieldPath } from './errors.ts';

type AnySchema = z.core.$ZodType;
interface Help {
  description?: string | undefined;
  examples?: unknown[] | undefined;
}

function defOf(schema: AnySchema): { type: string } & Record<string, unknown> {
  return schema._zod.def as unknown as { type: string } & Record<string, unknown>;
}

/** Unwraps optional/pipe/transform wrappers, collecting metadata on the way. */
function unwrap(schema: AnySchema, help: Help): AnySchema {
  let current: AnySchema = schema;
  for (;;) {
    const meta = z.globalRegistry.get(current) as Help | undefined;
    if (meta) {
      help.description ??= meta.description;
      help.examples ??= meta.examples;
    }
    const def = defOf(current);
    if (def.type === 'optional' || def.type === 'nullable' || def.type === 'default')
      current = def['innerType'] as AnySchema;
    else if (def.type === 'pipe') current = def['in'] as AnySchema;
    else return current;
  }
}

/** The schema and its metadata at a field path, or undefined when the path leaves the schema. */
export function schemaAt(root: AnySchema, path: readonly PropertyKey[]): { schema: AnySchema; help: Help } | undefined {
  let help: Help = {};
  let current = unwrap(root, help);
  for (const key of path) {
    const def = defOf(current);
    let next: AnySchema | undefined;
    if (def.type === 'object' && typeof key === 'string') next = (def['shape'] as Record<string, AnySchema>)[key];
    else if (def.type === 'array' && typeof key === 'number') next = def['element'] as AnySchema;
    if (next === undefined) return undefined;
    help = {};
    current = unwrap(next, help);
  }
  return { schema: current, help };
}

/** The known keys of the object schema at a path. */
export function keysAt(root: AnySchema, path: readonly PropertyKey[]): string[] {
  const at = schemaAt(root, path);
  if (!at) return [];
  const def = defOf(at.schema);
  return def.type === 'object' ? Object.keys(def['shape'] as object) : [];
}

/** A value as written in YAML, on one line. */
export function yamlInline(value: unknown): string {
  if (value === undefined) return '(inget)';
  return stringify(value, { collectionStyle: 'flow', lineWidth: 0 }).trim();
}

function typeName(value: unknown): string {
  if (value === undefined) return 'inget värde';
  if (value === null) return 'ett tomt värde';
  if (Array.isArray(value)) return 'en lista';
  if (typeof value === 'string') return 'text';
  if (typeof value === 'number') return Number.isInteger(value) ? 'ett heltal' : 'ett decimaltal';
  if (typeof value === 'boolean') return 'ja/nej (true/false)';
  if (typeof value === 'object') return 'en grupp av fält';
  return typeof value;
}

const EXPECTED_TYPE: Record<string, string> = {
  string: 'text',
  number: 'ett tal',
  int: 'ett heltal',
  array: 'en lista (rader som börjar med "- ")',
  object: 'en grupp av fält',
  boolean: 'true eller false',
};

/** Edit distance, for "did you mean" suggestions on misspelt field names. */
function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = row[j]!;
      row[j] = Math.min(
        row[j]! + 1,
        row[j - 1]! + 1,
        prev + (a[i - 1]!.toLowerCase() === b[j - 1]!.toLowerCase() ? 0 : 1),
      );
      prev = tmp;
    }
  }
  return row[b.length]!;
}

export function closest(word: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestD = Infinity;
  for (const c of candidates) {
    const d = distance(word, c);
    if (d < bestD) {
      bestD = d;
      best = c;
    }
  }
  return best !== undefined && bestD <= Math.max(2, Math.floor(word.length / 3)) ? best : undefined;
}

function lastKey(path: readonly PropertyKey[]): string | undefined {
  for (let i = path.length - 1; i >= 0; i--) if (typeof path[i] === 'string') return path[i] as string;
  return undefined;
}

function exampleLine(path: readonly PropertyKey[], help: Help): string | undefined {
  const ex = help.examples?.[0];
  if (ex === undefined) return undefined;
  const key = lastKey(path);
  const isItem = typeof path[path.length - 1] === 'number';
  const value = yamlInline(ex);
  if (key === undefined) return value;
  return isItem ? `${key}: [${value}]`.replace('[[', '[').replace(']]', ']') : `${key}: ${value}`;
}

/** Converts one zod issue into Swedish `CaseError`s (an unknown-keys issue gives one per key). */
export type IssueError = Omit<CaseError, 'line'> & { path: readonly PropertyKey[] };

export function issueToErrors(issue: z.core.$ZodIssue, root: AnySchema, file: string): IssueError[] {
  const path = issue.path;
  const at = schemaAt(root, path);
  const help = at?.help ?? {};
  const input = (issue as { input?: unknown }).input;
  const base = { file, path, field: fieldPath(path) || '(frontmatter)' };
  const example = exampleLine(path, help);
  switch (issue.code) {
    case 'custom': {
      const params = (issue.params ?? {}) as { expected?: string; example?: string };
      return [
        {
          ...base,
          message: issue.message,
          found: input === undefined ? undefined : yamlInline(input),
          expected: params.expected ?? help.description ?? '',
          example: params.example ?? example,
        },
      ];
    }
    case 'unrecognized_keys': {
      const known = keysAt(root, path);
      return issue.keys.map((key) => {
        const guess = closest(key, known);
        return {
          ...base,
          path: [...path, key],
          field: fieldPath([...path, key]),
          message: `fältet "${key}" finns inte i formatet${guess ? `; menade du "${guess}"?` : ''}`,
          found: key,
          expected: `ett av fälten: ${known.join(', ')}`,
          example: guess ? `${guess}: …  (byt namn på "${key}")` : `ta bort raden "${key}: …" eller rätta namnet`,
        };
      });
    }
    case 'invalid_type': {
      if (input === undefined) {
        return [
          {
            ...base,
            message: 'fältet saknas men är obligatoriskt',
            expected: help.description ?? EXPECTED_TYPE[issue.expected] ?? issue.expected,
            example,
          },
        ];
      }
      const isInt =
        at !== undefined && (defOf(at.schema)['format'] === 'safeint' || defOf(at.schema)['format'] === 'int32');
      const expected = (isInt ? EXPECTED_TYPE['int'] : EXPECTED_TYPE[issue.expected]) ?? issue.expected;
      const hint =
        issue.expected === 'number' || issue.expected === 'int' ? ' utan citattecken, mellanslag eller "kr"' : '';
      return [
        {
          ...base,
          message: `fel sorts värde: ${typeName(input)} i stället för ${expected}`,
          found: yamlInline(input),
          expected: `${expected}${hint}. ${help.description ?? ''}`.trim(),
          example,
        },
      ];
    }
    case 'invalid_value': {
      if (input === undefined) {
        return [
          {
            ...base,
            message: 'fältet saknas men är obligatoriskt',
            expected: `ett av värdena: ${issue.values.join(', ')}`,
            example,
          },
        ];
      }
      const guess = typeof input === 'string' ? closest(input, issue.values.map(String)) : undefined;
      return [
        {
          ...base,
          message: `värdet finns inte bland de tillåtna${guess ? `; menade du "${guess}"?` : ''}`,
          found: yamlInline(input),
          expected: `ett av värdena: ${issue.values.join(', ')}. ${help.description ?? ''}`.trim(),
          example: guess ? `${lastKey(path)}: ${guess}` : example,
        },
      ];
    }
    case 'too_small': {
      const min = Number(issue.minimum);
      let message: string;
      let expected: string;
      if (issue.origin === 'array') {
        message = `listan har för få rader`;
        expected = `minst ${min} ${min === 1 ? 'rad' : 'rader'}`;
      } else if (issue.origin === 'string') {
        message = `texten är för kort`;
        expected = `minst ${min} tecken`;
      } else if (input === 0 && !issue.inclusive) {
        message = 'beloppet är 0; ett okänt belopp ska utelämnas, inte skrivas som 0';
        expected = 'ett belopp större än 0, eller att fältet tas bort när källan inte anger något belopp';
      } else {
        message = input !== undefined && Number(input) < 0 ? 'värdet är negativt' : 'värdet är för litet';
        expected = `ett tal ${issue.inclusive ? 'som är minst' : 'större än'} ${min}`;
      }
      return [
        {
          ...base,
          message,
          found: input === undefined ? undefined : yamlInline(input),
          expected: `${expected}. ${help.description ?? ''}`.trim(),
          example,
        },
      ];
    }
    case 'too_big': {
      const max = Number(issue.maximum);
      const expected =
        issue.origin === 'string'
          ? `högst ${max} tecken`
          : issue.origin === 'array'
            ? `högst ${max} rader`
            : `ett tal som är högst ${max}`;
      return [
        {
          ...base,
          message: issue.origin === 'string' ? 'texten är för lång' : 'värdet är för stort',
          found: input === undefined ? undefined : yamlInline(input),
          expected,
          example,
        },
      ];
    }
    case 'invalid_format': {
      return [
        {
          ...base,
          message: 'värdet har fel form',
          found: yamlInline(input),
          expected: help.description ?? 'ett värde i rätt form',
          example,
        },
      ];
    }
    case 'not_multiple_of':
    case 'invalid_union':
    case 'invalid_key':
    case 'invalid_element':
    default:
      return [
        {
          ...base,
          message: 'värdet är ogiltigt',
          found: input === undefined ? undefined : yamlInline(input),
          expected: help.description ?? 'ett giltigt värde',
          example,
        },
      ];
  }
}
