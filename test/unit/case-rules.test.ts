/**
 * Every rule of the case format, with a passing and a failing case, and the
 * Swedish error asserted: file, field, what was found, what is expected and
 * an example of the fix.
 */
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { duplicateSlugErrors, validateAll } from '../../src/lib/content/collection.ts';
import { parseCase } from '../../src/lib/content/parse-case.ts';
import { type CaseError, formatCaseErrors } from '../../src/lib/validate/errors.ts';
import { ROOT, SEED_CASES } from '../helpers/site.ts';
import { type Loose, validCase } from '../helpers/valid-case.ts';

const FILE = 'content/cases/2020/testfall.mdx';

const publicFileExists = (p: string) => p === '/favicon.svg';

function source(data: unknown, body = '## Bakgrund\n\nText.\n'): string {
  return `---\n${stringify(data)}---\n\n${body}`;
}

function errorsFor(src: string, file = FILE): CaseError[] {
  return parseCase(file, src, { publicFileExists }).errors;
}

type Mutate = (c: Loose) => void;

interface Row {
  rule: string;
  mutate?: Mutate;
  src?: string;
  body?: string;
  file?: string;
  field: string;
  message: string | RegExp;
  found?: string;
  expected?: string | RegExp;
  example?: string | RegExp;
  line?: number;
}

const rows: Row[] = [
  {
    rule: 'title is required',
    mutate: (c) => delete c.title,
    field: 'title',
    message: 'fältet saknas men är obligatoriskt',
    example: 'title: Stångåstaden ett steg till sysselsättning (Linkstep)',
  },
  {
    rule: 'title has 3–200 characters',
    mutate: (c) => (c.title = 'AB'),
    field: 'title',
    message: 'texten är för kort',
    found: 'AB',
    expected: /minst 3 tecken/,
  },
  {
    rule: 'title at most 200 characters',
    mutate: (c) => (c.title = 'x'.repeat(201)),
    field: 'title',
    message: 'texten är för lång',
    expected: 'högst 200 tecken',
  },
  {
    rule: 'summary has at least 10 characters',
    mutate: (c) => (c.summary = 'Kort.'),
    field: 'summary',
    message: 'texten är för kort',
    expected: /minst 10 tecken/,
  },
  {
    rule: 'kind is one of the listed values',
    mutate: (c) => (c.kind = 'agrement'),
    field: 'kind',
    message: 'värdet finns inte bland de tillåtna; menade du "agreement"?',
    found: 'agrement',
    expected: /agreement, grant, partnership, application, report/,
    example: 'kind: agreement',
  },
  {
    rule: 'status is one of the listed values',
    mutate: (c) => (c.status = 'approved'),
    field: 'status',
    message: /värdet finns inte bland de tillåtna/,
    found: 'approved',
    expected: /proposed, applied, decided, noted, rejected, withdrawn/,
  },
  {
    rule: 'organisation is required',
    mutate: (c) => delete c.organisation,
    field: 'organisation',
    message: 'fältet saknas men är obligatoriskt',
    example: 'organisation: Linköpings kommun',
  },
  {
    rule: 'body is required',
    mutate: (c) => delete c.body,
    field: 'body',
    message: 'fältet saknas men är obligatoriskt',
    example: 'body: Arbetsmarknadsnämnden',
  },
  {
    rule: 'decided is a real calendar date (unquoted YAML date does not roll over)',
    src: source(validCase()).replace('decided: 2019-12-18', 'decided: 2024-02-30'),
    field: 'decided',
    message: 'datumet finns inte i kalendern',
    found: '2024-02-30',
    expected: /ÅÅÅÅ, ÅÅÅÅ-MM eller ÅÅÅÅ-MM-DD/,
    line: 8,
  },
  {
    rule: 'decided has the partial-date form',
    mutate: (c) => (c.decided = 'december 2019'),
    field: 'decided',
    message: 'datumet har fel form',
    found: 'december 2019',
    example: /decided: 2019-12-18/,
  },
  {
    rule: 'reference is text',
    mutate: (c) => (c.reference = ['KS', 1]),
    field: 'reference',
    message: 'fel sorts värde: en lista i stället för text',
  },
  {
    rule: 'decisionPoints has at least one point',
    mutate: (c) => (c.decisionPoints = []),
    field: 'decisionPoints',
    message: 'listan har för få rader',
    expected: /minst 1 rad/,
  },
  {
    rule: 'parties has at least one party',
    mutate: (c) => (c.parties = []),
    field: 'parties',
    message: 'listan har för få rader',
  },
  {
    rule: 'party role is one of the listed values',
    mutate: (c) => (c.parties[0].role = 'mottagare'),
    field: 'parties[0].role',
    message: /värdet finns inte bland de tillåtna/,
    found: 'mottagare',
    expected: /owner, recipient, partner, funder, applicant/,
    example: 'role: recipient',
  },
  {
    rule: 'orgNumber has a valid check digit',
    mutate: (c) => (c.parties[1].orgNumber = '212000-0448'),
    field: 'parties[1].orgNumber',
    message: 'kontrollsiffran i organisationsnumret 212000-0448 stämmer inte',
    example: 'orgNumber: "212000-0449"',
  },
  {
    rule: 'orgNumber has the form NNNNNN-NNNN',
    mutate: (c) => (c.parties[1].orgNumber = '2120000449'),
    field: 'parties[1].orgNumber',
    message: 'värdet har fel form',
    found: '"2120000449"',
  },
  {
    rule: 'period.end is not before period.start',
    mutate: (c) => (c.period = { start: '2020-06', end: '2020-05-31' }),
    field: 'period.end',
    message: 'slutdatum 2020-05-31 ligger före startdatum 2020-06',
    expected: /samma som eller senare än start/,
  },
  {
    rule: 'funding amount is an integer, not text',
    mutate: (c) => (c.funding[0].amount = '1 100 000 kr'),
    field: 'funding[0].amount',
    message: 'fel sorts värde: text i stället för ett heltal',
    found: '1 100 000 kr',
    expected: /utan citattecken, mellanslag eller "kr"/,
    example: 'amount: 2400000',
  },
  {
    rule: 'funding amount is never 0 (unknown is left out)',
    mutate: (c) => (c.funding[1].amount = 0),
    field: 'funding[1].amount',
    message: 'beloppet är 0; ett okänt belopp ska utelämnas, inte skrivas som 0',
  },
  {
    rule: 'funding amount is never negative',
    mutate: (c) => (c.funding[1].amount = -5),
    field: 'funding[1].amount',
    message: 'värdet är negativt',
  },
  {
    rule: 'funding amount is whole kronor',
    mutate: (c) => (c.funding[1].amount = 10.5),
    field: 'funding[1].amount',
    message: 'fel sorts värde: ett decimaltal i stället för ett heltal',
  },
  {
    rule: 'funding basis is one of the listed values',
    mutate: (c) => (c.funding[0].basis = 'yearly'),
    field: 'funding[0].basis',
    message: /värdet finns inte bland de tillåtna/,
    expected: /total, per-year, maximum, maximum-per-year/,
  },
  {
    rule: 'funding items add up to amount',
    mutate: (c) => (c.funding[0].items[1].amount = 430500),
    field: 'funding[0].items',
    message: 'posterna summerar till 980\u00a0500\u00a0kr, men amount är 1\u00a0100\u00a0000\u00a0kr',
    found: '550\u00a0000 + 430\u00a0500 = 980\u00a0500',
    example: 'amount: 980500',
  },
  {
    rule: 'funding items need an amount to add up to',
    mutate: (c) => delete c.funding[0].amount,
    field: 'funding[0].amount',
    message: /posterna summerar till 1\u00a0100\u00a0000\u00a0kr men amount saknas/,
    example: 'amount: 1100000',
  },
  {
    rule: 'funding from is a party or the organisation',
    mutate: (c) => (c.funding[0].from = 'Tillväxtverket'),
    field: 'funding[0].from',
    message: 'betalaren "Tillväxtverket" finns varken under parties eller som organisation',
    expected: /"Linköpings kommun"/,
    example: 'parties: [{ name: Tillväxtverket, role: funder }]',
  },
  {
    rule: 'funding period end is not before its start',
    mutate: (c) => (c.funding[0].period = { start: '2021', end: '2020' }),
    field: 'funding[0].period.end',
    message: 'slutdatum 2020 ligger före startdatum 2021',
  },
  {
    rule: 'followUps due is a partial date',
    mutate: (c) => (c.followUps[1].due = '2021-02-30'),
    field: 'followUps[1].due',
    message: 'datumet finns inte i kalendern',
    found: '2021-02-30',
  },
  {
    rule: 'followUps done is not before decided',
    mutate: (c) => (c.followUps[0].done = '2019-11'),
    field: 'followUps[0].done',
    message: 'rapporten är markerad klar 2019-11, före beslutet 2019-12-18',
    example: 'done: "2019-12-18"',
  },
  {
    rule: 'followUps report is a URL or site path',
    mutate: (c) => (c.followUps[0].report = 'rapport.pdf'),
    field: 'followUps[0].report',
    message: 'värdet har fel form',
    expected: /webbadress/,
  },
  {
    rule: 'outcomes need a target or an actual',
    mutate: (c) => (c.outcomes[1] = { indicator: 'Nöjdhet', unit: 'betyg' }),
    field: 'outcomes[1]',
    message: 'varken target (mål) eller actual (utfall) är angivet',
    expected: 'minst ett av target och actual',
  },
  {
    rule: 'outcome numbers are ≥ 0',
    mutate: (c) => (c.outcomes[0].target = -1),
    field: 'outcomes[0].target',
    message: 'värdet är negativt',
  },
  {
    rule: 'outcome unit is required',
    mutate: (c) => delete c.outcomes[0].unit,
    field: 'outcomes[0].unit',
    message: 'fältet saknas men är obligatoriskt',
    example: 'unit: personer',
  },
  {
    rule: 'ageFrom ≤ ageTo',
    mutate: (c) => (c.targetGroup = { description: 'x', ageFrom: 60, ageTo: 20 }),
    field: 'targetGroup.ageFrom',
    message: 'ageFrom (60) är större än ageTo (20)',
  },
  {
    rule: 'unknown top-level field is an error, with a suggestion',
    mutate: (c) => (c.followups = c.followUps),
    field: 'followups',
    message: 'fältet "followups" finns inte i formatet; menade du "followUps"?',
    example: /followUps: …/,
  },
  {
    rule: 'unknown nested field is an error',
    mutate: (c) => (c.parties[0].orgnr = '556016-0680'),
    field: 'parties[0].orgnr',
    message: /fältet "orgnr" finns inte i formatet/,
    expected: /name, role, orgNumber/,
  },
  {
    rule: 'places is a list',
    mutate: (c) => (c.places = 'Ryd'),
    field: 'places',
    message: 'fel sorts värde: text i stället för en lista (rader som börjar med "- ")',
  },
  {
    rule: 'documents href under public/ must exist',
    mutate: (c) => (c.documents[2].href = '/dokument/saknas.pdf'),
    field: 'documents[2].href',
    message: 'filen /dokument/saknas.pdf finns inte under public/',
    expected: /public\/dokument\/saknas.pdf/,
  },
  {
    rule: 'documents href: a site path has one leading slash (//host leads to another site)',
    mutate: (c) => (c.documents[0].href = '//evil.example/beslut.pdf'),
    field: 'documents[0].href',
    message: 'värdet har fel form',
    expected: /sökväg på webbplatsen som börjar med \//,
  },
  {
    rule: 'documents href: a web address a browser can read',
    mutate: (c) => (c.documents[0].href = 'https://"><script>alert(1)</script>'),
    field: 'documents[0].href',
    message: 'webbadressen går inte att läsa',
    expected: /värdnamn efter https:\/\//,
    example: /href: https:\/\//,
  },
  {
    rule: 'followUps report: no quotes or angle brackets in a web address',
    mutate: (c) => (c.followUps[0].report = 'https://example.org/?a="><b>'),
    field: 'followUps[0].report',
    message: 'webbadressen går inte att läsa',
  },
  {
    rule: 'no control character in the body (pasted from a PDF)',
    body: 'Texten\u0007 om stödet.\n',
    field: 'tecken',
    message: 'filen innehåller ett osynligt styrtecken (U+0007)',
    found: 'Texten⟨U+0007⟩ om stödet.',
    expected: /bara synliga tecken/,
    example: /⟨U\+…⟩/,
  },
  {
    rule: 'no bidirectional override in the frontmatter, several on a line named together',
    src: source(validCase()).replace('title: Testärende om arbetsträning', 'title: Belopp \u202E000 001 kr\f'),
    field: 'tecken',
    message: 'filen innehåller osynliga tecken (U+202E, U+000C)',
    found: 'title: Belopp ⟨U+202E⟩000 001 kr⟨U+000C⟩',
    line: 2,
  },
  {
    rule: 'no control character written as a YAML escape',
    src: source(validCase()).replace('title: Testärende om arbetsträning', 'title: "Testärende\\u0000 om stöd"'),
    field: 'title',
    message: 'texten innehåller ett osynligt styrtecken (U+0000)',
    found: 'Testärende⟨U+0000⟩ om stöd',
    line: 2,
  },
  {
    rule: 'a party name has a letter or a digit (punctuation alone has no organisation page of its own)',
    mutate: (c) => (c.parties[0].name = '–'),
    field: 'parties[0].name',
    message: 'namnet har inga bokstäver eller siffror',
    found: '–',
    example: 'name: AB Stångåstaden',
  },
  {
    rule: 'the deciding body has a letter or a digit',
    mutate: (c) => (c.body = '???'),
    field: 'body',
    message: 'namnet har inga bokstäver eller siffror',
    example: 'body: Arbetsmarknadsnämnden',
  },
  {
    rule: 'no personnummer in the frontmatter',
    mutate: (c) => (c.signedBy[0].unit = 'Handläggare 811218-9876'),
    field: 'personnummer',
    message: /personnummer eller samordningsnummer/,
    found: '811218-****',
  },
  {
    rule: 'no personnummer (12 digits) in the body',
    body: 'Text.\n\nKontakt 19811218-9876.\n',
    field: 'personnummer',
    message: /personnummer/,
    found: '19811218-****',
  },
  {
    rule: 'no samordningsnummer in the body',
    body: 'Nummer 811278-9873.\n',
    field: 'personnummer',
    message: /samordningsnummer/,
    found: '811278-****',
  },
  {
    rule: 'body: no import/export',
    body: "import Foo from './foo.astro'\n\nText.\n",
    field: 'brödtext',
    message: 'import och export är inte tillåtna i brödtexten',
    found: "import Foo from './foo.astro'",
  },
  {
    rule: 'body: no <script>',
    body: 'Text.\n\n<script>alert(1)</script>\n',
    field: 'brödtext',
    message: 'HTML-elementet <script> är inte tillåtet',
  },
  {
    rule: 'body: no <iframe>',
    body: 'Text.\n\n<iframe src="https://example.org"></iframe>\n',
    field: 'brödtext',
    message: 'HTML-elementet <iframe> är inte tillåtet',
  },
  {
    rule: 'body: no on*= handlers',
    body: 'Text.\n\n<span onmouseover="x()">hej</span>\n',
    field: 'brödtext',
    message: 'händelseattributet onmouseover= är inte tillåtet',
  },
  {
    rule: 'body: no {expressions}',
    body: 'Summan är {1 + 1}.\n',
    field: 'brödtext',
    message: 'uttryck inom { } är inte tillåtna i brödtexten',
    found: '{1 + 1}',
  },
  {
    rule: 'body: only allow-listed components',
    body: 'Text.\n\n<Chart data="x" />\n',
    field: 'brödtext',
    message: 'komponenten <Chart> finns inte på webbplatsen',
  },
  {
    rule: 'body: no javascript: links',
    body: '[Klicka](javascript:alert(1))\n',
    field: 'brödtext',
    message: 'javascript:-länkar är inte tillåtna',
  },
  {
    rule: 'body: a Markdown image from another site (the pages load images from the site only)',
    body: 'Se ![karta](https://kartor.example/ryd.png) här.\n',
    field: 'brödtext',
    message:
      'bilden (https://kartor.example/ryd.png) ligger på en annan webbplats, som sidorna inte hämtar bilder från',
    expected: /under public\//,
    example: '![Karta över Ryd](/bilder/ryd.png)',
  },
  {
    rule: 'body: an HTML image from another site',
    body: '<img src="https://kartor.example/ryd.png" alt="Karta" />\n',
    field: 'brödtext',
    message: /^bilden src="https:\/\/kartor.example\/ryd.png" ligger på en annan webbplats/,
  },
  {
    rule: 'body: must parse as MDX',
    body: 'En klammer { som aldrig stängs.\n',
    field: 'brödtext',
    message: /brödtexten går inte att läsa som MDX/,
  },
  {
    rule: 'file name is a slug',
    file: 'content/cases/2020/Testfall_Två.mdx',
    field: 'filnamn',
    message: 'filnamnet (sluggen) får bara innehålla a–z, 0–9 och bindestreck',
    example: 'testfall-tva.mdx',
  },
  {
    rule: 'file starts with frontmatter',
    src: 'title: x\n',
    field: '(frontmatter)',
    message: 'filen börjar inte med frontmatter mellan två rader ---',
  },
  {
    rule: 'frontmatter is valid YAML',
    src: '---\ntitle: Avtal: Linkstep\n---\n',
    field: '(frontmatter)',
    message: /YAML-fel/,
    expected: /citattecken/,
    line: 2,
  },
  {
    rule: 'a field appears once',
    src: '---\ntitle: Ett\ntitle: Två\n---\n',
    field: '(frontmatter)',
    message: 'YAML-fel: samma fält står två gånger',
  },
];

describe('a valid case', () => {
  it('passes every rule', () => {
    expect(errorsFor(source(validCase()))).toEqual([]);
  });

  it('accepts unquoted YAML dates and years, keeping them as text', () => {
    const src = source(validCase())
      .replace('decided: 2019-12-18', 'decided: 2019-12-18')
      .replace(/start: "?2020"?\n/, 'start: 2020\n');
    const result = parseCase(FILE, src, { publicFileExists });
    expect(result.errors).toEqual([]);
    expect(result.parsed?.data.decided).toBe('2019-12-18');
    expect(result.parsed?.data.funding?.[0]?.period?.start).toBe('2020');
  });

  it('accepts an image on the site, and a link (not an image) to another site', () => {
    const body =
      '![Ikonen](/favicon.svg) och <img src="/favicon.svg" alt="Ikonen" /> och [bilden](https://kartor.example/ryd.png).\n';
    expect(errorsFor(source(validCase(), body))).toEqual([]);
  });

  it('accepts tabs, line breaks of every kind and emoji, which are not control characters to refuse', () => {
    const body = 'Text\tmed tabb.\r\nRad två med 👍 och zero\u200bwidth.\n';
    expect(errorsFor(source(validCase(), body))).toEqual([]);
  });

  it('accepts links as Swedish sites write them, with å, ä and ö', () => {
    const c = validCase();
    c.documents[1].href = 'https://www.linköping.se/beslut/överenskommelse-stångåstaden.pdf';
    c.followUps[0].report = 'https://example.org/rapport?år=2020';
    expect(errorsFor(source(c))).toEqual([]);
  });

  it('does not take an organisationsnummer or a diarienummer for a personnummer', () => {
    const body = 'Org.nr 212000-0449 och 556016-0680, diarienummer KS 2018-597, telefon 013-20 60 00, 123456-7890.\n';
    expect(errorsFor(source(validCase(), body))).toEqual([]);
  });

  it('allows Markdown, GFM and safe HTML in the body', () => {
    const body =
      '## Rubrik\n\n| a | b |\n|---|--:|\n| 1 | 2 |\n\n~~struken~~ https://example.org\n\n- [x] klart\n\nFotnot[^1] och <abbr title="idéburet offentligt partnerskap">IOP</abbr>, \\{klammer\\}.\n\n[^1]: Noten.\n';
    expect(errorsFor(source(validCase(), body))).toEqual([]);
  });
});

describe('each rule rejects its breach with a Swedish error naming file and field', () => {
  for (const row of rows) {
    it(row.rule, () => {
      const data = validCase();
      row.mutate?.(data);
      const src = row.src ?? source(data, row.body);
      const errors = errorsFor(src, row.file ?? FILE);
      const match = errors.find(
        (e) =>
          e.field === row.field &&
          (typeof row.message === 'string' ? e.message === row.message : row.message.test(e.message)),
      );
      expect(
        match,
        `no error on ${row.field} matching ${row.message}; got:\n${formatCaseErrors(errors)}`,
      ).toBeDefined();
      expect(match!.file).toBe(row.file ?? FILE);
      if (row.found !== undefined) expect(match!.found).toBe(row.found);
      if (row.expected !== undefined) {
        if (typeof row.expected === 'string') expect(match!.expected).toContain(row.expected);
        else expect(match!.expected).toMatch(row.expected);
      }
      if (row.example !== undefined) {
        if (typeof row.example === 'string') expect(match!.example).toBe(row.example);
        else expect(match!.example).toMatch(row.example);
      }
      if (row.line !== undefined) expect(match!.line).toBe(row.line);
      expect(match!.expected.length).toBeGreaterThan(0);
    });
  }
});

describe('rules across files', () => {
  it('rejects two files with the same slug in different years', () => {
    const errors = duplicateSlugErrors([
      'content/cases/2019/linkstep.mdx',
      'content/cases/2020/linkstep.mdx',
      'content/cases/2020/annat.mdx',
    ]);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({
      file: 'content/cases/2020/linkstep.mdx',
      field: 'filnamn',
      message: 'sluggen "linkstep" används redan av content/cases/2019/linkstep.mdx',
    });
  });

  it('lists every error in every file at once', () => {
    const a = errorsFor(source({ ...validCase(), kind: 'x', status: 'y' }));
    expect(a.map((e) => e.field)).toEqual(expect.arrayContaining(['kind', 'status']));
  });

  it('validates the five seed cases without errors', () => {
    const { cases, errors, files } = validateAll(ROOT, SEED_CASES);
    expect(formatCaseErrors(errors)).toBe(formatCaseErrors([]));
    expect(files).toHaveLength(5);
    expect(cases).toHaveLength(5);
  });
});

describe('the error text', () => {
  it('names file and line, field, what was found, what is expected and an example, in Swedish', () => {
    const data = validCase();
    (data['funding'] as Loose[])[0]!['amount'] = '1 100 000';
    const text = formatCaseErrors(errorsFor(source(data)));
    expect(text).toContain('1 fel i 1 ärendefil.');
    expect(text).toMatch(
      /content\/cases\/2020\/testfall\.mdx:\d+ {2}funding\[0\]\.amount: fel sorts värde: text i stället för ett heltal/,
    );
    expect(text).toContain('Hittade:   1 100 000');
    expect(text).toContain('Förväntat: ett heltal utan citattecken, mellanslag eller "kr"');
    expect(text).toContain('Exempel:   amount: 2400000');
    expect(text).not.toContain('**');
    expect(text).not.toContain(':0:0');
  });
});
