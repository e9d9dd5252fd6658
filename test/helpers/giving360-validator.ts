/**
 * Validates 360Giving data offline with ajv (JSON Schema 2020-12) against
 * the standard's schemas, vendored unchanged in
 * src/lib/export/standards/360giving. Independent of the build's own check
 * (src/lib/export/giving360-validate.ts), so a mistake there cannot hide
 * here. The grant schema is registered under the URL the package schema
 * refers to it by, as well as under its own `$id`.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { ROOT } from './site.ts';

const dir = join(ROOT, 'src/lib/export/standards/360giving');
/**
 * Reads a schema. The files name their meta-schema as
 * `http://json-schema.org/draft/2020-12/schema`; ajv knows draft 2020-12 by
 * its canonical `https://` URL, so the in-memory copy uses that.
 */
const read = (name: string): Record<string, unknown> => {
  const schema = JSON.parse(readFileSync(join(dir, name), 'utf8')) as Record<string, unknown>;
  return { ...schema, $schema: 'https://json-schema.org/draft/2020-12/schema' };
};

export const grantSchema = read('360-giving-schema.json');
export const packageSchema = read('360-giving-package-schema.json');

/** The URL the package schema's `grants.items.$ref` points at. */
export const GRANT_REF = (packageSchema['properties'] as { grants: { items: { $ref: string } } }).grants.items.$ref;

function makeAjv() {
  // The standard's schemas carry extra keywords (codelist, rollUp …): not strict.
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats(ajv);
  ajv.addSchema({ ...grantSchema, $id: GRANT_REF });
  if (grantSchema['$id'] !== GRANT_REF) ajv.addSchema(grantSchema);
  return ajv;
}

const ajv = makeAjv();
export const validatePackage = ajv.compile(packageSchema);
export const validateGrant = ajv.getSchema(GRANT_REF)!;

/** ajv's errors as readable lines, for assertion messages. */
export function errorText(errors: typeof validatePackage.errors): string {
  return (errors ?? []).map((e) => `${e.instancePath} ${e.message} ${JSON.stringify(e.params)}`).join('\n');
}
