/**
 * The decision-document reader (src/lib/draft/read.ts) on documents made here:
 * PDFs drawn with pdf-lib (Helvetica, whose WinAnsi encoding has å, ä, ö, é
 * and –), a scan without a text layer, a password-protected and a broken PDF,
 * a .docx zipped with JSZip, text in UTF-8, UTF-8 with a BOM, UTF-16 and
 * Windows-1252, and files Insyn does not read. No binary fixture is kept.
 */
import JSZip from 'jszip';
import { crc32, deflateSync } from 'node:zlib';
import { PDFDocument, type PDFFont, type PDFPage, StandardFonts, rgb } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { DocumentError, type DocumentErrorCode, detectFormat, readDocument } from '../../src/lib/draft/read.ts';
import { docxPackage, W } from '../helpers/documents.ts';

const latin1 = (text: string) => Uint8Array.from(text, (c) => c.charCodeAt(0));
const utf8 = (text: string) => new TextEncoder().encode(text);

/** The error `readDocument` rejects with. */
async function failure(bytes: Uint8Array, name: string): Promise<DocumentError> {
  try {
    await readDocument(bytes, name);
  } catch (error) {
    if (error instanceof DocumentError) return error;
    throw error;
  }
  throw new Error(`${name} was read`);
}

async function expectFailure(bytes: Uint8Array, name: string, code: DocumentErrorCode): Promise<string> {
  const error = await failure(bytes, name);
  expect(error.code).toBe(code);
  // Swedish, for staff.
  expect(error.message).toMatch(/[åäö]/u);
  return error.message;
}

// ---------------------------------------------------------------------------
// PDFs drawn with pdf-lib

interface Pen {
  page: PDFPage;
  y: number;
}

function write(pen: Pen, text: string, font: PDFFont, size: number, x = 72, after = size * 1.25) {
  pen.page.drawText(text, { x, y: pen.y, size, font });
  pen.y -= after;
}

/** A two-page decision: a heading, a label and value, a numbered list, a wrapped paragraph, a signature. */
async function decisionPdf(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  const one: Pen = { page: doc.addPage([595, 842]), y: 770 };
  write(one, 'Beslut om stöd till Café Älvgården', bold, 16, 72, 32);
  one.page.drawText('Diarienummer', { x: 72, y: one.y, size: 11, font });
  write(one, 'AMN 2024/123', font, 11, 200, 28);
  write(one, 'Beslut', bold, 13, 72, 20);
  write(one, '1. Arbetsmarknadsnämnden beviljar stöd med 120 000 kr.', font, 11);
  // A list number and its text drawn apart, as word processors do.
  one.page.drawText('2.', { x: 72, y: one.y, size: 11, font });
  write(one, 'Beslutet gäller från och med den 1 februari 2024.', font, 11, 88, 28);
  write(one, 'Ärendet', bold, 13, 72, 20);
  for (const line of [
    'Förvaltningen har utrett ärendet och fun-',
    'nit att sökanden uppfyller villkoren för',
    'stöd – se bilaga (Beslutsunderlag).',
  ]) {
    write(one, line, font, 11);
  }
  one.y -= 14;
  // Words placed one by one with no space characters between them.
  let x = 72;
  for (const word of ['Stödet', 'betalas', 'ut', 'i', 'två', 'delar.']) {
    one.page.drawText(word, { x, y: one.y, size: 11, font });
    x += font.widthOfTextAtSize(word, 11) + 3;
  }
  const two: Pen = { page: doc.addPage([595, 842]), y: 770 };
  write(two, 'Så här överklagar du', bold, 13, 72, 20);
  write(two, 'Skriv till nämnden inom tre veckor från den dag då du fick del av beslutet.', font, 11, 72, 28);
  write(two, 'Åsa Öberg, ordförande', font, 11);
  write(two, 'René Ekström, sekreterare', font, 11);
  return doc.save();
}

/** A one-pixel-high grey PNG, `width` wide. */
function png(width: number, height: number): Uint8Array {
  const chunk = (type: string, data: Uint8Array) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 0; // greyscale
  const rows = Buffer.alloc((width + 1) * height, 0xc0);
  for (let r = 0; r < height; r++) rows[r * (width + 1)] = 0; // filter: none
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows)),
    chunk('IEND', new Uint8Array()),
  ]);
}

/** A PDF handwritten object by object, with a correct cross-reference table. */
function handwrittenPdf(objects: readonly string[], trailer: string): Uint8Array {
  let text = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(text.length);
    text += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = text.length;
  text += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  text += offsets.map((offset) => `${String(offset).padStart(10, '0')} 00000 n \n`).join('');
  text += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R ${trailer} >>\nstartxref\n${xref}\n%%EOF\n`;
  return latin1(text);
}

describe('PDF', () => {
  it('rebuilds lines and paragraphs: headings and list items on lines of their own, hyphens kept', async () => {
    const document = await readDocument(await decisionPdf(), 'beslut.pdf');
    expect(document.name).toBe('beslut.pdf');
    expect(document.format).toBe('pdf');
    expect(document.pages).toEqual([
      [
        'Beslut om stöd till Café Älvgården',
        '',
        'Diarienummer AMN 2024/123',
        '',
        'Beslut',
        '',
        '1. Arbetsmarknadsnämnden beviljar stöd med 120 000 kr.',
        '2. Beslutet gäller från och med den 1 februari 2024.',
        '',
        'Ärendet',
        '',
        'Förvaltningen har utrett ärendet och fun-',
        'nit att sökanden uppfyller villkoren för',
        'stöd – se bilaga (Beslutsunderlag).',
        '',
        'Stödet betalas ut i två delar.',
      ].join('\n'),
      [
        'Så här överklagar du',
        '',
        'Skriv till nämnden inom tre veckor från den dag då du fick del av beslutet.',
        '',
        'Åsa Öberg, ordförande',
        'René Ekström, sekreterare',
      ].join('\n'),
    ]);
  });

  it('keeps a blank page as an empty page, so page numbers stay right', async () => {
    const doc = await PDFDocument.create();
    const font = await doc.embedFont(StandardFonts.Helvetica);
    doc.addPage().drawText('Protokollsutdrag från nämndens sammanträde', { x: 72, y: 700, size: 12, font });
    doc.addPage();
    doc.addPage().drawText('Justerat den 5 mars 2024', { x: 72, y: 700, size: 12, font });
    const { pages } = await readDocument(await doc.save(), 'protokoll.pdf');
    expect(pages).toEqual(['Protokollsutdrag från nämndens sammanträde', '', 'Justerat den 5 mars 2024']);
  });

  it('reads a page turned 90 degrees', async () => {
    const doc = await PDFDocument.create();
    const font = await doc.embedFont(StandardFonts.Helvetica);
    const page = doc.addPage([595, 842]);
    page.setRotation({ type: 'degrees', angle: 90 } as Parameters<PDFPage['setRotation']>[0]);
    page.drawText('Första raden', { x: 72, y: 700, size: 12, font });
    page.drawText('Andra raden', { x: 72, y: 685, size: 12, font });
    const { pages } = await readDocument(await doc.save(), 'liggande.pdf');
    expect(pages).toEqual(['Första raden\nAndra raden']);
  });

  it('asks for OCR when the pages are images without text', async () => {
    const doc = await PDFDocument.create();
    const font = await doc.embedFont(StandardFonts.Helvetica);
    const scan = await doc.embedPng(png(200, 280));
    for (const n of [1, 2]) {
      const page = doc.addPage([595, 842]);
      page.drawImage(scan, { x: 0, y: 0, width: 595, height: 842 });
      // A page number is all the text there is.
      page.drawText(String(n), { x: 290, y: 30, size: 10, font });
    }
    const message = await expectFailure(await doc.save(), 'skannat.pdf', 'needs-ocr');
    expect(message).toContain('inskannad bild utan text (2 sidor)');
    expect(message).toContain('OCR');
    expect(message).toContain('skriv in uppgifterna själv');
  });

  it('asks for OCR when a page only draws shapes', async () => {
    const doc = await PDFDocument.create();
    const page = doc.addPage([595, 842]);
    for (let y = 100; y < 700; y += 20)
      page.drawRectangle({ x: 72, y, width: 400, height: 8, color: rgb(0.2, 0.2, 0.2) });
    expect(await expectFailure(await doc.save(), 'skannat.pdf', 'needs-ocr')).toContain('(1 sida)');
  });

  it('calls a PDF of blank pages empty', async () => {
    const doc = await PDFDocument.create();
    doc.addPage();
    doc.addPage();
    await expectFailure(await doc.save(), 'tom.pdf', 'empty');
  });

  it('tells a password-protected PDF from a broken one', async () => {
    const id = '<0123456789abcdef0123456789abcdef>';
    const encrypted = handwrittenPdf(
      [
        '<< /Type /Catalog /Pages 2 0 R >>',
        '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
        '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>',
        `<< /Filter /Standard /V 1 /R 2 /P -4 /O <${'ab'.repeat(32)}> /U <${'cd'.repeat(32)}> >>`,
      ],
      `/Encrypt 4 0 R /ID [${id} ${id}]`,
    );
    expect(await expectFailure(encrypted, 'hemligt.pdf', 'encrypted')).toContain('lösenordsskyddad');

    const garbage = latin1(`%PDF-1.7\n${'skräp '.repeat(200)}\n%%EOF\n`);
    expect(await expectFailure(garbage, 'trasig.pdf', 'unreadable')).toContain('”trasig.pdf”');
    // Named .pdf but no PDF inside (a saved error page, say).
    await expectFailure(utf8('<html>404</html>'), 'beslut.pdf', 'unreadable');
  });

  it('does not detach or change the bytes it was given', async () => {
    const bytes = await decisionPdf();
    const copy = bytes.slice();
    await readDocument(bytes, 'beslut.pdf');
    expect(bytes.byteLength).toBe(copy.byteLength);
    expect(bytes).toEqual(copy);
  });
});

// ---------------------------------------------------------------------------
// Word

const run = (text: string) => `<w:r><w:t xml:space="preserve">${text}</w:t></w:r>`;
const paragraph = (...parts: string[]) => `<w:p>${parts.join('')}</w:p>`;
const listItem = (text: string) =>
  `<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr>${run(text)}</w:p>`;
/** A heading numbered through its style, as LibreOffice and outline-numbered templates write them. */
const heading = (text: string) =>
  `<w:p><w:pPr><w:pStyle w:val="Heading1"/><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr>${run(text)}</w:p>`;
const cell = (text: string) => `<w:tc>${paragraph(run(text))}</w:tc>`;

const docx = docxPackage;

const NUMBERING =
  `<?xml version="1.0" encoding="UTF-8"?><w:numbering xmlns:w="${W}">` +
  '<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl></w:abstractNum>' +
  '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>';

const STYLES =
  `<?xml version="1.0" encoding="UTF-8"?><w:styles xmlns:w="${W}">` +
  '<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/></w:style></w:styles>';

describe('Word (.docx)', () => {
  it('reads paragraphs, line breaks, list items (not numbered headings), table cells and page breaks', async () => {
    const bytes = await docx(
      [
        paragraph(run('Arbetsmarknadsnämnden'), '<w:r><w:br/></w:r>', run('Dnr AMN 2024/123')),
        paragraph(),
        heading('Beslut'),
        listItem('Nämnden beviljar stöd med 120 000 kr.'),
        listItem('Beslutet gäller från den 1 februari 2024.'),
        heading('Ärendet'),
        paragraph(run('Förvaltningen har '), run('utrett ärendet.')),
        `<w:tbl><w:tr>${cell('Sökande')}${cell('Café Älvgården AB')}</w:tr><w:tr>${cell('Belopp')}${cell('120 000 kr')}</w:tr></w:tbl>`,
        paragraph('<w:r><w:br w:type="page"/></w:r>'),
        paragraph(run('Så här överklagar du'), '<w:r><w:tab/></w:r>', run('Sida 2')),
      ].join(''),
      { 'word/numbering.xml': NUMBERING, 'word/styles.xml': STYLES },
    );
    const document = await readDocument(bytes, 'beslut.docx');
    expect(document.format).toBe('docx');
    expect(document.pages).toEqual([
      [
        'Arbetsmarknadsnämnden',
        'Dnr AMN 2024/123',
        '',
        'Beslut',
        '',
        'Nämnden beviljar stöd med 120 000 kr.',
        'Beslutet gäller från den 1 februari 2024.',
        '',
        'Ärendet',
        '',
        'Förvaltningen har utrett ärendet.',
        '',
        'Sökande',
        'Café Älvgården AB',
        '',
        'Belopp',
        '120 000 kr',
      ].join('\n'),
      'Så här överklagar du\tSida 2',
    ]);
  });

  it('finds a .docx by its contents whatever its name', async () => {
    const bytes = await docx(paragraph(run('Beslut')));
    expect(detectFormat(bytes, 'beslut')).toBe('docx');
    expect((await readDocument(bytes, 'beslut.bin')).pages).toEqual(['Beslut']);
  });

  it('calls a .docx without text empty and a broken one unreadable', async () => {
    await expectFailure(await docx(paragraph()), 'tom.docx', 'empty');
    const broken = (await docx(paragraph(run('Beslut')))).slice(0, 200);
    await expectFailure(broken, 'trasig.docx', 'unreadable');
  });

  it('recognises a password-protected .docx', async () => {
    // Office keeps an encrypted .docx in an OLE compound file.
    const ole = new Uint8Array(1024);
    ole.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    ole.set(Uint8Array.from([...'EncryptedPackage'].flatMap((c) => [c.charCodeAt(0), 0])), 512);
    expect(await expectFailure(ole, 'beslut.docx', 'encrypted')).toContain('lösenordsskyddat');
    // The same container without it is an old Word file.
    expect(await expectFailure(ole.slice(0, 512), 'beslut.doc', 'unsupported')).toContain('.doc)');
  });
});

// ---------------------------------------------------------------------------
// Text

describe('text', () => {
  const text = 'Beslut om stöd\r\n\r\nSökande: Café Älvgården – Åre\r\n';

  it('reads UTF-8 with and without a BOM, UTF-16 and Windows-1252', async () => {
    const expected = ['Beslut om stöd\n\nSökande: Café Älvgården – Åre'];
    const bom = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(text)]);
    const utf16 = new Uint8Array([
      0xff,
      0xfe,
      ...[...text].flatMap((c) => [c.charCodeAt(0) & 0xff, c.charCodeAt(0) >> 8]),
    ]);
    // Windows-1252: å = 0xE5, é = 0xE9, – = 0x96.
    const cp1252 = Uint8Array.from(text, (c) => (c === '–' ? 0x96 : c.charCodeAt(0)));
    expect(cp1252).toContain(0xe5);
    for (const [bytes, name] of [
      [utf8(text), 'beslut.txt'],
      [bom, 'beslut.txt'],
      [utf16, 'beslut.txt'],
      [cp1252, 'beslut.txt'],
      [utf8(text), 'beslut'],
      [utf8(text), 'beslut.md'],
    ] as const) {
      const document = await readDocument(bytes, name);
      expect(document).toEqual({ name, format: 'text', pages: expected });
    }
  });

  it('leaves out the invisible characters a case file may not hold, without joining words', async () => {
    // A paragraph long enough to be text, not a binary file (read.ts: few control characters).
    const before = 'Arbetsmarknadsnämnden beslutar att bevilja föreningen stöd för verksamheten. '.repeat(4);
    const { pages } = await readDocument(
      utf8(`${before}Beslut\u0007om\u000bstöd \u202Eav 500 000 kr\u0002\n`),
      'kopierat.txt',
    );
    expect(pages).toEqual([`${before}Beslut om stöd  av 500 000 kr`]);
  });

  it('splits pages on form feeds, drops a printout’s last one and keeps blank lines single', async () => {
    const { pages } = await readDocument(utf8('Sida ett  \n\n\n\nmer\fSida två\n\f'), 'utskrift.txt');
    expect(pages).toEqual(['Sida ett\n\nmer', 'Sida två']);
  });

  it('reads decomposed letters as composed ones (NFC)', async () => {
    const { pages } = await readDocument(utf8('A\u030angermanland'), 'nfd.txt');
    expect(pages).toEqual(['Ångermanland']);
  });

  it('calls an empty file or blank text empty', async () => {
    expect(await expectFailure(new Uint8Array(), 'beslut.pdf', 'empty')).toContain('är tom');
    await expectFailure(utf8(' \r\n\t\n'), 'beslut.txt', 'empty');
  });
});

// ---------------------------------------------------------------------------
// Other formats

describe('other formats', () => {
  it('refuses images, old Word, RTF, OpenDocument and binary files, naming what it reads', async () => {
    const pngBytes = png(4, 4);
    const odt = new JSZip();
    odt.file('mimetype', 'application/vnd.oasis.opendocument.text');
    odt.file('content.xml', '<office:document-content/>');
    const cases: [Uint8Array, string, string][] = [
      [pngBytes, 'beslut.png', 'bilder (PNG)'],
      // The signature counts, not the name.
      [pngBytes, 'beslut.txt', 'bilder (PNG)'],
      [new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]), 'skanning.jpg', 'bilder (JPEG)'],
      [latin1('{\\rtf1\\ansi Beslut}'), 'beslut.rtf', 'RTF'],
      [await odt.generateAsync({ type: 'uint8array' }), 'beslut.odt', 'OpenDocument'],
      [new Uint8Array([1, 2, 3, 0, 0, 4]), 'data.bin', '”data.bin”'],
      [utf8('<p>Beslut</p>'), 'beslut.html', 'webbsidor'],
    ];
    for (const [bytes, name, what] of cases) {
      const message = await expectFailure(bytes, name, 'unsupported');
      expect(message).toContain(what);
      expect(message).toContain('PDF, Word (.docx) och textfiler');
    }
  });

  it('goes by the signature first, then the name', async () => {
    expect(detectFormat(await decisionPdf(), 'beslut.txt')).toBe('pdf');
    expect(detectFormat(latin1('\r\n%PDF-1.4\n'), 'beslut')).toBe('pdf');
    expect(detectFormat(utf8('Beslut'), 'beslut.txt')).toBe('text');
    expect(detectFormat(utf8('Beslut'), 'BESLUT.TXT')).toBe('text');
    expect(() => detectFormat(utf8('Beslut'), 'beslut.doc')).toThrow(DocumentError);
  });
});
