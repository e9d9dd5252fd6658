/**
 * The pure part of `npm run new`: checking each answer with the same zod
 * pieces as the build, choosing sensible defaults, and turning the answers
 * into the text of a new case file, with every required field filled from
 * the answers and every optional field present as a YAML comment (its
 * description and example taken from the schema's own metadata, so the
 * template never drifts from the format). No file system access here;
 * src/cli/new.ts does the asking and writing.
 */
import type { z } from 'astro/zod';
import { stringify } from 'yaml';
import { KIND_LABEL, ROLE_LABEL, STATUS_LABEL } from '../core/labels.ts';
import { partialDate } from '../schema/dates.ts';
import { type Kind, KINDS, type Role, ROLES, type Status, STATUSES } from '../core/vocabulary.ts';
import { caseFields } from '../schema/case.ts';
import { party } from '../schema/parties.ts';
import { issueToErrors, schemaAt } from '../validate/zod-issues.ts';
import { SLUG_PATTERN, slugify, slugOf } from '../core/slug.ts';

/** Everything the scaffold asks for. Optional answers are left out of the file when empty. */
export interface ScaffoldAnswers {
  title: string;
  summary: string;
  kind: Kind;
  status: Status;
  organisation: string;
  body: string;
  decided?: string | undefined;
  reference?: string | undefined;
  decisionPoints: string[];
  parties: { name: string; role: Role }[];
  periodStart?: string | undefined;
  periodEnd?: string | undefined;
  /** The first paragraph of the body text ("Bakgrund"), in plain Swedish. */
  background?: string | undefined;
}

/** The fields asked one by one, in order, and checked with the schema piece of the same name. */
export type TextField = 'title' | 'summary' | 'organisation' | 'body' | 'reference';

/** The answer's problem in Swedish, or undefined when the answer is valid. */
export function checkText(field: TextField, value: string): string | undefined {
  return firstError(caseFields.shape[field], value);
}

/** Checks a partial date answer (`2019-12-18`, `2019-12`, `2019`). */
export function checkDate(value: string): string | undefined {
  return firstError(partialDate, value);
}

/** Checks one decision point. */
export function checkDecisionPoint(value: string): string | undefined {
  return firstError(caseFields.shape.decisionPoints.element, value);
}

/** Checks a party's name (the role comes from a fixed list). */
export function checkPartyName(value: string): string | undefined {
  return firstError(party.shape.name, value);
}

/** Checks a slug: allowed characters, and not used by any existing file (in any year). */
export function checkSlug(slug: string, existingFiles: readonly string[]): string | undefined {
  if (!SLUG_PATTERN.test(slug)) {
    return `sluggen "${slug}" får bara innehålla a–z, 0–9 och bindestreck mellan orden. Förväntat: till exempel ${slugify(slug) || 'mitt-arende'}`;
  }
  const clash = existingFiles.find((f) => slugOf(f) === slug);
  if (clash) return `sluggen "${slug}" används redan av ${clash}. Förväntat: en slug som inget annat ärende har, oavsett år, till exempel ${slug}-2`;
  return undefined;
}

function firstError(schema: z.ZodType, value: unknown): string | undefined {
  const result = schema.safeParse(value);
  if (result.success) return undefined;
  const issue = result.error.issues[0];
  if (!issue) return 'ogiltigt värde';
  const [e] = issueToErrors(issue, schema, '');
  if (!e) return 'ogiltigt värde';
  return `${e.message}. Förväntat: ${e.expected}`;
}

/** A numbered list of choices for a prompt: `1) agreement – Överenskommelse/avtal`. */
export function choiceList<T extends string>(values: readonly T[], labels: Record<T, string>): string {
  return values.map((v, i) => `  ${i + 1}) ${v} – ${labels[v]}`).join('\n');
}

/**
 * Reads a choice: its number in the list, the value itself, or the start of
 * its Swedish label ("ansökan", "beslutat"), case-insensitively.
 */
export function parseChoice<T extends string>(input: string, values: readonly T[], labels: Record<T, string>): T | undefined {
  const text = input.trim().toLowerCase();
  if (text === '') return undefined;
  if (/^\d+$/.test(text)) return values[Number(text) - 1];
  const exact = values.find((v) => v === text);
  if (exact) return exact;
  const byLabel = values.filter((v) => labels[v].toLowerCase().startsWith(text));
  return byLabel.length === 1 ? byLabel[0] : undefined;
}

/** The Swedish error for a choice that is not in the list. */
export function choiceError<T extends string>(input: string, values: readonly T[]): string {
  return `"${input.trim()}" finns inte bland valen. Förväntat: ett nummer 1–${values.length} eller ett av värdena ${values.join(', ')}`;
}

export const KIND_CHOICES = { values: KINDS, labels: KIND_LABEL } as const;
export const STATUS_CHOICES = { values: STATUSES, labels: STATUS_LABEL } as const;
export const ROLE_CHOICES = { values: ROLES, labels: ROLE_LABEL } as const;

/** The organisation's own role, as a default for the first party: the applicant for an application, otherwise the funder. */
export function defaultOrganisationRole(kind: Kind): Role {
  return kind === 'application' ? 'applicant' : 'funder';
}

/** The most frequent value (first seen wins a tie), as a default from the existing cases. */
export function mostCommon(values: readonly string[]): string | undefined {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  let best: string | undefined;
  let bestCount = 0;
  for (const [v, n] of counts) {
    if (n > bestCount) {
      best = v;
      bestCount = n;
    }
  }
  return best;
}

/**
 * Parses a party given as `Namn:roll` (flags for scripts). The role may be a
 * value or a Swedish label; the name is everything before the last colon.
 */
export function parsePartyFlag(text: string): { name: string; role: Role } | string {
  const at = text.lastIndexOf(':');
  if (at <= 0) return `parten "${text}" saknar roll. Förväntat: namn:roll, till exempel "AB Stångåstaden:recipient"`;
  const name = text.slice(0, at).trim();
  const roleText = text.slice(at + 1);
  const nameError = checkPartyName(name);
  if (nameError) return `parten "${text}": ${nameError}`;
  const role = parseChoice(roleText, ROLES, ROLE_LABEL);
  if (!role) return `parten "${text}": ${choiceError(roleText, ROLES)}`;
  return { name, role };
}

/** The year folder: the year of `decided`, else of the period's start, else the given current year. */
export function caseYear(answers: Pick<ScaffoldAnswers, 'decided' | 'periodStart'>, currentYear: number): string {
  const date = answers.decided || answers.periodStart;
  return date ? date.slice(0, 4) : String(currentYear);
}

/** The repository-relative file path of the new case file: `<dir>/<year>/<slug>.mdx` (its page's URL path is `casePath`). */
export function caseFilePath(dir: string, year: string, slug: string): string {
  return `${dir.replace(/\/+$/, '')}/${year}/${slug}.mdx`;
}

/** Optional fields written as comments, in the order of the format. */
const OPTIONAL_FIELDS = ['reference', 'period', 'funding', 'followUps', 'outcomes', 'targetGroup', 'places', 'topics', 'documents', 'signedBy'] as const;

/** The explanation above the commented-out optional fields. */
export const OPTIONAL_HEADER = [
  '## Valfria fält. Ta bort "# " först på raderna för ett fält som dokumentet anger,',
  '## och skriv in uppgifterna exakt som i källan: exemplen nedan är påhittade.',
  '## Låt fältet vara kvar som kommentar när källan inte säger något. Rader som',
  '## börjar med ## är förklaringar. Mer om varje fält: content/README.md.',
].join('\n');

/** One YAML value on one line (quoted only when YAML needs it). */
function scalar(value: string): string {
  return stringify(value, { lineWidth: 0 }).trimEnd();
}

/** A partial date, always quoted, as in the seed cases. */
function date(value: string): string {
  return `"${value}"`;
}

/** A commented-out example of an optional field: its description, then its example as YAML. */
function commentedField(key: (typeof OPTIONAL_FIELDS)[number]): string {
  const at = schemaAt(caseFields, [key]);
  const example = at?.help.examples?.[0];
  const description = at?.help.description ?? '';
  const yaml = stringify({ [key]: example }, { lineWidth: 0 }).trimEnd();
  return [`## ${key}: ${description}`, ...yaml.split('\n').map((line) => `# ${line}`)].join('\n');
}

/** The full text of the new case file. */
export function buildCaseFile(answers: ScaffoldAnswers): string {
  const lines: string[] = ['---'];
  lines.push(`title: ${scalar(answers.title)}`);
  lines.push(`summary: ${scalar(answers.summary)}`);
  lines.push(`kind: ${answers.kind}`);
  lines.push(`status: ${answers.status}`);
  lines.push(`organisation: ${scalar(answers.organisation)}`);
  lines.push(`body: ${scalar(answers.body)}`);
  if (answers.decided) lines.push(`decided: ${date(answers.decided)}`);
  if (answers.reference) lines.push(`reference: ${scalar(answers.reference)}`);
  lines.push('decisionPoints:');
  for (const p of answers.decisionPoints) lines.push(`  - ${scalar(p)}`);
  lines.push('parties:');
  for (const p of answers.parties) {
    lines.push(`  - name: ${scalar(p.name)}`);
    lines.push(`    role: ${p.role}`);
  }
  if (answers.periodStart) {
    lines.push('period:');
    lines.push(`  start: ${date(answers.periodStart)}`);
    if (answers.periodEnd) lines.push(`  end: ${date(answers.periodEnd)}`);
  }
  const optional = OPTIONAL_FIELDS.filter((k) => !(k === 'reference' && answers.reference) && !(k === 'period' && answers.periodStart));
  lines.push('');
  lines.push(OPTIONAL_HEADER);
  for (const key of optional) {
    lines.push('');
    lines.push(commentedField(key));
  }
  lines.push('---');
  lines.push('');
  lines.push('## Bakgrund');
  lines.push('');
  lines.push(answers.background?.trim() || 'Skriv här med egna ord vad ärendet handlar om: bakgrunden, vad som beslutas och varför. Använd vanlig svenska och hitta inte på något som inte står i källan.');
  lines.push('');
  return `${lines.join('\n')}\n`;
}
