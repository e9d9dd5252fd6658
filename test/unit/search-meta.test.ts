/**
 * What the search knows of a case besides its words: filter values in
 * Swedish, the amount it sorts by (a missing amount is never 0), and the
 * lines a hit shows.
 */
import { describe, expect, it } from 'vitest';
import { caseSchema, type CaseData } from '../../src/lib/schema/case.ts';
import { OVERDUE_FILTER_VALUE } from '../../src/lib/search/fields.ts';
import { caseSearchMeta, sortAmount } from '../../src/lib/search/meta.ts';

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

describe('sort amount and hit lines', () => {
  it('sorts by the largest stated amount, never summing bases; no amount is undefined, not 0', () => {
    expect(sortAmount(makeCase())).toBe(2400000);
    expect(caseSearchMeta(makeCase(), BUILD_DAY).amount).toBe(2400000);
    expect(sortAmount(makeCase({ funding: [{ from: 'Linköpings kommun', basis: 'total' }] }))).toBeUndefined();
    expect(sortAmount(makeCase({ funding: undefined }))).toBeUndefined();
  });

  it('shows the date with what it means, the amounts as on the site, and the period', () => {
    const meta = caseSearchMeta(makeCase({ period: { start: '2020-01', end: '2021-12' } }), BUILD_DAY);
    expect(meta.dateLine).toBe('Beslutsdatum: 18 december 2019');
    expect(meta.amountLine).toBe('2\u00a0400\u00a0000\u00a0kr, 1\u00a0100\u00a0000\u00a0kr per år');
    expect(meta.periodLine).toBe('januari 2020 – december 2021');
    const proposed = caseSearchMeta(
      makeCase({ status: 'proposed', decided: '2019-12', funding: undefined }),
      BUILD_DAY,
    );
    expect(proposed.dateLine).toBe('Förslaget daterat: december 2019');
    expect(proposed.amountLine).toBe('belopp ej angivet');
    expect(proposed.periodLine).toBe('');
    expect(caseSearchMeta(makeCase({ decided: undefined }), BUILD_DAY).dateLine).toBe('Datum ej angivet i källan');
  });
});
