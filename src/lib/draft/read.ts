/**
 * Reading a decision document (PDF, Word .docx or plain text) into the text of
 * its pages, for the draft case. The same code runs in Node (the CLI) and in
 * the browser (bundled with esbuild): the PDF and Word libraries are imported
 * only inside their branch, so reading a text file never loads them, and each
 * becomes a chunk of its own in the browser bundle.
 *
 * PDF: unpdf's serverless build of pdf.js, which carries its own worker code and
 * runs it on the calling thread (no worker file to fetch, no eval, no
 * WebAssembly), so it works under a strict Content-Security-Policy. Lines and
 * paragraphs are rebuilt from the positions of pdf.js's text items.
 *
 * Word: mammoth's document tree (taken through its public `transformDocument`
 * hook), walked here, because its raw-text output drops line and page breaks
 * (words on either side of a line break run together).
 *
 * Nothing is guessed: a document without text is an error that tells staff
 * what to do, never an empty draft.
 */
import { replaceForbiddenCharacters } from '../core/characters.ts';

export type DocumentFormat = 'pdf' | 'docx' | 'text';

export interface SourceDocument {
  /** The file name as given, e.g. "beslut.pdf". */
  name: string;
  format: DocumentFormat;
  /**
   * The text of each page, in order (page n is pages[n-1]). A .docx or text file is one
   * page unless it has form feeds (\f) / explicit page breaks. Lines separated by \n,
   * paragraphs by a blank line ("\n\n").
   */
  pages: string[];
}

export type DocumentErrorCode = 'needs-ocr' | 'unsupported' | 'unreadable' | 'encrypted' | 'empty';

/** A document Insyn cannot read; `message` is Swedish, for staff, and says what to do. */
export class DocumentError extends Error {
  readonly code: DocumentErrorCode;

  constructor(code: DocumentErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'DocumentError';
    this.code = code;
  }
}

/** Fewer letters than this in a whole PDF means it has no usable text layer. */
export const MIN_PDF_LETTERS = 20;

const OR_TYPE_IT = 'eller skriv in uppgifterna själv';
const READS = 'Insyn läser PDF, Word (.docx) och textfiler (.txt).';

const pagesWord = (n: number) => `${n} ${n === 1 ? 'sida' : 'sidor'}`;

const messages = {
  emptyFile: (name: string) => `Filen ”${name}” är tom. Välj beslutsdokumentet och försök igen.`,
  noText: (name: string) =>
    `Dokumentet ”${name}” innehåller ingen text. Kontrollera att det är rätt fil och försök igen – ${OR_TYPE_IT}.`,
  needsOcr: (pages: number) =>
    `Dokumentet är en inskannad bild utan text (${pagesWord(pages)}). Insyn kan inte läsa det utan ` +
    'textigenkänning (OCR). Gör om det till en sökbar PDF, t.ex. med Adobe Acrobat (”Känn igen text”) ' +
    `eller skannerns OCR-funktion, och försök igen – ${OR_TYPE_IT}.`,
  encryptedPdf: (name: string) =>
    `PDF-filen ”${name}” är lösenordsskyddad, så Insyn kan inte läsa den. Öppna den med lösenordet, spara ` +
    `en kopia utan lösenord (t.ex. ”Skriv ut” till PDF) och försök igen – ${OR_TYPE_IT}.`,
  encryptedDocx: (name: string) =>
    `Word-dokumentet ”${name}” är lösenordsskyddat, så Insyn kan inte läsa det. Öppna det i Word, ta bort ` +
    `lösenordet (Arkiv → Info → Skydda dokument), spara och försök igen – ${OR_TYPE_IT}.`,
  unreadablePdf: (name: string) =>
    `Filen ”${name}” kunde inte läsas som PDF: den verkar vara skadad eller ofullständig. Hämta eller ` +
    `exportera den på nytt och försök igen – ${OR_TYPE_IT}.`,
  unreadableDocx: (name: string) =>
    `Filen ”${name}” kunde inte läsas som Word-dokument (.docx): den verkar vara skadad. Öppna den i Word, ` +
    `spara den på nytt (eller som PDF) och försök igen – ${OR_TYPE_IT}.`,
  unsupported: (what: string, advice: string) => `Insyn kan inte läsa ${what}. ${READS} ${advice}`,
};

const SAVE_AS = 'Spara beslutet som PDF eller Word (.docx) och försök igen.';
const SCANNED_IMAGE =
  'Är beslutet inskannat, gör om det till en sökbar PDF med textigenkänning (OCR) och försök igen – ' +
  `${OR_TYPE_IT}.`;

/** What an unsupported file is, in Swedish, with advice. */
interface Unsupported {
  what: string;
  advice: string;
}

const OLD_WORD: Unsupported = {
  what: 'filer i det äldre Word-formatet (.doc)',
  advice: 'Öppna filen i Word och spara den som .docx eller PDF (Arkiv → Spara som), och försök igen.',
};
const imageFile = (kind: string): Unsupported => ({ what: `bilder (${kind})`, advice: SCANNED_IMAGE });

/** Formats known by extension that Insyn does not read. */
const UNSUPPORTED_EXTENSIONS: Readonly<Record<string, Unsupported>> = {
  doc: OLD_WORD,
  dot: OLD_WORD,
  docm: { what: 'Word-filer med makron (.docm)', advice: SAVE_AS },
  rtf: { what: 'RTF-filer (.rtf)', advice: SAVE_AS },
  odt: { what: 'OpenDocument-filer (.odt)', advice: SAVE_AS },
  pages: { what: 'Pages-filer (.pages)', advice: SAVE_AS },
  html: { what: 'webbsidor (.html)', advice: SAVE_AS },
  htm: { what: 'webbsidor (.htm)', advice: SAVE_AS },
  xls: { what: 'kalkylblad (.xls)', advice: SAVE_AS },
  xlsx: { what: 'kalkylblad (.xlsx)', advice: SAVE_AS },
  ods: { what: 'kalkylblad (.ods)', advice: SAVE_AS },
  ppt: { what: 'presentationer (.ppt)', advice: SAVE_AS },
  pptx: { what: 'presentationer (.pptx)', advice: SAVE_AS },
  msg: { what: 'e-postmeddelanden (.msg)', advice: 'Spara bilagan med beslutet för sig och välj den.' },
  eml: { what: 'e-postmeddelanden (.eml)', advice: 'Spara bilagan med beslutet för sig och välj den.' },
  zip: { what: 'zip-arkiv (.zip)', advice: 'Packa upp arkivet och välj beslutsdokumentet.' },
  png: imageFile('PNG'),
  jpg: imageFile('JPEG'),
  jpeg: imageFile('JPEG'),
  gif: imageFile('GIF'),
  tif: imageFile('TIFF'),
  tiff: imageFile('TIFF'),
  bmp: imageFile('BMP'),
  webp: imageFile('WebP'),
  heic: imageFile('HEIC'),
};

const TEXT_EXTENSIONS = new Set(['', 'txt', 'text', 'md', 'markdown', 'csv', 'tsv']);

/** Reads the file; see {@link detectFormat}. */
export async function readDocument(bytes: Uint8Array, name: string): Promise<SourceDocument> {
  if (bytes.length === 0) throw new DocumentError('empty', messages.emptyFile(name));
  const format = detectFormat(bytes, name);
  const pages =
    format === 'pdf' ? await readPdf(bytes, name) : format === 'docx' ? await readDocx(bytes, name) : readText(bytes);
  if (!pages.some((page) => page.trim() !== '')) throw new DocumentError('empty', messages.noText(name));
  return { name, format, pages };
}

// ---------------------------------------------------------------------------
// Which format

const startsWith = (bytes: Uint8Array, signature: readonly number[], at = 0) =>
  signature.every((b, i) => bytes[at + i] === b);

const ascii = (text: string) => [...text].map((c) => c.charCodeAt(0));

/** Whether `needle` occurs in `bytes` (a byte search, for names stored uncompressed in zip and OLE files). */
function includesBytes(bytes: Uint8Array, needle: readonly number[]): boolean {
  const first = needle[0];
  const last = bytes.length - needle.length;
  for (let i = bytes.indexOf(first ?? 0); i !== -1 && i <= last; i = bytes.indexOf(first ?? 0, i + 1)) {
    if (startsWith(bytes, needle, i)) return true;
  }
  return false;
}

const utf16 = (text: string) => [...text].flatMap((c) => [c.charCodeAt(0), 0]);

const PDF = ascii('%PDF-');
const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const SIGNATURES: readonly (readonly [readonly number[], Unsupported])[] = [
  [[0x89, 0x50, 0x4e, 0x47], imageFile('PNG')],
  [[0xff, 0xd8, 0xff], imageFile('JPEG')],
  [ascii('GIF8'), imageFile('GIF')],
  [[0x49, 0x49, 0x2a, 0x00], imageFile('TIFF')],
  [[0x4d, 0x4d, 0x00, 0x2a], imageFile('TIFF')],
  [ascii('BM'), imageFile('BMP')],
  [ascii('{\\rtf'), { what: 'RTF-filer (.rtf)', advice: SAVE_AS }],
];

const extensionOf = (name: string) => /\.([^./\\]+)$/u.exec(name)?.[1]?.toLowerCase() ?? '';

const unsupported = ({ what, advice }: Unsupported) =>
  new DocumentError('unsupported', messages.unsupported(what, advice));

/**
 * The format, from the bytes' signature first (`%PDF-`, a zip holding
 * `word/document.xml`), then the name's extension; a file with a text
 * extension (or none) whose bytes are not text is refused too.
 */
export function detectFormat(bytes: Uint8Array, name: string): DocumentFormat {
  // pdf.js, like Acrobat, accepts a few bytes of junk before the header.
  if (includesBytes(bytes.subarray(0, 1024), PDF)) return 'pdf';
  const extension = extensionOf(name);
  if (startsWith(bytes, ZIP)) {
    if (includesBytes(bytes, ascii('word/document.xml'))) return 'docx';
    if (extension === 'docx') throw new DocumentError('unreadable', messages.unreadableDocx(name));
    if (includesBytes(bytes, ascii('application/vnd.oasis.opendocument.text'))) {
      throw unsupported(UNSUPPORTED_EXTENSIONS['odt'] ?? OLD_WORD);
    }
    const known = UNSUPPORTED_EXTENSIONS[extension];
    throw unsupported(known ?? { what: `filen ”${name}” (ett zip-arkiv)`, advice: SAVE_AS });
  }
  if (startsWith(bytes, OLE)) {
    // A password-protected .docx is an OLE file holding an EncryptedPackage stream.
    if (extension === 'docx' || includesBytes(bytes, utf16('EncryptedPackage'))) {
      throw new DocumentError('encrypted', messages.encryptedDocx(name));
    }
    throw unsupported(UNSUPPORTED_EXTENSIONS[extension] ?? OLD_WORD);
  }
  for (const [signature, kind] of SIGNATURES) if (startsWith(bytes, signature)) throw unsupported(kind);
  if (extension === 'pdf') throw new DocumentError('unreadable', messages.unreadablePdf(name));
  if (extension === 'docx') throw new DocumentError('unreadable', messages.unreadableDocx(name));
  const known = UNSUPPORTED_EXTENSIONS[extension];
  if (known) throw unsupported(known);
  if (!looksLikeText(bytes)) throw unsupported({ what: `filen ”${name}”`, advice: SAVE_AS });
  if (!TEXT_EXTENSIONS.has(extension)) {
    throw unsupported({ what: `filer av typen .${extension}`, advice: SAVE_AS });
  }
  return 'text';
}

/** Text: a UTF-16 byte-order mark, or no NUL bytes and hardly any other control characters. */
function looksLikeText(bytes: Uint8Array): boolean {
  if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff])) return true;
  const head = bytes.subarray(0, 64 * 1024);
  let controls = 0;
  for (const b of head) {
    if (b === 0) return false;
    // Tab, line feed, vertical tab, form feed, carriage return, escape, and DOS's end-of-file.
    if (b < 0x20 && ![0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x1a, 0x1b].includes(b)) controls++;
  }
  return controls <= head.length / 100;
}

// ---------------------------------------------------------------------------
// Text

/** The text of a text file: UTF-8 (with or without a BOM), UTF-16 with a BOM, else Windows-1252. */
export function decodeText(bytes: Uint8Array): string {
  if (startsWith(bytes, [0xff, 0xfe])) return new TextDecoder('utf-16le').decode(bytes);
  if (startsWith(bytes, [0xfe, 0xff])) return new TextDecoder('utf-16be').decode(bytes);
  try {
    // The decoder drops a UTF-8 byte-order mark itself.
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

/**
 * Pages from a text with form feeds: CRLF and CR made LF, NFC, trailing white space
 * off every line, runs of blank lines made one, and the final form feed of a
 * printout not counted as a page.
 */
export function pagesOfText(text: string): string[] {
  const pages = text.replace(/\r\n?/gu, '\n').split('\f').map(tidyPage);
  if (pages.length > 1 && pages.at(-1) === '') pages.pop();
  return pages;
}

/**
 * A page's text in NFC, without trailing white space on its lines, runs of blank lines
 * made one, and without the invisible characters a case file may not hold
 * (src/lib/core/characters.ts), so that no quote of it stops the check.
 */
function tidyPage(page: string): string {
  return replaceForbiddenCharacters(page, ' ')
    .normalize('NFC')
    .replace(/[ \t\v\u00a0]+$/gmu, '')
    .replace(/\n{3,}/gu, '\n\n')
    .replace(/^\n+|\n+$/gu, '');
}

function readText(bytes: Uint8Array): string[] {
  return pagesOfText(decodeText(bytes));
}

// ---------------------------------------------------------------------------
// Word (.docx)

/** The part of mammoth's document tree read here (lib/documents.js). */
interface DocxNode {
  type: string;
  children?: DocxNode[];
  value?: string;
  breakType?: string;
  numbering?: { isOrdered: boolean; level: string } | null;
  styleName?: string | null;
}

interface Block {
  text: string;
  /** Consecutive list items are lines of one paragraph. */
  listItem: boolean;
}

function inlineText(node: DocxNode): string {
  switch (node.type) {
    case 'text':
      return node.value ?? '';
    case 'tab':
      return '\t';
    case 'break':
      return node.breakType === 'page' ? '\f' : '\n';
    case 'noteReference':
    case 'commentReference':
      return '';
    default:
      return (node.children ?? []).map(inlineText).join('');
  }
}

/** A numbered or bulleted paragraph, other than a heading numbered by its style (outline numbering). */
const isListItem = (paragraph: DocxNode) =>
  paragraph.numbering != null && !/^(heading|rubrik|title|titel)\b/iu.test(paragraph.styleName ?? '');

/** Whether a paragraph has text or a page break (white space to `trim`). */
const hasText = (text: string) => text.trim() !== '' || text.includes('\f');

/** Blocks of a run of block-level nodes: paragraphs, list items, one block per table row (each cell a line). */
function docxBlocks(nodes: readonly DocxNode[]): Block[] {
  const blocks: Block[] = [];
  for (const node of nodes) {
    if (node.type === 'paragraph') {
      const text = inlineText(node);
      if (hasText(text)) blocks.push({ text, listItem: isListItem(node) });
    } else if (node.type === 'table') {
      for (const row of node.children ?? []) {
        const cells = (row.children ?? []).map((cell) => joinBlocks(docxBlocks(cell.children ?? []), '\n'));
        const text = cells.filter((cell) => cell.trim() !== '').join('\n');
        if (text !== '') blocks.push({ text, listItem: false });
      }
    } else if (node.children) {
      blocks.push(...docxBlocks(node.children));
    } else {
      const text = inlineText(node);
      if (hasText(text)) blocks.push({ text, listItem: false });
    }
  }
  return blocks;
}

function joinBlocks(blocks: readonly Block[], separator = '\n\n'): string {
  return blocks
    .map((block, i) => (i === 0 ? '' : block.listItem && blocks[i - 1]?.listItem ? '\n' : separator) + block.text)
    .join('');
}

async function readDocx(bytes: Uint8Array, name: string): Promise<string[]> {
  // A CommonJS module: its exports are the default export, in Node and in esbuild's bundle.
  const { default: mammoth } = await import('mammoth');
  let tree: DocxNode | undefined;
  const copy = new Uint8Array(bytes);
  try {
    // Node's mammoth reads `buffer`, the browser build `arrayBuffer`.
    const input = { buffer: copy, arrayBuffer: copy.buffer } as unknown as Parameters<typeof mammoth.convertToHtml>[0];
    await mammoth.convertToHtml(input, {
      transformDocument: (document: DocxNode) => {
        tree = document;
        // Nothing is left for the HTML writer, whose output is not used.
        return { ...document, children: [] };
      },
    });
  } catch (error) {
    throw new DocumentError('unreadable', messages.unreadableDocx(name), { cause: error });
  }
  if (!tree) throw new DocumentError('unreadable', messages.unreadableDocx(name));
  return pagesOfText(joinBlocks(docxBlocks(tree.children ?? [])));
}

// ---------------------------------------------------------------------------
// PDF

/** A pdf.js text item (`TextItem` in pdf.js's display API), the fields read here. */
export interface PdfTextItem {
  str: string;
  /** Advance along the text direction, in user-space units. */
  width: number;
  /** The text matrix: [a, b, c, d, e, f]. */
  transform: number[];
  hasEOL: boolean;
}

type Matrix = readonly [number, number, number, number, number, number];

const multiply = (m: Matrix, n: Matrix): Matrix => [
  m[0] * n[0] + m[2] * n[1],
  m[1] * n[0] + m[3] * n[1],
  m[0] * n[2] + m[2] * n[3],
  m[1] * n[2] + m[3] * n[3],
  m[0] * n[4] + m[2] * n[5] + m[4],
  m[1] * n[4] + m[3] * n[5] + m[5],
];

const asMatrix = (m: readonly number[]): Matrix => [m[0] ?? 1, m[1] ?? 0, m[2] ?? 0, m[3] ?? 1, m[4] ?? 0, m[5] ?? 0];

/** An item placed in its own reading frame: `u` along the text, `v` down the page across it. */
interface Placed {
  str: string;
  u: number;
  v: number;
  width: number;
  size: number;
  /** The text direction in whole degrees (0 for ordinary text). */
  angle: number;
  eol: boolean;
}

interface Line {
  items: Placed[];
  v: number;
  size: number;
  angle: number;
  text: string;
}

function place(item: PdfTextItem, viewport: Matrix): Placed | undefined {
  const [a, b, c, d, e, f] = multiply(viewport, asMatrix(item.transform));
  const scale = Math.hypot(a, b);
  const size = Math.hypot(c, d);
  if (scale === 0 || size === 0) return undefined;
  // The viewport's y axis points down, so (−sin, cos) points down the page for upright text.
  const cos = a / scale;
  const sin = b / scale;
  return {
    str: item.str,
    u: e * cos + f * sin,
    v: -e * sin + f * cos,
    width: item.width,
    size,
    angle: Math.round((Math.atan2(b, a) * 180) / Math.PI),
    eol: item.hasEOL,
  };
}

const isBlank = (s: string) => s.trim() === '';

/** A gap between items on a line wider than this, in font sizes, is a space. */
const WORD_GAP = 0.15;

/**
 * The text of a line: items in order along it, a space where there is a gap and none
 * is written. White-space items (pdf.js writes one over every gap it sees) count only
 * by the gap they cover. A wide gap is a space too: a justified line can have one as
 * wide as a tab's, so a tab could not be told from it.
 */
function lineText(items: readonly Placed[]): string {
  const sorted = items.filter((item) => !isBlank(item.str)).sort((x, y) => x.u - y.u);
  let text = '';
  let end = -Infinity;
  for (const item of sorted) {
    // A run drawn twice at (almost) the same place is bold by overprinting: keep one.
    if (text.endsWith(item.str) && Math.abs(item.u + item.width - end) < item.size * 0.2) continue;
    const gap = (item.u - end) / item.size;
    if (text !== '' && gap > WORD_GAP && !/\s$/u.test(text) && !/^\s/u.test(item.str)) text += ' ';
    text += item.str;
    end = Math.max(end, item.u + item.width);
  }
  return text.replace(/[ \t]{2,}|\t/gu, ' ').trim();
}

/** The size most of a line's letters are set in. */
function dominantSize(items: readonly Placed[]): number {
  const weight = new Map<number, number>();
  for (const item of items) {
    const key = Math.round(item.size * 10) / 10;
    weight.set(key, (weight.get(key) ?? 0) + item.str.trim().length);
  }
  let best = items[0]?.size ?? 0;
  let most = -1;
  for (const [size, count] of weight) {
    if (count > most) [best, most] = [size, count];
  }
  return best;
}

/**
 * The lines of a page, in the content's order: an item joins the current line when it
 * has the same direction and its baseline is within half a letter of the line's,
 * unless pdf.js marked the end of a line and the text goes back.
 */
function pageLines(items: readonly Placed[]): Line[] {
  const lines: Line[] = [];
  let current: Line | undefined;
  let previous: Placed | undefined;
  for (const item of items) {
    if (item.str === '') {
      if (previous) previous.eol ||= item.eol;
      continue;
    }
    const sameLine =
      current !== undefined &&
      previous !== undefined &&
      item.angle === current.angle &&
      Math.abs(item.v - current.v) < 0.5 * Math.max(item.size, current.size) &&
      !(previous.eol && item.u < previous.u + previous.width - item.size);
    if (sameLine && current) {
      current.items.push(item);
    } else if (!isBlank(item.str)) {
      current = { items: [item], v: item.v, size: item.size, angle: item.angle, text: '' };
      lines.push(current);
    } else {
      continue;
    }
    previous = item;
  }
  for (const line of lines) {
    line.size = dominantSize(line.items);
    line.text = lineText(line.items);
  }
  return lines.filter((line) => line.text !== '');
}

/** Line spacing over font size between two consecutive lines of one size and direction, else undefined. */
function spacing(above: Line, below: Line): number | undefined {
  if (above.angle !== below.angle) return undefined;
  const ratio = Math.max(above.size, below.size) / Math.min(above.size, below.size);
  if (ratio > 1.15) return undefined;
  const gap = (below.v - above.v) / below.size;
  return gap > 0 && gap < 4 ? gap : undefined;
}

/**
 * The document's ordinary line spacing (baseline to baseline, in font sizes): a low
 * quantile of the spacings between consecutive lines, so that the larger gaps between
 * paragraphs do not count even when a document has many short paragraphs.
 */
function ordinarySpacing(pages: readonly Line[][]): number {
  const gaps: number[] = [];
  for (const lines of pages) {
    for (let i = 1; i < lines.length; i++) {
      const [above, below] = [lines[i - 1], lines[i]];
      const gap = above && below ? spacing(above, below) : undefined;
      if (gap !== undefined) gaps.push(gap);
    }
  }
  gaps.sort((x, y) => x - y);
  return gaps[Math.floor(gaps.length * 0.3)] ?? 1.2;
}

/**
 * A page's text: its lines, with a blank line where a paragraph ends: a gap clearly
 * larger than the ordinary line spacing, a change of font size (a heading), of
 * direction, or a jump back up the page (a new column, or text drawn out of order).
 */
function pageText(lines: readonly Line[], ordinary: number): string {
  let text = '';
  lines.forEach((line, i) => {
    const above = lines[i - 1];
    if (above) {
      const sizes = Math.max(above.size, line.size) / Math.min(above.size, line.size);
      const gap = (line.v - above.v) / line.size;
      const paragraph = line.angle !== above.angle || sizes > 1.15 || gap <= 0 || gap > ordinary * 1.3;
      text += paragraph ? '\n\n' : '\n';
    }
    text += line.text;
  });
  return text;
}

/** Page texts from pdf.js's text items, each page's items with its viewport transform. */
export function layoutPdfPages(pages: readonly { items: readonly PdfTextItem[]; viewport: readonly number[] }[]) {
  const lines = pages.map(({ items, viewport }) => {
    const frame = asMatrix(viewport);
    return pageLines(items.flatMap((item) => place(item, frame) ?? []));
  });
  const ordinary = ordinarySpacing(lines);
  return lines.map((page) => tidyPage(pageText(page, ordinary)));
}

const letterCount = (pages: readonly string[]) => pages.join('').match(/\p{L}/gu)?.length ?? 0;

/** Options for pdf.js: text only, nothing fetched, no fonts installed in the page, errors only in the console. */
const PDF_OPTIONS = {
  useWasm: false,
  isOffscreenCanvasSupported: false,
  isImageDecoderSupported: false,
  disableFontFace: true,
  verbosity: 0,
} as const;

const IMAGE_XOBJECT = /\/Subtype\s*\/Image\b/u;

async function readPdf(bytes: Uint8Array, name: string): Promise<string[]> {
  const { getDocumentProxy, getResolvedPDFJS } = await import('unpdf');
  let pdf: Awaited<ReturnType<typeof getDocumentProxy>>;
  try {
    // pdf.js may take over the buffer it is given: it gets a copy.
    pdf = await getDocumentProxy(new Uint8Array(bytes), PDF_OPTIONS);
  } catch (error) {
    if ((error as { name?: unknown } | null)?.name === 'PasswordException') {
      throw new DocumentError('encrypted', messages.encryptedPdf(name), { cause: error });
    }
    throw new DocumentError('unreadable', messages.unreadablePdf(name), { cause: error });
  }
  try {
    const read: { items: PdfTextItem[]; viewport: number[] }[] = [];
    for (let n = 1; n <= pdf.numPages; n++) {
      const page = await pdf.getPage(n);
      const content = await page.getTextContent();
      const items = content.items.filter((item): item is PdfTextItem & typeof item => 'str' in item);
      read.push({ items, viewport: page.getViewport({ scale: 1 }).transform });
      page.cleanup();
    }
    const pages = layoutPdfPages(read);
    if (letterCount(pages) < MIN_PDF_LETTERS) {
      const { OPS } = await getResolvedPDFJS();
      if (await hasGraphics(pdf, bytes, OPS)) throw new DocumentError('needs-ocr', messages.needsOcr(pdf.numPages));
      throw new DocumentError('empty', messages.noText(name));
    }
    return pages;
  } catch (error) {
    if (error instanceof DocumentError) throw error;
    throw new DocumentError('unreadable', messages.unreadablePdf(name), { cause: error });
  } finally {
    await pdf.loadingTask.destroy();
  }
}

/**
 * Whether a PDF with (almost) no text draws anything: an image XObject (found in
 * the file itself, whose stream dictionaries are never compressed, so a scan's
 * images are not decoded to find them), or any image or path on a page.
 */
async function hasGraphics(
  pdf: { numPages: number; getPage(n: number): Promise<{ getOperatorList(): Promise<{ fnArray: number[] }> }> },
  bytes: Uint8Array,
  ops: Record<string, number>,
): Promise<boolean> {
  if (IMAGE_XOBJECT.test(new TextDecoder('latin1').decode(bytes))) return true;
  const drawing = new Set(
    Object.entries(ops)
      .filter(([op]) => /^paint.*(Image|Mask)|^constructPath$|^shadingFill$/u.test(op))
      .map(([, code]) => code),
  );
  for (let n = 1; n <= pdf.numPages; n++) {
    const { fnArray } = await (await pdf.getPage(n)).getOperatorList();
    if (fnArray.some((op) => drawing.has(op))) return true;
  }
  return false;
}
