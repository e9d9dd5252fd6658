/**
 * The query as it is handed to Pagefind, so that å, ä and ö stay letters of
 * their own while inflections still find each other. Pure; runs in the browser.
 *
 * Pagefind folds å, ä, ö to a, a, o and stems the folded word (Snowball Swedish,
 * swedish-stem.ts): "stöden" and "stödet" are both searched as "stod", with
 * every longer indexed word that starts with it. With `exactDiacritics` it then
 * keeps only indexed words whose letters match the query word as typed, where
 * one starts with the other; but an indexed word with å, ä or ö is kept as it
 * stood in the text, not as its stem, so "stöden" would not find "stödet", nor
 * "tjänsten" "tjänster". Sending each word cut to the length of its stem
 * ("stöd", "tjänst") compares just the stem, letter by letter: "stöden" finds
 * "stöd", "stödet", "stöden" and "stödja", and still not "stod", "ängens" still
 * not "angivet".
 *
 * The stem is taken until it stems no shorter ("ärendena" → "ärenden" →
 * "ärend"), because Pagefind stems what it is sent once more, but never again
 * below SHORTEST_STAND_IN letters: "insatserna" → "insats" → "insat", not "ins",
 * which would also find "insyn" and "inskrivning". A quoted query is
 * an exact phrase, which Pagefind matches by the stem of each word as written:
 * it is sent as typed.
 */
import { swedishStem } from './swedish-stem.ts';

/** The characters Pagefind leaves out of a query (dashes, brackets, quotes, other punctuation). */
const PUNCTUATION = /[\p{Pd}\p{Pe}\p{Pf}\p{Pi}\p{Po}\p{Ps}]/gu;

/** A query in double quotes: an exact phrase. */
export const isExactQuery = (query: string): boolean => /^\s*".+"\s*$/.test(query);

/**
 * The words of a query as Pagefind reads them: lower case, punctuation left out, split on
 * white space. Compatibility forms are read as the letters they stand for (NFKC): text
 * copied from a PDF often has "ﬁ" and "ﬂ" as one character, and a non-breaking space.
 */
export function queryWords(query: string): string[] {
  return query.normalize('NFKC').replace(PUNCTUATION, '').toLocaleLowerCase('sv-SE').split(/\s+/).filter(Boolean);
}

const graphemes =
  typeof Intl.Segmenter === 'function' ? new Intl.Segmenter('sv', { granularity: 'grapheme' }) : undefined;

/** A word's letters, each with its marks; by code point where the browser has no Intl.Segmenter. */
const splitLetters = (word: string): string[] =>
  graphemes ? [...graphemes.segment(word)].map((g) => g.segment) : [...word];

/** Pagefind's folding: å, ä, ö, é … to a, a, o, e; one letter for one. */
const fold = (word: string) => word.normalize('NFD').replace(/\p{M}/gu, '');

/**
 * The fewest letters a word is searched by in place of a longer one: stemming a stem
 * again stops before a shorter one, and Pagefind's fallback to a shorter word
 * (restsOnShortFallback) is not taken below it.
 */
const SHORTEST_STAND_IN = 4;

/**
 * The start of `word` that Pagefind searches by: as long as the stem of its folded form,
 * stemmed again until it stems no shorter or would be shorter than SHORTEST_STAND_IN.
 */
export function stemPrefix(word: string): string {
  // Letters as seen, each with its marks ("i̇" from "İ" has no composed form): one per letter of the folded stem.
  const letters = splitLetters(word);
  let stem = swedishStem(fold(word));
  for (
    let shorter = swedishStem(stem);
    shorter.length < stem.length && shorter.length >= SHORTEST_STAND_IN;
    shorter = swedishStem(shorter)
  )
    stem = shorter;
  return letters.slice(0, [...stem].length).join('');
}

/** The query to send Pagefind for `query`: each word cut to its stem (see above); a quoted query as typed (NFKC). */
export function pagefindQuery(query: string): string {
  return isExactQuery(query) ? query.normalize('NFKC') : queryWords(query).map(stemPrefix).filter(Boolean).join(' ');
}

/**
 * One search per site and query as sent to Pagefind: queries that differ only where the
 * stem cuts them off ("stöde", "stödet") share it (the page's and its worker's caches).
 */
export function searchKey(base: string, query: string): string {
  return `${base}\n${pagefindQuery(query)}`;
}

/** How many letters `a` and `b` start with in common. */
function commonStart(a: string[], b: string[]): number {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  return n;
}

/**
 * Whether Pagefind's answer for one word of a query rests on a word too short to stand in
 * for it. Pagefind matches a word (`sent`: as sent, cut to its stem) and every longer
 * indexed word that starts with it; where its index has none, it falls back to the longest
 * indexed word that `sent` starts with, however short: "in" for "insyn", which is in no
 * case, and so nearly every case. `matched` are the words a hit was found by, as they stand
 * in its text (Pagefind's word locations). The answer stands when one of them starts with
 * `sent`, or shares at least SHORTEST_STAND_IN letters with it: "försörjning" for the
 * misspelt "försörjningstöd".
 */
export function restsOnShortFallback(sent: string, matched: readonly string[]): boolean {
  const wanted = splitLetters(sent);
  const words = matched.flatMap(queryWords).map(splitLetters);
  if (words.length === 0) return false;
  const longest = Math.max(...words.map((w) => commonStart(w, wanted)));
  return longest < wanted.length && longest < SHORTEST_STAND_IN;
}

/**
 * Whether a hit was found by `sent` itself or a longer word that starts with it (not by
 * Pagefind's fallback to a shorter word): one of `matched`, the words it was found by as
 * they stand in its text, starts with `sent`, letter for letter.
 */
export function foundByWord(sent: string, matched: readonly string[]): boolean {
  const wanted = splitLetters(sent);
  return matched.flatMap(queryWords).some((word) => commonStart(splitLetters(word), wanted) === wanted.length);
}
