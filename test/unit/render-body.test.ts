/**
 * The body on one tree (src/lib/content/render-body.ts with the policy in
 * src/lib/validate/body-policy.ts): hostile and awkward bodies, every kind of
 * heading, tables, task lists, footnotes, and every error of every
 * component, with its Swedish message, line, found, expected and example.
 */
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { validateCaseFiles } from '../../src/lib/content/collection.ts';
import { parseCase } from '../../src/lib/content/parse-case.ts';
import { quoteFigureHtml } from '../../src/lib/content/body-components.ts';
import { compileBody, rendererVersion, renderBody } from '../../src/lib/content/render-body.ts';
import { componentPropsProblem, isAllowedUrl } from '../../src/lib/validate/body-policy.ts';
import { validCase } from '../helpers/valid-case.ts';

const TODAY = '2026-11-23';
const compile = (body: string, documents?: { title: string; href?: string }[]) =>
  compileBody(body, { today: TODAY, documents });
const errorsOf = (body: string) => compile(body).errors;
const html = (body: string) => {
  const result = compile(body);
  expect(result.errors, JSON.stringify(result.errors)).toEqual([]);
  return result.html;
};

describe('link targets: decided after entity decoding, on the tree', () => {
  it.each([
    ['an entity-encoded colon in a Markdown link', '[x](javascript&#58;alert(1))\n'],
    ['a tab inside the scheme', '[x](jav&#x09;ascript:alert(1))\n'],
    ['upper case', '[x](JAVASCRIPT:alert(1))\n'],
    ['a reference definition', '[x][d]\n\n[d]: javascript:alert(2)\n'],
    ['an image with a data: URL', '![bild](data:image/png;base64,AAAA)\n'],
    ['a data: link', '[x](data:text/html,hej)\n'],
    ['vbscript:', '[x](vbscript:msgbox)\n'],
    ['a protocol-relative link', '[x](//evil.example/)\n'],
    ['raw HTML with an encoded tab', '<a href="jav&#x09;ascript:x">y</a>\n'],
    ['raw HTML with leading space', '<a href=" javascript:x">y</a>\n'],
    ['raw HTML nested two deep', '<div><p><a href="javascript&colon;x">y</a></p></div>\n'],
    ['a cite attribute', '<blockquote cite="javascript:x">y</blockquote>\n'],
    ['an image in raw HTML', '<img src="data:image/svg+xml,x" alt="" />\n'],
  ])('rejects %s, and the body is not published', (_, body) => {
    const result = compile(body);
    expect(result.errors.length, body).toBeGreaterThan(0);
    expect(result.errors[0]!.field).toBe('brödtext');
    expect(result.errors[0]!.message).toMatch(/javascript:-länkar är inte tillåtna|länkadressen .* är inte tillåten/);
    expect(result.errors[0]!.expected).toContain('https://');
    expect(result.errors[0]!.line).toBe(1);
    expect(result.html).toBe('');
  });

  it('names the decoded address it found', () => {
    expect(errorsOf('Text.\n\n[x](javascript&#58;alert(1))\n')[0]).toMatchObject({
      line: 3,
      message: 'javascript:-länkar är inte tillåtna',
      found: 'javascript:alert(1)',
    });
  });

  it.each([
    '//evil.example/',
    '/\\evil.example',
    'data:text/html,x',
    ' javascript:x',
    'java\nscript:x',
    'ftp://exempel.se',
    'dokument/a.pdf',
  ])('refuses %s', (url) => {
    expect(isAllowedUrl(url)).toBe(false);
  });

  it.each([
    'https://exempel.se/a.pdf',
    'http://exempel.se',
    'mailto:a@exempel.se',
    'tel:+4613206000',
    '/dokument/a.pdf',
    '#text-bakgrund',
  ])('allows %s', (url) => {
    expect(isAllowedUrl(url)).toBe(true);
  });

  it('checks bodies with no HTML or braces too (no cheap pre-test skips the policy)', () => {
    expect(errorsOf('Bara en [länk](data:text/html,x).\n')).toHaveLength(1);
  });

  it('allows autolinks, e-mail and site paths, and gives site paths the base', () => {
    expect(html('Se www.exempel.se, a@exempel.se och [beslutet](/dokument/a.pdf).\n')).toBe(
      '<p>Se <a href="http://www.exempel.se">www.exempel.se</a>, <a href="mailto:a@exempel.se">a@exempel.se</a> och <a href="/dokument/a.pdf">beslutet</a>.</p>\n',
    );
  });
});

describe('HTML elements and attributes: an allow-list', () => {
  it.each([
    ['<script>', 'Text.\n\n<script>alert(1)</script>\n', 'HTML-elementet <script> är inte tillåtet'],
    ['<style>', '<style>{"p{}"}</style>\n', 'HTML-elementet <style> är inte tillåtet'],
    ['<section>', '<section>x</section>\n', 'HTML-elementet <section> är inte tillåtet'],
    [
      'a nested <iframe>',
      '<details>\n<summary>Mer</summary>\n<iframe src="https://exempel.se"></iframe>\n</details>\n',
      'HTML-elementet <iframe> är inte tillåtet',
    ],
    [
      'on* deep inside',
      '<div>\n<p>Hej <span onclick="x()">du</span></p>\n</div>\n',
      'händelseattributet onclick= är inte tillåtet',
    ],
    ['style', '<span style="color:red">x</span>\n', 'attributet style= är inte tillåtet på <span>'],
    ['an id on a heading', '<h2 id="uppfoljning">Uppföljning</h2>\n', 'attributet id= är inte tillåtet på <h2>'],
    ['class', '<p class="visually-hidden">x</p>\n', 'attributet class= är inte tillåtet på <p>'],
    ['a spread', '<span {...x}>y</span>\n', 'uttryck i taggen <span> är inte tillåtna'],
    ['an attribute expression', '<abbr title={x}>y</abbr>\n', 'uttryck i attributet title är inte tillåtna'],
    ['an expression', 'Summan är {1 + 1}.\n', 'uttryck inom { } är inte tillåtna i brödtexten'],
    ['import', "import X from './x.astro'\n\nText.\n", 'import och export är inte tillåtna i brödtexten'],
    ['export', 'export const a = 1\n\nText.\n', 'import och export är inte tillåtna i brödtexten'],
    ['an empty tag', '<>x</>\n', 'tomma taggar <> är inte tillåtna'],
  ])('rejects %s', (_, body, message) => {
    const errors = errorsOf(body);
    expect(errors.map((e) => e.message)).toContain(message);
    for (const e of errors) expect(e.expected.length).toBeGreaterThan(0);
  });

  it('reports a body the MDX parser cannot read, with its line', () => {
    expect(errorsOf('Text.\n\nEn klammer { som aldrig stängs.\n')[0]).toMatchObject({
      line: 3,
      message: expect.stringMatching(/^brödtexten går inte att läsa som MDX/),
    });
  });

  it('publishes allowed HTML as elements, escaping text and attributes', () => {
    expect(
      html('<abbr title="idéburet &quot;offentligt&quot; partnerskap">IOP</abbr> och \\<script> & <kbd>Ctrl</kbd>\n'),
    ).toBe(
      '<p><abbr title="idéburet &quot;offentligt&quot; partnerskap">IOP</abbr> och &lt;script&gt; &amp; <kbd>Ctrl</kbd></p>\n',
    );
  });
});

describe('headings of every kind', () => {
  it('shifts ATX, setext (over two lines) and raw HTML headings under the page heading and gives each a unique prefixed id', () => {
    const out = html(
      '# Överst\n\nRubrik\növer två rader\n---\n\n<h2>Uppföljning</h2>\n\n## Uppföljning\n\n###### Djupast\n\n## *!!*\n',
    );
    expect(out).toContain('<h3 id="text-overst">Överst</h3>');
    expect(out).toContain('<h4 id="text-rubrik-over-tva-rader">Rubrik\növer två rader</h4>');
    expect(out).toContain('<h4 id="text-uppfoljning">Uppföljning</h4>');
    expect(out).toContain('<h4 id="text-uppfoljning-1">Uppföljning</h4>');
    expect(out).toContain('<h6 id="text-djupast">Djupast</h6>');
    expect(out).toContain('<h4 id="text-rubrik"><em>!!</em></h4>');
    expect(out).not.toContain('id="uppfoljning"');
  });

  it('leaves h3 and below where they are', () => {
    expect(html('### Tre\n')).toBe('<h3 id="text-tre">Tre</h3>\n');
  });
});

describe('GFM for the case page', () => {
  it('keeps header scopes and turns alignment into classes (no inline style)', () => {
    const out = html('| a | b | c |\n|:--|:-:|--:|\n| 1 | 2 | 3 |\n');
    expect(out).toContain('<th scope="col" class="align-left">a</th>');
    expect(out).toContain('<th scope="col" class="align-center">b</th>');
    expect(out).toContain('<td class="align-right">3</td>');
    expect(out).not.toContain('style');
  });

  it('gives a header cell written in the body a row scope', () => {
    expect(html('<table><tbody><tr><th>Rad</th><td>1</td></tr></tbody></table>\n')).toContain(
      '<th scope="row">Rad</th>',
    );
  });

  it('turns task lists into text', () => {
    const out = html('- [x] klar\n- [ ] kvar\n');
    expect(out).toContain('<li class="task-list-item"><span class="task task-done">Klart:</span> klar</li>');
    expect(out).toContain('<li class="task-list-item"><span class="task task-open">Ej klart:</span> kvar</li>');
    expect(out).not.toContain('<input');
  });

  it('keeps the footnotes Swedish, prefixed and their heading visually hidden', () => {
    const out = html('Text[^1].\n\n[^1]: Noten.\n');
    expect(out).toContain(
      '<a href="#fotnot-fn-1" id="fotnot-fnref-1" data-footnote-ref aria-describedby="footnote-label">1</a>',
    );
    expect(out).toContain('<h3 class="visually-hidden" id="footnote-label">Fotnoter</h3>');
    expect(out).toContain('aria-label="Tillbaka till hänvisning 1"');
  });
});

describe('components', () => {
  const documents = [{ title: 'Protokoll 2019-12-18', href: '/dokument/protokoll.pdf' }, { title: 'Tjänsteskrivelse' }];

  it('renders <Citat> as a quotation with its source, linked to the document', () => {
    const result = compile(
      '<Citat källa="Protokoll 2019-12-18" sida="4-5">\nNämnden **beslutar**.\n</Citat>\n',
      documents,
    );
    expect(result.errors).toEqual([]);
    expect(result.html).toBe(
      '<figure class="quote"><blockquote><p>Nämnden <strong>beslutar</strong>.</p></blockquote>\n<figcaption>Citat ur <a href="/dokument/protokoll.pdf">Protokoll 2019-12-18</a>, sidorna 4–5</figcaption></figure>\n',
    );
    expect(result.facts.quotes).toEqual([{ source: 'Protokoll 2019-12-18', line: 1 }]);
  });

  it('names a document without a link as text, and a URL source as a cited link', () => {
    expect(compile('<Citat källa="Tjänsteskrivelse">\nText.\n</Citat>\n', documents).html).toContain(
      '<figcaption>Citat ur Tjänsteskrivelse</figcaption>',
    );
    expect(compile('<Citat källa="https://exempel.se/p.pdf">\nText.\n</Citat>\n').html).toContain(
      '<blockquote cite="https://exempel.se/p.pdf">',
    );
  });

  it("gives the prose pages' <Citat> the same markup around their rendered slot, without the line break", () => {
    expect(
      quoteFigureHtml({ source: 'https://exempel.se/p.pdf', page: '3-4' }, '<p>Nämnden &amp; <em>styrelsen</em>.</p>'),
    ).toBe(
      '<figure class="quote"><blockquote cite="https://exempel.se/p.pdf"><p>Nämnden &amp; <em>styrelsen</em>.</p></blockquote><figcaption>Citat ur <a href="https://exempel.se/p.pdf">https://exempel.se/p.pdf</a>, sidorna 3–4</figcaption></figure>',
    );
    expect(quoteFigureHtml({ source: 'Tjänsteskrivelse <dec 2019>' }, '<p>Text.</p>')).toBe(
      '<figure class="quote"><blockquote><p>Text.</p></blockquote><figcaption>Citat ur Tjänsteskrivelse &lt;dec 2019&gt;</figcaption></figure>',
    );
  });

  it('takes <Rättelse> out of the body into the facts, with its day and HTML', () => {
    const result = compile('Text.\n\n<Rättelse datum="2026-11-20">\nBeloppet var **fel**.\n</Rättelse>\n');
    expect(result.html).toBe('<p>Text.</p>\n');
    expect(result.facts.corrections).toEqual([
      { date: '2026-11-20', html: '<p>Beloppet var <strong>fel</strong>.</p>', line: 3 },
    ]);
  });

  it('renders <Ärende> as a link to the case, inline or on its own lines', () => {
    const result = compile(
      'Se <Ärende slug="linkstep-2019">avtalet</Ärende>.\n\n<Ärende slug="annat">\nDet andra\n</Ärende>\n',
    );
    expect(result.html).toBe(
      '<p>Se <a href="/arenden/linkstep-2019/">avtalet</a>.</p>\n<p><a href="/arenden/annat/">Det andra</a></p>\n',
    );
    expect(result.facts.links).toEqual([
      { slug: 'linkstep-2019', line: 1 },
      { slug: 'annat', line: 3 },
    ]);
  });

  it.each([
    [
      'an unknown component',
      '<Diagram data="x" />\n',
      'brödtext',
      'komponenten <Diagram> finns inte på webbplatsen',
      '<Diagram>',
    ],
    [
      'a misspelt component',
      '<Arende slug="a">x</Arende>\n',
      'brödtext',
      'komponenten <Arende> finns inte på webbplatsen; menade du <Ärende>?',
      '<Arende>',
    ],
    [
      'a component with a small letter',
      '<citat källa="https://exempel.se">\nText.\n</citat>\n',
      'brödtext',
      '<citat> finns inte; menade du komponenten <Citat>?',
      '<citat>',
    ],
    ['Citat without källa', '<Citat>\nText.\n</Citat>\n', 'brödtext <Citat>', 'attributet källa saknas', '<Citat>'],
    [
      'Citat with an empty källa',
      '<Citat källa="">\nText.\n</Citat>\n',
      'brödtext <Citat>',
      'källa: källan är tom',
      '',
    ],
    [
      'Citat with a javascript: källa',
      '<Citat källa="javascript:alert(1)">\nText.\n</Citat>\n',
      'brödtext <Citat>',
      'källa: källan är en adress som inte börjar med https:// eller http://',
      'javascript:alert(1)',
    ],
    [
      'Citat with a bad page',
      '<Citat källa="https://exempel.se" sida="fyra">\nText.\n</Citat>\n',
      'brödtext <Citat>',
      'sida: sidan är inte ett sidnummer',
      'fyra',
    ],
    [
      'Citat with an unknown attribute',
      '<Citat källa="https://exempel.se" rad="3">\nText.\n</Citat>\n',
      'brödtext <Citat>',
      '<Citat> har inget attribut rad',
      'rad=',
    ],
    [
      'Citat with a value-less attribute',
      '<Citat källa>\nText.\n</Citat>\n',
      'brödtext <Citat>',
      'attributet källa saknar värde',
      'källa',
    ],
    [
      'Citat with an expression',
      '<Citat källa={x}>\nText.\n</Citat>\n',
      'brödtext <Citat>',
      'uttryck i attributet källa är inte tillåtna',
      'källa={…}',
    ],
    ['an empty Citat', '<Citat källa="https://exempel.se" />\n', 'brödtext <Citat>', '<Citat> är tom', '<Citat … />'],
    [
      'Citat inside a line',
      'Han sa <Citat källa="https://exempel.se">hej</Citat>.\n',
      'brödtext <Citat>',
      '<Citat> ska stå på egna rader, inte inuti en textrad',
      '<Citat> i löpande text',
    ],
    [
      'Rättelse without datum',
      '<Rättelse>\nText.\n</Rättelse>\n',
      'brödtext <Rättelse>',
      'attributet datum saknas',
      '<Rättelse>',
    ],
    [
      'Rättelse with a Swedish date',
      '<Rättelse datum="20 november 2026">\nText.\n</Rättelse>\n',
      'brödtext <Rättelse>',
      'datum: datumet är inte skrivet som ÅÅÅÅ-MM-DD',
      '20 november 2026',
    ],
    [
      'Rättelse on a day not in the calendar',
      '<Rättelse datum="2026-02-30">\nText.\n</Rättelse>\n',
      'brödtext <Rättelse>',
      'datum: datumet finns inte i kalendern',
      '2026-02-30',
    ],
    [
      'Rättelse after the build day',
      '<Rättelse datum="2026-11-24">\nText.\n</Rättelse>\n',
      'brödtext <Rättelse>',
      'datum: datumet är senare än i dag (2026-11-23)',
      '2026-11-24',
    ],
    [
      'an empty Rättelse',
      '<Rättelse datum="2026-11-20"></Rättelse>\n',
      'brödtext <Rättelse>',
      '<Rättelse> är tom',
      '<Rättelse … />',
    ],
    [
      'Ärende without slug',
      'Se <Ärende>avtalet</Ärende>.\n',
      'brödtext <Ärende>',
      'attributet slug saknas',
      '<Ärende>',
    ],
    [
      'Ärende with a bad slug',
      'Se <Ärende slug="Linkstep 2019">avtalet</Ärende>.\n',
      'brödtext <Ärende>',
      'slug: sluggen får bara innehålla a–z, 0–9 och bindestreck',
      'Linkstep 2019',
    ],
    ['an empty Ärende', 'Se <Ärende slug="a" />.\n', 'brödtext <Ärende>', '<Ärende> är tom', '<Ärende … />'],
  ])('rejects %s', (_, body, field, message, found) => {
    const errors = errorsOf(`Text.\n\n${body}`);
    const match = errors.find((e) => e.message === message);
    expect(match, JSON.stringify(errors)).toBeDefined();
    expect(match).toMatchObject({ field, line: 3, found });
    expect(match!.expected.length).toBeGreaterThan(0);
    expect(match!.example?.length).toBeGreaterThan(0);
  });
});

describe('components across the file and the set', () => {
  const FILE = 'content/cases/2020/a.mdx';
  const source = (body: string, data: object = validCase()) => `---\n${stringify(data)}---\n\n${body}`;
  const lines = stringify(validCase()).split('\n').length + 3; // the body's first line

  it('requires källa to name one of the case documents by title', () => {
    const { errors } = parseCase(FILE, source('<Citat källa="Protokollet">\nText.\n</Citat>\n'), {
      publicFileExists: () => true,
      today: TODAY,
    });
    expect(errors).toMatchObject([
      {
        file: FILE,
        line: lines,
        field: 'brödtext <Citat>',
        message: 'källa: "Protokollet" är inte titeln på något av ärendets dokument',
        found: 'Protokollet',
      },
    ]);
    expect(errors[0]!.expected).toContain('titeln på ett av dokumenten');
  });

  it('reports a link to a case that does not exist, with file and line', () => {
    const files: Record<string, string> = {
      'c/2020/a.mdx': source('Text.\n\nSe <Ärende slug="b">b</Ärende> och <Ärende slug="finns-inte">x</Ärende>.\n'),
      'c/2020/b.mdx': source('Text.\n'),
    };
    const { errors, cases } = validateCaseFiles({
      files: Object.keys(files),
      read: (f) => files[f]!,
      publicFileExists: () => true,
      today: TODAY,
    });
    expect(errors).toMatchObject([
      {
        file: 'c/2020/a.mdx',
        line: lines + 2,
        field: 'brödtext <Ärende>',
        message: 'slug: det finns inget ärende med sluggen "finns-inte"',
        found: 'finns-inte',
      },
    ]);
    expect(cases.map((c) => c.slug)).toEqual(['b']);
  });

  it('checks the links and corrections of a cached file again', () => {
    const facts = {
      links: [{ slug: 'borta', line: 30 }],
      corrections: [{ date: '2026-12-01', html: '<p>x</p>', line: 31 }],
      quotes: [],
    };
    const { errors } = validateCaseFiles({
      files: ['c/2020/a.mdx'],
      read: () => 'x',
      publicFileExists: () => true,
      today: TODAY,
      known: () => ({ data: validCase() as never, facts }),
    });
    expect(errors.map((e) => [e.line, e.message])).toEqual([
      [31, 'datum: datumet är senare än i dag (2026-11-23)'],
      [30, 'slug: det finns inget ärende med sluggen "borta"'],
    ]);
  });
});

describe("components in the site's own MDX pages", () => {
  it('are checked with the same rules, naming the page', () => {
    expect(
      componentPropsProblem('Citat', { källa: 'Ett protokoll', sida: '3' }, true, { today: TODAY }, '/las-ett-arende/'),
    ).toBeUndefined();
    const problem = componentPropsProblem(
      'Rättelse',
      { datum: '2026-02-30' },
      true,
      { today: TODAY },
      '/las-ett-arende/',
    );
    expect(problem).toContain('/las-ett-arende/  brödtext <Rättelse>: datum: datumet finns inte i kalendern');
    expect(problem).toContain('Exempel:   datum="2026-11-20"');
    expect(componentPropsProblem('Ärende', { slug: 'a', href: 'x' }, true, { today: TODAY }, '/x/')).toContain(
      '<Ärende> har inget attribut href',
    );
  });
});

describe('the renderer', () => {
  it('derives its cache version from Sätteri and its own code', () => {
    expect(rendererVersion()).toMatch(/^satteri-\d+\.\d+\.\d+\/insyn-[\w-]{16}$/);
  });

  it('refuses to render a body with errors', () => {
    expect(() => renderBody('<script>x</script>\n')).toThrow(/<script>/);
  });
});
