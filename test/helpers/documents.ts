/**
 * Decision documents for the draft tests, made in the test from text (never a
 * binary of unknown origin): `pdfOfText` sets a text as a word processor would
 * (A4, Helvetica, wrapped at the margin, a new page when one is full, a blank line
 * between paragraphs), so the PDF reader meets wrapped lines and page breaks.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { ROOT } from './site.ts';

/** Text of a decision document in test/fixtures/documents/ (see its README). */
export const decisionText = (name: string): string => readFileSync(join(ROOT, 'test/fixtures/documents', name), 'utf8');

const WIDTH = 595;
const HEIGHT = 842;
const MARGIN = 72;
const SIZE = 11;
const LEADING = 14;

export async function pdfOfText(text: string): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  let page = doc.addPage([WIDTH, HEIGHT]);
  let y = HEIGHT - MARGIN;
  const line = (words: string, heading: boolean) => {
    if (y < MARGIN) {
      page = doc.addPage([WIDTH, HEIGHT]);
      y = HEIGHT - MARGIN;
    }
    page.drawText(words, { x: MARGIN, y, size: SIZE, font: heading ? bold : font });
    y -= LEADING;
  };
  for (const paragraph of text.replace(/\r\n?/gu, '\n').split(/\n\s*\n/u)) {
    for (const source of paragraph.split('\n')) {
      // Markdown marks in the text files are formatting, not words.
      const heading = /^#{1,6}\s/u.test(source);
      const plain = source
        .replace(/^#{1,6}\s+/u, '')
        .replace(/\*\*|__|\*/gu, '')
        .trim();
      if (plain === '') continue;
      let current = '';
      for (const word of plain.split(/\s+/u)) {
        const next = current === '' ? word : `${current} ${word}`;
        if (font.widthOfTextAtSize(next, SIZE) > WIDTH - 2 * MARGIN && current !== '') {
          line(current, heading);
          current = word;
        } else current = next;
      }
      line(current, heading);
    }
    y -= LEADING;
  }
  return doc.save();
}
