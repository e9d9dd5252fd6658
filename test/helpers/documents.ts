/**
 * Decision documents for the draft tests, made in the test from text (never a
 * binary of unknown origin): `pdfOfText` sets a text as a word processor would
 * (A4, Helvetica, wrapped at the margin, a new page when one is full, a blank line
 * between paragraphs), so the PDF reader meets wrapped lines and page breaks;
 * `docxOfText` writes each line as a Word paragraph, headings (`#`) in a heading style.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
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

/** WordprocessingML's namespace, for the parts a test writes. */
export const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const escapeXml = (t: string) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A .docx with `body` as its document's body XML, and any `extra` parts (numbering, styles) by path. */
export async function docxPackage(body: string, extra: Record<string, string> = {}): Promise<Uint8Array> {
  const zip = new JSZip();
  zip.file(
    '[Content_Types].xml',
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
      '<Default Extension="xml" ContentType="application/xml"/>' +
      '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>' +
      '</Types>',
  );
  zip.file(
    '_rels/.rels',
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
      '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>' +
      '</Relationships>',
  );
  zip.file(
    'word/document.xml',
    `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="${W}"><w:body>${body}</w:body></w:document>`,
  );
  for (const [path, text] of Object.entries(extra)) zip.file(path, text);
  return zip.generateAsync({ type: 'uint8array' });
}

export function docxOfText(text: string): Promise<Uint8Array> {
  const paragraphs = text
    .replace(/\r\n?/gu, '\n')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .map((line) => {
      const heading = /^#{1,6}\s/u.test(line);
      const plain = escapeXml(line.replace(/^#{1,6}\s+/u, '').replace(/\*\*|__|\*/gu, ''));
      const style = heading ? '<w:pPr><w:pStyle w:val="Heading1"/></w:pPr>' : '';
      return `<w:p>${style}<w:r><w:t xml:space="preserve">${plain}</w:t></w:r></w:p>`;
    })
    .join('');
  return docxPackage(paragraphs);
}
