/**
 * The search metadata a case page gives Pagefind: filter values in Swedish,
 * sort values that keep cases without a date or amount last in both
 * directions (and never treat a missing amount as 0), and result meta.
 */
import { describe, expect, it } from 'vitest';
import { caseSchema, type CaseData } from '../../src/lib/schema/case.ts';
import { OVERDUE_FILTER_VALUE, SORT_KEYS } from '../../src/lib/search/fields.ts';
import { caseSearchMeta, paddedAmount, sortAmount, sortValues } from '../../src/lib/search/meta.ts';

const BUILD_DAY = new Date('2026-11-23T12:00:00Z');

function makeCase(over: Record<string, unknown> = {}): CaseData {
  return caseSchema.parse({
    title: 'Arbetsträning hos bolaget',
    summary: 'Kommunen finansierar arbetsträning hos ett kommunalt bolag.',
    kind: 'agreement',
    status: 'decided',
    organisation: 'Linköpings kommun',
    body: 'Arbetsmarknadsnämnden',
    decided: '2019-12-18',
    decisionPoints: ['Nämnden ingår överenskommelsen.'],
    parties: [
      { name: 'AB Stångåstaden', role: 'recipient' },
      { name: 'Linköpings kommun', role: 'funder' },
    ],
    funding: [
      { from: 'Linköpings kommun', amount: 2400000, basis: 'total' },
      { from: 'Linköpings kommun', amount: 1100000, basis: 'per-year' },
    ],
    followUps: [
      { due: '2020-09', what: 'Rapport år 1' },
      { due: '2021-02', what: 'Slutrapport', done: '2021-03' },
    ],
    places: ['Ryd', 'Skäggetorp', 'Ryd'],
    topics: ['försörjningsstöd'],
    ...over,
  });
}

describe('filter values', () => {
  it('tags organisation, body, kind and status with their Swedish labels, the year, every party, topics and places', () => {
    const { filters } = caseSearchMeta(makeCase(), BUILD_DAY);
    expect(filters).toEqual({
      organisation: ['Linköpings kommun'],
      organ: ['Arbetsmarknadsnämnden'],
      typ: ['Överenskommelse/avtal'],
      status: ['Beslutat'],
      ar: ['2019'],
      part: ['AB Stångåstaden', 'Linköpings kommun'],
      amne: ['försörjningsstöd'],
      plats: ['Ryd', 'Skäggetorp'],
      uppfoljning: [OVERDUE_FILTER_VALUE],
    });
  });

  it('marks an overdue report relative to the build day only', () => {
    const c = makeCase({ followUps: [{ due: '2027-02', what: 'Rapport' }] });
    expect(caseSearchMeta(c, BUILD_DAY).filters.uppfoljning).toBeUndefined();
    expect(caseSearchMeta(c, new Date('2027-03-01T12:00:00Z')).filters.uppfoljning).toEqual([OVERDUE_FILTER_VALUE]);
    const reported = makeCase({ followUps: [{ due: '2020-09', what: 'Rapport', done: '2020-10' }] });
    expect(caseSearchMeta(reported, BUILD_DAY).filters.uppfoljning).toBeUndefined();
  });

  it('leaves out keys without values (no year without a decision date, no topics, no places)', () => {
    const { decided: _d, topics: _t, places: _p, followUps: _f, ...rest } = makeCase();
    const { filters } = caseSearchMeta(caseSchema.parse(rest), BUILD_DAY);
    expect(Object.keys(filters).sort()).toEqual(['organ', 'organisation', 'part', 'status', 'typ']);
  });
});

describe('sort values', () => {
  it('pads amounts so text order is numeric order, and refuses non-amounts', () => {
    expect(paddedAmount(2400000)).toBe('0000000002400000');
    expect(paddedAmount(980500) < paddedAmount(1100000)).toBe(true);
    expect(paddedAmount(Number.MAX_SAFE_INTEGER)).toHaveLength(16);
    expect(() => paddedAmount(1.5)).toThrow('belopp måste vara ett heltal ≥ 0, fick 1.5');
    expect(() => paddedAmount(-1)).toThrow('fick -1');
  });

  it('sorts by the largest stated amount, never summing bases; no amount is undefined, not 0', () => {
    expect(sortAmount(makeCase())).toBe(2400000);
    expect(sortAmount(makeCase({ funding: [{ from: 'Linköpings kommun', basis: 'total' }] }))).toBeUndefined();
    expect(sortAmount(makeCase({ funding: undefined }))).toBeUndefined();
  });

  it('puts missing values last in both directions and never parses as a number', () => {
    const values = [sortValues('0000000000000001'), sortValues('0000000002400000'), sortValues(undefined)];
    const desc = [...values].sort((a, b) => (a.desc < b.desc ? 1 : -1)).map((v) => v.desc);
    const asc = [...values].sort((a, b) => (a.asc < b.asc ? -1 : 1)).map((v) => v.asc);
    expect(desc).toEqual(['b:0000000002400000', 'b:0000000000000001', 'a']);
    expect(asc).toEqual(['a:0000000000000001', 'a:0000000002400000', 'b']);
    for (const v of values) {
      expect(Number.isNaN(Number(v.desc))).toBe(true);
      expect(Number.isNaN(Number(v.asc))).toBe(true);
    }
  });

  it('gives every case every sort key, by date (decided, else period start) and amount', () => {
    const { sort } = caseSearchMeta(makeCase(), BUILD_DAY);
    expect(sort).toEqual({
      [SORT_KEYS.dateDesc]: 'b:2019-12-18:2',
      [SORT_KEYS.dateAsc]: 'a:2019-12-18:2',
      [SORT_KEYS.amountDesc]: 'b:0000000002400000',
      [SORT_KEYS.amountAsc]: 'a:0000000002400000',
    });
    const undated = caseSearchMeta(makeCase({ decided: undefined, funding: undefined }), BUILD_DAY).sort;
    expect(undated).toEqual({
      [SORT_KEYS.dateDesc]: 'a',
      [SORT_KEYS.dateAsc]: 'b',
      [SORT_KEYS.amountDesc]: 'a',
      [SORT_KEYS.amountAsc]: 'b',
    });
    const byPeriod = caseSearchMeta(makeCase({ decided: undefined, period: { start: '2020-01-01' } }), BUILD_DAY).sort;
    expect(byPeriod[SORT_KEYS.dateDesc]).toBe('b:2020-01-01:2');
  });
});

describe('result meta', () => {
  it('shows organisation, the date with what it means, and the amounts as on the site', () => {
    expect(caseSearchMeta(makeCase(), BUILD_DAY).meta).toEqual({
      organisation: 'Linköpings kommun',
      datum: 'Beslutsdatum: 18 december 2019',
      belopp: '2\u00a0400\u00a0000\u00a0kr, 1\u00a0100\u00a0000\u00a0kr per år',
    });
    const proposed = caseSearchMeta(
      makeCase({ status: 'proposed', decided: '2019-12', funding: undefined }),
      BUILD_DAY,
    ).meta;
    expect(proposed.datum).toBe('Förslaget daterat: december 2019');
    expect(proposed.belopp).toBe('belopp ej angivet');
    expect(caseSearchMeta(makeCase({ decided: undefined }), BUILD_DAY).meta.datum).toBe('Datum ej angivet i källan');
  });
});
