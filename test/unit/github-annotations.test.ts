/**
 * `npm run check` on GitHub Actions (src/lib/validate/github-annotations.ts):
 * each error as a workflow command that annotates its file and line, in the
 * terminal's Swedish text; the job summary in Markdown; and nothing a case
 * file holds can run a workflow command or put HTML in the summary. The
 * errors come from the real validation of broken case files. The output is
 * read back the way the runner reads it (actions/runner: ActionCommand's
 * TryParseV2 and TryParse, ActionCommandManager's stop-commands), and the
 * summary is rendered by a CommonMark renderer that lets raw HTML through.
 */
import { markdownToHtml } from 'satteri';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { parseCase } from '../../src/lib/content/parse-case.ts';
import { type CaseError, formatCaseError, formatCaseErrors } from '../../src/lib/validate/errors.ts';
import {
  ANNOTATIONS_PER_STEP,
  annotationTitle,
  caseAnnotation,
  caseAnnotations,
  checkSummary,
  codeBlock,
  escapeCommandData,
  escapeCommandProperty,
  escapeMarkdown,
  fileLink,
  withoutWorkflowCommands,
} from '../../src/lib/validate/github-annotations.ts';
import { type Loose, validCase } from '../helpers/valid-case.ts';

const FILE = 'content/cases/2020/testfall.mdx';
const TOKEN = '0123456789abcdef0123456789abcdef';
const BLOB = 'https://github.com/kommun/insyn/blob/4f2a9c1/';

function errorsOf(data: Loose, file = FILE, body = '## Bakgrund\n\nText.\n'): CaseError[] {
  return parseCase(file, `---\n${stringify(data)}---\n\n${body}`, { publicFileExists: () => true }).errors;
}

/** A case whose amount is written as text, the most common mistake: one error, on the amount's line. */
function amountError(): CaseError {
  const data = validCase();
  (data['funding'] as Loose[])[0]!['amount'] = '1 100 000';
  const errors = errorsOf(data);
  expect(errors).toHaveLength(1);
  return errors[0]!;
}

/** Values a hostile case file could hold: new lines starting workflow commands, old-style `##[…]` commands, HTML, backticks. */
const INJECTED = 'agrement\n::error file=README.md,line=1::injicerat\n::stop-commands::abc\n##[add-mask]gammalt';
const HOSTILE_KEY = 'nytt,fält:\n::warning::x';
const HOSTILE_HTML = '````\n<img src=x onerror=alert(1)>\n```';

function hostileErrors(): CaseError[] {
  const data = validCase();
  data['kind'] = INJECTED;
  data['status'] = HOSTILE_HTML;
  data[HOSTILE_KEY] = 'y';
  return errorsOf(data);
}

interface Command {
  name: string;
  properties: Record<string, string>;
  data: string;
}

/** The runner's unescaping: the replacements in its order, `%25` last. */
function unescape(s: string, property: boolean): string {
  const pairs: [string, string][] = [
    ['%0D', '\r'],
    ['%0A', '\n'],
    ...(property
      ? ([
          ['%3A', ':'],
          ['%2C', ','],
        ] as [string, string][])
      : []),
    ['%25', '%'],
  ];
  return pairs.reduce((out, [from, to]) => out.replaceAll(from, to), s);
}

/** `::name k=v,…::data` at the start of a line (after spaces), as ActionCommand.TryParseV2. */
function parseV2(line: string): Command | undefined {
  const text = line.trimStart();
  if (!text.startsWith('::')) return undefined;
  const end = text.indexOf('::', 2);
  if (end < 0) return undefined;
  const info = text.slice(2, end);
  const space = info.indexOf(' ');
  const name = space < 0 ? info : info.slice(0, space);
  const properties: Record<string, string> = {};
  if (space > 0) {
    for (const property of info
      .slice(space + 1)
      .trim()
      .split(',')
      .filter((p) => p !== '')) {
      const at = property.indexOf('=');
      if (at > 0 && at < property.length - 1)
        properties[property.slice(0, at)] = unescape(property.slice(at + 1), true);
    }
  }
  return { name, properties, data: unescape(text.slice(end + 2), false) };
}

/** `##[name k=v;…]data` anywhere in a line, as ActionCommand.TryParse (the old syntax, still read). */
function parseV1(line: string): Command | undefined {
  const start = line.indexOf('##[');
  const end = start < 0 ? -1 : line.indexOf(']', start);
  if (end < 0) return undefined;
  const info = line.slice(start + 3, end);
  const space = info.indexOf(' ');
  return { name: space < 0 ? info : info.slice(0, space), properties: {}, data: line.slice(end + 1) };
}

/**
 * The commands the runner would carry out for this output, line by line (it splits on CR, LF
 * and CRLF), honouring `::stop-commands::token` until a line that is the command `token`.
 * Any name counts as a command here, which is stricter than the runner's list of known ones.
 */
function runnerCommands(output: string): Command[] {
  const commands: Command[] = [];
  let stopped: string | undefined;
  for (const line of output.split(/\r\n|\r|\n/)) {
    const command = parseV2(line) ?? parseV1(line);
    if (command === undefined) continue;
    if (stopped !== undefined) {
      if (command.name.toLowerCase() === stopped.toLowerCase()) stopped = undefined;
    } else if (command.name === 'stop-commands') stopped = command.data;
    else commands.push(command);
  }
  return commands;
}

/** What check.ts prints on GitHub Actions: the terminal text with commands paused, then the annotations. */
function checkOutput(errors: CaseError[], warnings: CaseError[] = []): string {
  return [withoutWorkflowCommands(formatCaseErrors(errors), TOKEN), ...caseAnnotations(errors, warnings)].join('\n');
}

describe('workflow command escaping (GitHub: % CR LF in data; and : , in properties)', () => {
  it('escapes the message data', () => {
    expect(escapeCommandData('100 %\r\nrad två\n::error::x')).toBe('100 %25%0D%0Arad två%0A::error::x');
    expect(escapeCommandData('%0A')).toBe('%250A');
  });

  it('escapes property values', () => {
    expect(escapeCommandProperty('a,b:c\nd%e\r')).toBe('a%2Cb%3Ac%0Ad%25e%0D');
    expect(escapeCommandProperty('Fel i fältet funding[0].amount')).toBe('Fel i fältet funding[0].amount');
  });
});

describe('an error as an annotation', () => {
  it('puts an error from a real case file on its file and line, titled by its field, in the terminal text', () => {
    const e = amountError();
    expect(e.line).toBeGreaterThan(1);
    const line = caseAnnotation(e);
    expect(line).toBe(
      `::error file=${FILE},line=${e.line},title=Fel i fältet funding[0].amount::${escapeCommandData(formatCaseError(e))}`,
    );
    expect(line).not.toContain('\n');
    expect(line).toContain(
      `::${FILE}:${e.line}  funding[0].amount: fel sorts värde: text i stället för ett heltal%0A  Hittade:   1 100 000%0A  Förväntat: `,
    );
    expect(line).toMatch(/%0A {2}Exempel: {3}amount: 2400000$/);
  });

  it('writes exactly this for a known error, multi-line message as %0A', () => {
    const e: CaseError = {
      file: 'content/cases/2019/linkstep.mdx',
      line: 12,
      field: 'decided',
      message: 'datumet finns inte i kalendern',
      found: '2021-02-30',
      expected: 'ett datum som finns i kalendern, skrivet ÅÅÅÅ, ÅÅÅÅ-MM eller ÅÅÅÅ-MM-DD',
      example: 'decided: 2019-12-18',
    };
    expect(caseAnnotation(e)).toBe(
      '::error file=content/cases/2019/linkstep.mdx,line=12,title=Fel i fältet decided::' +
        'content/cases/2019/linkstep.mdx:12  decided: datumet finns inte i kalendern%0A' +
        '  Hittade:   2021-02-30%0A' +
        '  Förväntat: ett datum som finns i kalendern, skrivet ÅÅÅÅ, ÅÅÅÅ-MM eller ÅÅÅÅ-MM-DD%0A' +
        '  Exempel:   decided: 2019-12-18',
    );
    expect(caseAnnotation(e, 'warning')).toMatch(/^::warning file=.*,line=12,title=Varning i fältet decided::/);
  });

  it('puts an error without a line (the file name) on line 1 of its file', () => {
    const errors = errorsOf(validCase(), 'content/cases/2020/Testfall.mdx');
    const e = errors.find((x) => x.field === 'filnamn')!;
    expect(e.line).toBeUndefined();
    expect(caseAnnotation(e)).toMatch(
      /^::error file=content\/cases\/2020\/Testfall\.mdx,line=1,title=Fel i filnamnet::content\/cases\/2020\/Testfall\.mdx {2}filnamn: /,
    );
  });

  it('reads back, as the runner parses it, to the same file, line, title and text', () => {
    const e = amountError();
    expect(runnerCommands(caseAnnotation(e))).toEqual([
      {
        name: 'error',
        properties: { file: FILE, line: String(e.line), title: 'Fel i fältet funding[0].amount' },
        data: formatCaseError(e),
      },
    ]);
  });

  it.each([
    ['funding[0].amount', 'Fel i fältet funding[0].amount'],
    ['outcomes[].asOf', 'Fel i fältet outcomes[].asOf'],
    ['[1].name', 'Fel i fältet [1].name'],
    ['filnamn', 'Fel i filnamnet'],
    ['personnummer', 'Fel i filen (personnummer)'],
    ['brödtext', 'Fel i brödtexten'],
    ['brödtext <Citat>', 'Fel i brödtexten <Citat>'],
    ['(frontmatter)', 'Fel i fälten överst i filen'],
    ['(yaml)', 'Fel i YAML-koden'],
    ['(fil)', 'Fel i filen'],
    ['min nyckel', 'Fel i fältet "min nyckel"'],
    ['rad\nbrytning', 'Fel i fältet "rad brytning"'],
  ])('titles the field %j as %j', (field, title) => {
    expect(annotationTitle({ field })).toBe(title);
  });

  it('keeps a title to one line of at most 80 characters', () => {
    const title = annotationTitle({ field: 'x'.repeat(200) }, 'warning');
    expect(title).toHaveLength(80);
    expect(title).toMatch(/^Varning i fältet x+…$/);
  });
});

describe('a case file cannot inject workflow commands', () => {
  it('makes the real errors of a hostile case file', () => {
    const errors = hostileErrors();
    expect(errors.map((e) => e.field).sort()).toEqual([HOSTILE_KEY, 'kind', 'status'].sort());
    expect(errors.find((e) => e.field === 'kind')!.found).toContain('\n::stop-commands::abc\n');
  });

  it('would run the injected commands if the terminal text were printed as it is (why check.ts pauses commands)', () => {
    // The injected error runs; its `::stop-commands::abc` then silences the rest of the step.
    expect(runnerCommands(formatCaseErrors(hostileErrors()))).toEqual([
      { name: 'error', properties: { file: 'README.md', line: '1' }, data: 'injicerat' },
    ]);
    expect(runnerCommands('  Hittade:   "x ##[add-mask]gammalt"')).toEqual([
      { name: 'add-mask', properties: {}, data: 'gammalt"' },
    ]);
  });

  it('runs only the annotations, one per error, each with its own text, on what check.ts prints', () => {
    const errors = hostileErrors();
    const output = checkOutput(errors);
    const expected = [...errors]
      .sort((a, b) => a.line! - b.line!)
      .map((e) => ({
        name: 'error',
        properties: { file: FILE, line: String(e.line), title: annotationTitle(e) },
        data: formatCaseError(e),
      }));
    expect(runnerCommands(output)).toEqual(expected);
    // The hostile key came through intact, including its comma, colon and new line.
    expect(expected.map((c) => c.properties.title)).toContain('Fel i fältet "nytt,fält: ::warning::x"');
  });

  it('keeps each annotation on one line, with no `::` or `,` of its own in the properties', () => {
    for (const line of caseAnnotations(hostileErrors())) {
      expect(line).not.toMatch(/[\r\n]/);
      const properties = line.slice(2, line.indexOf('::', 2));
      expect(properties.split(',').map((p) => p.split('=')[0])).toEqual(['error file', 'line', 'title']);
    }
    expect(caseAnnotations(hostileErrors()).join('\n')).toContain(
      'title=Fel i fältet "nytt%2Cfält%3A %3A%3Awarning%3A%3Ax"',
    );
  });

  it('pauses commands around the terminal text with an unguessable token, and refuses a token the text holds', () => {
    expect(withoutWorkflowCommands('text', TOKEN)).toBe(`::stop-commands::${TOKEN}\ntext\n::${TOKEN}::`);
    expect(() => withoutWorkflowCommands(`x ##[${TOKEN}]`, TOKEN)).toThrow(/token/);
    expect(() => withoutWorkflowCommands(`x ##[${TOKEN.toUpperCase()}]`, TOKEN)).toThrow(/token/);
    expect(() => withoutWorkflowCommands('text', 'abc')).toThrow(/token/);
  });
});

describe('GitHub keeps ten annotations of a kind per step', () => {
  const many = (n: number): CaseError[] =>
    Array.from({ length: n }, (_, i) => ({
      file: `content/cases/2020/fall-${String(i).padStart(2, '0')}.mdx`,
      line: i + 1,
      field: 'title',
      message: 'fältet saknas men är obligatoriskt',
      expected: 'en rubrik',
    }));

  it('annotates all ten when there are ten', () => {
    expect(caseAnnotations(many(ANNOTATIONS_PER_STEP))).toHaveLength(10);
    expect(caseAnnotations(many(10)).every((l) => l.startsWith('::error file='))).toBe(true);
  });

  it('annotates the first nine and says how many more there are in the tenth', () => {
    const lines = caseAnnotations(many(12));
    expect(lines).toHaveLength(10);
    expect(lines[8]).toContain('file=content/cases/2020/fall-08.mdx');
    expect(lines[9]).toBe(
      '::error title=Fler fel::3 fel till visas inte här: GitHub visar högst 10 per steg. ' +
        'Hela listan står i körningens sammanfattning (Summary) och i loggen för steget.',
    );
  });

  it('counts warnings apart from errors', () => {
    const warnings = many(11).map((w) => ({ ...w, field: 'parties[0].orgNumber' }));
    const lines = caseAnnotations(many(2), warnings);
    expect(lines.filter((l) => l.startsWith('::error '))).toHaveLength(2);
    expect(lines.filter((l) => l.startsWith('::warning '))).toHaveLength(10);
    expect(lines.at(-1)).toMatch(/^::warning title=Fler varningar::2 varningar till visas inte här/);
  });
});

describe('the job summary', () => {
  it('lists each error under its linked file:line and title, in the terminal text', () => {
    const e = amountError();
    expect(checkSummary({ errors: [e], checked: 5, blob: BLOB })).toBe(
      [
        '## Ärendefilerna har 1 fel',
        '',
        '1 fel i 1 ärendefil. Rätta felen nedan; inget publiceras förrän alla ärendefiler är giltiga.',
        '',
        `### [content\\/cases\\/2020\\/testfall\\.mdx\\:${e.line}](${BLOB}${FILE}#L${e.line}) · Fel i fältet funding\\[0\\]\\.amount`,
        '',
        '```text',
        formatCaseError(e),
        '```',
        '',
        '5 ärendefiler kontrollerade.',
        '',
      ].join('\n'),
    );
  });

  it('renders as headings with links and the texts in code blocks', () => {
    const errors = [amountError(), ...errorsOf(validCase(), 'content/cases/2020/Testfall.mdx')];
    const html = markdownToHtml(checkSummary({ errors, checked: 6, blob: BLOB })).html;
    expect(html).toContain('<h2>Ärendefilerna har 2 fel</h2>');
    expect(html).toContain(`<a href="${BLOB}${FILE}#L${errors[0]!.line}">${FILE}:${errors[0]!.line}</a>`);
    expect(html).toContain(`<a href="${BLOB}content/cases/2020/Testfall.mdx">content/cases/2020/Testfall.mdx</a>`);
    expect(html.match(/<h3>/g)).toHaveLength(2);
    expect(html.match(/<pre><code class="language-text">/g)).toHaveLength(2);
  });

  it('says in one line that every file is valid', () => {
    expect(checkSummary({ errors: [], checked: 5 })).toBe('## Alla 5 ärendefiler är giltiga\n');
    expect(checkSummary({ errors: [], checked: 1 })).toBe('## Ärendefilen är giltig\n');
  });

  it('adds the organisation warnings under their own heading', () => {
    const warning: CaseError = {
      file: 'content/cases/2019/b.mdx',
      line: 17,
      field: 'parties[1].orgNumber',
      message: 'namnet "Förening D" har olika organisationsnummer',
      found: '802400-0021, 802400-0013',
      expected: 'kontrollera numren mot källdokumenten',
    };
    const md = checkSummary({ errors: [], warnings: [warning], checked: 5 });
    expect(md).toMatch(/^## Alla 5 ärendefiler är giltiga\n\n## 1 varning om organisationer\n\n/);
    expect(md).toContain('### content\\/cases\\/2019\\/b\\.mdx\\:17 · Varning i fältet parties\\[1\\]\\.orgNumber');
  });

  it('lets no HTML or Markdown from a case file through, and no text out of its code block', () => {
    const errors = hostileErrors();
    const md = checkSummary({ errors, checked: 1, blob: BLOB });
    expect(md).toContain('\n`````text\n'); // longer than the four backticks in the text
    const html = markdownToHtml(md).html;
    expect(html).not.toMatch(/<img|<script/i);
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html.match(/<pre><code class="language-text">/g)).toHaveLength(errors.length);
    expect(html.match(/<h3>/g)).toHaveLength(errors.length);
    for (const e of errors) expect(html).toContain(formatCaseError(e).split('\n')[0]!.replaceAll('"', '&quot;'));
  });

  it('stops before GitHub’s size limit and says how many errors are left out', () => {
    const big: CaseError[] = Array.from({ length: 400 }, (_, i) => ({
      file: `content/cases/2020/fall-${String(i).padStart(3, '0')}.mdx`,
      line: 3,
      field: 'summary',
      message: 'texten är för lång',
      found: 'å'.repeat(2000),
      expected: 'högst 300 tecken',
    }));
    const md = checkSummary({ errors: big, checked: 400 });
    expect(new TextEncoder().encode(md).length).toBeLessThan(1024 * 1024);
    expect(md).toMatch(/\n… och \d+ fel till, som inte får plats här: se loggen för steget\.\n/);
    const shown = md.match(/^### /gm)!.length;
    expect(md).toContain(`… och ${400 - shown} fel till`);
  });
});

describe('Markdown helpers', () => {
  it('escapes every ASCII punctuation character and keeps text on one line', () => {
    expect(escapeMarkdown('<b>*[x](y)*</b> `z` & #1\n2')).toBe(
      '\\<b\\>\\*\\[x\\]\\(y\\)\\*\\<\\/b\\> \\`z\\` \\& \\#1 2',
    );
  });

  it('fences code with more backticks than any run in it', () => {
    expect(codeBlock('a')).toBe('```text\na\n```');
    expect(codeBlock('a ```` b ``')).toBe('`````text\na ```` b ``\n`````');
  });

  it('links to a file and line, path parts percent-encoded', () => {
    expect(fileLink(BLOB, 'content/cases/2020/a (1).mdx', 4)).toBe(`${BLOB}content/cases/2020/a%20%281%29.mdx#L4`);
    expect(fileLink(BLOB, 'content/cases/2020/å.mdx')).toBe(`${BLOB}content/cases/2020/%C3%A5.mdx`);
  });
});
