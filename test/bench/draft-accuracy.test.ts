/**
 * The drafter's accuracy measure (test/bench/draft-accuracy.ts) and its rows in
 * the bench's table: what counts as proposed, right, stated and found, how a
 * folder of documents pairs with a folder of cases, and the skip without one.
 */
import { cpSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { comparable, measureDraftAccuracy, precision, recall, scoreDraft, total } from './draft-accuracy.ts';
import { draftRows } from './report.ts';
import { ROOT, SEED_CASES } from '../helpers/site.ts';

const linkstep = {
  title: 'Stångåstaden ett steg till sysselsättning (Linkstep)',
  kind: 'agreement',
  body: 'Arbetsmarknadsnämnden',
  decided: '2019-12-16',
  decisionPoints: ['Arbetsmarknadsnämnden ingår en överenskommelse med AB Stångåstaden.'],
  parties: [
    { name: 'Linköpings kommun', role: 'funder' },
    { name: 'AB Stångåstaden', role: 'recipient', orgNumber: '556008-7871' },
  ],
  funding: [{ from: 'Linköpings kommun', to: 'AB Stångåstaden', amount: 2_400_000, basis: 'total' }],
};

const field = (scores: ReturnType<typeof scoreDraft>, name: string) => scores.find((s) => s.field === name)!;

describe('scoreDraft', () => {
  it('counts every fact of an identical draft as proposed, right, stated and found', () => {
    const t = total(scoreDraft(linkstep, linkstep));
    expect(t.proposed).toBe(t.stated);
    expect(t.correct).toBe(t.proposed);
    expect(t.found).toBe(t.stated);
    // title, kind, body, decided, 1 point, 2 parties, 4 funding facts
    expect(t.stated).toBe(11);
  });

  it('a wrong value costs precision and recall; a missing one only recall', () => {
    const drafted = { ...linkstep, body: 'Kommunstyrelsen', decided: undefined };
    const scores = scoreDraft(drafted, linkstep);
    expect(field(scores, 'body')).toMatchObject({ proposed: 1, correct: 0, stated: 1, found: 0 });
    expect(field(scores, 'decided')).toMatchObject({ proposed: 0, correct: 0, stated: 1, found: 0 });
    const t = total(scores);
    expect(precision(t)).toBeCloseTo(9 / 10);
    expect(recall(t)).toBeCloseTo(9 / 11);
  });

  it('a party is right by name and, where proposed, role and organisationsnummer', () => {
    const wrongRole = { parties: [{ name: 'Linköpings kommun', role: 'recipient' }] };
    expect(field(scoreDraft(wrongRole, linkstep), 'parties')).toMatchObject({ proposed: 1, correct: 0 });
    const noNumber = { parties: [{ name: 'AB Stångåstaden', role: 'recipient' }] };
    expect(field(scoreDraft(noNumber, linkstep), 'parties')).toMatchObject({ proposed: 1, correct: 1, stated: 2 });
  });

  it('compares texts without case, markup, a leading att or numbering, or trailing punctuation', () => {
    expect(comparable('att **bevilja** stöd.')).toBe('bevilja stöd');
    expect(comparable('1. Arbetsmarknadsnämnden  noterar')).toBe('arbetsmarknadsnämnden noterar');
  });
});

describe('measureDraftAccuracy', () => {
  const dir = mkdtempSync(join(tmpdir(), 'insyn-accuracy-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('pairs each document with the case written from it, and measures the draft against it', async () => {
    mkdirSync(join(dir, 'dokument'));
    cpSync(join(ROOT, 'test/fixtures/documents/linkstep-forslag-till-beslut.txt'), join(dir, 'dokument', 'beslut.txt'));
    const result = await measureDraftAccuracy(join(dir, 'dokument'), join(ROOT, SEED_CASES));
    if ('skipped' in result) throw new Error(result.skipped);
    expect(result.documents.map((d) => [d.document, d.caseFile])).toEqual([
      ['beslut.txt', '2019/linkstep-stangastaden-2020.mdx'],
    ]);
    expect(result.unmatched).toEqual([]);
    expect(result.total.proposed).toBeGreaterThan(10);
    expect(precision(result.total)).toBeGreaterThanOrEqual(0.95);
  });

  it('is skipped with a note when the folder of documents is missing', async () => {
    const result = await measureDraftAccuracy(join(dir, 'finns-inte'), join(ROOT, SEED_CASES));
    expect(result).toMatchObject({ skipped: expect.stringContaining('finns-inte') });
  });
});

describe('draftRows', () => {
  const documents = [{ document: 'a.txt', caseFile: 'a.mdx', scores: [], proposals: [] }];
  it('gives precision and recall against the targets, and by how much one is missed', () => {
    const rows = draftRows(
      {
        seedsDir: 's',
        documents,
        unmatched: [],
        fields: [],
        total: { proposed: 20, correct: 19, stated: 40, found: 19 },
      },
      2,
    );
    expect(rows).toEqual([
      '| draft from 1 decision documents: precision (proposed values that are right) | 95.0 % (19 of 20) ✓ ≥ 95.0 % | |',
      '| draft from 1 decision documents: recall (stated values that were found) | 47.5 % (19 of 40) ✗ ≥ 70.0 %, missed by 22.5 % | |',
    ]);
  });

  it('says when it was skipped', () => {
    expect(draftRows({ seedsDir: 's', skipped: 'mappen ../shared/seeds finns inte' }, 1)[0]).toBe(
      '| draft from a decision document: precision (proposed values that are right) | skipped: mappen ../shared/seeds finns inte |',
    );
  });
});
