/**
 * The Snowball Swedish stemmer, version 3 (snowballstem.org, algorithms/swedish.sbl),
 * which Pagefind 1.6 stems Swedish words with, in the index and in the browser
 * (its `pagefind_stem` crate). Needed to send Pagefind each query word cut to the
 * part it searches by (search/words.ts). No npm package has this version: the
 * Snowball 2 ports (@orama/stemmers, snowball-stemmers) leave "-et" on
 * ("stödet"), which version 3 takes off.
 *
 * Written from the algorithm's description; the unit test checks it against a
 * sample of Snowball's own test vocabulary (test/fixtures/snowball-swedish/,
 * with its BSD licence). Pure; runs in the browser.
 */

const VOWELS = new Set('aeiouyäåö');
const S_ENDING = new Set('bcdfghjklmnoprtvy');
const OST_ENDING = new Set('iklnprtuv');

/** Step 1: deleted where they end the word inside R1, longest first. */
// prettier-ignore
const MAIN_SUFFIXES = [
  'a', 'arna', 'erna', 'heterna', 'orna', 'ad', 'e', 'ade', 'ande', 'arne', 'are', 'aste', 'en', 'anden', 'aren',
  'heten', 'ern', 'ar', 'er', 'heter', 'or', 'as', 'arnas', 'ernas', 'ornas', 'es', 'ades', 'andes', 'ens', 'arens',
  'hetens', 'erns', 'at', 'andet', 'het', 'ast',
];
/** Endings before "-et" that keep it: frihet, societet, alfabet, komet, raket, paket, staket … */
// prettier-ignore
const ET_KEEPERS = [
  'h', 'iet', 'uit', 'fab', 'cit', 'dit', 'alit', 'ilit', 'mit', 'nit', 'pit', 'rit', 'sit', 'tit', 'ivit', 'kvit',
  'xit', 'kom', 'rak', 'pak', 'stak',
];
const CONSONANT_PAIRS = ['dd', 'gd', 'nn', 'dt', 'gt', 'kt', 'tt'];

const isVowel = (c: string | undefined) => c !== undefined && VOWELS.has(c);

/** Where R1 starts: after the first non-vowel that follows a vowel, and at least at 3. */
function regionStart(w: readonly string[]): number {
  if (w.length < 3) return w.length;
  const vowel = w.findIndex(isVowel);
  if (vowel < 0) return w.length;
  const consonant = w.findIndex((c, i) => i > vowel && !isVowel(c));
  if (consonant < 0) return w.length;
  return Math.max(consonant + 1, 3);
}

const endsWith = (w: readonly string[], end: number, suffix: string) =>
  end >= suffix.length && w.slice(end - suffix.length, end).join('') === suffix;

/** The longest of `suffixes` that ends `w` and lies at or after `from`. */
function longestSuffix(w: readonly string[], from: number, suffixes: readonly string[]): string | undefined {
  let found: string | undefined;
  for (const s of suffixes)
    if (w.length - s.length >= from && endsWith(w, w.length, s) && s.length > (found?.length ?? 0)) found = s;
  return found;
}

/** "-et" ending at `end` may go: a non-vowel, then a vowel, then more before it; and not one of ET_KEEPERS. */
function etCondition(w: readonly string[], end: number): boolean {
  return (
    end >= 3 && !isVowel(w[end - 1]) && isVowel(w[end - 2]) && !ET_KEEPERS.some((keeper) => endsWith(w, end, keeper))
  );
}

/** The stem of one lower-case word. */
export function swedishStem(word: string): string {
  const w = [...word];
  const r1 = regionStart(w);

  const main = longestSuffix(w, r1, [...MAIN_SUFFIXES, 's', 'et']);
  if (main === 's') {
    const beforeS = w.length - 1;
    if (endsWith(w, beforeS, 'et') && etCondition(w, beforeS - 2)) w.length -= 3;
    else if (S_ENDING.has(w[beforeS - 1] ?? '')) w.length -= 1;
  } else if (main === 'et') {
    if (etCondition(w, w.length - 2)) w.length -= 2;
  } else if (main !== undefined) w.length -= main.length;

  if (longestSuffix(w, r1, CONSONANT_PAIRS) !== undefined) w.length -= 1;

  const other = longestSuffix(w, r1, ['lig', 'ig', 'els', 'öst', 'fullt']);
  if (other === 'öst') {
    if (OST_ENDING.has(w[w.length - 4] ?? '')) w.splice(-1, 1);
  } else if (other === 'fullt') w.length -= 1;
  else if (other !== undefined) w.length -= other.length;

  return w.join('');
}
