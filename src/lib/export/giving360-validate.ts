/**
 * Validates a 360Giving data package against the standard's own schemas,
 * vendored unchanged in ./standards/360giving (JSON Schema 2020-12, with
 * ajv), offline. The build publishes `/data/360giving.json` only when this
 * finds no error (see `giving360Publication` in giving360.ts).
 *
 * The package schema refers to the grant schema by a versioned URL; the
 * grant schema is registered under that URL as well as its own `$id`, so
 * nothing is fetched. The schemas name their meta-schema as
 * `http://json-schema.org/draft/2020-12/schema`; ajv knows draft 2020-12 by
 * its canonical `https://` URL, so the in-memory copies use that.
 */
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import grantSchemaFile from './standards/360giving/360-giving-schema.json' with { type: 'json' };
import packageSchemaFile from './standards/360giving/360-giving-package-schema.json' with { type: 'json' };

type Schema = Record<string, unknown>;
const meta = (schema: Schema): Schema => ({ ...schema, $schema: 'https://json-schema.org/draft/2020-12/schema' });

const grantSchema = meta(grantSchemaFile as Schema);
const packageSchema = meta(packageSchemaFile as Schema);

/** The URL the package schema's `grants.items.$ref` points at. */
export const GRANT_SCHEMA_REF = (packageSchema['properties'] as { grants: { items: { $ref: string } } }).grants.items
  .$ref;

let compiled: ((data: unknown) => string[]) | undefined;

function compile(): (data: unknown) => string[] {
  // The standard's schemas carry extra keywords (codelist, rollUp …): not strict.
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats(ajv);
  ajv.addSchema({ ...grantSchema, $id: GRANT_SCHEMA_REF });
  if (grantSchema['$id'] !== GRANT_SCHEMA_REF) ajv.addSchema(grantSchema);
  const validate = ajv.compile(packageSchema);
  return (data) =>
    validate(data)
      ? []
      : (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? ''} ${JSON.stringify(e.params)}`);
}

/** Every schema error of a package, as readable lines; empty when the package is valid. */
export function giving360SchemaErrors(pkg: unknown): string[] {
  return (compiled ??= compile())(pkg);
}
