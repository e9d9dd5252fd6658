/**
 * `npm run schema`: writes the JSON Schema of the case frontmatter, generated
 * from the zod schema, to .vscode/case.schema.json for editors. With
 * `--check` it only reports whether the committed file is up to date (a test
 * runs the same comparison). The site publishes the same schema at
 * /data/schema.json (src/pages/data/schema.json.ts).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { caseJsonSchemaText } from '../lib/schema/json-schema.ts';

/** Where editors find the schema (see .vscode/settings.json and content/README.md). */
const FILE = '.vscode/case.schema.json';

const path = join(process.cwd(), FILE);
const text = caseJsonSchemaText();
let current = '';
try {
  current = readFileSync(path, 'utf8');
} catch {
  // Missing: written below, or reported as out of date.
}
if (process.argv.includes('--check')) {
  if (current !== text) {
    console.error(`${FILE} är inte uppdaterad efter en ändring i schemat. Kör: npm run schema`);
    process.exit(1);
  }
  console.log(`${FILE} är uppdaterad.`);
} else if (current === text) {
  console.log(`${FILE} är redan uppdaterad.`);
} else {
  writeFileSync(path, text, 'utf8');
  console.log(`Skrev ${FILE}.`);
}
