/**
 * A document's text as the drafter reads it: logical lines ("units": a
 * heading, a list item, a `Label: value` line, a paragraph whose wrapped lines
 * are joined again), each with its page, and the sentences inside them. Markup
 * that exports leave in text (Markdown `#` and `**`, `<b>`) is taken out, so
 * what is proposed reads as the document does.
 */
import type { SourceDocument } from './read.ts';

export interface Unit {
  /** The text, markup removed, white space collapsed (a tab between table cells kept). */
  text: string;
  /** 1-based page. */
  page: number;
  /** A list marker the line started with (`1.`, `-`, `att`), taken off `text`. */
  marker?: string | undefined;
  /** A short line of its own that introduces what follows (a heading). */
  heading: boolean;
}

export interface Sentence {
  text: string;
  page: number;
  /** Index of the unit it is in. */
  unit: number;
}

/** Markup a text export leaves: Markdown headings and emphasis, a few HTML tags. */
function stripMarkup(line: string): string {
  return line
    .replace(/<\/?(?:b|i|u|strong|em|span|br)\b[^>]*>/giu, '')
    .replace(/^#{1,6}\s+/u, '')
    .replace(/\*\*|__/gu, '')
    .replace(/(?<![\w*])\*(?!\s)([^*\n]+?)\*(?!\w)/gu, '$1')
    .replace(/[ \u00a0\u202f]+/gu, ' ')
    .replace(/ *\t[\t ]*/gu, '\t')
    .trim();
}

const MARKER = /^(?:(\d{1,2}[.)])|([-–•▪●*])|(att))\s+(?=\S)/iu;
const LABEL = /^[\p{Lu}][\p{L} /-]{1,60}:(?:\s|$)/u;

const isHeadingText = (text: string, raw: string) =>
  /^#{1,6}\s/u.test(raw) ||
  /^\*\*[^*]+\*\*:?$/u.test(raw.trim()) ||
  (text.length <= 90 && /^[\p{Lu}\d]/u.test(text) && !/[.;,]$/u.test(text) && !text.includes('\t'));

/**
 * The units of a document. Inside a paragraph a line is joined to the one before when
 * that one was long (wrapped text) and this one starts no list item, label or table row;
 * a word cut at a hyphen before a lower-case letter ("arbets-|marknad") is joined without
 * it, a hyphen after a capital ("PDF-|filen") is kept.
 */
export function unitsOf(document: SourceDocument): Unit[] {
  const units: Unit[] = [];
  document.pages.forEach((pageText, i) => {
    const page = i + 1;
    for (const paragraph of pageText.replace(/\r\n?/gu, '\n').split(/\n[ \t]*\n/u)) {
      const lines = paragraph.split('\n').filter((l) => l.trim() !== '');
      let current: { raw: string; text: string } | undefined;
      const flush = (alone: boolean) => {
        if (!current) return;
        const { raw } = current;
        let text = current.text;
        const m = MARKER.exec(text);
        const marker = m ? (m[1] ?? m[2] ?? m[3]) : undefined;
        if (m) text = text.slice(m[0].length).trim();
        if (text !== '') {
          units.push({ text, page, marker, heading: !marker && alone && isHeadingText(text, raw) });
        }
        current = undefined;
      };
      for (const raw of lines) {
        const text = stripMarkup(raw);
        if (text === '') continue;
        // A table row (cells apart by a tab) is a line of its own, and so is the line after it.
        const startsNew = MARKER.test(text) || LABEL.test(text) || /^#{1,6}\s/u.test(raw.trim()) || text.includes('\t');
        // A long line goes on in the next when that one starts in lower case or is itself
        // long or ends a sentence; a short line after it ("Dnr AMN 2019-214") stands alone.
        const wrapped =
          current !== undefined &&
          current.text.length >= 60 &&
          !/:$/u.test(current.text) &&
          !current.text.includes('\t') &&
          (/^\p{Ll}/u.test(text) || text.length >= 60 || /[.;,!?]$/u.test(text));
        if (current && !startsNew && wrapped) {
          // "arbets-|marknad" was one word cut in two; "PDF-|filen" keeps its hyphen.
          const cut = /-$/u.test(current.text) && /^\p{Ll}/u.test(text);
          current.text = !cut
            ? `${current.text} ${text}`
            : /\p{Ll}-$/u.test(current.text)
              ? current.text.slice(0, -1) + text
              : current.text + text;
          current.raw += ` ${raw}`;
          continue;
        }
        flush(lines.length === 1);
        current = { raw, text };
      }
      flush(lines.length === 1);
    }
  });
  return units;
}

/** Abbreviations after which a full stop does not end a sentence. */
const ABBREVIATIONS =
  /(?:\b(?:t\.ex|bl\.a|m\.m|m\.fl|d\.v\.s|dvs|inkl|exkl|ca|st|nr|resp|jfr|enl|fr\.o\.m|t\.o\.m|o\.s\.v|osv|org\.nr|kap|s|sid|tel|ang|avd|forts|prel)|\b\p{Lu})\.$/iu;

/** The sentences of one unit's text. */
export function splitSentences(text: string): string[] {
  const out: string[] = [];
  let start = 0;
  for (const m of text.matchAll(/[.!?](?=\s+["”»(]?[\p{Lu}\d])/gu)) {
    const end = (m.index ?? 0) + 1;
    const candidate = text.slice(start, end);
    if (ABBREVIATIONS.test(candidate)) continue;
    // "1." or "§ 4." at the start is a number, not a sentence.
    if (/^\s*\d{1,2}\.$/u.test(candidate)) continue;
    out.push(candidate.trim());
    start = end;
  }
  const rest = text.slice(start).trim();
  if (rest !== '') out.push(rest);
  return out;
}

export function sentencesOf(units: readonly Unit[]): Sentence[] {
  return units.flatMap((u, unit) => splitSentences(u.text).map((text) => ({ text, page: u.page, unit })));
}

/** Lower case, no markup, single spaces: for comparing names and headings. */
export const normalise = (text: string): string =>
  text
    .normalize('NFC')
    .toLowerCase()
    .replace(/[\s\u00a0]+/gu, ' ')
    .replace(/[:.]+$/u, '')
    .trim();

const BOUNDARY = String.raw`(?:(?<=[\p{L}\d_])(?![\p{L}\d_])|(?<![\p{L}\d_])(?=[\p{L}\d_]))`;

/**
 * The pattern with `\b` meaning a word boundary in Swedish: JavaScript's `\b` knows only
 * ASCII letters, so `\bålder` never matches and `\bmål\b` matches inside `målgrupp`'s
 * neighbours wrongly.
 */
export function words(pattern: RegExp): RegExp {
  const flags = pattern.flags.includes('u') ? pattern.flags : `${pattern.flags}u`;
  return new RegExp(pattern.source.replaceAll(String.raw`\b`, BOUNDARY), flags);
}
