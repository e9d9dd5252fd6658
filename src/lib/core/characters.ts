/**
 * Characters a case file may not hold: control characters (C0 but tab, line feed
 * and carriage return; DEL; C1), the explicit bidirectional overrides, embeddings
 * and isolates, lone surrogates, and the noncharacters U+FFFE and U+FFFF.
 *
 * Why: they are invisible where staff write, they mostly come along when text is
 * copied out of a PDF or a Word document, and they break what is published. HTML
 * may not hold them (the Nu checker's "forbidden code point"), nor may XML 1.0 (the
 * feeds, the sitemap, the Excel files) or iCalendar's text. A bidirectional override
 * turns the text after it around on screen, an amount included, while the file says
 * something else.
 *
 * The check (src/lib/content/parse-case.ts) finds raw ones in the file's text and
 * those a YAML escape makes (`"\u0007"`, `"\a"`) in the parsed front matter; the
 * drafter (src/lib/draft/read.ts) leaves them out of what it reads from a document.
 */

/** Every forbidden character. */
const EVERY =
  // eslint-disable-next-line no-control-regex -- finding control characters is what this module is for
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069\uD800-\uDFFF\uFFFE\uFFFF]/gu;

/** `U+0007` for a character. */
function codePointOf(character: string): string {
  return `U+${character.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** What the characters are, in Swedish, for the error message (`ett osynligt styrtecken (U+0007)`). */
export function characterKind(characters: readonly string[]): string {
  const points = [...new Set(characters.map(codePointOf))].join(', ');
  if (characters.length > 1) return `osynliga tecken (${points})`;
  return /[\u202A-\u202E\u2066-\u2069]/u.test(characters[0]!)
    ? `ett osynligt tecken som vänder textens riktning (${points})`
    : `ett osynligt styrtecken (${points})`;
}

/** How far around a character its context reaches, each way. */
const AROUND = 20;

/** Up to AROUND characters each way of `at` on its line, every forbidden character shown as ⟨U+0007⟩. */
function contextOf(text: string, at: number, length: number): string {
  const lineStart = text.lastIndexOf('\n', at - 1) + 1;
  const lineEnd = text.indexOf('\n', at + length);
  const from = Math.max(lineStart, at - AROUND);
  const to = Math.min(lineEnd === -1 ? text.length : lineEnd, at + length + AROUND);
  return text.slice(from, to).replace(EVERY, (c) => `⟨${codePointOf(c)}⟩`);
}

export interface CharacterHit {
  /** The line, from 1. */
  line: number;
  /** The forbidden characters on that line, in order. */
  characters: string[];
  /** The text around the first, with each shown as ⟨U+0007⟩. */
  context: string;
}

/** The lines of `text` with forbidden characters: one hit per line (a pasted paragraph may hold dozens). */
export function forbiddenCharacters(text: string): CharacterHit[] {
  const hits: CharacterHit[] = [];
  let line = 1;
  let counted = 0;
  for (const m of text.matchAll(EVERY)) {
    for (let i = text.indexOf('\n', counted); i !== -1 && i < m.index; i = text.indexOf('\n', i + 1)) line++;
    counted = m.index;
    const last = hits.at(-1);
    if (last?.line === line) last.characters.push(m[0]);
    else hits.push({ line, characters: [m[0]], context: contextOf(text, m.index, m[0].length) });
  }
  return hits;
}

/**
 * `text` with every forbidden character replaced by `by`: U+FFFD where they are reported
 * and the text is read on, a space where they are left out (so no two words join).
 */
export function replaceForbiddenCharacters(text: string, by = '\uFFFD'): string {
  return text.replace(EVERY, by);
}

export interface ValueHit {
  /** Where in the data, as zod paths go (`['parties', 0, 'name']`). */
  path: (string | number)[];
  /** The forbidden characters in the value, in order. */
  characters: string[];
  /** The text around the first. */
  context: string;
}

/** The strings under `value` (parsed YAML) that hold forbidden characters, one hit per string. */
export function forbiddenInValues(value: unknown, path: (string | number)[] = []): ValueHit[] {
  if (typeof value === 'string') {
    const found = [...value.matchAll(EVERY)];
    const first = found[0];
    return first
      ? [{ path, characters: found.map((m) => m[0]), context: contextOf(value, first.index, first[0].length) }]
      : [];
  }
  if (Array.isArray(value)) return value.flatMap((v, i) => forbiddenInValues(v, [...path, i]));
  if (typeof value === 'object' && value !== null)
    return Object.entries(value).flatMap(([k, v]) => forbiddenInValues(v, [...path, k]));
  return [];
}
