/**
 * Reads one case file's text: splits the frontmatter, parses the YAML (dates
 * stay text, so impossible days are caught), validates it with the case
 * schema, and applies the file-level rules (slug, personnummer guard, body
 * policy, documents under public/). Pure apart from the `fileExists`
 * callback, so the build's loader and `npm run check` share it.
 */
import { CORE_SCHEMA, load as loadYaml, YAMLException } from 'js-yaml';
import { LineCounter, parseDocument, isNode } from 'yaml';
import { SLUG_PATTERN, slugify, slugOf } from '../core/slug.ts';
import { caseSchema, type CaseData } from '../schema/case.ts';
import { isUrlSource } from '../validate/body-policy.ts';
import { type CaseError, fieldPath } from '../validate/errors.ts';
import {
  characterKind,
  forbiddenCharacters,
  forbiddenInValues,
  replaceForbiddenCharacters,
} from '../core/characters.ts';
import { findPersonnummer } from '../validate/personnummer.ts';
import { issueToErrors } from '../validate/zod-issues.ts';
import { BUILD_DATE } from '../config.ts';
import { isoDay } from '../core/partial-date.ts';
import { type BodyFacts, type BodyQuote, compileBody } from './render-body.ts';

export interface ParsedCase {
  slug: string;
  /** Path relative to the repository root. */
  file: string;
  data: CaseData;
  body: string;
  /** The body's HTML for the case page (render-body.ts). */
  html: string;
  /** Links to other cases, corrections and quoted sources in the body. */
  facts: BodyFacts;
}

export interface ParseResult {
  parsed?: ParsedCase;
  errors: CaseError[];
}

export interface Split {
  yaml: string;
  body: string;
  /** Lines before the YAML text (the opening `---`). */
  yamlLine: number;
  /** Lines before the body. */
  bodyLine: number;
}

/** Splits a case file into its frontmatter YAML and body (undefined when it has no frontmatter block). */
export function splitFrontmatter(source: string): Split | undefined {
  const text = source.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  if (!text.startsWith('---\n')) return undefined;
  const end = text.indexOf('\n---', 3);
  if (end === -1) return undefined;
  const afterClose = text.indexOf('\n', end + 4);
  const closeLine = text.slice(end + 4, afterClose === -1 ? undefined : afterClose);
  if (closeLine.trim() !== '') return undefined;
  const yaml = text.slice(4, end + 1);
  const body = afterClose === -1 ? '' : text.slice(afterClose + 1);
  const bodyLine = text.slice(0, afterClose === -1 ? text.length : afterClose + 1).split('\n').length - 1;
  return { yaml, body, yamlLine: 1, bodyLine };
}

export interface ParseOptions {
  /** Whether a file exists under `public/` (given a site path such as `/dokument/a.pdf`). */
  publicFileExists?: (sitePath: string) => boolean;
  /** The build day, `YYYY-MM-DD` (default: the configured build date); a correction may not be dated after it. */
  today?: string | undefined;
}

/** What a file with an invisible character is told (core/characters.ts says why they are refused). */
const INVISIBLE_EXPECTED =
  'bara synliga tecken, mellanslag, tabb och radbrytningar; osynliga tecken följer ofta med när text kopieras ur en PDF eller ett Word-dokument';
const INVISIBLE_EXAMPLE = 'skriv om ordet där tecknet står (vid ⟨U+…⟩), eller ta bort tecknet i en editor som visar osynliga tecken';

/** Parses and validates one case file. `file` is the path relative to the repository. */
export function parseCase(file: string, source: string, options: ParseOptions = {}): ParseResult {
  const errors: CaseError[] = [];
  const slug = slugOf(file);
  if (!file.endsWith('.mdx')) {
    errors.push({ file, field: 'filnamn', message: 'ärendefiler ska sluta på .mdx', found: file.split('/').pop(), expected: 'content/cases/<år>/<slug>.mdx', example: `content/cases/2020/${slugify(slug) || 'mitt-arende'}.mdx` });
  } else if (!SLUG_PATTERN.test(slug)) {
    errors.push({ file, field: 'filnamn', message: 'filnamnet (sluggen) får bara innehålla a–z, 0–9 och bindestreck', found: slug, expected: 'små bokstäver a–z utan å, ä, ö, siffror och bindestreck mellan orden', example: `${slugify(slug) || 'mitt-arende'}.mdx` });
  }
  for (const hit of findPersonnummer(source)) {
    errors.push({ file, line: hit.line, field: 'personnummer', message: 'filen innehåller ett personnummer eller samordningsnummer, som aldrig får publiceras', found: hit.masked, expected: 'inga personnummer någonstans i filen', example: 'ta bort numret; skriv bara namn och roll' });
  }
  const invisible = forbiddenCharacters(source);
  for (const hit of invisible) {
    errors.push({ file, line: hit.line, field: 'tecken', message: `filen innehåller ${characterKind(hit.characters)}`, found: hit.context, expected: INVISIBLE_EXPECTED, example: INVISIBLE_EXAMPLE });
  }
  // Reported once above; the rest of the file is read without them, so that every other error is listed too.
  const split = splitFrontmatter(invisible.length > 0 ? replaceForbiddenCharacters(source) : source);
  if (!split) {
    errors.push({ file, line: 1, field: '(frontmatter)', message: 'filen börjar inte med frontmatter mellan två rader ---', expected: 'första raden ---, sedan fälten, sedan en rad ---, sedan brödtexten', example: '---\\ntitle: …\\n---' });
    return { errors };
  }
  // Fast path: js-yaml with the core schema (dates stay text). Only when
  // something is wrong is the YAML parsed again with positions, to name lines.
  let raw: unknown;
  try {
    raw = loadYaml(split.yaml, { schema: CORE_SCHEMA });
  } catch (error) {
    if (!(error instanceof YAMLException)) throw error;
    const duplicate = error.reason.startsWith('duplicated mapping key');
    errors.push({
      file,
      line: error.mark ? error.mark.line + 1 + split.yamlLine : undefined,
      field: '(frontmatter)',
      message: `YAML-fel: ${duplicate ? 'samma fält står två gånger' : error.reason}`,
      expected: 'giltig YAML: ett fält per rad, "namn: värde"; citattecken runt värden som innehåller ": " eller ", " inom { } och [ ]',
      example: 'title: "Avtal: Linkstep"',
    });
    return { errors };
  }
  const result = caseSchema.safeParse(raw ?? {}, { reportInput: true });
  let located: ((path: readonly PropertyKey[]) => number | undefined) | undefined;
  const lineOf = (path: readonly PropertyKey[]) => {
    located ??= yamlLocator(split.yaml, split.yamlLine);
    return located(path);
  };
  // Those a YAML escape writes ("\u0007"), which the file's text does not show.
  for (const hit of forbiddenInValues(raw)) {
    errors.push({ file, line: lineOf(hit.path), field: fieldPath(hit.path), message: `texten innehåller ${characterKind(hit.characters)}`, found: hit.context, expected: INVISIBLE_EXPECTED, example: INVISIBLE_EXAMPLE });
  }
  if (!result.success) {
    for (const issue of result.error.issues) {
      for (const { path, ...e } of issueToErrors(issue, caseSchema, file)) {
        errors.push({ ...e, line: lineOf(path) });
      }
    }
  }
  // The body is parsed once: the policy, the components and the HTML come from the same tree.
  const body = compileBody(split.body, { lineOffset: split.bodyLine, today: options.today ?? isoDay(BUILD_DATE), documents: result.success ? result.data.documents : undefined });
  for (const e of body.errors) errors.push({ ...e, file });
  if (result.success && body.errors.length === 0) errors.push(...quoteSourceErrors(file, body.facts.quotes, result.data));
  if (result.success && options.publicFileExists) errors.push(...documentErrors(file, result.data, options.publicFileExists, lineOf));
  if (errors.length > 0 || !result.success) return { errors };
  return { parsed: { slug, file, data: result.data, body: split.body, html: body.html, facts: body.facts }, errors };
}

/** `<Citat källa="…">` names one of the case's documents by its title, or is a URL. */
export function quoteSourceErrors(file: string, quotes: readonly BodyQuote[], data: CaseData): CaseError[] {
  const titles = (data.documents ?? []).map((d) => d.title);
  return quotes
    .filter((q) => !isUrlSource(q.source) && !titles.includes(q.source))
    .map((q) => ({
      file,
      line: q.line,
      field: 'brödtext <Citat>',
      message: `källa: "${q.source}" är inte titeln på något av ärendets dokument`,
      found: q.source,
      expected: titles.length > 0 ? `titeln på ett av dokumenten, exakt som i documents: ${titles.map((t) => `"${t}"`).join(', ')}; eller en webbadress` : 'en webbadress, eller titeln på ett dokument som du lägger till under documents',
      example: `källa="${titles[0] ?? 'https://www.kommun.se/protokoll.pdf'}"`,
    }));
}

/** Documents linked as site paths (`/dokument/a.pdf`) must be files under public/. */
export function documentErrors(file: string, data: CaseData, publicFileExists: (sitePath: string) => boolean, lineOf?: (path: readonly PropertyKey[]) => number | undefined): CaseError[] {
  const errors: CaseError[] = [];
  data.documents?.forEach((d, i) => {
    if (d.href?.startsWith('/') && !publicFileExists(d.href)) {
      errors.push({
        file,
        line: lineOf?.(['documents', i, 'href']),
        field: `documents[${i}].href`,
        message: `filen ${d.href} finns inte under public/`,
        found: d.href,
        expected: `en fil som finns: lägg den i public${d.href}, eller ange en fullständig webbadress`,
        example: 'href: https://www.linkoping.se/dokument/beslut.pdf',
      });
    }
  });
  return errors;
}

/** Maps a field path to its line in the file (the YAML node, or its nearest existing parent). */
/** A case file's line locator: the line of a frontmatter field path, or undefined (no frontmatter). */
export function frontmatterLocator(source: string): ((path: readonly PropertyKey[]) => number | undefined) | undefined {
  const split = splitFrontmatter(source);
  return split ? yamlLocator(split.yaml, split.yamlLine) : undefined;
}

function yamlLocator(yaml: string, linesBefore: number): (path: readonly PropertyKey[]) => number | undefined {
  const lineCounter = new LineCounter();
  const doc = parseDocument(yaml, { lineCounter, uniqueKeys: false });
  const lineAt = (offset: number) => lineCounter.linePos(offset).line + linesBefore;
  return (path) => {
    for (let n = path.length; n >= 0; n--) {
      const node = n === 0 ? doc.contents : doc.getIn(path.slice(0, n) as (string | number)[], true);
      if (isNode(node) && node.range) return lineAt(node.range[0]);
    }
    return undefined;
  };
}
