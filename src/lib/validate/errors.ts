/**
 * One validation error, for people: the file, the line where known, the
 * field path (`funding[0].items`), what is wrong and what was found, what is
 * expected, and a one-line example of a fix. All texts in Swedish.
 */
export interface CaseError {
  /** Path relative to the repository (`content/cases/2019/linkstep.mdx`). */
  file: string;
  /** 1-based line in the file, when known. */
  line?: number | undefined;
  /** The field path (`funding[0].items`), or a name for non-field errors ("brödtext"). */
  field: string;
  /** What is wrong. */
  message: string;
  /** The value found, as written. */
  found?: string | undefined;
  /** What is expected. */
  expected: string;
  /** A one-line example of a fix. */
  example?: string | undefined;
  /** Another file the error concerns (the earlier file of a duplicate slug). */
  otherFile?: string | undefined;
}

/** `['funding', 0, 'items']` → `funding[0].items`. */
export function fieldPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? String(key) : `.${String(key)}`;
  }
  return out;
}

/** Formats one error as a short block of Swedish text. */
export function formatCaseError(e: CaseError): string {
  const where = e.line !== undefined ? `${e.file}:${e.line}` : e.file;
  const lines = [`${where}  ${e.field}: ${e.message}`];
  if (e.found !== undefined) lines.push(`  Hittade:   ${e.found}`);
  lines.push(`  Förväntat: ${e.expected}`);
  if (e.example !== undefined) lines.push(`  Exempel:   ${e.example}`);
  return lines.join('\n');
}

/** Formats many errors, grouped in file order, with a Swedish summary line first. */
export function formatCaseErrors(errors: readonly CaseError[]): string {
  const files = new Set(errors.map((e) => e.file));
  const head = `${errors.length} fel i ${files.size} ${files.size === 1 ? 'ärendefil' : 'ärendefiler'}. Rätta felen nedan; inget publiceras förrän alla ärendefiler är giltiga.`;
  const sorted = [...errors].sort((a, b) =>
    a.file === b.file ? (a.line ?? 0) - (b.line ?? 0) : a.file < b.file ? -1 : 1,
  );
  return [head, '', ...sorted.map(formatCaseError)].join('\n\n').replace('\n\n\n\n', '\n\n');
}

/** Thrown by the loader when any case file is invalid; the message lists every error. */
export class CaseValidationError extends Error {
  readonly caseErrors: readonly CaseError[];
  constructor(errors: readonly CaseError[]) {
    super(formatCaseErrors(errors));
    this.name = 'CaseValidationError';
    this.caseErrors = errors;
    // The message says everything; a stack trace into the loader would only distract.
    this.stack = this.message;
  }

  /**
   * Astro adds an English hint about browser APIs to any error whose text holds
   * "document" or "window", as `documents[0].href` does: this short form, which Astro
   * reads only for its hint, keeps the message alone.
   */
  override toString(): string {
    return `${this.name}: ${this.caseErrors.length} fel`;
  }
}
