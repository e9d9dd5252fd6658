/**
 * `npm run new -- --fran beslut.pdf`: a draft case file from a decision
 * document (PDF, Word .docx or text). Every field the drafter finds is written
 * with a comment quoting its source sentence and page (src/lib/draft/); the
 * required fields it cannot find are written empty, so that `npm run check`
 * names each one until the person has filled it; the rest are listed. Nothing
 * is asked: the person checks the file, or opens it in the form editor.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { listCaseFiles } from '../lib/content/collection.ts';
import { caseFilePath, checkSlug } from '../lib/content/scaffold.ts';
import { slugify } from '../lib/core/slug.ts';
import { draftFileText } from '../lib/draft/case-file.ts';
import { draftCase, REQUIRED_FIELDS, valuesOf } from '../lib/draft/draft.ts';
import { DocumentError, readDocument } from '../lib/draft/read.ts';
import { dataDictionary } from '../lib/export/dictionary.ts';

export interface FromDocumentOptions {
  root: string;
  /** The document, as the person typed its path. */
  document: string;
  /** Where the cases are, relative to `root`. */
  dir: string;
  slug?: string | undefined;
}

/** Writes the draft; returns the exit code. */
export async function newFromDocument(options: FromDocumentOptions): Promise<number> {
  const path = resolve(options.document);
  if (!existsSync(path)) {
    console.error(
      `Fel: hittar inte dokumentet ${options.document}. Ange sökvägen till beslutsdokumentet, t.ex.\n  npm run new -- --fran ~/Hämtningar/beslut.pdf`,
    );
    return 2;
  }
  let document;
  try {
    document = await readDocument(new Uint8Array(readFileSync(path)), basename(path));
  } catch (error) {
    if (error instanceof DocumentError) {
      console.error(`Fel: ${error.message}\nIngen fil skrevs.`);
      return 1;
    }
    throw error;
  }
  const draft = draftCase(document);
  const values = valuesOf(draft.proposals);
  const existingFiles = listCaseFiles(options.root, options.dir);
  const title = typeof values['title'] === 'string' ? values['title'] : '';
  const slug =
    options.slug ?? (slugify(title) || `utkast-${slugify(basename(path).replace(/\.[^.]+$/u, '')) || 'arende'}`);
  const clash = checkSlug(slug, existingFiles);
  if (clash) {
    console.error(`Fel: ${clash}\nAnge ett annat filnamn med --slug, t.ex. --slug ${slug}-2. Ingen fil skrevs.`);
    return 2;
  }
  const decided = values['decided'] as string | undefined;
  const start = (values['period'] as { start?: string } | undefined)?.start;
  const year = (decided ?? start)?.slice(0, 4) ?? String(new Date().getFullYear());
  const file = caseFilePath(options.dir, year, slug);
  if (existsSync(resolve(options.root, file))) {
    console.error(`Fel: filen ${file} finns redan; ingen fil skrevs.`);
    return 2;
  }
  const dictionary = dataDictionary();
  mkdirSync(dirname(resolve(options.root, file)), { recursive: true });
  writeFileSync(
    resolve(options.root, file),
    draftFileText(draft, { dictionary, documentName: basename(path) }),
    'utf8',
  );

  const label = (f: string) => dictionary.find((d) => d.path === f)?.label ?? f;
  const counts = new Map<string, number>();
  for (const p of draft.proposals) counts.set(p.field, (counts.get(p.field) ?? 0) + 1);
  const pages = document.pages.length;
  console.log(`Skapade ${file}, ett utkast ur ${basename(path)} (${pages} ${pages === 1 ? 'sida' : 'sidor'}).\n`);
  console.log('Föreslaget ur dokumentet (källan står som kommentar ovanför varje värde):');
  for (const [f, n] of counts) console.log(`  - ${label(f)} (${f})${n > 1 ? `: ${n} st` : ''}`);
  const required = draft.missing.filter((f) => REQUIRED_FIELDS.has(f));
  const optional = draft.missing.filter((f) => !REQUIRED_FIELDS.has(f));
  if (required.length) {
    console.log('\nHittades inte, och måste fyllas i innan ärendet kan publiceras:');
    for (const f of required) console.log(`  - ${label(f)} (${f})`);
  }
  if (optional.length) {
    console.log('\nHittades inte (valfria; lägg till om de står i något annat dokument):');
    for (const f of optional) console.log(`  - ${label(f)} (${f})`);
  }
  if (values['targetGroup'] !== undefined)
    console.log('\nMålgruppen behöver en beskrivning med egna ord (targetGroup.description).');
  console.log(`
Nästa steg:
  1. Öppna filen och jämför varje värde med dokumentet. Fyll i de tomma fälten
     och skriv brödtexten med egna ord. Ta bort kommentarerna när du är klar.
  2. Kontrollera filen:  npm run check -- ${file}
  3. Förhandsgranska:    npm run dev  och öppna /arenden/${slug}/`);
  return 0;
}
