/**
 * `npm run check` on GitHub Actions: the same Swedish errors as in the
 * terminal (errors.ts), as annotations on the file and line of a pull request
 * (workflow commands, `::error file=…,line=…,title=…::message`) and as
 * Markdown for the job summary. Pure text; src/cli/check.ts does the I/O.
 *
 * Case files are written by anyone who can open a pull request, and their
 * values reach this output (what was found, an unknown field's name). The
 * runner reads every line a step prints, on stdout and stderr alike, and
 * treats a line starting with `::name` or containing `##[name]` as a command;
 * so the annotations escape their data by GitHub's rules, and the terminal
 * text is printed between `::stop-commands::` and its resume token (see
 * withoutWorkflowCommands). In the summary, texts go in fenced code blocks
 * longer than any run of backticks in them, and link texts are escaped.
 */
import { type CaseError, formatCaseError, formatCaseErrors } from './errors.ts';

/** GitHub keeps at most this many error annotations, and as many warnings, per step; more are dropped silently. */
export const ANNOTATIONS_PER_STEP = 10;

/** GitHub refuses a job summary over 1 MiB; stay well below it. */
export const SUMMARY_MAX_BYTES = 900_000;

export type Severity = 'error' | 'warning';

/** A workflow command's message: `%`, CR and LF escaped, so a message of many lines stays one command line. */
export function escapeCommandData(s: string): string {
  return s.replaceAll('%', '%25').replaceAll('\r', '%0D').replaceAll('\n', '%0A');
}

/** A workflow command's property value: as the message, and `:` and `,`, which end a property. */
export function escapeCommandProperty(s: string): string {
  return escapeCommandData(s).replaceAll(':', '%3A').replaceAll(',', '%2C');
}

/** One workflow command line, `::name key=value,…::message`; properties without a value are left out. */
export function workflowCommand(
  name: string,
  properties: Record<string, string | number | undefined>,
  message: string,
): string {
  const props = Object.entries(properties)
    .filter((entry): entry is [string, string | number] => entry[1] !== undefined)
    .map(([key, value]) => `${key}=${escapeCommandProperty(String(value))}`)
    .join(',');
  return `::${name}${props === '' ? '' : ` ${props}`}::${escapeCommandData(message)}`;
}

/** Field names that are not a path in the front matter (errors.ts, parse-case.ts, body-policy.ts, organisations-file.ts). */
const PLACES: Record<string, string> = {
  filnamn: 'filnamnet',
  personnummer: 'filen (personnummer)',
  tecken: 'filen (osynliga tecken)',
  brödtext: 'brödtexten',
  '(frontmatter)': 'fälten överst i filen',
  '(yaml)': 'YAML-koden',
  '(fil)': 'filen',
};

/** A path in the data: `funding[0].amount`, `[1].name` (alias list), `outcomes[].asOf`. */
const DATA_PATH = /^(?:[A-Za-z_$][\w$]*|\[\d*\])(?:\.[A-Za-z_$][\w$]*|\[\d*\])*$/;

const TITLE_MAX = 80;

/**
 * The annotation's title, short and in Swedish: `Fel i fältet funding[0].amount`,
 * `Fel i filnamnet`, `Fel i brödtexten <Citat>`, `Varning i fältet parties[1].orgNumber`.
 * One line, at most 80 characters (a field name can be anything a case file invents).
 */
export function annotationTitle(e: Pick<CaseError, 'field'>, severity: Severity = 'error'): string {
  const field = e.field.replace(/\s+/g, ' ').trim();
  const body = /^brödtext <(.+)>$/.exec(field);
  const place =
    PLACES[field] ??
    (body ? `brödtexten <${body[1]}>` : DATA_PATH.test(field) ? `fältet ${field}` : `fältet "${field}"`);
  const title = `${severity === 'error' ? 'Fel' : 'Varning'} i ${place}`;
  return title.length <= TITLE_MAX ? title : `${title.slice(0, TITLE_MAX - 1)}…`;
}

/** Errors in the order the terminal lists them (formatCaseErrors): by file, then line. */
function inFileOrder(errors: readonly CaseError[]): CaseError[] {
  return [...errors].sort((a, b) => (a.file === b.file ? (a.line ?? 0) - (b.line ?? 0) : a.file < b.file ? -1 : 1));
}

/**
 * One annotation: on the error's file and line, titled by annotationTitle, with
 * the terminal's text of the error (formatCaseError) as its message. An error
 * without a line (the file name, a slug used twice) goes on line 1: GitHub shows
 * an annotation in the pull request's diff only on a line, and line 1 is the
 * top of the file, in the diff of every new file.
 */
export function caseAnnotation(e: CaseError, severity: Severity = 'error'): string {
  return workflowCommand(
    severity,
    { file: e.file, line: e.line ?? 1, title: annotationTitle(e, severity) },
    formatCaseError(e),
  );
}

/** The last annotation when there are more than fit: how many more, and where they are. */
function overflowAnnotation(severity: Severity, rest: number): string {
  const what = severity === 'error' ? 'fel' : rest === 1 ? 'varning' : 'varningar';
  return workflowCommand(
    severity,
    { title: severity === 'error' ? 'Fler fel' : 'Fler varningar' },
    `${rest} ${what} till visas inte här: GitHub visar högst ${ANNOTATIONS_PER_STEP} per steg. ` +
      'Hela listan står i körningens sammanfattning (Summary) och i loggen för steget.',
  );
}

function annotationsOf(list: readonly CaseError[], severity: Severity): string[] {
  const sorted = inFileOrder(list);
  if (sorted.length <= ANNOTATIONS_PER_STEP) return sorted.map((e) => caseAnnotation(e, severity));
  const shown = sorted.slice(0, ANNOTATIONS_PER_STEP - 1);
  return [...shown.map((e) => caseAnnotation(e, severity)), overflowAnnotation(severity, sorted.length - shown.length)];
}

/**
 * Every annotation of a check, one workflow command per line: the errors, then
 * the warnings, each in file order. Past GitHub's ten of a kind per step, the
 * tenth says how many more there are.
 */
export function caseAnnotations(errors: readonly CaseError[], warnings: readonly CaseError[] = []): string[] {
  return [...annotationsOf(errors, 'error'), ...annotationsOf(warnings, 'warning')];
}

/**
 * Text printed with the runner's command processing paused: `::stop-commands::token`,
 * the text, `::token::`. No line of the text can then act as a command, whatever a
 * case file holds; the token must be unguessable (check.ts makes a random one).
 */
export function withoutWorkflowCommands(text: string, token: string): string {
  if (!/^[0-9a-f]{32,}$/.test(token)) throw new Error('the resume token must be at least 32 hexadecimal digits');
  // The runner compares command names ignoring case.
  if (text.toLowerCase().includes(token)) throw new Error('the text contains the resume token');
  return `::stop-commands::${token}\n${text}\n::${token}::`;
}

/** The terminal's heading over the organisation warnings. */
export function warningsHeading(count: number): string {
  return `${count} ${count === 1 ? 'varning' : 'varningar'} om organisationer`;
}

/** Text for Markdown prose: every ASCII punctuation character backslash-escaped (no HTML, links or emphasis), on one line. */
export function escapeMarkdown(s: string): string {
  return s.replace(/\s+/g, ' ').replace(/[!-/:-@[-`{-~]/g, '\\$&');
}

/** A fenced code block that nothing in the text can close: its fence is longer than any run of backticks in it. */
export function codeBlock(text: string): string {
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(Math.max(3, longest + 1));
  return `${fence}text\n${text.replace(/\r\n?/g, '\n')}\n${fence}`;
}

/** A link to a file (and line) in the repository: `blob` is `https://github.com/<owner>/<repo>/blob/<commit>/`. */
export function fileLink(blob: string, file: string, line?: number): string {
  const path = file
    .split('/')
    .map((part) => encodeURIComponent(part).replace(/[()]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`))
    .join('/');
  return `${blob}${path}${line === undefined ? '' : `#L${line}`}`;
}

function entry(e: CaseError, severity: Severity, blob: string | undefined): string {
  const where = escapeMarkdown(e.line === undefined ? e.file : `${e.file}:${e.line}`);
  const heading = blob === undefined ? where : `[${where}](${fileLink(blob, e.file, e.line)})`;
  return `### ${heading} · ${escapeMarkdown(annotationTitle(e, severity))}\n\n${codeBlock(formatCaseError(e))}`;
}

const byteLength = (s: string) => new TextEncoder().encode(s).length;

/** Entries until the summary would pass SUMMARY_MAX_BYTES, then a line saying how many more the log has. */
function entries(list: readonly CaseError[], severity: Severity, blob: string | undefined, budget: number): string[] {
  const out: string[] = [];
  let used = 0;
  for (const [i, e] of inFileOrder(list).entries()) {
    const text = entry(e, severity, blob);
    if (used + byteLength(text) > budget) {
      const rest = list.length - i;
      const what = severity === 'error' ? 'fel' : rest === 1 ? 'varning' : 'varningar';
      out.push(`… och ${rest} ${what} till, som inte får plats här: se loggen för steget.`);
      break;
    }
    out.push(text);
    used += byteLength(text) + 2;
  }
  return out;
}

export interface CheckSummary {
  errors: readonly CaseError[];
  warnings?: readonly CaseError[];
  /** How many case files were checked. */
  checked: number;
  /** Where file links point: `https://github.com/<owner>/<repo>/blob/<commit>/`. Without it, locations are plain text. */
  blob?: string | undefined;
}

/**
 * The job summary (Markdown) of a check: with errors, a heading with their number,
 * the terminal's summary line and each error under its linked `file:line` and its
 * annotation's title, its terminal text in a code block; without, one line saying
 * every file is valid. Organisation warnings follow in the same form. Past
 * SUMMARY_MAX_BYTES, a line says how many more the log has.
 */
export function checkSummary({ errors, warnings = [], checked, blob }: CheckSummary): string {
  const parts: string[] = [];
  if (errors.length > 0) {
    parts.push(`## Ärendefilerna har ${errors.length} fel`, formatCaseErrors(errors).split('\n', 1)[0]!);
    parts.push(
      ...entries(errors, 'error', blob, SUMMARY_MAX_BYTES / 2),
      checked === 1 ? '1 ärendefil kontrollerad.' : `${checked} ärendefiler kontrollerade.`,
    );
  } else {
    parts.push(`## ${checked === 1 ? 'Ärendefilen är giltig' : `Alla ${checked} ärendefiler är giltiga`}`);
  }
  if (warnings.length > 0) {
    parts.push(`## ${warningsHeading(warnings.length)}`, ...entries(warnings, 'warning', blob, SUMMARY_MAX_BYTES / 2));
  }
  return `${parts.join('\n\n')}\n`;
}
