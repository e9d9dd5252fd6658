/**
 * Reads and validates the organisation alias list (`content/organisations.yaml`,
 * or the configured file, relative to the project root). A missing file means no aliases; an invalid file stops the build with every
 * error in Swedish. Read once per build.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node as YamlNode } from 'yaml';
import { config } from '../config.ts';
import { nameSlug } from '../core/slug.ts';
import { type CaseError, CaseValidationError } from '../validate/errors.ts';

const cache = new Map<string, AliasEntry[]>();

/** The alias entries; throws CaseValidationError when the file is invalid. */
export function readOrganisationAliases(root: string = process.cwd(), file: string = config.organisationsFile): AliasEntry[] {
  const key = join(root, file);
  const cached = cache.get(key);
  if (cached) return cached;
  const entries = existsSync(key) ? parseOrThrow(file, readFileSync(key, 'utf8')) : [];
  cache.set(key, entries);
  return entries;
}

function parseOrThrow(file: string, source: string): AliasEntry[] {
  const { entries, errors } = parseAliasFile(file, source);
  if (errors.length > 0) throw new CaseValidationError(errors);
  return entries;
}

/** Every error in the alias list (none when the file is missing); for `npm run check`. */
export function organisationAliasErrors(root: string = process.cwd(), file: string = config.organisationsFile): CaseError[] {
  const path = join(root, file);
  return existsSync(path) ? parseAliasFile(file, readFileSync(path, 'utf8')).errors : [];
}

/** One entry of the alias list: the name to show, and other spellings of it. */
export interface AliasEntry {
  name: string;
  aliases: string[];
}

const ENTRY_KEYS = new Set(['name', 'aliases']);
const EXAMPLE = '- name: Linköpings Stadsmission\n  aliases: [Stadsmissionen i Linköping]';

/**
 * Parses and validates the alias file's text. Returns the entries and every
 * error (in Swedish, with file, line and field), never throwing.
 */
export function parseAliasFile(file: string, source: string): { entries: AliasEntry[]; errors: CaseError[] } {
  const errors: CaseError[] = [];
  const lineCounter = new LineCounter();
  const doc = parseDocument(source, { lineCounter, uniqueKeys: true, prettyErrors: false });
  const lineOf = (node: YamlNode | null | undefined): number | undefined => (node?.range ? lineCounter.linePos(node.range[0]).line : undefined);
  if (doc.errors.length > 0) {
    for (const e of doc.errors) {
      errors.push({ file, line: lineCounter.linePos(e.pos[0]).line, field: '(yaml)', message: `YAML-fel: ${e.message.split('\n')[0]}`, expected: 'giltig YAML: en lista med organisationer', example: EXAMPLE });
    }
    return { entries: [], errors };
  }
  const root = doc.contents;
  if (root === null || (isScalar(root) && (root.value === null || root.value === ''))) return { entries: [], errors };
  if (!isSeq(root)) {
    errors.push({ file, line: lineOf(root as YamlNode), field: '(fil)', message: 'filen ska vara en lista med organisationer', expected: 'en lista där varje post har name och aliases', example: EXAMPLE });
    return { entries: [], errors };
  }
  const entries: AliasEntry[] = [];
  /** slug → where it was first used (for duplicate detection). */
  const claimed = new Map<string, string>();
  const claim = (text: string, field: string, line: number | undefined, owner: string) => {
    const slug = nameSlug(text);
    const earlier = claimed.get(slug);
    if (earlier !== undefined) {
      errors.push({ file, line, field, message: `namnet "${text}" står redan i listan (${earlier})`, found: text, expected: 'varje stavning högst en gång i hela filen, under en enda organisation', example: EXAMPLE });
      return;
    }
    claimed.set(slug, owner === text ? `som organisation` : `som stavning av ${owner}`);
  };
  root.items.forEach((item, i) => {
    const at = `[${i}]`;
    if (!isMap(item)) {
      errors.push({ file, line: lineOf(item as YamlNode), field: at, message: 'posten ska ha fälten name och aliases', found: String((item as { toJSON?: () => unknown })?.toJSON?.() ?? item), expected: 'name: organisationens namn, aliases: en lista med andra stavningar', example: EXAMPLE });
      return;
    }
    for (const pair of item.items) {
      const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
      if (!ENTRY_KEYS.has(key)) {
        errors.push({ file, line: lineOf(pair.key as YamlNode), field: `${at}.${key}`, message: `okänt fält "${key}"`, found: key, expected: 'bara name och aliases', example: EXAMPLE });
      }
    }
    const nameNode = item.get('name', true) as YamlNode | undefined;
    const name = isScalar(nameNode) && typeof nameNode.value === 'string' ? nameNode.value.trim() : '';
    if (name === '') {
      errors.push({ file, line: lineOf(nameNode ?? item), field: `${at}.name`, message: 'name saknas eller är inte en text', found: nameNode === undefined ? undefined : String(nameNode), expected: 'organisationens namn så som det ska visas', example: 'name: Linköpings Stadsmission' });
      return;
    }
    claim(name, `${at}.name`, lineOf(nameNode), name);
    const aliasNode = item.get('aliases', true) as YamlNode | undefined;
    const aliases: string[] = [];
    if (!isSeq(aliasNode) || aliasNode.items.length === 0) {
      errors.push({ file, line: lineOf((aliasNode as YamlNode | undefined) ?? item), field: `${at}.aliases`, message: `aliases saknas eller är ingen lista för ${name}`, expected: 'en lista med minst en annan stavning', example: 'aliases: [Stadsmissionen i Linköping]' });
    } else {
      aliasNode.items.forEach((a, j) => {
        const text = isScalar(a) && typeof a.value === 'string' ? a.value.trim() : '';
        if (text === '') {
          errors.push({ file, line: lineOf(a as YamlNode), field: `${at}.aliases[${j}]`, message: 'stavningen ska vara en text som inte är tom', found: isScalar(a) ? String(a.value) : undefined, expected: 'ett namn', example: 'aliases: [Stadsmissionen i Linköping]' });
          return;
        }
        claim(text, `${at}.aliases[${j}]`, lineOf(a as YamlNode), name);
        aliases.push(text);
      });
    }
    entries.push({ name, aliases });
  });
  return { entries: errors.length > 0 ? [] : entries, errors };
}
