/**
 * How right the drafter is (issue 28): each decision document in a folder (by
 * default the seed documents in `../shared/seeds/`) is read and drafted as
 * staff would (src/lib/draft/), then compared field by field with the case
 * file written from it by hand:
 *
 * - precision: of the values proposed, how many are right;
 * - recall: of the values the case file states (in the fields the drafter
 *   proposes), how many were proposed.
 *
 * A value is one comparable fact: a scalar field, one list item (a decision
 * point, a party's name and role, a document, a signer, a follow-up's date, an
 * outcome's figure), a funding entry's sum, basis, payer and receiver, each
 * sum of its breakdown, a period's start and end. Texts are compared without
 * case, markup, leading `att` or trailing punctuation. The person's own words
 * (summary, places, topics, the target group's description, notes, labels) are
 * not measured: the drafter never writes them.
 *
 * Each document is paired with the case file it was written into by the words
 * they share (title and decision points against the document's text), so a
 * folder of documents and a folder of cases need no list of which is which.
 *
 * The cases are by default the frozen copy of the five seed cases
 * (test/fixtures/seed/cases), written from the seed documents by hand.
 * `npx node test/bench/draft-accuracy.ts [--seeds DIR] [--cases DIR] [--verbose]`
 * prints the table; `npm run bench` (and `--only draft`) runs it too.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import yaml from 'js-yaml';
import { listCaseFiles } from '../../src/lib/content/collection.ts';
import { splitFrontmatter } from '../../src/lib/content/parse-case.ts';
import { CASE_FIELDS, type CaseField, draftCase, valuesOf } from '../../src/lib/draft/draft.ts';
import type { Proposal } from '../../src/lib/draft/proposal.ts';
import { readDocument } from '../../src/lib/draft/read.ts';

type Values = Record<string, unknown>;

export interface Tally {
  proposed: number;
  correct: number;
  stated: number;
  found: number;
}

export interface FieldScore extends Tally {
  field: string;
}

const zero = (): Tally => ({ proposed: 0, correct: 0, stated: 0, found: 0 });

/** Text as compared: lower case, no markup, no leading `att`/numbering, no trailing punctuation, single spaces. */
export function comparable(value: unknown): string {
  return String(value ?? '')
    .normalize('NFC')
    .toLowerCase()
    .replace(/[*_`"”“]/gu, '')
    .replace(/^\s*(?:\d+[.)]\s*|att\s+)/u, '')
    .replace(/[\s\u00a0]+/gu, ' ')
    .replace(/[\s.,;:]+$/u, '')
    .trim();
}

const list = (v: unknown): Values[] => (Array.isArray(v) ? (v as Values[]) : []);
const present = (v: unknown) => v !== undefined && v !== null && v !== '';

/** Scores one scalar value. */
function scalar(t: Tally, proposed: unknown, expected: unknown): void {
  if (present(proposed)) t.proposed++;
  if (present(expected)) t.stated++;
  if (present(proposed) && present(expected) && comparable(proposed) === comparable(expected)) {
    t.correct++;
    t.found++;
  }
}

/**
 * Scores list items: each proposed item is right when it matches an expected item not
 * matched before (`same`), and then counts as found.
 */
function items(
  t: Tally,
  proposed: Values[] | unknown[],
  expected: Values[] | unknown[],
  same: (p: never, e: never) => boolean,
): void {
  t.proposed += proposed.length;
  t.stated += expected.length;
  const used = new Set<number>();
  for (const p of proposed) {
    const i = expected.findIndex((e, j) => !used.has(j) && same(p as never, e as never));
    if (i < 0) continue;
    used.add(i);
    t.correct++;
    t.found++;
  }
}

/** The person's own words, which the drafter never writes. */
const OWN_WORDS = ['summary', 'places', 'topics'] as const;
type Measured = Exclude<CaseField, (typeof OWN_WORDS)[number]>;

/** The fields measured, in the case format's order. */
export const MEASURED = CASE_FIELDS.filter((f): f is Measured => !(OWN_WORDS as readonly string[]).includes(f));

/** Compares the drafted values with the case file's, field by field. */
export function scoreDraft(drafted: Values, expected: Values): FieldScore[] {
  const scores = new Map<string, Tally>(MEASURED.map((f) => [f, zero()]));
  const t = (f: Measured) => scores.get(f)!;
  for (const f of ['title', 'kind', 'status', 'organisation', 'body', 'decided', 'reference'] as const) {
    scalar(t(f), drafted[f], expected[f]);
  }
  items(
    t('decisionPoints'),
    list(drafted['decisionPoints']),
    list(expected['decisionPoints']),
    (p, e) => comparable(p) === comparable(e),
  );
  // A party is right when its name is, and its role and organisationsnummer where proposed.
  items(
    t('parties'),
    list(drafted['parties']),
    list(expected['parties']),
    (p: Values, e: Values) =>
      comparable(p['name']) === comparable(e['name']) &&
      (!present(p['role']) || p['role'] === e['role']) &&
      (!present(p['orgNumber']) || p['orgNumber'] === e['orgNumber']),
  );
  const dp = (drafted['period'] ?? {}) as Values;
  const ep = (expected['period'] ?? {}) as Values;
  scalar(t('period'), dp['start'], ep['start']);
  scalar(t('period'), dp['end'], ep['end']);
  // Funding entries pair by sum (or by payer where neither states one); then each fact counts.
  const expectedFunding = list(expected['funding']);
  const usedFunding = new Set<number>();
  for (const p of list(drafted['funding'])) {
    const i = expectedFunding.findIndex(
      (e, j) =>
        !usedFunding.has(j) &&
        (present(p['amount']) ? p['amount'] === e['amount'] : comparable(p['from']) === comparable(e['from'])),
    );
    const e = i >= 0 ? expectedFunding[i]! : {};
    if (i >= 0) usedFunding.add(i);
    for (const key of ['amount', 'basis', 'from', 'to'] as const)
      scalar(t('funding'), p[key], i >= 0 ? e[key] : undefined);
    items(t('funding'), list(p['items']), list(e['items']), (a: Values, b: Values) => a['amount'] === b['amount']);
    const pp = (p['period'] ?? {}) as Values;
    const epp = (e['period'] ?? {}) as Values;
    scalar(t('funding'), pp['start'], epp['start']);
    scalar(t('funding'), pp['end'], epp['end']);
  }
  expectedFunding.forEach((e, j) => {
    if (usedFunding.has(j)) return;
    const f = t('funding');
    for (const key of ['amount', 'basis', 'from', 'to'] as const) if (present(e[key])) f.stated++;
    f.stated += list(e['items']).length;
    const epp = (e['period'] ?? {}) as Values;
    for (const key of ['start', 'end'] as const) if (present(epp[key])) f.stated++;
  });
  items(
    t('followUps'),
    list(drafted['followUps']),
    list(expected['followUps']),
    (p: Values, e: Values) => p['due'] === e['due'],
  );
  items(
    t('outcomes'),
    list(drafted['outcomes']),
    list(expected['outcomes']),
    (p: Values, e: Values) =>
      (present(p['target']) ? p['target'] === e['target'] : p['actual'] === e['actual']) &&
      (!present(p['asOf']) || p['asOf'] === e['asOf']),
  );
  const dt = (drafted['targetGroup'] ?? {}) as Values;
  const et = (expected['targetGroup'] ?? {}) as Values;
  scalar(t('targetGroup'), dt['ageFrom'], et['ageFrom']);
  scalar(t('targetGroup'), dt['ageTo'], et['ageTo']);
  items(
    t('documents'),
    list(drafted['documents']),
    list(expected['documents']),
    (p: Values, e: Values) => comparable(p['title']) === comparable(e['title']),
  );
  items(
    t('signedBy'),
    list(drafted['signedBy']),
    list(expected['signedBy']),
    (p: Values, e: Values) =>
      comparable(p['name']) === comparable(e['name']) &&
      (!present(p['unit']) || comparable(p['unit']) === comparable(e['unit'])),
  );
  return [...scores.entries()].map(([field, tally]) => ({ field, ...tally }));
}

/** Sums tallies field by field. */
export function addScores(a: readonly FieldScore[], b: readonly FieldScore[]): FieldScore[] {
  return a.map((x) => {
    const y = b.find((s) => s.field === x.field);
    return y
      ? {
          field: x.field,
          proposed: x.proposed + y.proposed,
          correct: x.correct + y.correct,
          stated: x.stated + y.stated,
          found: x.found + y.found,
        }
      : x;
  });
}

export const total = (scores: readonly FieldScore[]): Tally =>
  scores.reduce(
    (t, s) => ({
      proposed: t.proposed + s.proposed,
      correct: t.correct + s.correct,
      stated: t.stated + s.stated,
      found: t.found + s.found,
    }),
    zero(),
  );

/** Precision and recall as fractions (1 when nothing was proposed or stated). */
export const precision = (t: Tally) => (t.proposed === 0 ? 1 : t.correct / t.proposed);
export const recall = (t: Tally) => (t.stated === 0 ? 1 : t.found / t.stated);

const wordsOf = (text: string) => new Set(comparable(text).match(/[\p{L}\d]{3,}/gu) ?? []);

/** How much of a case's title and decision points appear in a document's text (0–1). */
export function overlap(documentText: string, expected: Values): number {
  const doc = wordsOf(documentText);
  const caseWords = wordsOf([expected['title'], ...list(expected['decisionPoints'])].map(String).join(' '));
  if (caseWords.size === 0) return 0;
  let shared = 0;
  for (const w of caseWords) if (doc.has(w)) shared++;
  return shared / caseWords.size;
}

export interface DocumentScore {
  document: string;
  caseFile: string;
  scores: FieldScore[];
  proposals: Proposal[];
}

export type AccuracyResult =
  | { seedsDir: string; documents: DocumentScore[]; unmatched: string[]; fields: FieldScore[]; total: Tally }
  | { seedsDir: string; skipped: string };

/** The default folder of decision documents: `../shared/seeds/` beside the checkout. */
export const defaultSeedsDir = (root: string) => resolve(root, '..', 'shared', 'seeds');

/** Drafts every document in `seedsDir` and scores it against its case file in `casesDir`. */
export async function measureDraftAccuracy(seedsDir: string, casesDir: string): Promise<AccuracyResult> {
  if (!existsSync(seedsDir))
    return { seedsDir, skipped: `mappen ${seedsDir} finns inte (den följer inte med projektet)` };
  const names = readdirSync(seedsDir)
    .filter((n) => !n.startsWith('.') && /\.(?:txt|pdf|docx)$/iu.test(n))
    .sort();
  if (names.length === 0) return { seedsDir, skipped: `inga dokument (.txt, .pdf, .docx) i ${seedsDir}` };
  const cases = listCaseFiles(casesDir, '.').map((file) => {
    const split = splitFrontmatter(readFileSync(join(casesDir, file), 'utf8'));
    return { file, values: (split ? yaml.load(split.yaml, { schema: yaml.CORE_SCHEMA }) : {}) as Values };
  });
  const drafts = await Promise.all(
    names.map(async (name) => {
      const document = await readDocument(new Uint8Array(readFileSync(join(seedsDir, name))), name);
      return { name, text: document.pages.join('\n'), draft: draftCase(document) };
    }),
  );
  // Pair greedily, the best-matching pair first; a pair sharing under half the case's words is no pair.
  const pairs = drafts
    .flatMap((d, i) => cases.map((c, j) => ({ i, j, score: overlap(d.text, c.values) })))
    .sort((a, b) => b.score - a.score);
  const usedDocs = new Set<number>();
  const usedCases = new Set<number>();
  const documents: DocumentScore[] = [];
  for (const { i, j, score } of pairs) {
    if (score < 0.5 || usedDocs.has(i) || usedCases.has(j)) continue;
    usedDocs.add(i);
    usedCases.add(j);
    const d = drafts[i]!;
    documents.push({
      document: d.name,
      caseFile: cases[j]!.file,
      scores: scoreDraft(valuesOf(d.draft.proposals), cases[j]!.values),
      proposals: d.draft.proposals,
    });
  }
  documents.sort((a, b) => a.document.localeCompare(b.document));
  const fields = documents.map((d) => d.scores).reduce(addScores);
  return {
    seedsDir,
    documents,
    unmatched: drafts.filter((_, i) => !usedDocs.has(i)).map((d) => d.name),
    fields,
    total: total(fields),
  };
}

const percent = (x: number) => `${(x * 100).toFixed(1).replace('.', ',')} %`;

/** The result as lines of text, per field and in total. */
export function formatAccuracy(result: AccuracyResult): string[] {
  if ('skipped' in result) return [`Utkast ur dokument: hoppades över, ${result.skipped}.`];
  const lines = [
    `Utkast ur dokument: ${result.documents.length} dokument i ${result.seedsDir}`,
    ...result.documents.map((d) => `  ${d.document} → ${d.caseFile}`),
    ...(result.unmatched.length ? [`  utan ärendefil: ${result.unmatched.join(', ')}`] : []),
    '',
    `${'fält'.padEnd(16)} ${'föreslagna'.padStart(10)} ${'rätt'.padStart(5)} ${'precision'.padStart(9)} ${'angivna'.padStart(7)} ${'funna'.padStart(5)} ${'recall'.padStart(8)}`,
  ];
  for (const s of [...result.fields, { field: 'totalt', ...result.total }]) {
    lines.push(
      `${s.field.padEnd(16)} ${String(s.proposed).padStart(10)} ${String(s.correct).padStart(5)} ${(s.proposed ? percent(precision(s)) : '–').padStart(9)} ${String(s.stated).padStart(7)} ${String(s.found).padStart(5)} ${(s.stated ? percent(recall(s)) : '–').padStart(8)}`,
    );
  }
  return lines;
}

if (process.argv[1] && basename(process.argv[1]) === 'draft-accuracy.ts') {
  const root = resolve(import.meta.dirname, '../..');
  const { values } = parseArgs({
    options: { seeds: { type: 'string' }, cases: { type: 'string' }, verbose: { type: 'boolean' } },
  });
  const result = await measureDraftAccuracy(
    values.seeds ? resolve(values.seeds) : defaultSeedsDir(root),
    resolve(values.cases ?? join(root, 'test/fixtures/seed/cases')),
  );
  for (const line of formatAccuracy(result)) console.log(line);
  if (values.verbose && !('skipped' in result)) {
    for (const d of result.documents) {
      console.log(`\n${d.document}`);
      for (const s of d.scores)
        if (s.proposed !== s.correct || s.stated !== s.found)
          console.log(`  ${s.field}: ${s.correct}/${s.proposed} rätt, ${s.found}/${s.stated} funna`);
    }
  }
}
